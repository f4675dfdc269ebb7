package util

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/client-go/kubernetes"

	"github.com/hcpkit/hcpkit/pkg/k8sutil"
	"github.com/hcpkit/hcpkit/pkg/k8sutil/mgmtcluster"
)

const (
	// DebugDeploymentsAnnotation on a HostedCluster lists deployments that are
	// always scaled to zero, for development.
	// See k8sutil.DebugDeploymentsAnnotation.
	DebugDeploymentsAnnotation = k8sutil.DebugDeploymentsAnnotation
	// EnableHostedClustersAnnotationScopingEnv names the environment variable
	// that turns hosted cluster annotation scoping on.
	// See k8sutil.EnableHostedClustersAnnotationScopingEnv.
	EnableHostedClustersAnnotationScopingEnv = k8sutil.EnableHostedClustersAnnotationScopingEnv
	// HostedClustersScopeAnnotationEnv names the environment variable that
	// holds the scope a controller serves.
	// See k8sutil.HostedClustersScopeAnnotationEnv.
	HostedClustersScopeAnnotationEnv = k8sutil.HostedClustersScopeAnnotationEnv
	// HostedClustersScopeAnnotation on a HostedCluster names its scope.
	// See k8sutil.HostedClustersScopeAnnotation.
	HostedClustersScopeAnnotation = k8sutil.HostedClustersScopeAnnotation
	// HostedClusterAnnotation on an object names its HostedCluster as
	// "namespace/name".
	// See k8sutil.HostedClusterAnnotation.
	HostedClusterAnnotation = k8sutil.HostedClusterAnnotation
)

// ParseNamespacedName splits "namespace/name" into a NamespacedName, trimming
// whitespace around both parts.
// See k8sutil.ParseNamespacedName.
var ParseNamespacedName = k8sutil.ParseNamespacedName

// CopyConfigMap replaces the Data of cm with a copy of source's; nil config
// maps change nothing.
// See k8sutil.CopyConfigMap.
var CopyConfigMap = k8sutil.CopyConfigMap

// DeleteIfNeeded deletes o unless it is gone or being deleted and reports
// whether it still existed; a kind that is not installed does not exist.
// See k8sutil.DeleteIfNeeded.
var DeleteIfNeeded = k8sutil.DeleteIfNeeded

// EnsureOwnerRef adds ownerRef to resource's owner references or replaces
// the reference to the same owner; nil arguments change nothing.
// See k8sutil.EnsureOwnerRef.
var EnsureOwnerRef = k8sutil.EnsureOwnerRef

// SerializeResource renders resource as YAML with its apiVersion and kind.
// See k8sutil.SerializeResource.
var SerializeResource = k8sutil.SerializeResource

// DeserializeResource strictly decodes YAML or JSON data into resource.
// See k8sutil.DeserializeResource.
var DeserializeResource = k8sutil.DeserializeResource

// CreateTokenForServiceAccount requests a token with the audience "openshift"
// for serviceAccount; a nil client is an error.
// See k8sutil.CreateTokenForServiceAccount.
func CreateTokenForServiceAccount(ctx context.Context, serviceAccount *corev1.ServiceAccount, client *kubernetes.Clientset) (string, error) {
	return k8sutil.CreateTokenForServiceAccount(ctx, serviceAccount, client)
}

// GetMgmtClusterCPUArch returns the CPU architecture of the management
// cluster, found through controller-runtime's config loading.
// See mgmtcluster.CPUArch.
var GetMgmtClusterCPUArch = mgmtcluster.CPUArch

// DoesMgmtClusterAndNodePoolCPUArchMatch returns an error when the two CPU
// architectures differ.
// See k8sutil.DoesMgmtClusterAndNodePoolCPUArchMatch.
var DoesMgmtClusterAndNodePoolCPUArchMatch = k8sutil.DoesMgmtClusterAndNodePoolCPUArchMatch

// PredicatesForHostedClusterAnnotationScoping returns a predicate that passes
// the objects whose HostedCluster is in the scope the environment names.
// See k8sutil.PredicatesForHostedClusterAnnotationScoping.
var PredicatesForHostedClusterAnnotationScoping = k8sutil.PredicatesForHostedClusterAnnotationScoping

// ParseNodeSelector parses comma-separated key=value pairs into a map,
// trimming whitespace and skipping malformed items.
// See k8sutil.ParseNodeSelector.
var ParseNodeSelector = k8sutil.ParseNodeSelector

// StringListContains reports whether a comma-separated list holds s; the
// empty string is never contained.
// See k8sutil.StringListContains.
var StringListContains = k8sutil.StringListContains

// CollectLBMessageIfNotProvisioned returns a message saying that svc's load
// balancer is not provisioned, with its warning events, or "" when it is.
// See k8sutil.CollectLBMessageIfNotProvisioned.
var CollectLBMessageIfNotProvisioned = k8sutil.CollectLBMessageIfNotProvisioned

// ApplyAWSLoadBalancerSubnetsAnnotation copies an AWS control plane's load
// balancer subnets annotation to svc's AWS subnets annotation.
// See k8sutil.ApplyAWSLoadBalancerSubnetsAnnotation.
var ApplyAWSLoadBalancerSubnetsAnnotation = k8sutil.ApplyAWSLoadBalancerSubnetsAnnotation
