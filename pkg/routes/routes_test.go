package routes

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	routev1 "github.com/openshift/api/route/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/validation"
	crclient "sigs.k8s.io/controller-runtime/pkg/client"
)

func newRoute(name, namespace string, labels map[string]string) *routev1.Route {
	return &routev1.Route{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: namespace, Labels: labels}}
}

func TestReconcileExternalRouteLabel(t *testing.T) {
	tests := []struct {
		name       string
		labels     map[string]string
		hostname   string
		want       bool
		wantLabels map[string]string
	}{
		{"wanted, none yet", nil, "", true, map[string]string{HCPRouteLabel: "ns"}},
		{"wanted, stale value fixed", map[string]string{HCPRouteLabel: "other"}, "h.example", true, map[string]string{HCPRouteLabel: "ns"}},
		{"not wanted, removed", map[string]string{HCPRouteLabel: "ns", "app": "x"}, "h.example", false, map[string]string{"app": "x"}},
		{"not wanted, none there", map[string]string{"app": "x"}, "", false, map[string]string{"app": "x"}},
		{"not wanted, nil labels", nil, "", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRoute("oauth", "ns", tt.labels)
			if err := ReconcileExternalRoute(r, tt.hostname, "apps.example.com", "oauth-openshift", tt.want); err != nil {
				t.Fatal(err)
			}
			if len(r.Labels) != len(tt.wantLabels) || (len(tt.wantLabels) > 0 && !reflect.DeepEqual(r.Labels, tt.wantLabels)) {
				t.Errorf("labels = %v, want %v", r.Labels, tt.wantLabels)
			}
		})
	}
}

func TestReconcileExternalRouteByHostnameKeepsLabel(t *testing.T) {
	// v0.1.40's rule: an empty hostname leaves an existing label alone.
	r := newRoute("oauth", "ns", map[string]string{HCPRouteLabel: "ns"})
	if err := ReconcileExternalRouteByHostname(r, "", "apps.example.com", "svc"); err != nil {
		t.Fatal(err)
	}
	if r.Labels[HCPRouteLabel] != "ns" {
		t.Errorf("label removed: %v", r.Labels)
	}
	if r.Spec.Host != "" {
		t.Errorf("host = %q, want the router default", r.Spec.Host)
	}
}

func TestReconcileIdempotent(t *testing.T) {
	ext := newRoute("kube-apiserver", "clusters-a-namespace-that-is-quite-long-for-testing-x", map[string]string{"a": "b"})
	ext.Annotations = map[string]string{ExternalDNSHostnameAnnotation: "x", "keep": "me"}
	for i := range 2 {
		if err := ReconcileExternalRoute(ext, "", "apps.example.com", "kube-apiserver", true); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			continue
		}
		want := "kube-apiserver-clusters-a-namespace-that-is-quite-lon-081c03df.apps.example.com"
		if ext.Spec.Host != want || len(ext.Annotations) != 1 || ext.Labels[HCPRouteLabel] != ext.Namespace || ext.Labels["a"] != "b" {
			t.Errorf("second reconcile changed the route: %+v", ext)
		}
	}
	in := newRoute("oauth-internal", "ns", nil)
	for range 2 {
		if err := ReconcileInternalRoute(in, "hc", "oauth-openshift"); err != nil {
			t.Fatal(err)
		}
	}
	if in.Spec.Host != "oauth.apps.hc.hypershift.local" || len(in.Labels) != 2 {
		t.Errorf("internal route after two reconciles: %+v", in)
	}
}

func TestNilRoute(t *testing.T) {
	if err := ReconcileExternalRoute(nil, "h", "d", "s", true); !errors.Is(err, ErrNilRoute) {
		t.Errorf("ReconcileExternalRoute(nil) = %v", err)
	}
	if err := ReconcileExternalRouteByHostname(nil, "h", "d", "s"); !errors.Is(err, ErrNilRoute) {
		t.Errorf("ReconcileExternalRouteByHostname(nil) = %v", err)
	}
	if err := ReconcileInternalRoute(nil, "hc", "s"); !errors.Is(err, ErrNilRoute) {
		t.Errorf("ReconcileInternalRoute(nil) = %v", err)
	}
}

