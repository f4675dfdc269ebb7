package kasutil

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
)

// vectorCase is one measured case of HyperShift's support/util v0.1.40.
// Fixed, when present, is hcpkit's expected result for a case that records a
// legacy fault or a legacy panic.
type vectorCase struct {
	Name        string                     `json:"name"`
	In          map[string]json.RawMessage `json:"in"`
	Out         json.RawMessage            `json:"out"`
	Fixed       json.RawMessage            `json:"fixed"`
	LegacyFault bool                       `json:"legacy_fault"`
	Panics      bool                       `json:"panics"`
}

func (c vectorCase) want() json.RawMessage {
	if c.LegacyFault || c.Panics {
		return c.Fixed
	}
	return c.Out
}

var vectorDoc struct {
	Cases map[string][]vectorCase `json:"cases"`
}

func loadVectors(t testing.TB, fn string) []vectorCase {
	t.Helper()
	if vectorDoc.Cases == nil {
		b, err := os.ReadFile("testdata/legacy-v0.1.40.json")
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &vectorDoc); err != nil {
			t.Fatal(err)
		}
	}
	cases := vectorDoc.Cases[fn]
	if len(cases) == 0 {
		t.Fatalf("no vectors for %s", fn)
	}
	for _, c := range cases {
		if (c.LegacyFault || c.Panics) && len(c.Fixed) == 0 {
			t.Fatalf("%s/%s: legacy fault without a fixed expectation", fn, c.Name)
		}
	}
	return cases
}

// strict decodes raw into v with unknown fields rejected, as the vectors
// were built; JSON null leaves a nil pointer.
func strict(t testing.TB, raw json.RawMessage, v any) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("decoding %s: %v", raw, err)
	}
}

func hcpOf(t testing.TB, c vectorCase) *hyperv1.HostedControlPlane {
	var hcp *hyperv1.HostedControlPlane
	strict(t, c.In["hcp"], &hcp)
	return hcp
}

func hcOf(t testing.TB, c vectorCase, key string) *hyperv1.HostedCluster {
	var hc *hyperv1.HostedCluster
	strict(t, c.In[key], &hc)
	return hc
}

func check[T comparable](t *testing.T, c vectorCase, got T) {
	t.Helper()
	var want T
	strict(t, c.want(), &want)
	if got != want {
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
		for _, c := range loadVectors(t, legacy) {
			t.Run(legacy+"/"+c.Name, func(t *testing.T) { check(t, c, fn(hcpOf(t, c))) })
		}
	}
	for _, c := range loadVectors(t, "KASPodPort") {
		t.Run("KASPodPort/"+c.Name, func(t *testing.T) { check(t, c, PodPort(hcpOf(t, c))) })
	}
	for _, c := range loadVectors(t, "AdvertiseAddressWithDefault") {
		t.Run("AdvertiseAddressWithDefault/"+c.Name, func(t *testing.T) {
			var def string
			strict(t, c.In["defaultValue"], &def)
			check(t, c, AdvertiseAddressWithDefault(hcpOf(t, c), def))
		})
	}
	for _, c := range loadVectors(t, "GetAdvertiseAddress") {
		t.Run("GetAdvertiseAddress/"+c.Name, func(t *testing.T) {
			var v4, v6 string
			strict(t, c.In["ipv4DefaultAddress"], &v4)
			strict(t, c.In["ipv6DefaultAddress"], &v6)
			check(t, c, DefaultedAdvertiseAddress(hcpOf(t, c), v4, v6))
		})
	}
	for _, c := range loadVectors(t, "ServiceExternalDNSHostname") {
		t.Run("ServiceExternalDNSHostname/"+c.Name, func(t *testing.T) {
			var svc hyperv1.ServiceType
			strict(t, c.In["serviceType"], &svc)
			check(t, c, ServiceExternalDNSHostname(hcpOf(t, c), svc))
		})
	}
	for _, c := range loadVectors(t, "APIPortForLocalZone") {
		t.Run("APIPortForLocalZone/"+c.Name, func(t *testing.T) {
			var lb bool
			strict(t, c.In["isLBKAS"], &lb)
			check(t, c, APIPortForLocalZone(lb))
		})
	}
	for _, c := range loadVectors(t, "ConnectsThroughInternetToControlplane") {
		t.Run("ConnectsThroughInternetToControlplane/"+c.Name, func(t *testing.T) {
			var p hyperv1.PlatformSpec
			strict(t, c.In["platform"], &p)
			check(t, c, ConnectsThroughInternet(p))
		})
	}
}

func TestHCVectors(t *testing.T) {
	for _, c := range loadVectors(t, "KASPodPortFromHostedCluster") {
		t.Run("KASPodPortFromHostedCluster/"+c.Name, func(t *testing.T) { check(t, c, PodPortHC(hcOf(t, c, "hc"))) })
	}
	for _, c := range loadVectors(t, "IsPublicHC") {
		t.Run("IsPublicHC/"+c.Name, func(t *testing.T) { check(t, c, IsPublicHC(hcOf(t, c, "hc"))) })
	}
	for _, c := range loadVectors(t, "IsPrivateHC") {
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
		for _, c := range loadVectors(t, legacy) {
			t.Run(legacy+"/"+c.Name, func(t *testing.T) { check(t, c, fn(hcOf(t, c, "hcp"))) })
		}
	}
	for _, c := range loadVectors(t, "ServiceExternalDNSHostname") {
		t.Run("ServiceExternalDNSHostnameHC/"+c.Name, func(t *testing.T) {
			var svc hyperv1.ServiceType
			strict(t, c.In["serviceType"], &svc)
			check(t, c, ServiceExternalDNSHostnameHC(hcOf(t, c, "hcp"), svc))
		})
	}
	// ServicePublishingStrategy and its HC form return the same strategy
	// for every vector input and service.
	for _, c := range loadVectors(t, "ServiceExternalDNSHostname") {
		t.Run("ServicePublishingStrategy/"+c.Name, func(t *testing.T) {
			var svc hyperv1.ServiceType
			strict(t, c.In["serviceType"], &svc)
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
