package routes

import (
	"errors"
	"reflect"
	"testing"

	routev1 "github.com/openshift/api/route/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func TestReconcileInternalRouteRejectsEmptyNames(t *testing.T) {
	cases := []struct {
		name        string
		route       *routev1.Route
		hcName      string
		serviceName string
	}{
		{"reviewer's case: empty route, both names empty", &routev1.Route{}, "", ""},
		{"empty hcName", &routev1.Route{ObjectMeta: metav1.ObjectMeta{Name: "oauth-internal", Namespace: "ns"}}, "", "oauth-openshift"},
		{"empty serviceName", &routev1.Route{ObjectMeta: metav1.ObjectMeta{Name: "oauth-internal", Namespace: "ns"}}, "hc", ""},
		{"empty hcName with a host set", &routev1.Route{ObjectMeta: metav1.ObjectMeta{Name: "r", Namespace: "ns"}, Spec: routev1.RouteSpec{Host: "h.example"}}, "", "s"},
		{"host to derive from an empty route name", &routev1.Route{ObjectMeta: metav1.ObjectMeta{Namespace: "ns"}}, "hc", "s"},
		{"host to derive from a name that is only -internal", &routev1.Route{ObjectMeta: metav1.ObjectMeta{Name: "-internal", Namespace: "ns"}}, "hc", "s"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := tc.route.DeepCopy()
			err := ReconcileInternalRoute(tc.route, tc.hcName, tc.serviceName)
			if !errors.Is(err, ErrEmptyName) {
				t.Fatalf("error = %v, want one wrapping ErrEmptyName", err)
			}
			if !reflect.DeepEqual(tc.route, before) {
				t.Errorf("route changed on error: %+v", tc.route)
			}
		})
	}
}

func TestReconcileInternalRouteAcceptsNamesAndHost(t *testing.T) {
	cases := []struct {
		name     string
		route    *routev1.Route
		wantHost string
	}{
		{"derived host", &routev1.Route{ObjectMeta: metav1.ObjectMeta{Name: "oauth-internal", Namespace: "ns"}}, "oauth.apps.hc.hypershift.local"},
		{"empty name but host already set", &routev1.Route{ObjectMeta: metav1.ObjectMeta{Namespace: "ns"}, Spec: routev1.RouteSpec{Host: "h.example"}}, "h.example"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := ReconcileInternalRoute(tc.route, "hc", "svc"); err != nil {
				t.Fatal(err)
			}
			if tc.route.Spec.Host != tc.wantHost || tc.route.Spec.To.Name != "svc" {
				t.Errorf("host %q, to %q; want %q, svc", tc.route.Spec.Host, tc.route.Spec.To.Name, tc.wantHost)
			}
		})
	}
}

func TestReconcileInternalRouteUncheckedKeepsV0140(t *testing.T) {
	cases := []struct {
		name        string
		route       *routev1.Route
		hcName      string
		serviceName string
		wantHost    string
	}{
		{"reviewer's case", &routev1.Route{}, "", "", ".apps..hypershift.local"},
		{"empty route", &routev1.Route{}, "example", "kube-apiserver", ".apps.example.hypershift.local"},
		{"empty hcName", &routev1.Route{ObjectMeta: metav1.ObjectMeta{Name: "-internal"}}, "", "s", ".apps..hypershift.local"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := ReconcileInternalRouteUnchecked(tc.route, tc.hcName, tc.serviceName); err != nil {
				t.Fatal(err)
			}
			if tc.route.Spec.Host != tc.wantHost || tc.route.Spec.To.Name != tc.serviceName {
				t.Errorf("host %q, to %q; want %q, %q", tc.route.Spec.Host, tc.route.Spec.To.Name, tc.wantHost, tc.serviceName)
			}
		})
	}
	if err := ReconcileInternalRouteUnchecked(nil, "hc", "s"); !errors.Is(err, ErrNilRoute) {
		t.Errorf("nil route: %v", err)
	}
}
