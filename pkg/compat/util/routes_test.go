package util_test

import (
	"strings"
	"testing"

	routev1 "github.com/openshift/api/route/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	crclient "sigs.k8s.io/controller-runtime/pkg/client"

	util "github.com/hcpkit/hcpkit/pkg/compat/util"
)

// Compile-time checks that the facade keeps the v0.1.40 signatures.
var (
	_ func(route *routev1.Route, hostname string, defaultIngressDomain string, serviceName string) error = util.ReconcileExternalRoute
	_ func(route *routev1.Route, hcName string, serviceName string) error                                = util.ReconcileInternalRoute
	_ func(target crclient.Object)                                                                       = util.AddHCPRouteLabel
	_ func(target crclient.Object)                                                                       = util.AddInternalRouteLabel
	_ func(base, suffix string, maxLength int) string                                                    = util.ShortenName
	_ func(name, namespace string, baseDomain string) string                                             = util.ShortenRouteHostnameIfNeeded
	_ string                                                                                             = util.HCPRouteLabel
	_ string                                                                                             = util.InternalRouteLabel
)

func TestRouteFacadeGolden(t *testing.T) {
	if util.HCPRouteLabel != "hypershift.openshift.io/hosted-control-plane" || util.InternalRouteLabel != "hypershift.openshift.io/internal-route" {
		t.Error("label constants changed")
	}
	if got := util.ShortenName("qqqqqqqqqqqqqqqqqqqq", "abc", 13); got != "-124658c9-abc" {
		t.Errorf("ShortenName = %q", got)
	}
	if got := util.ShortenRouteHostnameIfNeeded("", strings.Repeat("s", 62), "apps.example.com"); got != "-"+strings.Repeat("s", 52)+"-be514c6a.apps.example.com" {
		t.Errorf("ShortenRouteHostnameIfNeeded = %q", got)
	}

	// v0.1.40: an empty hostname leaves an HCP label that is already there.
	r := &routev1.Route{ObjectMeta: metav1.ObjectMeta{Name: "oauth", Namespace: "ns", Labels: map[string]string{util.HCPRouteLabel: "ns"}}}
	if err := util.ReconcileExternalRoute(r, "", "apps.example.com", "oauth-openshift"); err != nil {
		t.Fatal(err)
	}
	if r.Labels[util.HCPRouteLabel] != "ns" || r.Spec.To.Name != "oauth-openshift" || r.Spec.TLS == nil {
		t.Errorf("route = %+v", r)
	}
	r = &routev1.Route{ObjectMeta: metav1.ObjectMeta{Name: "oauth", Namespace: "ns"}}
	if err := util.ReconcileExternalRoute(r, "oauth.example.com", "", "oauth-openshift"); err != nil {
		t.Fatal(err)
	}
	if r.Labels[util.HCPRouteLabel] != "ns" || r.Spec.Host != "oauth.example.com" {
		t.Errorf("route = %+v", r)
	}
	in := &routev1.Route{ObjectMeta: metav1.ObjectMeta{Name: "oauth-internal", Namespace: "clusters-example"}}
	if err := util.ReconcileInternalRoute(in, "example", "oauth-openshift"); err != nil {
		t.Fatal(err)
	}
	if in.Spec.Host != "oauth.apps.example.hypershift.local" || in.Labels[util.InternalRouteLabel] != "true" {
		t.Errorf("internal route = %+v", in)
	}
}

func TestRouteFacadeNil(t *testing.T) {
	if err := util.ReconcileExternalRoute(nil, "h", "d", "s"); err == nil {
		t.Error("ReconcileExternalRoute(nil) returned no error")
	}
	if err := util.ReconcileInternalRoute(nil, "hc", "s"); err == nil {
		t.Error("ReconcileInternalRoute(nil) returned no error")
	}
	var typedNil *routev1.Route
	util.AddHCPRouteLabel(nil)
	util.AddHCPRouteLabel(typedNil)
	util.AddInternalRouteLabel(nil)
	util.AddInternalRouteLabel(typedNil)
}
