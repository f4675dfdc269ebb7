package v1beta1

import (
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// HostedCluster is the user-facing description of a hosted OpenShift
// cluster whose control plane runs on a management cluster.
//
// +kubebuilder:object:root=true
// +kubebuilder:resource:path=hostedclusters,shortName=hc;hcs,scope=Namespaced
// +kubebuilder:storageversion
// +kubebuilder:subresource:status
type HostedCluster struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	// Spec is the desired state of the cluster.
	Spec HostedClusterSpec `json:"spec,omitempty"`
	// Status is the observed state of the cluster.
	Status HostedClusterStatus `json:"status,omitempty"`
}

// HostedClusterSpec is the desired state of a HostedCluster.
//
// +kubebuilder:pruning:PreserveUnknownFields
type HostedClusterSpec struct {
	// Release is the release image of the cluster.
	Release Release `json:"release"`
	// ControlPlaneRelease, when set, is the release image of the control
	// plane, which then may differ from the nodes' release.
	ControlPlaneRelease *Release `json:"controlPlaneRelease,omitempty"`
	// ClusterID uniquely identifies the cluster.
	ClusterID string `json:"clusterID,omitempty"`
	// InfraID names the cluster's cloud resources.
	InfraID string `json:"infraID,omitempty"`
	// Platform is the infrastructure provider and its settings.
	Platform PlatformSpec `json:"platform"`
	// ControllerAvailabilityPolicy is the availability of control plane
	// components.
	ControllerAvailabilityPolicy AvailabilityPolicy `json:"controllerAvailabilityPolicy,omitempty"`
	// InfrastructureAvailabilityPolicy is the availability of components
	// that run on the nodes.
	InfrastructureAvailabilityPolicy AvailabilityPolicy `json:"infrastructureAvailabilityPolicy,omitempty"`
	// DNS holds the cluster's DNS settings.
	DNS DNSSpec `json:"dns,omitempty"`
	// Networking holds the cluster's networks.
	Networking ClusterNetworking `json:"networking"`
	// Services says how each control plane service is published.
	Services []ServicePublishingStrategyMapping `json:"services"`
	// PullSecret names the secret with the credentials to pull images.
	PullSecret corev1.LocalObjectReference `json:"pullSecret"`
	// IssuerURL is the OIDC issuer of the cluster's service account tokens.
	IssuerURL string `json:"issuerURL,omitempty"`
	// Configuration holds OpenShift configuration of the hosted cluster.
	Configuration *ClusterConfiguration `json:"configuration,omitempty"`
	// AdditionalTrustBundle names a config map of extra CA certificates.
	AdditionalTrustBundle *corev1.LocalObjectReference `json:"additionalTrustBundle,omitempty"`
	// FIPS says whether the cluster runs in FIPS mode.
	FIPS bool `json:"fips"`
	// PausedUntil pauses reconciliation: "true" until removed, or an RFC 3339
	// date until then.
	PausedUntil *string `json:"pausedUntil,omitempty"`
	// NodeSelector places the control plane pods.
	NodeSelector map[string]string `json:"nodeSelector,omitempty"`
}

// HostedClusterStatus is the observed state of a HostedCluster.
//
// +kubebuilder:pruning:PreserveUnknownFields
type HostedClusterStatus struct {
	// ControlPlaneEndpoint is where the API server is reached.
	ControlPlaneEndpoint APIEndpoint `json:"controlPlaneEndpoint,omitempty"`
	// IgnitionEndpoint is where nodes fetch their ignition configuration.
	IgnitionEndpoint string `json:"ignitionEndpoint,omitempty"`
	// KubeConfig names the secret with the admin kubeconfig.
	KubeConfig *corev1.LocalObjectReference `json:"kubeconfig,omitempty"`
	// Conditions are the cluster's status conditions.
	Conditions []metav1.Condition `json:"conditions,omitempty"`
}

// HostedClusterList is a list of HostedClusters.
//
// +kubebuilder:object:root=true
type HostedClusterList struct {
	metav1.TypeMeta `json:",inline"`
	metav1.ListMeta `json:"metadata,omitempty"`
	// Items are the HostedClusters.
	Items []HostedCluster `json:"items"`
}
