package kasutil

import (
	"net"
	"slices"
	"testing"

	configv1 "github.com/openshift/api/config/v1"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
	"github.com/hcpkit/hcpkit/pkg/api/ipnet"
)

func ptr[T any](v T) *T { return &v }

func TestNilObjectsAnswerAsEmptySpec(t *testing.T) {
	var hcp *hyperv1.HostedControlPlane
	var hc *hyperv1.HostedCluster
	empty := &hyperv1.HostedControlPlane{}
	emptyHC := &hyperv1.HostedCluster{}
	type pair struct {
		name     string
		nil, emp any
	}
	pairs := []pair{
		{"PodPort", PodPort(hcp), PodPort(empty)},
		{"PodPortHC", PodPortHC(hc), PodPortHC(emptyHC)},
		{"AdvertiseAddress", AdvertiseAddress(hcp) == nil, AdvertiseAddress(empty) == nil},
		{"AdvertiseAddressWithDefault", AdvertiseAddressWithDefault(hcp, "d"), AdvertiseAddressWithDefault(empty, "d")},
		{"DefaultedAdvertiseAddress", DefaultedAdvertiseAddress(hcp, "4", "6"), DefaultedAdvertiseAddress(empty, "4", "6")},
		{"AllowedCIDRBlocks", AllowedCIDRBlocks(hcp) == nil, AllowedCIDRBlocks(empty) == nil},
		{"ServicePublishingStrategy", ServicePublishingStrategy(hcp, hyperv1.APIServer) == nil, ServicePublishingStrategy(empty, hyperv1.APIServer) == nil},
		{"ServicePublishingStrategyHC", ServicePublishingStrategyHC(hc, hyperv1.APIServer) == nil, ServicePublishingStrategyHC(emptyHC, hyperv1.APIServer) == nil},
		{"IsLBKAS", IsLBKAS(hcp), IsLBKAS(empty)},
		{"IsLBKASHC", IsLBKASHC(hc), IsLBKASHC(emptyHC)},
		{"IsRouteKAS", IsRouteKAS(hcp), IsRouteKAS(empty)},
		{"UseDedicatedDNS", UseDedicatedDNS(hcp), UseDedicatedDNS(empty)},
		{"UseDedicatedDNSHC", UseDedicatedDNSHC(hc), UseDedicatedDNSHC(emptyHC)},
		{"IsPublicKASWithDNS", IsPublicKASWithDNS(hcp), IsPublicKASWithDNS(empty)},
		{"ServiceExternalDNSHostname", ServiceExternalDNSHostname(hcp, hyperv1.APIServer), ServiceExternalDNSHostname(empty, hyperv1.APIServer)},
		{"ServiceExternalDNSHostnameHC", ServiceExternalDNSHostnameHC(hc, hyperv1.APIServer), ServiceExternalDNSHostnameHC(emptyHC, hyperv1.APIServer)},
		{"IsPublic", IsPublic(hcp), IsPublic(empty)},
		{"IsPrivate", IsPrivate(hcp), IsPrivate(empty)},
		{"IsPublicHC", IsPublicHC(hc), IsPublicHC(emptyHC)},
		{"IsPrivateHC", IsPrivateHC(hc), IsPrivateHC(emptyHC)},
		{"OAuthEnabled", OAuthEnabled(hcp), OAuthEnabled(empty)},
		{"OAuthEnabledHC", OAuthEnabledHC(hc), OAuthEnabledHC(emptyHC)},
		{"ControlPlaneReleaseImage", ControlPlaneReleaseImage(hcp), ControlPlaneReleaseImage(empty)},
		{"ControlPlaneReleaseImageHC", ControlPlaneReleaseImageHC(hc), ControlPlaneReleaseImageHC(emptyHC)},
	}
	for _, p := range pairs {
		if p.nil != p.emp {
			t.Errorf("%s: nil object gives %v, empty spec gives %v", p.name, p.nil, p.emp)
		}
	}
}

func TestAdvertiseAddress(t *testing.T) {
	set := &hyperv1.HostedControlPlane{}
	set.Spec.Networking.APIServer = &hyperv1.APIServerNetworking{AdvertiseAddress: ptr("192.0.2.10")}
	if got := AdvertiseAddress(set); got == nil || *got != "192.0.2.10" {
		t.Errorf("AdvertiseAddress = %v", got)
	}
	if got := AdvertiseAddress(set); got != set.Spec.Networking.APIServer.AdvertiseAddress {
		t.Error("AdvertiseAddress does not return the stored pointer")
	}
	noAddr := &hyperv1.HostedControlPlane{}
	noAddr.Spec.Networking.APIServer = &hyperv1.APIServerNetworking{}
	if got := AdvertiseAddress(noAddr); got != nil {
		t.Errorf("AdvertiseAddress without address = %q", *got)
	}
}

