package v1beta1

import (
	configv1 "github.com/openshift/api/config/v1"
	corev1 "k8s.io/api/core/v1"

	"github.com/hcpkit/hcpkit/pkg/api/ipnet"
)

// Release names an OpenShift release image.
//
// +kubebuilder:pruning:PreserveUnknownFields
type Release struct {
	// Image is the pull spec of the release image.
	Image string `json:"image"`
}

// PlatformSpec says which infrastructure provider a cluster runs on and holds
// that provider's settings.
//
// +kubebuilder:pruning:PreserveUnknownFields
type PlatformSpec struct {
	// Type is the platform.
	Type PlatformType `json:"type"`
	// AWS holds the settings of an AWS cluster.
	AWS *AWSPlatformSpec `json:"aws,omitempty"`
}

// AWSPlatformSpec holds the settings of a cluster on AWS that the SDK reads.
//
// +kubebuilder:pruning:PreserveUnknownFields
type AWSPlatformSpec struct {
	// Region is the AWS region of the cluster.
	Region string `json:"region"`
	// EndpointAccess says from where the API server is reachable; the API
	// defaults it to Public.
	EndpointAccess AWSEndpointAccessType `json:"endpointAccess,omitempty"`
	// MultiArch says whether node pools of several CPU architectures are
	// allowed.
	MultiArch bool `json:"multiArch,omitempty"`
}

// DNSSpec holds the DNS settings of a cluster.
//
// +kubebuilder:pruning:PreserveUnknownFields
type DNSSpec struct {
	// BaseDomain is the domain under which the cluster's records live.
	BaseDomain string `json:"baseDomain"`
	// BaseDomainPrefix, when set, replaces the cluster name in front of
	// BaseDomain.
	BaseDomainPrefix *string `json:"baseDomainPrefix,omitempty"`
	// PublicZoneID is the public hosted zone of the cluster's records.
	PublicZoneID string `json:"publicZoneID,omitempty"`
	// PrivateZoneID is the private hosted zone of the cluster's records.
	PrivateZoneID string `json:"privateZoneID,omitempty"`
}

// ClusterNetworking holds the networks of a cluster and the API server's
// network settings.
//
// +kubebuilder:pruning:PreserveUnknownFields
type ClusterNetworking struct {
	// MachineNetwork lists the networks of the nodes' addresses.
	MachineNetwork []MachineNetworkEntry `json:"machineNetwork,omitempty"`
	// ClusterNetwork lists the networks pod addresses are taken from.
	ClusterNetwork []ClusterNetworkEntry `json:"clusterNetwork,omitempty"`
	// ServiceNetwork lists the networks service addresses are taken from.
	ServiceNetwork []ServiceNetworkEntry `json:"serviceNetwork,omitempty"`
	// NetworkType is the cluster's network plugin (OVNKubernetes, Other, ...).
	NetworkType string `json:"networkType,omitempty"`
	// APIServer holds the API server's network settings.
	APIServer *APIServerNetworking `json:"apiServer,omitempty"`
}

// MachineNetworkEntry is one network of node addresses.
//
// +kubebuilder:pruning:PreserveUnknownFields
type MachineNetworkEntry struct {
	// CIDR is the network.
	CIDR ipnet.IPNet `json:"cidr"`
}

// ClusterNetworkEntry is one network of pod addresses.
//
// +kubebuilder:pruning:PreserveUnknownFields
type ClusterNetworkEntry struct {
	// CIDR is the network.
	CIDR ipnet.IPNet `json:"cidr"`
	// HostPrefix is the prefix length of the block given to each node.
	HostPrefix int32 `json:"hostPrefix,omitempty"`
}

// ServiceNetworkEntry is one network of service addresses.
//
// +kubebuilder:pruning:PreserveUnknownFields
type ServiceNetworkEntry struct {
	// CIDR is the network.
	CIDR ipnet.IPNet `json:"cidr"`
}

// CIDRBlock is a CIDR in string form, as in an allow list.
type CIDRBlock string

// APIServerNetworking holds the kube-apiserver's network settings.
//
// +kubebuilder:pruning:PreserveUnknownFields
type APIServerNetworking struct {
	// AdvertiseAddress is the address the API server advertises to the
	// nodes' local proxies.
	AdvertiseAddress *string `json:"advertiseAddress,omitempty"`
	// Port is the port the API server is published on.
	Port *int32 `json:"port,omitempty"`
	// AllowedCIDRBlocks restricts the source addresses allowed to reach the
	// API server.
	AllowedCIDRBlocks []CIDRBlock `json:"allowedCIDRBlocks,omitempty"`
}

// ServicePublishingStrategyMapping says how one service is published.
//
// +kubebuilder:pruning:PreserveUnknownFields
type ServicePublishingStrategyMapping struct {
	// Service is the service being published.
	Service ServiceType `json:"service"`
	// ServicePublishingStrategy is how it is published.
	ServicePublishingStrategy `json:"servicePublishingStrategy"`
}

// ServicePublishingStrategy says how a service is exposed and with which
// settings.
//
// +kubebuilder:pruning:PreserveUnknownFields
type ServicePublishingStrategy struct {
	// Type is the publishing strategy.
	Type PublishingStrategyType `json:"type"`
	// NodePort holds the settings of the NodePort strategy.
	NodePort *NodePortPublishingStrategy `json:"nodePort,omitempty"`
	// LoadBalancer holds the settings of the LoadBalancer strategy.
	LoadBalancer *LoadBalancerPublishingStrategy `json:"loadBalancer,omitempty"`
	// Route holds the settings of the Route strategy.
	Route *RoutePublishingStrategy `json:"route,omitempty"`
}

// NodePortPublishingStrategy holds the settings of a service published on a
// node port.
//
// +kubebuilder:pruning:PreserveUnknownFields
type NodePortPublishingStrategy struct {
	// Address is the host or IP the service is reached at.
	Address string `json:"address"`
	// Port is the node port; zero lets the API server choose.
	Port int32 `json:"port,omitempty"`
}

// LoadBalancerPublishingStrategy holds the settings of a service published
// through a load balancer.
//
// +kubebuilder:pruning:PreserveUnknownFields
type LoadBalancerPublishingStrategy struct {
	// Hostname, when set, is published as a DNS name for the load balancer.
	Hostname string `json:"hostname,omitempty"`
}

// RoutePublishingStrategy holds the settings of a service published through a
// route.
//
// +kubebuilder:pruning:PreserveUnknownFields
type RoutePublishingStrategy struct {
	// Hostname, when set, is the route's host name.
	Hostname string `json:"hostname,omitempty"`
}

// ClusterConfiguration holds OpenShift configuration of the hosted cluster
// that the SDK reads.
//
// +kubebuilder:pruning:PreserveUnknownFields
type ClusterConfiguration struct {
	// Authentication is the cluster's authentication configuration.
	//
	// +kubebuilder:validation:Type=object
	// +kubebuilder:pruning:PreserveUnknownFields
	// +kubebuilder:validation:Schemaless
	Authentication *configv1.AuthenticationSpec `json:"authentication,omitempty"`
}

// APIEndpoint is a host and port.
//
// +kubebuilder:pruning:PreserveUnknownFields
type APIEndpoint struct {
	// Host is the host name or address.
	Host string `json:"host"`
	// Port is the port.
	Port int32 `json:"port"`
}

// LocalObjectReference names an object in the same namespace.
type LocalObjectReference = corev1.LocalObjectReference
