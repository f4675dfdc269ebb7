package k8sutil_test

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/event"
	"sigs.k8s.io/controller-runtime/pkg/predicate"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
	"github.com/hcpkit/hcpkit/pkg/k8sutil"
)

func TestScopeFromEnv(t *testing.T) {
	tests := []struct {
		enabled, scope string
		want           k8sutil.Scope
	}{
		{"", "", k8sutil.Scope{}},
		{"true", "", k8sutil.Scope{Enabled: true}},
		{" TRUE ", " team-a ", k8sutil.Scope{Enabled: true, Name: "team-a"}},
		{"1", "team-a", k8sutil.Scope{Enabled: true, Name: "team-a"}},
		{"false", "team-a", k8sutil.Scope{Name: "team-a"}},
		{"yes", "team-a", k8sutil.Scope{Name: "team-a"}},
	}
	for _, tt := range tests {
		t.Setenv(k8sutil.EnableHostedClustersAnnotationScopingEnv, tt.enabled)
		t.Setenv(k8sutil.HostedClustersScopeAnnotationEnv, tt.scope)
		if got := k8sutil.ScopeFromEnv(); got != tt.want {
			t.Errorf("ScopeFromEnv() with %q, %q = %+v, want %+v", tt.enabled, tt.scope, got, tt.want)
		}
	}
}

// allEvents reports what p says for each event type about obj.
func allEvents(p predicate.Predicate, obj client.Object) [4]bool {
	return [4]bool{
		p.Create(event.CreateEvent{Object: obj}),
		p.Update(event.UpdateEvent{ObjectOld: obj, ObjectNew: obj}),
		p.Delete(event.DeleteEvent{Object: obj}),
		p.Generic(event.GenericEvent{Object: obj}),
	}
}

func TestHostedClusterScopePredicateWithoutReader(t *testing.T) {
	scoped := &hyperv1.HostedCluster{ObjectMeta: metav1.ObjectMeta{Name: "a", Annotations: map[string]string{k8sutil.HostedClustersScopeAnnotation: "team-a"}}}
	unscoped := &hyperv1.HostedCluster{ObjectMeta: metav1.ObjectMeta{Name: "b"}}
	annotated := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "c", Annotations: map[string]string{k8sutil.HostedClusterAnnotation: "ns/a"}}}
	var nilHC *hyperv1.HostedCluster
	all, none := [4]bool{true, true, true, true}, [4]bool{}

	tests := []struct {
		name  string
		scope k8sutil.Scope
		obj   client.Object
		want  [4]bool
	}{
		{"disabled passes everything", k8sutil.Scope{Name: "team-b"}, scoped, all},
		{"matching scope", k8sutil.Scope{Enabled: true, Name: "team-a"}, scoped, all},
		{"other scope", k8sutil.Scope{Enabled: true, Name: "team-b"}, scoped, none},
		{"empty scope serves unscoped", k8sutil.Scope{Enabled: true}, unscoped, all},
		{"empty scope rejects scoped", k8sutil.Scope{Enabled: true}, scoped, none},
		{"named scope rejects unscoped", k8sutil.Scope{Enabled: true, Name: "team-a"}, unscoped, none},
		{"unreadable parent counts as unscoped", k8sutil.Scope{Enabled: true}, annotated, all},
		{"unreadable parent is not in a named scope", k8sutil.Scope{Enabled: true, Name: "team-a"}, annotated, none},
		{"typed nil object", k8sutil.Scope{Enabled: true}, nilHC, all},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := k8sutil.HostedClusterScopePredicate(nil, tt.scope)
			if got := allEvents(p, tt.obj); got != tt.want {
				t.Errorf("create/update/delete/generic = %v, want %v", got, tt.want)
			}
		})
	}
	// Events without an object do not panic.
	p := k8sutil.HostedClusterScopePredicate(nil, k8sutil.Scope{Enabled: true, Name: "x"})
	if p.Generic(event.GenericEvent{}) || p.Create(event.CreateEvent{}) {
		t.Error("an event without an object passed a named scope")
	}
}

func TestPredicatesForHostedClusterAnnotationScopingReadsEnvOnce(t *testing.T) {
	t.Setenv(k8sutil.EnableHostedClustersAnnotationScopingEnv, "true")
	t.Setenv(k8sutil.HostedClustersScopeAnnotationEnv, "team-a")
	p := k8sutil.PredicatesForHostedClusterAnnotationScoping(nil)
	t.Setenv(k8sutil.HostedClustersScopeAnnotationEnv, "team-b")
	hc := &hyperv1.HostedCluster{ObjectMeta: metav1.ObjectMeta{Annotations: map[string]string{k8sutil.HostedClustersScopeAnnotation: "team-a"}}}
	if !p.Create(event.CreateEvent{Object: hc}) {
		t.Error("the predicate did not keep the scope it was made with")
	}
}