func TestDefaultedAdvertiseAddress(t *testing.T) {
	withNets := func(addr *string, cidrs ...string) *hyperv1.HostedControlPlane {
		hcp := &hyperv1.HostedControlPlane{}
		for _, c := range cidrs {
			e := hyperv1.ServiceNetworkEntry{}
			if c != "" {
				e.CIDR = *ipnet.MustParseCIDR(c)
			}
			hcp.Spec.Networking.ServiceNetwork = append(hcp.Spec.Networking.ServiceNetwork, e)
		}
		if addr != nil {
			hcp.Spec.Networking.APIServer = &hyperv1.APIServerNetworking{AdvertiseAddress: addr}
		}
		return hcp
	}
	tests := []struct {
		name string
		hcp  *hyperv1.HostedControlPlane
		want string
	}{
		{"nil", nil, "v4"},
		{"no service network", withNets(nil), "v4"},
		{"IPv4", withNets(nil, "172.30.0.0/16"), "v4"},
		{"IPv6", withNets(nil, "fd02::/112"), "v6"},
		{"dual stack, IPv4 first", withNets(nil, "172.30.0.0/16", "fd02::/112"), "v4"},
		{"dual stack, IPv6 first", withNets(nil, "fd02::/112", "172.30.0.0/16"), "v6"},
		{"null cidr", withNets(nil, ""), "v4"},
		{"IPv4-mapped IPv6 cidr", withNets(nil, "::ffff:10.0.0.0/104"), "v4"},
		{"set", withNets(ptr("fd00::10"), "172.30.0.0/16"), "fd00::10"},
		{"set empty, IPv4", withNets(ptr(""), "172.30.0.0/16"), "v4"},
		{"set empty, IPv6", withNets(ptr(""), "fd02::/112"), "v6"},
	}
	for _, tt := range tests {
		if got := DefaultedAdvertiseAddress(tt.hcp, "v4", "v6"); got != tt.want {
			t.Errorf("%s: DefaultedAdvertiseAddress = %q, want %q", tt.name, got, tt.want)
		}
	}
	// AdvertiseAddressWithDefault keeps returning what is set, "" included.
	if got := AdvertiseAddressWithDefault(withNets(ptr("")), "d"); got != "" {
		t.Errorf("AdvertiseAddressWithDefault(set to \"\") = %q, want \"\"", got)
	}
}

func TestAllowedCIDRBlocks(t *testing.T) {
	hcp := &hyperv1.HostedControlPlane{}
	hcp.Spec.Networking.APIServer = &hyperv1.APIServerNetworking{AllowedCIDRBlocks: []hyperv1.CIDRBlock{"10.0.0.0/8", "192.0.2.0/24"}}
	if got := AllowedCIDRBlocks(hcp); !slices.Equal(got, []hyperv1.CIDRBlock{"10.0.0.0/8", "192.0.2.0/24"}) {
		t.Errorf("AllowedCIDRBlocks = %v", got)
	}
	hcp.Spec.Networking.APIServer = &hyperv1.APIServerNetworking{}
	if got := AllowedCIDRBlocks(hcp); got != nil {
		t.Errorf("AllowedCIDRBlocks without blocks = %v", got)
	}
}

func TestServicePublishingStrategy(t *testing.T) {
	services := []hyperv1.ServicePublishingStrategyMapping{
		{Service: hyperv1.OAuthServer, ServicePublishingStrategy: hyperv1.ServicePublishingStrategy{Type: hyperv1.Route}},
		{Service: hyperv1.APIServer, ServicePublishingStrategy: hyperv1.ServicePublishingStrategy{Type: hyperv1.LoadBalancer}},
		{Service: hyperv1.APIServer, ServicePublishingStrategy: hyperv1.ServicePublishingStrategy{Type: hyperv1.NodePort}},
	}
	hcp := &hyperv1.HostedControlPlane{Spec: hyperv1.HostedControlPlaneSpec{Services: services}}
	hc := &hyperv1.HostedCluster{Spec: hyperv1.HostedClusterSpec{Services: services}}
	if s := ServicePublishingStrategy(hcp, hyperv1.APIServer); s == nil || s.Type != hyperv1.LoadBalancer {
		t.Errorf("APIServer strategy = %+v, want the first entry (LoadBalancer)", s)
	}
	if s := ServicePublishingStrategy(hcp, hyperv1.APIServer); s != &hcp.Spec.Services[1].ServicePublishingStrategy {
		t.Error("strategy does not point into the object")
	}
	if s := ServicePublishingStrategyHC(hc, hyperv1.OAuthServer); s == nil || s.Type != hyperv1.Route {
		t.Errorf("OAuthServer strategy (HC) = %+v", s)
	}
	if s := ServicePublishingStrategy(hcp, hyperv1.Konnectivity); s != nil {
		t.Errorf("Konnectivity strategy = %+v, want nil", s)
	}
	if !IsLBKAS(hcp) || !IsLBKASHC(hc) || IsRouteKAS(hcp) {
		t.Error("KAS publishing type misread")
	}
}

