package k8sutil

import (
	"context"
	"os"
	"strconv"
	"strings"
	"time"

	"k8s.io/apimachinery/pkg/types"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/predicate"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
)

// Annotations and environment variables of hosted cluster annotation scoping.
const (
	// DebugDeploymentsAnnotation on a HostedCluster holds a comma-separated
	// list of deployment names that are always scaled to zero, for
	// development.
	DebugDeploymentsAnnotation = "hypershift.openshift.io/debug-deployments"
	// EnableHostedClustersAnnotationScopingEnv names the environment variable
	// that turns annotation scoping on when it holds "true".
	EnableHostedClustersAnnotationScopingEnv = "ENABLE_HOSTEDCLUSTERS_ANNOTATION_SCOPING"
	// HostedClustersScopeAnnotationEnv names the environment variable that
	// holds the scope this controller serves.
	HostedClustersScopeAnnotationEnv = "HOSTEDCLUSTERS_SCOPE_ANNOTATION"
	// HostedClustersScopeAnnotation on a HostedCluster names its scope.
	HostedClustersScopeAnnotation = "hypershift.openshift.io/scope"
	// HostedClusterAnnotation on an object names its HostedCluster as
	// "namespace/name".
	HostedClusterAnnotation = "hypershift.openshift.io/cluster"
	// NodePoolAnnotation on an object names its NodePool as
	// "namespace/name".
	NodePoolAnnotation = "hypershift.openshift.io/nodePool"
)

// scopeLookupTimeout bounds each read a scoping predicate makes.
const scopeLookupTimeout = 10 * time.Second

// Scope configures HostedClusterScopePredicate.
type Scope struct {
	// Enabled turns scoping on; when false every event passes.
	Enabled bool
	// Name is the scope this controller serves; the empty scope serves the
	// hosted clusters without a scope annotation.
	Name string
}

// ScopeFromEnv reads a Scope from the environment: scoping is enabled when
// EnableHostedClustersAnnotationScopingEnv parses as true (true, 1, TRUE, ...,
// with surrounding whitespace ignored), and the scope name is
// HostedClustersScopeAnnotationEnv, trimmed.
func ScopeFromEnv() Scope {
	enabled, err := strconv.ParseBool(strings.TrimSpace(os.Getenv(EnableHostedClustersAnnotationScopingEnv)))
	return Scope{
		Enabled: err == nil && enabled,
		Name:    strings.TrimSpace(os.Getenv(HostedClustersScopeAnnotationEnv)),
	}
}

// PredicatesForHostedClusterAnnotationScoping returns a predicate for every
// event type that passes objects whose HostedCluster is in the scope the
// environment names (see ScopeFromEnv). The environment is read once, when
// the predicate is made; r reads the HostedClusters and NodePools that other
// objects refer to.
func PredicatesForHostedClusterAnnotationScoping(r client.Reader) predicate.Predicate {
	return HostedClusterScopePredicate(r, ScopeFromEnv())
}

// HostedClusterScopePredicate returns a predicate for every event type that,
// when scope is enabled, passes an object only if the scope annotation of its
// HostedCluster equals scope.Name. The HostedCluster of an object is the
// object itself; for a NodePool the one its spec.clusterName names in its
// namespace; for other objects the one of the NodePool their
// NodePoolAnnotation names or, when that cannot be read, the one their
// HostedClusterAnnotation names.
// An object whose HostedCluster cannot be found (or a nil object) counts as
// unscoped: it passes only when scope.Name is empty.
func HostedClusterScopePredicate(r client.Reader, scope Scope) predicate.Predicate {
	return predicate.NewPredicateFuncs(func(obj client.Object) bool {
		if !scope.Enabled {
			return true
		}
		return scopeOf(r, obj) == scope.Name
	})
}

// scopeOf returns the scope annotation of obj's HostedCluster, or "" when it
// has none or cannot be found.
func scopeOf(r client.Reader, obj client.Object) string {
	if isNil(obj) {
		return ""
	}
	switch o := obj.(type) {
	case *hyperv1.HostedCluster:
		return o.GetAnnotations()[HostedClustersScopeAnnotation]
	case *hyperv1.NodePool:
		return hostedClusterScope(r, types.NamespacedName{Namespace: o.Namespace, Name: o.Spec.ClusterName})
	}
	annotations := obj.GetAnnotations()
	if v := strings.TrimSpace(annotations[NodePoolAnnotation]); v != "" {
		np := &hyperv1.NodePool{}
		if get(r, ParseNamespacedName(v), np) {
			return hostedClusterScope(r, types.NamespacedName{Namespace: np.Namespace, Name: np.Spec.ClusterName})
		}
	}
	if v := strings.TrimSpace(annotations[HostedClusterAnnotation]); v != "" {
		return hostedClusterScope(r, ParseNamespacedName(v))
	}
	return ""
}

// hostedClusterScope returns the scope annotation of the named HostedCluster,
// or "" when it cannot be read.
func hostedClusterScope(r client.Reader, key types.NamespacedName) string {
	hc := &hyperv1.HostedCluster{}
	if !get(r, key, hc) {
		return ""
	}
	return hc.GetAnnotations()[HostedClustersScopeAnnotation]
}

// get reads key into obj with a bounded wait and reports whether it could.
func get(r client.Reader, key types.NamespacedName, obj client.Object) bool {
	if isNil(r) || key.Name == "" {
		return false
	}
	ctx, cancel := context.WithTimeout(context.Background(), scopeLookupTimeout)
	defer cancel()
	return r.Get(ctx, key, obj) == nil
}
