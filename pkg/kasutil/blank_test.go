package kasutil

import (
	"testing"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
	"github.com/hcpkit/hcpkit/pkg/api/ipnet"
)

func TestBlankAdvertiseAddress(t *testing.T) {
	hcp := func(addr string, serviceCIDR string) *hyperv1.HostedControlPlane {
		h := &hyperv1.HostedControlPlane{}
		h.Spec.Networking.APIServer = &hyperv1.APIServerNetworking{AdvertiseAddress: ptr(addr)}
		if serviceCIDR != "" {
			h.Spec.Networking.ServiceNetwork = []hyperv1.ServiceNetworkEntry{{CIDR: *ipnet.MustParseCIDR(serviceCIDR)}}
		}
		return h
	}
	cases := []struct {
		name        string
		hcp         *hyperv1.HostedControlPlane
		wantDefault string // DefaultedAdvertiseAddress
		wantSet     string // AdvertiseAddressWithDefault
	}{
		{"space", hcp(" ", ""), "172.20.0.1", " "},
		{"tab and newline", hcp("\t\n", ""), "172.20.0.1", "\t\n"},
		{"space, IPv6 service network", hcp(" ", "fd02::/112"), "fd00::1", " "},
		{"empty", hcp("", ""), "172.20.0.1", ""},
		{"address kept as set", hcp("192.0.2.1", ""), "192.0.2.1", "192.0.2.1"},
		{"padded address kept as set", hcp(" 192.0.2.1 ", ""), " 192.0.2.1 ", " 192.0.2.1 "},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := DefaultedAdvertiseAddress(tc.hcp, "172.20.0.1", "fd00::1"); got != tc.wantDefault {
				t.Errorf("DefaultedAdvertiseAddress = %q, want %q", got, tc.wantDefault)
			}
			if got := AdvertiseAddressWithDefault(tc.hcp, "203.0.113.7"); got != tc.wantSet {
				t.Errorf("AdvertiseAddressWithDefault = %q, want %q", got, tc.wantSet)
			}
		})
	}
}
