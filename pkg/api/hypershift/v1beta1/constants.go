package v1beta1

// ServiceType names a control plane service that is published to the data
// plane.
type ServiceType string

// The control plane services a cluster publishes.
const (
	APIServer    ServiceType = "APIServer"
	Konnectivity ServiceType = "Konnectivity"
	OAuthServer  ServiceType = "OAuthServer"
	OIDC         ServiceType = "OIDC"
	Ignition     ServiceType = "Ignition"
	OVNSbDb      ServiceType = "OVNSbDb"
)

// PublishingStrategyType says how a service is exposed.
type PublishingStrategyType string

// The ways a service can be published.
const (
	LoadBalancer PublishingStrategyType = "LoadBalancer"
	NodePort     PublishingStrategyType = "NodePort"
	Route        PublishingStrategyType = "Route"
	None         PublishingStrategyType = "None"
	S3           PublishingStrategyType = "S3"
)

// PlatformType is the infrastructure provider a cluster runs on.
type PlatformType string

// The platforms HyperShift supports.
const (
	AWSPlatform       PlatformType = "AWS"
	NonePlatform      PlatformType = "None"
	IBMCloudPlatform  PlatformType = "IBMCloud"
	AgentPlatform     PlatformType = "Agent"
	KubevirtPlatform  PlatformType = "KubeVirt"
	AzurePlatform     PlatformType = "Azure"
	PowerVSPlatform   PlatformType = "PowerVS"
	OpenStackPlatform PlatformType = "OpenStack"
)

// AWSEndpointAccessType says from where the API server of an AWS cluster is
// reachable.
type AWSEndpointAccessType string

// The AWS endpoint access values.
const (
	// Public: the endpoints are reachable from the internet only.
	Public AWSEndpointAccessType = "Public"
	// PublicAndPrivate: reachable from the internet and from inside the VPC.
	PublicAndPrivate AWSEndpointAccessType = "PublicAndPrivate"
	// Private: reachable from inside the VPC only.
	Private AWSEndpointAccessType = "Private"
)

// AvailabilityPolicy says how many replicas of a component run.
type AvailabilityPolicy string

// The availability policies.
const (
	// HighlyAvailable runs several replicas spread over failure domains.
	HighlyAvailable AvailabilityPolicy = "HighlyAvailable"
	// SingleReplica runs one replica.
	SingleReplica AvailabilityPolicy = "SingleReplica"
)

// ConditionType is the type of a status condition.
type ConditionType string

// ReconciliationActive says whether the controllers reconcile the object; it
// is False while the object is paused through spec.pausedUntil.
const ReconciliationActive ConditionType = "ReconciliationActive"

// Reasons used with the ReconciliationActive condition.
const (
	// AsExpectedReason: the condition has its normal value.
	AsExpectedReason = "AsExpected"
	// ReconciliationPausedConditionReason: reconciliation is paused.
	ReconciliationPausedConditionReason = "ReconciliationPaused"
	// ReconciliationInvalidPausedUntilConditionReason: spec.pausedUntil holds
	// a value that is neither a boolean nor an RFC 3339 date.
	ReconciliationInvalidPausedUntilConditionReason = "InvalidPausedUntilValue"
)

// Annotations and well-known names read by the SDK.
const (
	// ExternalDNSHostnameAnnotation is the annotation external-dns reads to
	// publish a DNS record for a service.
	ExternalDNSHostnameAnnotation = "external-dns.alpha.kubernetes.io/hostname"
	// AWSLoadBalancerSubnetsAnnotation on a HostedCluster or
	// HostedControlPlane lists the subnets for its AWS load balancers.
	AWSLoadBalancerSubnetsAnnotation = "hypershift.openshift.io/aws-load-balancer-subnets"
	// KubeVirtInfraCredentialsSecretName is the secret holding the
	// kubeconfig of an external KubeVirt infrastructure cluster.
	KubeVirtInfraCredentialsSecretName = "kubevirt-infra-credentials"
)
