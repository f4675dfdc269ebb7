package util

import (
	configv1 "github.com/openshift/api/config/v1"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
	"github.com/hcpkit/hcpkit/pkg/kasutil"
)

// KASPodPort returns the port the KAS binds in its pod (6443 unless another
// port than 443 is set; 6443 for a nil hcp). See kasutil.PodPort.
func KASPodPort(hcp *hyperv1.HostedControlPlane) int32 { return kasutil.PodPort(hcp) }

// KASPodPortFromHostedCluster is KASPodPort for a HostedCluster. See
// kasutil.PodPortHC.
func KASPodPortFromHostedCluster(hc *hyperv1.HostedCluster) int32 { return kasutil.PodPortHC(hc) }

// APIPortForLocalZone returns the KAS port behind the
// api.<cluster>.hypershift.local name: 6443 for a load-balanced KAS, else
// 443. See kasutil.APIPortForLocalZone.
func APIPortForLocalZone(isLBKAS bool) int32 { return kasutil.APIPortForLocalZone(isLBKAS) }

// AdvertiseAddress returns the KAS advertise address hcp sets, or nil. See
// kasutil.AdvertiseAddress.
func AdvertiseAddress(hcp *hyperv1.HostedControlPlane) *string { return kasutil.AdvertiseAddress(hcp) }

// AdvertiseAddressWithDefault returns the advertise address hcp sets ("" if
// set so), or defaultValue. See kasutil.AdvertiseAddressWithDefault.
func AdvertiseAddressWithDefault(hcp *hyperv1.HostedControlPlane, defaultValue string) string {
	return kasutil.AdvertiseAddressWithDefault(hcp, defaultValue)
}

// GetAdvertiseAddress returns the advertise address hcp sets or, when none,
// "" or only white space is set (or hcp is nil), the default of the first
// service network's family. See kasutil.DefaultedAdvertiseAddress.
func GetAdvertiseAddress(hcp *hyperv1.HostedControlPlane, ipv4DefaultAddress, ipv6DefaultAddress string) string {
	return kasutil.DefaultedAdvertiseAddress(hcp, ipv4DefaultAddress, ipv6DefaultAddress)
}

// AllowedCIDRBlocks returns the source CIDRs allowed to reach the KAS, or
// nil. See kasutil.AllowedCIDRBlocks.
func AllowedCIDRBlocks(hcp *hyperv1.HostedControlPlane) []hyperv1.CIDRBlock {
	return kasutil.AllowedCIDRBlocks(hcp)
}

// ServicePublishingStrategyByTypeForHCP returns how hcp publishes svcType, or
// nil. See kasutil.ServicePublishingStrategy.
func ServicePublishingStrategyByTypeForHCP(hcp *hyperv1.HostedControlPlane, svcType hyperv1.ServiceType) *hyperv1.ServicePublishingStrategy {
	return kasutil.ServicePublishingStrategy(hcp, svcType)
}

// ServicePublishingStrategyByTypeByHC returns how hc publishes svcType, or
// nil. See kasutil.ServicePublishingStrategyHC.
func ServicePublishingStrategyByTypeByHC(hc *hyperv1.HostedCluster, svcType hyperv1.ServiceType) *hyperv1.ServicePublishingStrategy {
	return kasutil.ServicePublishingStrategyHC(hc, svcType)
}

// IsLBKAS reports whether hcp publishes the KAS through a load balancer. See
// kasutil.IsLBKAS.
func IsLBKAS(hcp *hyperv1.HostedControlPlane) bool { return kasutil.IsLBKAS(hcp) }

// IsLBKASByHC reports whether hc publishes the KAS through a load balancer.
// See kasutil.IsLBKASHC.
func IsLBKASByHC(hc *hyperv1.HostedCluster) bool { return kasutil.IsLBKASHC(hc) }

// IsRouteKAS reports whether hcp publishes the KAS through a route. See
// kasutil.IsRouteKAS.
func IsRouteKAS(hcp *hyperv1.HostedControlPlane) bool { return kasutil.IsRouteKAS(hcp) }

// UseDedicatedDNSforKAS reports whether hcp publishes the KAS through a route
// with an explicit host name. See kasutil.UseDedicatedDNS.
func UseDedicatedDNSforKAS(hcp *hyperv1.HostedControlPlane) bool { return kasutil.UseDedicatedDNS(hcp) }