func TestIsPublicKASWithDNS(t *testing.T) {
	route := func(host string, access hyperv1.AWSEndpointAccessType, withBlock bool) *hyperv1.HostedControlPlane {
		hcp := &hyperv1.HostedControlPlane{}
		hcp.Spec.Platform.Type = hyperv1.AWSPlatform
		if withBlock {
			hcp.Spec.Platform.AWS = &hyperv1.AWSPlatformSpec{EndpointAccess: access}
		}
		hcp.Spec.Services = []hyperv1.ServicePublishingStrategyMapping{{
			Service: hyperv1.APIServer,
			ServicePublishingStrategy: hyperv1.ServicePublishingStrategy{
				Type: hyperv1.Route, Route: &hyperv1.RoutePublishingStrategy{Hostname: host},
			},
		}}
		return hcp
	}
	tests := []struct {
		name string
		hcp  *hyperv1.HostedControlPlane
		want bool
	}{
		{"public with host", route("api.example.com", hyperv1.Public, true), true},
		{"public and private with host", route("api.example.com", hyperv1.PublicAndPrivate, true), true},
		{"private with host", route("api.example.com", hyperv1.Private, true), false},
		{"public without host", route("", hyperv1.Public, true), false},
		{"no aws block (defaults to Public)", route("api.example.com", "", false), true},
		{"empty endpointAccess (defaults to Public)", route("api.example.com", "", true), true},
	}
	for _, tt := range tests {
		if got := IsPublicKASWithDNS(tt.hcp); got != tt.want {
			t.Errorf("%s: IsPublicKASWithDNS = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestVisibilityIsConsistent(t *testing.T) {
	// Whatever the AWS settings, a cluster is public or private (or both),
	// and workers go through the internet exactly when it is public only.
	blocks := []*hyperv1.AWSPlatformSpec{nil, {}, {EndpointAccess: hyperv1.Public}, {EndpointAccess: hyperv1.PublicAndPrivate}, {EndpointAccess: hyperv1.Private}}
	for _, b := range blocks {
		p := hyperv1.PlatformSpec{Type: hyperv1.AWSPlatform, AWS: b}
		hcp := &hyperv1.HostedControlPlane{Spec: hyperv1.HostedControlPlaneSpec{Platform: p}}
		hc := &hyperv1.HostedCluster{Spec: hyperv1.HostedClusterSpec{Platform: p}}
		pub, priv := IsPublic(hcp), IsPrivate(hcp)
		if !pub && !priv {
			t.Errorf("aws %+v: neither public nor private", b)
		}
		if pub != IsPublicHC(hc) || priv != IsPrivateHC(hc) {
			t.Errorf("aws %+v: HC and HCP forms disagree", b)
		}
		if ConnectsThroughInternet(p) != (pub && !priv) {
			t.Errorf("aws %+v: ConnectsThroughInternet = %v, public %v, private %v", b, ConnectsThroughInternet(p), pub, priv)
		}
	}
}

func TestConfigOAuthEnabled(t *testing.T) {
	tests := []struct {
		auth *configv1.AuthenticationSpec
		want bool
	}{
		{nil, true},
		{&configv1.AuthenticationSpec{}, true},
		{&configv1.AuthenticationSpec{Type: configv1.AuthenticationTypeIntegratedOAuth}, true},
		{&configv1.AuthenticationSpec{Type: configv1.AuthenticationTypeNone}, true},
		{&configv1.AuthenticationSpec{Type: configv1.AuthenticationTypeOIDC}, false},
	}
	for _, tt := range tests {
		if got := ConfigOAuthEnabled(tt.auth); got != tt.want {
			t.Errorf("ConfigOAuthEnabled(%+v) = %v, want %v", tt.auth, got, tt.want)
		}
	}
	hc := &hyperv1.HostedCluster{}
	hc.Spec.Configuration = &hyperv1.ClusterConfiguration{Authentication: &configv1.AuthenticationSpec{Type: configv1.AuthenticationTypeOIDC}}
	if OAuthEnabledHC(hc) {
		t.Error("OAuthEnabledHC with OIDC = true")
	}
}

func TestControlPlaneReleaseImage(t *testing.T) {
	const rel, cp = "quay.io/openshift-release-dev/ocp-release:4.16.0-x86_64", "quay.io/openshift-release-dev/ocp-release:4.16.1-x86_64"
	tests := []struct {
		name string
		cp   *string
		want string
	}{
		{"unset", nil, rel},
		{"set", ptr(cp), cp},
		{"set empty", ptr(""), rel},
	}
	for _, tt := range tests {
		hcp := &hyperv1.HostedControlPlane{Spec: hyperv1.HostedControlPlaneSpec{ReleaseImage: rel, ControlPlaneReleaseImage: tt.cp}}
		if got := ControlPlaneReleaseImage(hcp); got != tt.want {
			t.Errorf("%s: ControlPlaneReleaseImage = %q, want %q", tt.name, got, tt.want)
		}
		hc := &hyperv1.HostedCluster{Spec: hyperv1.HostedClusterSpec{Release: hyperv1.Release{Image: rel}}}
		if tt.cp != nil {
			hc.Spec.ControlPlaneRelease = &hyperv1.Release{Image: *tt.cp}
		}
		if got := ControlPlaneReleaseImageHC(hc); got != tt.want {
			t.Errorf("%s: ControlPlaneReleaseImageHC = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestPodPortEdges(t *testing.T) {
	for _, tt := range []struct {
		port *int32
		want int32
	}{{nil, 6443}, {ptr[int32](443), 6443}, {ptr[int32](6443), 6443}, {ptr[int32](8443), 8443}, {ptr[int32](0), 0}} {
		hcp := &hyperv1.HostedControlPlane{}
		hcp.Spec.Networking.APIServer = &hyperv1.APIServerNetworking{Port: tt.port}
		if got := PodPort(hcp); got != tt.want {
			t.Errorf("PodPort(port %v) = %d, want %d", tt.port, got, tt.want)
		}
	}
	if APIPortForLocalZone(true) != 6443 || APIPortForLocalZone(false) != 443 {
		t.Error("APIPortForLocalZone ports changed")
	}
}

func BenchmarkServiceExternalDNSHostname(b *testing.B) {
	hcp := &hyperv1.HostedControlPlane{}
	hcp.Spec.Platform = hyperv1.PlatformSpec{Type: hyperv1.AWSPlatform, AWS: &hyperv1.AWSPlatformSpec{EndpointAccess: hyperv1.PublicAndPrivate}}
	for _, s := range []hyperv1.ServiceType{hyperv1.APIServer, hyperv1.OAuthServer, hyperv1.Konnectivity, hyperv1.Ignition} {
		hcp.Spec.Services = append(hcp.Spec.Services, hyperv1.ServicePublishingStrategyMapping{
			Service:                   s,
			ServicePublishingStrategy: hyperv1.ServicePublishingStrategy{Type: hyperv1.Route, Route: &hyperv1.RoutePublishingStrategy{Hostname: string(s) + ".example.com"}},
		})
	}
	for b.Loop() {
		if ServiceExternalDNSHostname(hcp, hyperv1.Ignition) == "" {
			b.Fatal("no host name")
		}
	}
}

func BenchmarkDefaultedAdvertiseAddress(b *testing.B) {
	hcp := &hyperv1.HostedControlPlane{}
	hcp.Spec.Networking.ServiceNetwork = []hyperv1.ServiceNetworkEntry{{CIDR: *ipnet.MustParseCIDR("fd02::/112")}}
	for b.Loop() {
		if DefaultedAdvertiseAddress(hcp, "172.20.0.1", "fd00::1") != "fd00::1" {
			b.Fatal("wrong family")
		}
	}
}

// BenchmarkAdvertiseAddressFamilyViaString measures the way v0.1.40 finds the
// service network's family (format the CIDR, parse it again), for comparison
// with BenchmarkDefaultedAdvertiseAddress, which reads the parsed network.
func BenchmarkAdvertiseAddressFamilyViaString(b *testing.B) {
	n := ipnet.MustParseCIDR("fd02::/112")
	for b.Loop() {
		_, parsed, err := net.ParseCIDR(n.String())
		if err != nil || parsed.IP.To4() != nil {
			b.Fatal("wrong family")
		}
	}
}
