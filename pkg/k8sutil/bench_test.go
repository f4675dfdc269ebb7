package k8sutil_test

import (
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/controller-runtime/pkg/event"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
	"github.com/hcpkit/hcpkit/pkg/k8sutil"
)

func BenchmarkParseNodeSelector(b *testing.B) {
	const in = "node-role.kubernetes.io/infra=true, kubernetes.io/os=linux,topology.kubernetes.io/zone=us-east-1a"
	for b.Loop() {
		_ = k8sutil.ParseNodeSelector(in)
	}
}

func BenchmarkStringListContains(b *testing.B) {
	const list = "kube-apiserver, kube-controller-manager, kube-scheduler, etcd, openshift-apiserver"
	for b.Loop() {
		_ = k8sutil.StringListContains(list, "openshift-apiserver")
	}
}

func BenchmarkParseNamespacedName(b *testing.B) {
	for b.Loop() {
		_ = k8sutil.ParseNamespacedName("clusters/example")
	}
}

func BenchmarkScopePredicateHostedCluster(b *testing.B) {
	p := k8sutil.HostedClusterScopePredicate(nil, k8sutil.Scope{Enabled: true, Name: "team-a"})
	hc := &hyperv1.HostedCluster{ObjectMeta: metav1.ObjectMeta{Annotations: map[string]string{k8sutil.HostedClustersScopeAnnotation: "team-a"}}}
	e := event.UpdateEvent{ObjectOld: hc, ObjectNew: hc}
	for b.Loop() {
		_ = p.Update(e)
	}
}

func BenchmarkSerializeResource(b *testing.B) {
	cm := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "example", Namespace: "clusters"}, Data: map[string]string{"a": "1", "b": "2"}}
	for b.Loop() {
		if _, err := k8sutil.SerializeResource(cm, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// splitNodeSelector parses the way v0.1.40 did (split the whole string, then
// split each item, no trimming), for comparison only.
func splitNodeSelector(s string) map[string]string {
	if s == "" {
		return nil
	}
	out := map[string]string{}
	for _, item := range strings.Split(s, ",") {
		kv := strings.SplitN(item, "=", 2)
		if len(kv) == 2 && kv[0] != "" && kv[1] != "" {
			out[kv[0]] = kv[1]
		}
	}
	return out
}

func BenchmarkParseNodeSelectorSplitting(b *testing.B) {
	const in = "node-role.kubernetes.io/infra=true, kubernetes.io/os=linux,topology.kubernetes.io/zone=us-east-1a"
	for b.Loop() {
		_ = splitNodeSelector(in)
	}
}

// splitListContains looks an item up the way v0.1.40 did (split, trim
// spaces only), for comparison only.
func splitListContains(list, s string) bool {
	for _, item := range strings.Split(list, ",") {
		if strings.Trim(item, " ") == s {
			return true
		}
	}
	return false
}

func BenchmarkStringListContainsSplitting(b *testing.B) {
	const list = "kube-apiserver, kube-controller-manager, kube-scheduler, etcd, openshift-apiserver"
	for b.Loop() {
		_ = splitListContains(list, "openshift-apiserver")
	}
}
