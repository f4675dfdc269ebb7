package v1beta1

import (
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// HostedControlPlane is the control plane of a HostedCluster, in the
// namespace on the management cluster where its components run.
//
// +kubebuilder:object:root=true
// +kubebuilder:resource:path=hostedcontrolplanes,shortName=hcp;hcps,scope=Namespaced
// +kubebuilder:storageversion
// +kubebuilder:subresource:status
type HostedControlPlane struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	// Spec is the desired state of the control plane.
	Spec HostedControlPlaneSpec `json:"spec,omitempty"`
	// Status is the observed state of the control plane.
	Status HostedControlPlaneStatus `json:"status,omitempty"`
}

// HostedControlPlaneSpec is the desired state of a HostedControlPlane.
//
// +kubebuilder:pruning:PreserveUnknownFields
type HostedControlPlaneSpec struct {
	// ReleaseImage is the release image of the cluster.
	ReleaseImage string `json:"releaseImage"`
	// ControlPlaneReleaseImage, when set, is the release image of the
	// control plane components.
	ControlPlaneReleaseImage *string `json:"controlPlaneReleaseImage,omitempty"`
	// PullSecret names the secret with the credentials to pull images.
	PullSecret corev1.LocalObjectReference `json:"pullSecret"`
	// IssuerURL is the OIDC issuer of the cluster's service account tokens.
	IssuerURL string `json:"issuerURL"`
	// Networking holds the cluster's networks.
	Networking ClusterNetworking `json:"networking"`
	// ClusterID uniquely identifies the cluster.
	ClusterID string `json:"clusterID"`
	// InfraID names the cluster's cloud resources.
	InfraID string `json:"infraID"`
	// Platform is the infrastructure provider and its settings.
	Platform PlatformSpec `json:"platform"`
	// DNS holds the cluster's DNS settings.
	DNS DNSSpec `json:"dns"`
	// ControllerAvailabilityPolicy is the availability of control plane
	// components.
	ControllerAvailabilityPolicy AvailabilityPolicy `json:"controllerAvailabilityPolicy,omitempty"`
	// InfrastructureAvailabilityPolicy is the availability of components
	// that run on the nodes.
	InfrastructureAvailabilityPolicy AvailabilityPolicy `json:"infrastructureAvailabilityPolicy,omitempty"`
	// FIPS says whether the cluster runs in FIPS mode.
	FIPS bool `json:"fips"`
	// Services says how each control plane service is published.
	Services []ServicePublishingStrategyMapping `json:"services"`
	// Configuration holds OpenShift configuration of the hosted cluster.
	Configuration *ClusterConfiguration `json:"configuration,omitempty"`
	// AdditionalTrustBundle names a config map of extra CA certificates.
	AdditionalTrustBundle *corev1.LocalObjectReference `json:"additionalTrustBundle,omitempty"`
	// PausedUntil pauses reconciliation: "true" until removed, or an RFC 3339
	// date until then.
	PausedUntil *string `json:"pausedUntil,omitempty"`
	// NodeSelector places the control plane pods.
	NodeSelector map[string]string `json:"nodeSelector,omitempty"`
}

// HostedControlPlaneStatus is the observed state of a HostedControlPlane.
//
// +kubebuilder:pruning:PreserveUnknownFields
type HostedControlPlaneStatus struct {
	// Ready says whether the control plane is ready.
	Ready bool `json:"ready"`
	// Initialized says whether the control plane has been initialised.
	Initialized bool `json:"initialized"`
	// ControlPlaneEndpoint is where the API server is reached.
	ControlPlaneEndpoint APIEndpoint `json:"controlPlaneEndpoint,omitempty"`
	// Conditions are the control plane's status conditions.
	Conditions []metav1.Condition `json:"conditions,omitempty"`
}

// HostedControlPlaneList is a list of HostedControlPlanes.
//
// +kubebuilder:object:root=true
type HostedControlPlaneList struct {
	metav1.TypeMeta `json:",inline"`
	metav1.ListMeta `json:"metadata,omitempty"`
	// Items are the HostedControlPlanes.
	Items []HostedControlPlane `json:"items"`
}