func TestLabelHelpers(t *testing.T) {
	var typedNil *routev1.Route
	var nilCM *corev1.ConfigMap
	for name, obj := range map[string]crclient.Object{"nil": nil, "nil *Route": typedNil, "nil *ConfigMap": nilCM} {
		for fname, f := range map[string]func(crclient.Object) error{
			"AddHCPRouteLabel": AddHCPRouteLabel, "AddInternalRouteLabel": AddInternalRouteLabel, "RemoveHCPRouteLabel": RemoveHCPRouteLabel,
		} {
			if err := f(obj); !errors.Is(err, ErrNilObject) {
				t.Errorf("%s(%s) = %v, want ErrNilObject", fname, name, err)
			}
		}
	}

	cm := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Namespace: "clusters-x", Labels: map[string]string{"keep": "1"}}}
	if err := AddHCPRouteLabel(cm); err != nil {
		t.Fatal(err)
	}
	if err := AddInternalRouteLabel(cm); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"keep": "1", HCPRouteLabel: "clusters-x", InternalRouteLabel: "true"}
	if !reflect.DeepEqual(cm.Labels, want) {
		t.Errorf("labels = %v, want %v", cm.Labels, want)
	}
	if err := RemoveHCPRouteLabel(cm); err != nil {
		t.Fatal(err)
	}
	delete(want, HCPRouteLabel)
	if !reflect.DeepEqual(cm.Labels, want) {
		t.Errorf("labels after remove = %v, want %v", cm.Labels, want)
	}
	empty := newRoute("r", "", nil)
	if err := AddHCPRouteLabel(empty); err != nil || empty.Labels[HCPRouteLabel] != "" || len(empty.Labels) != 1 {
		t.Errorf("label on a route without namespace: %v, %v", empty.Labels, err)
	}
	if err := RemoveHCPRouteLabel(newRoute("r", "", nil)); err != nil {
		t.Errorf("RemoveHCPRouteLabel without labels: %v", err)
	}
}

func TestInternalRouteHost(t *testing.T) {
	tests := []struct{ name, hc, want string }{
		{"oauth-internal", "example", "oauth.apps.example.hypershift.local"},
		{"kube-apiserver-internal-internal", "a", "kube-apiserver-internal.apps.a.hypershift.local"},
		{"konnectivity", "hc", "konnectivity.apps.hc.hypershift.local"},
		{"", "", ".apps..hypershift.local"},
	}
	for _, tt := range tests {
		if got := InternalRouteHost(tt.name, tt.hc); got != tt.want {
			t.Errorf("InternalRouteHost(%q, %q) = %q, want %q", tt.name, tt.hc, got, tt.want)
		}
	}
}

