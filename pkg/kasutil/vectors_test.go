package kasutil

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/hcpkit/hcpkit/internal/vectors"
	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
)

// vectorFile holds the cases measured on HyperShift support/util v0.1.40; each
// legacy fault or panic carries its fixed expectation.
const vectorFile = "testdata/legacy-v0.1.40.json"

func hcpOf(t testing.TB, c vectors.Case) *hyperv1.HostedControlPlane {
	var hcp *hyperv1.HostedControlPlane
	vectors.DecodeStrict(t, c.Arg(t, "hcp"), &hcp)
	return hcp
}

func hcOf(t testing.TB, c vectors.Case, key string) *hyperv1.HostedCluster {
	var hc *hyperv1.HostedCluster
	vectors.DecodeStrict(t, c.Arg(t, key), &hc)
	return hc
}

func check[T comparable](t *testing.T, c vectors.Case, got T) {
	t.Helper()
	if want := vectors.Expected[T](t, c); got != want {
		t.Errorf("got %v, want %v (legacy out %s)", got, want, c.Out)
	}
}

func TestHCPVectors(t *testing.T) {
	boolFns := map[string]func(*hyperv1.HostedControlPlane) bool{
		"IsLBKAS":               IsLBKAS,
		"IsRouteKAS":            IsRouteKAS,
		"UseDedicatedDNSforKAS": UseDedicatedDNS,
		"IsPublicHCP":           IsPublic,
		"IsPrivateHCP":          IsPrivate,
		"HCPOAuthEnabled":       OAuthEnabled,
	}
	for legacy, fn := range boolFns {
		for _, c := range vectors.Load(t, vectorFile, legacy, vectors.RequireFixed()) {
			t.Run(legacy+"/"+c.Name, func(t *testing.T) { check(t, c, fn(hcpOf(t, c))) })
		}
	}
	for _, c := range vectors.Load(t, vectorFile, "KASPodPort", vectors.RequireFixed()) {
		t.Run("KASPodPort/"+c.Name, func(t *testing.T) { check(t, c, PodPort(hcpOf(t, c))) })
	}
	for _, c := range vectors.Load(t, vectorFile, "AdvertiseAddressWithDefault", vectors.RequireFixed()) {
		t.Run("AdvertiseAddressWithDefault/"+c.Name, func(t *testing.T) {
			var def string
			vectors.DecodeStrict(t, c.Arg(t, "defaultValue"), &def)
			check(t, c, AdvertiseAddressWithDefault(hcpOf(t, c), def))
		})
	}
	for _, c := range vectors.Load(t, vectorFile, "GetAdvertiseAddress", vectors.RequireFixed()) {
		t.Run("GetAdvertiseAddress/"+c.Name, func(t *testing.T) {
			var v4, v6 string
			vectors.DecodeStrict(t, c.Arg(t, "ipv4DefaultAddress"), &v4)
			vectors.DecodeStrict(t, c.Arg(t, "ipv6DefaultAddress"), &v6)
			check(t, c, DefaultedAdvertiseAddress(hcpOf(t, c), v4, v6))
		})
	}
	for _, c := range vectors.Load(t, vectorFile, "ServiceExternalDNSHostname", vectors.RequireFixed()) {
		t.Run("ServiceExternalDNSHostname/"+c.Name, func(t *testing.T) {
			var svc hyperv1.ServiceType
			vectors.DecodeStrict(t, c.Arg(t, "serviceType"), &svc)
			check(t, c, ServiceExternalDNSHostname(hcpOf(t, c), svc))
		})
	}
	for _, c := range vectors.Load(t, vectorFile, "APIPortForLocalZone", vectors.RequireFixed()) {
		t.Run("APIPortForLocalZone/"+c.Name, func(t *testing.T) {
			var lb bool
			vectors.DecodeStrict(t, c.Arg(t, "isLBKAS"), &lb)
			check(t, c, APIPortForLocalZone(lb))
		})
	}
	for _, c := range vectors.Load(t, vectorFile, "ConnectsThroughInternetToControlplane", vectors.RequireFixed()) {
		t.Run("ConnectsThroughInternetToControlplane/"+c.Name, func(t *testing.T) {
			var p hyperv1.PlatformSpec
			vectors.DecodeStrict(t, c.Arg(t, "platform"), &p)
			check(t, c, ConnectsThroughInternet(p))
		})
	}
}

func TestHCVectors(t *testing.T) {
	for _, c := range vectors.Load(t, vectorFile, "KASPodPortFromHostedCluster", vectors.RequireFixed()) {
		t.Run("KASPodPortFromHostedCluster/"+c.Name, func(t *testing.T) { check(t, c, PodPortHC(hcOf(t, c, "hc"))) })
	}
	for _, c := range vectors.Load(t, vectorFile, "IsPublicHC", vectors.RequireFixed()) {
		t.Run("IsPublicHC/"+c.Name, func(t *testing.T) { check(t, c, IsPublicHC(hcOf(t, c, "hc"))) })
	}
	for _, c := range vectors.Load(t, vectorFile, "IsPrivateHC", vectors.RequireFixed()) {
		t.Run("IsPrivateHC/"+c.Name, func(t *testing.T) { check(t, c, IsPrivateHC(hcOf(t, c, "hc"))) })
	}
}

// TestHCFormsAgreeWithVectors runs the HostedControlPlane vectors through
// the HostedCluster forms: the spec fields involved (platform, networking,
// services, configuration) have the same JSON names in both kinds, and
// v0.1.40 computes the two forms alike.
func TestHCFormsAgreeWithVectors(t *testing.T) {
	pairs := map[string]func(*hyperv1.HostedCluster) bool{
		"IsLBKAS":               IsLBKASHC,
		"UseDedicatedDNSforKAS": UseDedicatedDNSHC,
		"HCPOAuthEnabled":       OAuthEnabledHC,
		"IsPublicHCP":           IsPublicHC,
		"IsPrivateHCP":          IsPrivateHC,
	}
	for legacy, fn := range pairs {
		for _, c := range vectors.Load(t, vectorFile, legacy, vectors.RequireFixed()) {
			t.Run(legacy+"/"+c.Name, func(t *testing.T) { check(t, c, fn(hcOf(t, c, "hcp"))) })
		}
	}
	for _, c := range vectors.Load(t, vectorFile, "ServiceExternalDNSHostname", vectors.RequireFixed()) {
		t.Run("ServiceExternalDNSHostnameHC/"+c.Name, func(t *testing.T) {
			var svc hyperv1.ServiceType
			vectors.DecodeStrict(t, c.Arg(t, "serviceType"), &svc)
			check(t, c, ServiceExternalDNSHostnameHC(hcOf(t, c, "hcp"), svc))
		})
	}
	// ServicePublishingStrategy and its HC form return the same strategy
	// for every vector input and service.
	for _, c := range vectors.Load(t, vectorFile, "ServiceExternalDNSHostname", vectors.RequireFixed()) {
		t.Run("ServicePublishingStrategy/"+c.Name, func(t *testing.T) {
			var svc hyperv1.ServiceType
			vectors.DecodeStrict(t, c.Arg(t, "serviceType"), &svc)
			a := ServicePublishingStrategy(hcpOf(t, c), svc)
			b := ServicePublishingStrategyHC(hcOf(t, c, "hcp"), svc)
			ja, _ := json.Marshal(a)
			jb, _ := json.Marshal(b)
			if !bytes.Equal(ja, jb) {
				t.Errorf("HCP form %s, HC form %s", ja, jb)
			}
		})
	}
}
