package util_test

import (
	"testing"

	configv1 "github.com/openshift/api/config/v1"

	"github.com/hcpkit/hcpkit/internal/vectors"
	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
	util "github.com/hcpkit/hcpkit/pkg/compat/util"
)

// Compile-time checks that the facade keeps the v0.1.40 signatures.
var (
	_ func(*hyperv1.HostedControlPlane) int32                                                   = util.KASPodPort
	_ func(*hyperv1.HostedCluster) int32                                                        = util.KASPodPortFromHostedCluster
	_ func(bool) int32                                                                          = util.APIPortForLocalZone
	_ func(*hyperv1.HostedControlPlane) *string                                                 = util.AdvertiseAddress
	_ func(*hyperv1.HostedControlPlane, string) string                                          = util.AdvertiseAddressWithDefault
	_ func(*hyperv1.HostedControlPlane, string, string) string                                  = util.GetAdvertiseAddress
	_ func(*hyperv1.HostedControlPlane) []hyperv1.CIDRBlock                                     = util.AllowedCIDRBlocks
	_ func(*hyperv1.HostedControlPlane, hyperv1.ServiceType) *hyperv1.ServicePublishingStrategy = util.ServicePublishingStrategyByTypeForHCP
	_ func(*hyperv1.HostedCluster, hyperv1.ServiceType) *hyperv1.ServicePublishingStrategy      = util.ServicePublishingStrategyByTypeByHC
	_ func(*hyperv1.HostedControlPlane) bool                                                    = util.IsLBKAS
	_ func(*hyperv1.HostedCluster) bool                                                         = util.IsLBKASByHC
	_ func(*hyperv1.HostedControlPlane) bool                                                    = util.IsRouteKAS
	_ func(*hyperv1.HostedControlPlane) bool                                                    = util.UseDedicatedDNSforKAS
	_ func(*hyperv1.HostedCluster) bool                                                         = util.UseDedicatedDNSForKASByHC
	_ func(*hyperv1.HostedControlPlane) bool                                                    = util.IsPublicKASWithDNS
	_ func(*hyperv1.HostedControlPlane, hyperv1.ServiceType) string                             = util.ServiceExternalDNSHostname
	_ func(*hyperv1.HostedCluster, hyperv1.ServiceType) string                                  = util.ServiceExternalDNSHostnameByHC
	_ func(*hyperv1.HostedControlPlane) bool                                                    = util.IsPublicHCP
	_ func(*hyperv1.HostedControlPlane) bool                                                    = util.IsPrivateHCP
	_ func(*hyperv1.HostedCluster) bool                                                         = util.IsPublicHC
	_ func(*hyperv1.HostedCluster) bool                                                         = util.IsPrivateHC
	_ func(hyperv1.PlatformSpec) bool                                                           = util.ConnectsThroughInternetToControlplane
	_ func(*configv1.AuthenticationSpec) bool                                                   = util.ConfigOAuthEnabled
	_ func(*hyperv1.HostedControlPlane) bool                                                    = util.HCPOAuthEnabled
	_ func(*hyperv1.HostedCluster) bool                                                         = util.HCOAuthEnabled
	_ func(*hyperv1.HostedControlPlane) string                                                  = util.HCPControlPlaneReleaseImage
	_ func(*hyperv1.HostedCluster) string                                                       = util.HCControlPlaneReleaseImage
)

func nkpCheck[T comparable](t *testing.T, c vectors.Case, got T) {
	t.Helper()
	if want := vectors.Expected[T](t, c); got != want {
		t.Errorf("got %v, want %v (v0.1.40 gave %s)", got, want, c.Out)
	}
}

func nkpHCP(t *testing.T, c vectors.Case) *hyperv1.HostedControlPlane {
	var hcp *hyperv1.HostedControlPlane
	vectors.DecodeStrict(t, c.Arg(t, "hcp"), &hcp)
	return hcp
}

func nkpHC(t *testing.T, c vectors.Case) *hyperv1.HostedCluster {
	var hc *hyperv1.HostedCluster
	vectors.DecodeStrict(t, c.Arg(t, "hc"), &hc)
	return hc
}

