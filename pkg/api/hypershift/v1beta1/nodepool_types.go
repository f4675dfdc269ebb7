package v1beta1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// NodePool is a set of worker nodes of a HostedCluster.
//
// +kubebuilder:object:root=true
// +kubebuilder:resource:path=nodepools,shortName=np;nps,scope=Namespaced
// +kubebuilder:storageversion
// +kubebuilder:subresource:status
type NodePool struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	// Spec is the desired state of the node pool.
	Spec NodePoolSpec `json:"spec,omitempty"`
	// Status is the observed state of the node pool.
	Status NodePoolStatus `json:"status,omitempty"`
}

// NodePoolSpec is the desired state of a NodePool.
//
// +kubebuilder:pruning:PreserveUnknownFields
type NodePoolSpec struct {
	// ClusterName is the name of the HostedCluster, in the same namespace,
	// that the nodes join.
	ClusterName string `json:"clusterName"`
	// Release is the release image of the nodes.
	Release Release `json:"release"`
	// Platform is the infrastructure provider of the nodes.
	Platform NodePoolPlatform `json:"platform"`
	// Replicas is the wanted number of nodes; unset when autoscaling.
	Replicas *int32 `json:"replicas,omitempty"`
	// Arch is the CPU architecture of the nodes (amd64, arm64, ...).
	Arch string `json:"arch,omitempty"`
	// NodeLabels are labels put on the nodes.
	NodeLabels map[string]string `json:"nodeLabels,omitempty"`
	// PausedUntil pauses reconciliation: "true" until removed, or an RFC 3339
	// date until then.
	PausedUntil *string `json:"pausedUntil,omitempty"`
}

// NodePoolPlatform is the infrastructure provider of a node pool.
//
// +kubebuilder:pruning:PreserveUnknownFields
type NodePoolPlatform struct {
	// Type is the platform.
	Type PlatformType `json:"type"`
}

// NodePoolStatus is the observed state of a NodePool.
//
// +kubebuilder:pruning:PreserveUnknownFields
type NodePoolStatus struct {
	// Replicas is the number of nodes that are available.
	Replicas int32 `json:"replicas"`
	// Version is the OpenShift version the nodes run.
	Version string `json:"version,omitempty"`
}

// NodePoolList is a list of NodePools.
//
// +kubebuilder:object:root=true
type NodePoolList struct {
	metav1.TypeMeta `json:",inline"`
	metav1.ListMeta `json:"metadata,omitempty"`
	// Items are the NodePools.
	Items []NodePool `json:"items"`
}