func TestShortenDNSLabel(t *testing.T) {
	tests := []struct {
		base, suffix string
		max          int
		want         string
	}{
		{"deployment-5", "deploy", 63, "deployment-5-deploy"},
		{"a", "b", 3, "a-b"},
		{"kube-apiserver", "", 63, "kube-apiserver"},
		{"Upper", "Case", 63, "upper-" + fnvHex("Upper-Case") + "-case"},
		{"my.route", "ns", 63, "my-route-" + fnvHex("my.route-ns") + "-ns"},
		{"trailing-", "-leading", 63, "trailing---leading"}, // valid: inner "--" is allowed
		{"", "", 63, fnvHex("")},
		{"", "x", 63, "x"}, // "-x" is not a label: rebuilt
		{strings.Repeat("a", 70), "suffix", 63, strings.Repeat("a", 47) + "-" + fnvHex(strings.Repeat("a", 70)+"-suffix") + "-suffix"},
		{"base", strings.Repeat("s", 60), 63, "base-" + strings.Repeat("s", 49) + "-" + fnvHex("base-"+strings.Repeat("s", 60))},
		{"abcdef", "ghijkl", 5, fnvHex("abcdef-ghijkl")[:5]},
		{"abcdef", "ghijkl", 1000, "abcdef-ghijkl"},
		{"日本語", "名", 20, fnvHex("日本語-名")},
	}
	for _, tt := range tests {
		got, err := ShortenDNSLabel(tt.base, tt.suffix, tt.max)
		if err != nil {
			t.Fatalf("ShortenDNSLabel(%q, %q, %d): %v", tt.base, tt.suffix, tt.max, err)
		}
		if tt.base == "" && tt.suffix == "x" {
			tt.want = fnvHex("-x") + "-x"
		}
		if got != tt.want {
			t.Errorf("ShortenDNSLabel(%q, %q, %d) = %q, want %q", tt.base, tt.suffix, tt.max, got, tt.want)
		}
		if errs := validation.IsDNS1123Label(got); len(errs) > 0 {
			t.Errorf("ShortenDNSLabel(%q, %q, %d) = %q is not a DNS label: %v", tt.base, tt.suffix, tt.max, got, errs)
		}
	}
	for _, max := range []int{0, -1} {
		if _, err := ShortenDNSLabel("a", "b", max); !errors.Is(err, ErrInvalidLength) {
			t.Errorf("ShortenDNSLabel max %d: err %v, want ErrInvalidLength", max, err)
		}
	}
}

// FuzzShortenDNSLabel checks that the result is always a valid DNS-1123
// label no longer than the limit.
func FuzzShortenDNSLabel(f *testing.F) {
	f.Add("deployment-5", "deploy", 63)
	f.Add("", "", 1)
	f.Add("Trailing-.", "-.Leading", 12)
	f.Add("日本語の名前です", "名", 15)
	f.Add(strings.Repeat("x", 200), strings.Repeat("y", 100), 63)
	f.Add("a", "b", 10)
	f.Fuzz(func(t *testing.T, base, suffix string, maxLen int) {
		got, err := ShortenDNSLabel(base, suffix, maxLen)
		if maxLen < 1 {
			if !errors.Is(err, ErrInvalidLength) {
				t.Fatalf("maxLen %d: err %v", maxLen, err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if errs := validation.IsDNS1123Label(got); len(errs) > 0 {
			t.Fatalf("%q is not a DNS label: %v", got, errs)
		}
		if len(got) > maxLen {
			t.Fatalf("%q is longer than %d", got, maxLen)
		}
	})
}

// FuzzShortenName checks that the legacy shortener never panics and never
// returns more than maxLength bytes, and that the route host shortener
// shortens exactly the labels of 63 bytes or more, to 62 bytes.
func FuzzShortenName(f *testing.F) {
	f.Add("deployment-5", "deploy", 63)
	f.Add("a", "b", 2)
	f.Add("", "", -100)
	f.Add("日本語の名前です", "名", 15)
	f.Fuzz(func(t *testing.T, base, suffix string, maxLen int) {
		got := ShortenName(base, suffix, maxLen)
		if len(got) > maxLen && !(maxLen <= 0 && got == "") {
			t.Fatalf("ShortenName(%q, %q, %d) = %q is too long", base, suffix, maxLen, got)
		}
		if len(base)+1+len(suffix) <= maxLen && got != base+"-"+suffix {
			t.Fatalf("a fitting name was changed: %q", got)
		}
		host := ShortenRouteHostnameIfNeeded(base, suffix, "apps.example.com")
		const domain = ".apps.example.com"
		if host != "" && (len(host) != 62+len(domain) || !strings.HasSuffix(host, domain)) {
			t.Fatalf("host %q: want a 62-byte first label and the domain", host)
		}
		if (host == "") != (len(base)+1+len(suffix) < 63) {
			t.Fatalf("host %q for a %d-byte label", host, len(base)+1+len(suffix))
		}
	})
}
