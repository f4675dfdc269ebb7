package util_test

import (
	"fmt"

	"k8s.io/utils/ptr"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
	"github.com/hcpkit/hcpkit/pkg/compat/util"
)

// Example shows the facade used as a drop-in for support/util: code written
// against v0.1.40 compiles unchanged after its imports move to hcpkit, and
// gets the fixed behaviour (no panic on a nil control plane, a defaulted
// empty advertise address).
func Example() {
	hcp := &hyperv1.HostedControlPlane{}
	hcp.Spec.Platform.Type = hyperv1.AWSPlatform
	hcp.Spec.Networking.APIServer = &hyperv1.APIServerNetworking{Port: ptr.To[int32](443), AdvertiseAddress: ptr.To("")}
	hcp.Spec.Services = []hyperv1.ServicePublishingStrategyMapping{{
		Service: hyperv1.APIServer,
		ServicePublishingStrategy: hyperv1.ServicePublishingStrategy{
			Type:  hyperv1.Route,
			Route: &hyperv1.RoutePublishingStrategy{Hostname: "api.example.com"},
		},
	}}

	fmt.Println("KAS pod port:", util.KASPodPort(hcp))
	fmt.Println("advertise address:", util.GetAdvertiseAddress(hcp, "172.20.0.1", "fd00::1"))
	fmt.Println("public:", util.IsPublicHCP(hcp), "private:", util.IsPrivateHCP(hcp))
	fmt.Println("route KAS:", util.IsRouteKAS(hcp), "dedicated DNS:", util.UseDedicatedDNSforKAS(hcp))
	fmt.Println("nil control plane port:", util.KASPodPort(nil))
	fmt.Println("route host:", util.ShortenRouteHostnameIfNeeded("a-very-long-route-name-that-goes-on-and-on", "and-a-namespace-that-is-long-too", "apps.example.com"))
	// Output:
	// KAS pod port: 6443
	// advertise address: 172.20.0.1
	// public: true private: false
	// route KAS: true dedicated DNS: true
	// nil control plane port: 6443
	// route host: a-very-long-route-name-that-goes-on-and-on-and-a-name-93d3f268.apps.example.com
}
