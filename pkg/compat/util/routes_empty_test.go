package util_test

import (
	"testing"

	routev1 "github.com/openshift/api/route/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	util "github.com/hcpkit/hcpkit/pkg/compat/util"
)

// TestReconcileInternalRouteEmptyNames pins the v0.1.40 output the facade
// keeps for empty names (vectors "empty route" and "name is only the
// suffix, empty hcName"); routes.ReconcileInternalRoute refuses them.
func TestReconcileInternalRouteEmptyNames(t *testing.T) {
	cases := []struct {
		name                string
		route               *routev1.Route
		hcName, serviceName string
		wantHost            string
	}{
		{"empty route, empty names", &routev1.Route{}, "", "", ".apps..hypershift.local"},
		{"empty route", &routev1.Route{}, "example", "kube-apiserver", ".apps.example.hypershift.local"},
		{"name is only the suffix, empty hcName", &routev1.Route{ObjectMeta: metav1.ObjectMeta{Name: "-internal"}}, "", "s", ".apps..hypershift.local"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := util.ReconcileInternalRoute(tc.route, tc.hcName, tc.serviceName); err != nil {
				t.Fatal(err)
			}
			if tc.route.Spec.Host != tc.wantHost || tc.route.Spec.To.Name != tc.serviceName || tc.route.Labels[util.InternalRouteLabel] != "true" {
				t.Errorf("route = %+v, want host %q", tc.route, tc.wantHost)
			}
		})
	}
}