func TestKASFacadeVectors(t *testing.T) {
	hcpBool := map[string]func(*hyperv1.HostedControlPlane) bool{
		"IsLBKAS":               util.IsLBKAS,
		"IsRouteKAS":            util.IsRouteKAS,
		"UseDedicatedDNSforKAS": util.UseDedicatedDNSforKAS,
		"IsPublicHCP":           util.IsPublicHCP,
		"IsPrivateHCP":          util.IsPrivateHCP,
		"HCPOAuthEnabled":       util.HCPOAuthEnabled,
	}
	for name, fn := range hcpBool {
		for _, c := range vectors.Load(t, nkpVectorFile, name, vectors.RequireFixed()) {
			t.Run(name+"/"+c.Name, func(t *testing.T) { nkpCheck(t, c, fn(nkpHCP(t, c))) })
		}
	}
	hcBool := map[string]func(*hyperv1.HostedCluster) bool{
		"IsPublicHC":  util.IsPublicHC,
		"IsPrivateHC": util.IsPrivateHC,
	}
	for name, fn := range hcBool {
		for _, c := range vectors.Load(t, nkpVectorFile, name, vectors.RequireFixed()) {
			t.Run(name+"/"+c.Name, func(t *testing.T) { nkpCheck(t, c, fn(nkpHC(t, c))) })
		}
	}
	for _, c := range vectors.Load(t, nkpVectorFile, "KASPodPort", vectors.RequireFixed()) {
		t.Run("KASPodPort/"+c.Name, func(t *testing.T) { nkpCheck(t, c, util.KASPodPort(nkpHCP(t, c))) })
	}
	for _, c := range vectors.Load(t, nkpVectorFile, "KASPodPortFromHostedCluster", vectors.RequireFixed()) {
		t.Run("KASPodPortFromHostedCluster/"+c.Name, func(t *testing.T) {
			nkpCheck(t, c, util.KASPodPortFromHostedCluster(nkpHC(t, c)))
		})
	}
	for _, c := range vectors.Load(t, nkpVectorFile, "APIPortForLocalZone", vectors.RequireFixed()) {
		t.Run("APIPortForLocalZone/"+c.Name, func(t *testing.T) {
			var lb bool
			vectors.DecodeStrict(t, c.Arg(t, "isLBKAS"), &lb)
			nkpCheck(t, c, util.APIPortForLocalZone(lb))
		})
	}
	for _, c := range vectors.Load(t, nkpVectorFile, "AdvertiseAddressWithDefault", vectors.RequireFixed()) {
		t.Run("AdvertiseAddressWithDefault/"+c.Name, func(t *testing.T) {
			var def string
			vectors.DecodeStrict(t, c.Arg(t, "defaultValue"), &def)
			nkpCheck(t, c, util.AdvertiseAddressWithDefault(nkpHCP(t, c), def))
		})
	}
	for _, c := range vectors.Load(t, nkpVectorFile, "GetAdvertiseAddress", vectors.RequireFixed()) {
		t.Run("GetAdvertiseAddress/"+c.Name, func(t *testing.T) {
			var v4, v6 string
			vectors.DecodeStrict(t, c.Arg(t, "ipv4DefaultAddress"), &v4)
			vectors.DecodeStrict(t, c.Arg(t, "ipv6DefaultAddress"), &v6)
			nkpCheck(t, c, util.GetAdvertiseAddress(nkpHCP(t, c), v4, v6))
		})
	}
	for _, c := range vectors.Load(t, nkpVectorFile, "ServiceExternalDNSHostname", vectors.RequireFixed()) {
		t.Run("ServiceExternalDNSHostname/"+c.Name, func(t *testing.T) {
			var svc hyperv1.ServiceType
			vectors.DecodeStrict(t, c.Arg(t, "serviceType"), &svc)
			nkpCheck(t, c, util.ServiceExternalDNSHostname(nkpHCP(t, c), svc))
		})
	}
	for _, c := range vectors.Load(t, nkpVectorFile, "ConnectsThroughInternetToControlplane", vectors.RequireFixed()) {
		t.Run("ConnectsThroughInternetToControlplane/"+c.Name, func(t *testing.T) {
			var p hyperv1.PlatformSpec
			vectors.DecodeStrict(t, c.Arg(t, "platform"), &p)
			nkpCheck(t, c, util.ConnectsThroughInternetToControlplane(p))
		})
	}
}

