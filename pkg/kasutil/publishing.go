package kasutil

import hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"

// ServicePublishingStrategy returns how hcp publishes svc: the strategy of the
// first entry of spec.services for svc, or nil when there is none or hcp is
// nil. The result points into hcp; DeepCopy it before changing it.
func ServicePublishingStrategy(hcp *hyperv1.HostedControlPlane, svc hyperv1.ServiceType) *hyperv1.ServicePublishingStrategy {
	if hcp == nil {
		return nil
	}
	return strategyOf(hcp.Spec.Services, svc)
}

// ServicePublishingStrategyHC is ServicePublishingStrategy for a
// HostedCluster.
func ServicePublishingStrategyHC(hc *hyperv1.HostedCluster, svc hyperv1.ServiceType) *hyperv1.ServicePublishingStrategy {
	if hc == nil {
		return nil
	}
	return strategyOf(hc.Spec.Services, svc)
}

func strategyOf(services []hyperv1.ServicePublishingStrategyMapping, svc hyperv1.ServiceType) *hyperv1.ServicePublishingStrategy {
	for i := range services {
		if services[i].Service == svc {
			return &services[i].ServicePublishingStrategy
		}
	}
	return nil
}

// IsLBKAS reports whether hcp publishes the KAS through a load balancer.
func IsLBKAS(hcp *hyperv1.HostedControlPlane) bool {
	return isType(ServicePublishingStrategy(hcp, hyperv1.APIServer), hyperv1.LoadBalancer)
}

// IsLBKASHC is IsLBKAS for a HostedCluster.
func IsLBKASHC(hc *hyperv1.HostedCluster) bool {
	return isType(ServicePublishingStrategyHC(hc, hyperv1.APIServer), hyperv1.LoadBalancer)
}

// IsRouteKAS reports whether hcp publishes the KAS through a route.
func IsRouteKAS(hcp *hyperv1.HostedControlPlane) bool {
	return isType(ServicePublishingStrategy(hcp, hyperv1.APIServer), hyperv1.Route)
}

func isType(s *hyperv1.ServicePublishingStrategy, t hyperv1.PublishingStrategyType) bool {
	return s != nil && s.Type == t
}

// UseDedicatedDNS reports whether hcp publishes the KAS through a route with
// an explicit host name, which external-dns then publishes as a dedicated
// DNS record.
func UseDedicatedDNS(hcp *hyperv1.HostedControlPlane) bool {
	return dedicatedDNS(ServicePublishingStrategy(hcp, hyperv1.APIServer))
}

// UseDedicatedDNSHC is UseDedicatedDNS for a HostedCluster.
func UseDedicatedDNSHC(hc *hyperv1.HostedCluster) bool {
	return dedicatedDNS(ServicePublishingStrategyHC(hc, hyperv1.APIServer))
}

func dedicatedDNS(s *hyperv1.ServicePublishingStrategy) bool {
	return isType(s, hyperv1.Route) && s.Route != nil && s.Route.Hostname != ""
}

// IsPublicKASWithDNS reports whether hcp is public and publishes the KAS with
// a dedicated DNS name (see UseDedicatedDNS).
func IsPublicKASWithDNS(hcp *hyperv1.HostedControlPlane) bool {
	return IsPublic(hcp) && UseDedicatedDNS(hcp)
}

// ServiceExternalDNSHostname returns the external host name hcp sets for svc:
// the host name of its load balancer or route strategy. It returns "" when
// hcp is not public (external DNS names are published only for public
// clusters), when svc is published another way or sets no host name, and when
// hcp is nil.
func ServiceExternalDNSHostname(hcp *hyperv1.HostedControlPlane, svc hyperv1.ServiceType) string {
	if !IsPublic(hcp) {
		return ""
	}
	return hostnameOf(ServicePublishingStrategy(hcp, svc))
}

// ServiceExternalDNSHostnameHC is ServiceExternalDNSHostname for a
// HostedCluster.
func ServiceExternalDNSHostnameHC(hc *hyperv1.HostedCluster, svc hyperv1.ServiceType) string {
	if !IsPublicHC(hc) {
		return ""
	}
	return hostnameOf(ServicePublishingStrategyHC(hc, svc))
}

func hostnameOf(s *hyperv1.ServicePublishingStrategy) string {
	switch {
	case s == nil:
		return ""
	case s.Type == hyperv1.LoadBalancer && s.LoadBalancer != nil:
		return s.LoadBalancer.Hostname
	case s.Type == hyperv1.Route && s.Route != nil:
		return s.Route.Hostname
	}
	return ""
}
