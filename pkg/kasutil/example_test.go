package kasutil_test

import (
	"fmt"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
	"github.com/hcpkit/hcpkit/pkg/api/ipnet"
	"github.com/hcpkit/hcpkit/pkg/kasutil"
)

func ExamplePodPort() {
	port := func(p int32) *hyperv1.HostedControlPlane {
		hcp := &hyperv1.HostedControlPlane{}
		hcp.Spec.Networking.APIServer = &hyperv1.APIServerNetworking{Port: &p}
		return hcp
	}
	fmt.Println(kasutil.PodPort(nil))
	fmt.Println(kasutil.PodPort(port(8443)))
	fmt.Println(kasutil.PodPort(port(443))) // the KAS may not bind 443 in its pod
	// Output:
	// 6443
	// 8443
	// 6443
}

func ExampleDefaultedAdvertiseAddress() {
	hcp := &hyperv1.HostedControlPlane{}
	hcp.Spec.Networking.ServiceNetwork = []hyperv1.ServiceNetworkEntry{
		{CIDR: *ipnet.MustParseCIDR("fd02::/112")},
		{CIDR: *ipnet.MustParseCIDR("172.31.0.0/16")},
	}
	// No address set: the default of the first service network's family.
	fmt.Println(kasutil.DefaultedAdvertiseAddress(hcp, "172.20.0.1", "fd00::1"))

	addr := "fd00::10"
	hcp.Spec.Networking.APIServer = &hyperv1.APIServerNetworking{AdvertiseAddress: &addr}
	fmt.Println(kasutil.DefaultedAdvertiseAddress(hcp, "172.20.0.1", "fd00::1"))
	// Output:
	// fd00::1
	// fd00::10
}

func ExampleIsPublic() {
	aws := func(block *hyperv1.AWSPlatformSpec) *hyperv1.HostedControlPlane {
		hcp := &hyperv1.HostedControlPlane{}
		hcp.Spec.Platform = hyperv1.PlatformSpec{Type: hyperv1.AWSPlatform, AWS: block}
		return hcp
	}
	for _, tc := range []struct {
		name string
		hcp  *hyperv1.HostedControlPlane
	}{
		{"Public", aws(&hyperv1.AWSPlatformSpec{EndpointAccess: hyperv1.Public})},
		{"PublicAndPrivate", aws(&hyperv1.AWSPlatformSpec{EndpointAccess: hyperv1.PublicAndPrivate})},
		{"Private", aws(&hyperv1.AWSPlatformSpec{EndpointAccess: hyperv1.Private})},
		{"no aws block", aws(nil)},
	} {
		fmt.Printf("%s: public=%v private=%v\n", tc.name, kasutil.IsPublic(tc.hcp), kasutil.IsPrivate(tc.hcp))
	}
	// Output:
	// Public: public=true private=false
	// PublicAndPrivate: public=true private=true
	// Private: public=false private=true
	// no aws block: public=true private=false
}
