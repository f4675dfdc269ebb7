package kasutil

import hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"

// IsPublic reports whether hcp's endpoints are reachable from the internet.
// Only AWS clusters can be otherwise: their endpointAccess Public or
// PublicAndPrivate is public, and so is an unset one (no aws block, or an
// empty endpointAccess), which the API defaults to Public. Every other
// platform, and a nil hcp, is public.
func IsPublic(hcp *hyperv1.HostedControlPlane) bool {
	if hcp == nil {
		return true
	}
	return isPublic(hcp.Spec.Platform)
}

// IsPrivate reports whether hcp's endpoints are reachable from inside the
// cluster's network: an AWS cluster whose endpointAccess is Private or
// PublicAndPrivate. A cluster can be both public and private.
func IsPrivate(hcp *hyperv1.HostedControlPlane) bool {
	if hcp == nil {
		return false
	}
	return isPrivate(hcp.Spec.Platform)
}

// IsPublicHC is IsPublic for a HostedCluster.
func IsPublicHC(hc *hyperv1.HostedCluster) bool {
	if hc == nil {
		return true
	}
	return isPublic(hc.Spec.Platform)
}

// IsPrivateHC is IsPrivate for a HostedCluster.
func IsPrivateHC(hc *hyperv1.HostedCluster) bool {
	if hc == nil {
		return false
	}
	return isPrivate(hc.Spec.Platform)
}

// ConnectsThroughInternet reports whether the cluster's workloads reach the
// KAS through the internet: true unless the platform holds an aws block whose
// endpointAccess (defaulted to Public when empty) is Private or
// PublicAndPrivate. As in HyperShift, the aws block is read whatever the
// platform type says.
func ConnectsThroughInternet(platform hyperv1.PlatformSpec) bool {
	return platform.AWS == nil || endpointAccess(platform.AWS) == hyperv1.Public
}

// endpointAccess returns the endpoint access of an AWS platform with the API
// default (Public) applied.
func endpointAccess(aws *hyperv1.AWSPlatformSpec) hyperv1.AWSEndpointAccessType {
	if aws == nil || aws.EndpointAccess == "" {
		return hyperv1.Public
	}
	return aws.EndpointAccess
}

func isPublic(p hyperv1.PlatformSpec) bool {
	if p.Type != hyperv1.AWSPlatform {
		return true
	}
	a := endpointAccess(p.AWS)
	return a == hyperv1.Public || a == hyperv1.PublicAndPrivate
}

func isPrivate(p hyperv1.PlatformSpec) bool {
	if p.Type != hyperv1.AWSPlatform {
		return false
	}
	a := endpointAccess(p.AWS)
	return a == hyperv1.Private || a == hyperv1.PublicAndPrivate
}