// UseDedicatedDNSForKASByHC is UseDedicatedDNSforKAS for a HostedCluster. See
// kasutil.UseDedicatedDNSHC.
func UseDedicatedDNSForKASByHC(hc *hyperv1.HostedCluster) bool { return kasutil.UseDedicatedDNSHC(hc) }

// IsPublicKASWithDNS reports whether the control plane is public and uses a
// dedicated DNS name for the KAS. See kasutil.IsPublicKASWithDNS.
func IsPublicKASWithDNS(hostedControlPlane *hyperv1.HostedControlPlane) bool {
	return kasutil.IsPublicKASWithDNS(hostedControlPlane)
}

// ServiceExternalDNSHostname returns the external host name of a service of a
// public control plane, or "". See kasutil.ServiceExternalDNSHostname.
func ServiceExternalDNSHostname(hcp *hyperv1.HostedControlPlane, serviceType hyperv1.ServiceType) string {
	return kasutil.ServiceExternalDNSHostname(hcp, serviceType)
}

// ServiceExternalDNSHostnameByHC returns the external host name of a service
// of a public HostedCluster, or "". See kasutil.ServiceExternalDNSHostnameHC.
func ServiceExternalDNSHostnameByHC(hc *hyperv1.HostedCluster, serviceType hyperv1.ServiceType) string {
	return kasutil.ServiceExternalDNSHostnameHC(hc, serviceType)
}

// IsPublicHCP reports whether hcp is reachable from the internet (an AWS
// cluster without endpointAccess is, as the API defaults it to Public). See
// kasutil.IsPublic.
func IsPublicHCP(hcp *hyperv1.HostedControlPlane) bool { return kasutil.IsPublic(hcp) }

// IsPrivateHCP reports whether hcp is reachable privately. See
// kasutil.IsPrivate.
func IsPrivateHCP(hcp *hyperv1.HostedControlPlane) bool { return kasutil.IsPrivate(hcp) }

// IsPublicHC is IsPublicHCP for a HostedCluster. See kasutil.IsPublicHC.
func IsPublicHC(hc *hyperv1.HostedCluster) bool { return kasutil.IsPublicHC(hc) }

// IsPrivateHC is IsPrivateHCP for a HostedCluster. See kasutil.IsPrivateHC.
func IsPrivateHC(hc *hyperv1.HostedCluster) bool { return kasutil.IsPrivateHC(hc) }

// ConnectsThroughInternetToControlplane reports whether workloads reach the
// KAS through the internet. See kasutil.ConnectsThroughInternet.
func ConnectsThroughInternetToControlplane(platform hyperv1.PlatformSpec) bool {
	return kasutil.ConnectsThroughInternet(platform)
}

// ConfigOAuthEnabled reports whether an authentication configuration runs the
// integrated OAuth server. See kasutil.ConfigOAuthEnabled.
func ConfigOAuthEnabled(authentication *configv1.AuthenticationSpec) bool {
	return kasutil.ConfigOAuthEnabled(authentication)
}

// HCPOAuthEnabled reports whether hcp runs the integrated OAuth server (true
// for a nil hcp). See kasutil.OAuthEnabled.
func HCPOAuthEnabled(hcp *hyperv1.HostedControlPlane) bool { return kasutil.OAuthEnabled(hcp) }

// HCOAuthEnabled reports whether hc runs the integrated OAuth server (true
// for a nil hc). See kasutil.OAuthEnabledHC.
func HCOAuthEnabled(hc *hyperv1.HostedCluster) bool { return kasutil.OAuthEnabledHC(hc) }

// HCPControlPlaneReleaseImage returns the control plane release image of hcp,
// else its release image ("" for a nil hcp). See
// kasutil.ControlPlaneReleaseImage.
func HCPControlPlaneReleaseImage(hcp *hyperv1.HostedControlPlane) string {
	return kasutil.ControlPlaneReleaseImage(hcp)
}

// HCControlPlaneReleaseImage returns the control plane release image of
// hcluster, else its release image ("" for a nil hcluster). See
// kasutil.ControlPlaneReleaseImageHC.
func HCControlPlaneReleaseImage(hcluster *hyperv1.HostedCluster) string {
	return kasutil.ControlPlaneReleaseImageHC(hcluster)
}
