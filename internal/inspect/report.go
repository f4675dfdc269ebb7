package inspect

// SchemaVersion is the version of the JSON and YAML report schema. It changes
// only when a field is removed or changes meaning; new fields may be added
// within a version.
const SchemaVersion = "hcpinspect/v1"

// Report is everything hcpinspect derives from its input.
type Report struct {
	// Schema is SchemaVersion.
	Schema string `json:"schema"`
	// Clusters holds one entry per HostedCluster and HostedControlPlane, in
	// input order.
	Clusters []Cluster `json:"clusters"`
	// NodePools holds one entry per NodePool, in input order.
	NodePools []NodePool `json:"nodePools"`
	// Skipped counts the documents of other kinds.
	Skipped int `json:"skipped"`
	// Errors lists the inputs and documents that could not be read.
	Errors []*DocError `json:"errors"`
}

// Origin says where an object came from.
type Origin struct {
	// Source is the file path, or "-" for standard input.
	Source string `json:"source"`
	// Document is the document's position in the source, from 1.
	Document int `json:"document"`
	// Line is the line where the document starts, from 1.
	Line int `json:"line"`
	// Item is the position in a List document, from 1; 0 outside a List.
	Item int `json:"item,omitempty"`
}

// Cluster is what the SDK derives from a HostedCluster or a
// HostedControlPlane.
type Cluster struct {
	// Kind is HostedCluster or HostedControlPlane.
	Kind string `json:"kind"`
	// Namespace and Name identify the object.
	Namespace string `json:"namespace"`
	// Name is the object's name.
	Name string `json:"name"`
	// Origin says where the object came from.
	Origin Origin `json:"origin"`
	// Platform is the platform type.
	Platform string `json:"platform"`
	// EndpointAccess is the AWS endpoint access, when the platform is AWS
	// ("" when the aws block is absent).
	EndpointAccess string `json:"endpointAccess,omitempty"`
	// ControlPlaneReleaseImage is the release image the control plane runs.
	ControlPlaneReleaseImage string `json:"controlPlaneReleaseImage"`
	// KAS describes the kube-apiserver.
	KAS KAS `json:"kas"`
	// Services lists how each control plane service is published.
	Services []Service `json:"services"`
	// Visibility says who reaches the control plane and how.
	Visibility Visibility `json:"visibility"`
	// OAuthEnabled says whether the integrated OAuth server is in use.
	OAuthEnabled bool `json:"oauthEnabled"`
	// Networks lists the cluster, service and machine networks.
	Networks Networks `json:"networks"`
	// Pause is the pausedUntil state.
	Pause Pause `json:"pause"`
	// Warnings says what looks wrong or is easy to misread; omitted when
	// empty.
	Warnings []string `json:"warnings,omitempty"`
}

// KAS describes the kube-apiserver of a cluster.
type KAS struct {
	// PodPort is the port the API server binds in its pod.
	PodPort int32 `json:"podPort"`
	// LocalZonePort is the port used through api.<name>.hypershift.local.
	LocalZonePort int32 `json:"localZonePort"`
	// AdvertiseAddress is the address advertised to the nodes, defaulted
	// from the service network's IP family.
	AdvertiseAddress string `json:"advertiseAddress"`
	// AllowedCIDRBlocks restricts who may reach the API server.
	AllowedCIDRBlocks []string `json:"allowedCIDRBlocks"`
	// Publishing is the APIServer publishing strategy type ("" when the
	// service is not listed).
	Publishing string `json:"publishing"`
	// LoadBalancer says whether the API server is published through a load
	// balancer.
	LoadBalancer bool `json:"loadBalancer"`
	// Route says whether the API server is published through a route.
	Route bool `json:"route"`
	// DedicatedDNS says whether the API server has its own DNS name.
	DedicatedDNS bool `json:"dedicatedDNS"`
	// PublicWithDNS says whether the API server is public with a DNS name.
	PublicWithDNS bool `json:"publicWithDNS"`
}

// Service is how one control plane service is published.
type Service struct {
	// Service is the service type (APIServer, OAuthServer, ...).
	Service string `json:"service"`
	// Type is the publishing strategy type.
	Type string `json:"type"`
	// ExternalDNSHostname is the hostname external DNS publishes for it, if
	// any.
	ExternalDNSHostname string `json:"externalDNSHostname,omitempty"`
}

// Visibility says whether a cluster is public or private.
type Visibility struct {
	// Public: the API is reachable from the internet.
	Public bool `json:"public"`
	// Private: the API is reachable from inside the cluster's network.
	Private bool `json:"private"`
	// WorkersThroughInternet: the nodes reach the control plane through the
	// internet.
	WorkersThroughInternet bool `json:"workersThroughInternet"`
}

// Networks lists a cluster's networks.
type Networks struct {
	// Cluster are the pod networks.
	Cluster []Network `json:"cluster"`
	// Service are the service networks.
	Service []Network `json:"service"`
	// Machine are the node networks.
	Machine []Network `json:"machine"`
}

// Network is one CIDR and its first usable address.
type Network struct {
	// CIDR is the network.
	CIDR string `json:"cidr"`
	// FirstUsableIP is the first address after the network address.
	FirstUsableIP string `json:"firstUsableIP,omitempty"`
	// Error says why FirstUsableIP could not be computed.
	Error string `json:"error,omitempty"`
}

// Pause is the pausedUntil state of an object.
type Pause struct {
	// PausedUntil is the field's value; nil when unset.
	PausedUntil *string `json:"pausedUntil"`
	// Paused says whether reconciliation is paused now.
	Paused bool `json:"paused"`
	// RequeueAfter is how long until a dated pause ends ("" when not dated).
	RequeueAfter string `json:"requeueAfter,omitempty"`
	// Error says why the value is invalid.
	Error string `json:"error,omitempty"`
	// Condition is the ReconciliationActive condition it implies.
	Condition Condition `json:"condition"`
}

// Condition is a status condition without its timestamps.
type Condition struct {
	// Type is the condition type.
	Type string `json:"type"`
	// Status is True or False.
	Status string `json:"status"`
	// Reason is a CamelCase reason.
	Reason string `json:"reason"`
	// Message is for humans.
	Message string `json:"message"`
}

// NodePool is what hcpinspect reports of a NodePool.
type NodePool struct {
	// Namespace and Name identify the object.
	Namespace string `json:"namespace"`
	// Name is the object's name.
	Name string `json:"name"`
	// Origin says where the object came from.
	Origin Origin `json:"origin"`
	// ClusterName is the HostedCluster the node pool belongs to.
	ClusterName string `json:"clusterName"`
	// ClusterInInput says whether that HostedCluster is in the input.
	ClusterInInput bool `json:"clusterInInput"`
	// Replicas is the wanted node count; nil when unset (autoscaling).
	Replicas *int32 `json:"replicas"`
	// Pause is the pausedUntil state.
	Pause Pause `json:"pause"`
}
