package kasutil

import hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"

// DefaultPodPort is the port the KAS binds in its pod when the cluster sets
// none, or sets 443.
const DefaultPodPort int32 = 6443

// externalPort is the port clients reach a route-published KAS on. The KAS
// may not bind it in its pod; clusters that set it bind DefaultPodPort.
const externalPort int32 = 443

// PodPort returns the port the KAS binds in its pod: the API server port of
// hcp's networking when set and not 443, else DefaultPodPort. A port set to 0
// is returned as 0, as HyperShift does.
func PodPort(hcp *hyperv1.HostedControlPlane) int32 {
	if hcp == nil {
		return DefaultPodPort
	}
	return podPort(&hcp.Spec.Networking)
}

// PodPortHC is PodPort for a HostedCluster.
func PodPortHC(hc *hyperv1.HostedCluster) int32 {
	if hc == nil {
		return DefaultPodPort
	}
	return podPort(&hc.Spec.Networking)
}

func podPort(n *hyperv1.ClusterNetworking) int32 {
	if n.APIServer == nil || n.APIServer.Port == nil || *n.APIServer.Port == externalPort {
		return DefaultPodPort
	}
	return *n.APIServer.Port
}

// APIPortForLocalZone returns the port that processes inside a private hosted
// cluster use to reach the KAS through the api.<cluster>.hypershift.local
// name: 6443 when the KAS is published through a load balancer, 443
// otherwise.
func APIPortForLocalZone(isLBKAS bool) int32 {
	if isLBKAS {
		return DefaultPodPort
	}
	return externalPort
}