func TestKASFacadeNoVectorFunctions(t *testing.T) {
	addr := "192.0.2.1"
	cp := "quay.io/example/cp:1"
	hcp := &hyperv1.HostedControlPlane{Spec: hyperv1.HostedControlPlaneSpec{
		ReleaseImage:             "quay.io/example/rel:1",
		ControlPlaneReleaseImage: &cp,
		Platform:                 hyperv1.PlatformSpec{Type: hyperv1.AWSPlatform},
		Networking: hyperv1.ClusterNetworking{APIServer: &hyperv1.APIServerNetworking{
			AdvertiseAddress: &addr, AllowedCIDRBlocks: []hyperv1.CIDRBlock{"10.0.0.0/8"},
		}},
		Services: []hyperv1.ServicePublishingStrategyMapping{{
			Service: hyperv1.APIServer,
			ServicePublishingStrategy: hyperv1.ServicePublishingStrategy{
				Type: hyperv1.Route, Route: &hyperv1.RoutePublishingStrategy{Hostname: "api.example.com"},
			},
		}},
	}}
	hc := &hyperv1.HostedCluster{Spec: hyperv1.HostedClusterSpec{
		Release:  hyperv1.Release{Image: "quay.io/example/rel:1"},
		Platform: hcp.Spec.Platform,
		Services: hcp.Spec.Services,
	}}
	if a := util.AdvertiseAddress(hcp); a == nil || *a != addr {
		t.Errorf("AdvertiseAddress = %v", a)
	}
	if b := util.AllowedCIDRBlocks(hcp); len(b) != 1 || b[0] != "10.0.0.0/8" {
		t.Errorf("AllowedCIDRBlocks = %v", b)
	}
	if s := util.ServicePublishingStrategyByTypeForHCP(hcp, hyperv1.APIServer); s == nil || s.Type != hyperv1.Route {
		t.Errorf("ServicePublishingStrategyByTypeForHCP = %+v", s)
	}
	if s := util.ServicePublishingStrategyByTypeByHC(hc, hyperv1.APIServer); s == nil || s.Type != hyperv1.Route {
		t.Errorf("ServicePublishingStrategyByTypeByHC = %+v", s)
	}
	// An AWS cluster with no aws block is Public (API default), so its
	// dedicated KAS DNS name is published.
	if !util.IsPublicKASWithDNS(hcp) || !util.UseDedicatedDNSForKASByHC(hc) || util.IsLBKASByHC(hc) {
		t.Error("KAS DNS helpers")
	}
	if got := util.ServiceExternalDNSHostnameByHC(hc, hyperv1.APIServer); got != "api.example.com" {
		t.Errorf("ServiceExternalDNSHostnameByHC = %q", got)
	}
	if util.ConfigOAuthEnabled(&configv1.AuthenticationSpec{Type: configv1.AuthenticationTypeOIDC}) || !util.ConfigOAuthEnabled(nil) {
		t.Error("ConfigOAuthEnabled")
	}
	if !util.HCOAuthEnabled(hc) || !util.HCOAuthEnabled(nil) {
		t.Error("HCOAuthEnabled")
	}
	if util.HCPControlPlaneReleaseImage(hcp) != cp || util.HCControlPlaneReleaseImage(hc) != "quay.io/example/rel:1" {
		t.Error("control plane release image")
	}
	if util.HCPControlPlaneReleaseImage(nil) != "" || util.HCControlPlaneReleaseImage(nil) != "" {
		t.Error("release image of nil objects")
	}
	// Nil objects give the documented safe values, never a panic.
	if util.AdvertiseAddress(nil) != nil || util.AllowedCIDRBlocks(nil) != nil ||
		util.ServicePublishingStrategyByTypeForHCP(nil, hyperv1.APIServer) != nil ||
		util.ServicePublishingStrategyByTypeByHC(nil, hyperv1.APIServer) != nil ||
		util.IsLBKASByHC(nil) || util.UseDedicatedDNSForKASByHC(nil) || util.IsPublicKASWithDNS(nil) ||
		util.ServiceExternalDNSHostnameByHC(nil, hyperv1.APIServer) != "" {
		t.Error("nil objects")
	}
}
