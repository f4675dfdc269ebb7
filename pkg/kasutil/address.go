package kasutil

import (
	"strings"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
)

// AdvertiseAddress returns the KAS advertise address that hcp sets, or nil
// when it sets none or hcp is nil. The pointer is the one stored in hcp.
func AdvertiseAddress(hcp *hyperv1.HostedControlPlane) *string {
	if hcp == nil || hcp.Spec.Networking.APIServer == nil {
		return nil
	}
	return hcp.Spec.Networking.APIServer.AdvertiseAddress
}

// AdvertiseAddressWithDefault returns the advertise address that hcp sets,
// even when it is set to "" or only white space, or def when it sets none.
func AdvertiseAddressWithDefault(hcp *hyperv1.HostedControlPlane, def string) string {
	if a := AdvertiseAddress(hcp); a != nil {
		return *a
	}
	return def
}

// DefaultedAdvertiseAddress returns the KAS advertise address of hcp, as set.
// When hcp sets none, or sets "" or only white space, it returns the default
// of the family of the first service network: ipv6Default when that network
// is IPv6, ipv4Default otherwise (no service network, a null one, or a nil
// hcp).
func DefaultedAdvertiseAddress(hcp *hyperv1.HostedControlPlane, ipv4Default, ipv6Default string) string {
	if a := AdvertiseAddress(hcp); a != nil && strings.TrimSpace(*a) != "" {
		return *a
	}
	if hcp != nil && firstServiceNetworkIsIPv6(hcp.Spec.Networking.ServiceNetwork) {
		return ipv6Default
	}
	return ipv4Default
}

// firstServiceNetworkIsIPv6 reports whether the first service network entry
// holds an IPv6 network. A dual-stack cluster takes the family of the entry
// it lists first.
func firstServiceNetworkIsIPv6(entries []hyperv1.ServiceNetworkEntry) bool {
	if len(entries) == 0 {
		return false
	}
	ip := entries[0].CIDR.IP
	return len(ip) == 16 && ip.To4() == nil
}

// AllowedCIDRBlocks returns the source CIDRs allowed to reach the KAS, or nil
// when hcp restricts none or is nil. The slice is the one stored in hcp.
func AllowedCIDRBlocks(hcp *hyperv1.HostedControlPlane) []hyperv1.CIDRBlock {
	if hcp == nil || hcp.Spec.Networking.APIServer == nil {
		return nil
	}
	return hcp.Spec.Networking.APIServer.AllowedCIDRBlocks
}
