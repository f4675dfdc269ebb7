package util_test

import (
	"context"
	"maps"
	"testing"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/kubernetes"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/event"
	"sigs.k8s.io/controller-runtime/pkg/predicate"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
	util "github.com/hcpkit/hcpkit/pkg/compat/util"
	"github.com/hcpkit/hcpkit/pkg/events"
)

// Compile-time checks that the facade keeps the v0.1.40 signatures
// (support/util and support/events).
var (
	_ func(string) types.NamespacedName                                                    = util.ParseNamespacedName
	_ func(*corev1.ConfigMap, *corev1.ConfigMap)                                           = util.CopyConfigMap
	_ func(context.Context, client.Client, client.Object) (bool, error)                    = util.DeleteIfNeeded
	_ func(client.Object, *metav1.OwnerReference)                                          = util.EnsureOwnerRef
	_ func(runtime.Object, runtime.ObjectTyper) (string, error)                            = util.SerializeResource
	_ func(string, runtime.Object, runtime.ObjectTyper) error                              = util.DeserializeResource
	_ func(context.Context, *corev1.ServiceAccount, *kubernetes.Clientset) (string, error) = util.CreateTokenForServiceAccount
	_ func(context.Context) (string, error)                                                = util.GetMgmtClusterCPUArch
	_ func(string, string) error                                                           = util.DoesMgmtClusterAndNodePoolCPUArchMatch
	_ func(client.Reader) predicate.Predicate                                              = util.PredicatesForHostedClusterAnnotationScoping
	_ func(string) map[string]string                                                       = util.ParseNodeSelector
	_ func(string, string) bool                                                            = util.StringListContains
	_ func(*corev1.Service, events.MessageCollector) (string, error)                       = util.CollectLBMessageIfNotProvisioned
	_ func(*corev1.Service, *hyperv1.HostedControlPlane)                                   = util.ApplyAWSLoadBalancerSubnetsAnnotation
)

// The constants keep their v0.1.40 values.
func TestK8sutilConstants(t *testing.T) {
	for got, want := range map[string]string{
		util.DebugDeploymentsAnnotation:               "hypershift.openshift.io/debug-deployments",
		util.EnableHostedClustersAnnotationScopingEnv: "ENABLE_HOSTEDCLUSTERS_ANNOTATION_SCOPING",
		util.HostedClustersScopeAnnotationEnv:         "HOSTEDCLUSTERS_SCOPE_ANNOTATION",
		util.HostedClustersScopeAnnotation:            "hypershift.openshift.io/scope",
		util.HostedClusterAnnotation:                  "hypershift.openshift.io/cluster",
	} {
		if got != want {
			t.Errorf("constant = %q, want %q", got, want)
		}
	}
}

func TestK8sutilFacadeBehaviour(t *testing.T) {
	if got := util.ParseNamespacedName(" clusters / example "); got != (types.NamespacedName{Namespace: "clusters", Name: "example"}) {
		t.Errorf("ParseNamespacedName = %#v", got)
	}
	if got := util.ParseNodeSelector("role=infra, zone=a"); !maps.Equal(got, map[string]string{"role": "infra", "zone": "a"}) {
		t.Errorf("ParseNodeSelector = %#v", got)
	}
	if util.StringListContains("a,,b", "") || !util.StringListContains("a,\tb", "b") {
		t.Error("StringListContains kept a legacy fault")
	}
	svc := &corev1.Service{}
	util.ApplyAWSLoadBalancerSubnetsAnnotation(svc, &hyperv1.HostedControlPlane{
		ObjectMeta: metav1.ObjectMeta{Annotations: map[string]string{hyperv1.AWSLoadBalancerSubnetsAnnotation: "subnet-1"}},
		Spec:       hyperv1.HostedControlPlaneSpec{Platform: hyperv1.PlatformSpec{Type: hyperv1.AWSPlatform}},
	})
	if svc.Annotations["service.beta.kubernetes.io/aws-load-balancer-subnets"] != "subnet-1" {
		t.Errorf("ApplyAWSLoadBalancerSubnetsAnnotation: %v", svc.Annotations)
	}
}

// Nil and empty inputs that crashed v0.1.40 get an error or no change.
func TestK8sutilFacadeNoPanics(t *testing.T) {
	ctx := context.Background()
	util.CopyConfigMap(nil, nil)
	util.CopyConfigMap(&corev1.ConfigMap{}, nil)
	util.EnsureOwnerRef(nil, &metav1.OwnerReference{})
	util.ApplyAWSLoadBalancerSubnetsAnnotation(nil, nil)
	util.ApplyAWSLoadBalancerSubnetsAnnotation(&corev1.Service{}, nil)
	if _, err := util.DeleteIfNeeded(ctx, nil, nil); err == nil {
		t.Error("DeleteIfNeeded(nil, nil): no error")
	}
	if _, err := util.SerializeResource(nil, nil); err == nil {
		t.Error("SerializeResource(nil): no error")
	}
	if err := util.DeserializeResource("kind: ConfigMap", nil, nil); err == nil {
		t.Error("DeserializeResource into nil: no error")
	}
	if _, err := util.CreateTokenForServiceAccount(ctx, &corev1.ServiceAccount{ObjectMeta: metav1.ObjectMeta{Name: "sa"}}, nil); err == nil {
		t.Error("CreateTokenForServiceAccount with a nil clientset: no error")
	}
	if _, err := util.CollectLBMessageIfNotProvisioned(nil, nil); err == nil {
		t.Error("CollectLBMessageIfNotProvisioned(nil): no error")
	}
	if msg, err := util.CollectLBMessageIfNotProvisioned(&corev1.Service{ObjectMeta: metav1.ObjectMeta{Name: "svc"}}, nil); err != nil || msg != "svc load balancer is not provisioned." {
		t.Errorf("nil collector: %q, %v", msg, err)
	}
	t.Setenv(util.EnableHostedClustersAnnotationScopingEnv, "true")
	p := util.PredicatesForHostedClusterAnnotationScoping(nil)
	if !p.Generic(event.GenericEvent{}) {
		t.Error("an event without an object did not count as unscoped")
	}
}
