package registry

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/blang/semver/v4"
	"github.com/openshift/api/image/docker10"
	imagev1 "github.com/openshift/api/image/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/hcpkit/hcpkit/internal/registrytest"
	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
	"github.com/hcpkit/hcpkit/pkg/registry/dockerv1client"
	"github.com/hcpkit/hcpkit/pkg/registry/pull"
	"github.com/hcpkit/hcpkit/pkg/releaseinfo"
)

func trustingClient(srvs ...*registrytest.Server) *pull.Client {
	pool := x509.NewCertPool()
	for _, s := range srvs {
		pool.AddCert(s.Certificate())
	}
	return pull.New(pull.WithRootCAs(pool), pull.WithRetries(0))
}

// useDefaultClient points the facade's shared client at the test servers
// for the duration of the test.
func useDefaultClient(t *testing.T, srvs ...*registrytest.Server) *pull.Client {
	c := trustingClient(srvs...)
	SetDefaultClient(c)
	t.Cleanup(func() { SetDefaultClient(nil) })
	return c
}

func TestOverridesMetadataProvider(t *testing.T) {
	origin := registrytest.New(t, registrytest.BasicAuth)
	down := registrytest.New(t, registrytest.NoAuth)
	good := registrytest.New(t, registrytest.NoAuth)
	img := registrytest.Image(t, map[string]string{"io.openshift.hypershift.control-plane-operator-applies-management-kas-network-policy-label": "true"}, nil)
	dgst := origin.Push(t, "openshift-release-dev/ocp-v4.0-art-dev:cpo", img)
	good.Push(t, "ocp/ocp-v4.0-art-dev:cpo", img)
	useDefaultClient(t, origin, down, good)
	down.Close()

	p := &OverridesMetadataProvider{OpenShiftImageRegistryOverrides: map[string][]string{
		origin.Host + "/openshift-release-dev": {down.Host + "/ocp", good.Host + "/ocp"},
		origin.Host + "/openshift":             {"never.used.example"},
		"":                                     {"skipped.example"},
		"bad source":                           {"skipped.example"},
	}}
	var _ ImageMetadataProvider = p
	ctx := context.Background()
	origin.Reset()
	for _, image := range []string{origin.Host + "/openshift-release-dev/ocp-v4.0-art-dev@" + dgst, origin.Host + "/openshift-release-dev/ocp-v4.0-art-dev:cpo"} {
		cfg, err := p.ImageMetadata(ctx, image, origin.PullSecret())
		if err != nil {
			t.Fatalf("%s: %v", image, err)
		}
		if got := ImageLabels(cfg)["io.openshift.hypershift.control-plane-operator-applies-management-kas-network-policy-label"]; got != "true" {
			t.Errorf("%s: labels %v", image, ImageLabels(cfg))
		}
	}
	if origin.RequestsOf("manifest") != 0 {
		t.Errorf("origin manifest requests %d: the mirror was not used", origin.RequestsOf("manifest"))
	}

	// No overrides, nil receiver: the image itself, with credentials.
	var nilProvider *OverridesMetadataProvider
	if _, err := nilProvider.ImageMetadata(ctx, origin.Host+"/openshift-release-dev/ocp-v4.0-art-dev@"+dgst, origin.PullSecret()); err != nil {
		t.Fatal(err)
	}
	if _, err := p.ImageMetadata(ctx, "not a reference", nil); err == nil || !strings.Contains(err.Error(), "not a reference") {
		t.Errorf("bad reference: %v", err)
	}
	good.Fail(http.StatusInternalServerError)
	origin.Fail(http.StatusBadGateway)
	_, err := p.ImageMetadata(ctx, origin.Host+"/openshift-release-dev/ocp-v4.0-art-dev:cpo", origin.PullSecret())
	var fe *pull.FetchError
	if !errors.As(err, &fe) || len(fe.Tried) != 3 {
		t.Fatalf("all locations failing: %v", err)
	}
}

func TestImageLabels(t *testing.T) {
	tests := []struct {
		name string
		in   *dockerv1client.DockerImageConfig
		want map[string]string
	}{
		{"nil", nil, nil},
		{"config", &dockerv1client.DockerImageConfig{Config: &docker10.DockerConfig{Labels: map[string]string{"a": "1"}}, ContainerConfig: docker10.DockerConfig{Labels: map[string]string{"b": "2"}}}, map[string]string{"a": "1"}},
		{"container config", &dockerv1client.DockerImageConfig{ContainerConfig: docker10.DockerConfig{Labels: map[string]string{"b": "2"}}}, map[string]string{"b": "2"}},
		{"empty", &dockerv1client.DockerImageConfig{}, nil},
	}
	for _, tt := range tests {
		if got := ImageLabels(tt.in); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func release(version string, images map[string]string) *releaseinfo.ReleaseImage {
	is := &imagev1.ImageStream{ObjectMeta: metav1.ObjectMeta{Name: version}}
	for name, image := range images {
		is.Spec.Tags = append(is.Spec.Tags, imagev1.TagReference{Name: name, From: &corev1.ObjectReference{Kind: "DockerImage", Name: image}})
	}
	return &releaseinfo.ReleaseImage{ImageStream: is}
}

func TestPayload(t *testing.T) {
	provider := &releaseinfo.StaticProvider{Releases: map[string]*releaseinfo.ReleaseImage{
		"quay.io/ocp/release:4.15.3": release("4.15.3", map[string]string{"hypershift": "quay.io/ocp/hs@sha256:aa"}),
		"quay.io/ocp/release:bad":    release("not-semver", nil),
	}}
	hc := func(image string) *hyperv1.HostedCluster {
		return &hyperv1.HostedCluster{ObjectMeta: metav1.ObjectMeta{Namespace: "clusters", Name: "hc"}, Spec: hyperv1.HostedClusterSpec{Release: hyperv1.Release{Image: image}}}
	}
	ctx := context.Background()
	img, err := GetPayloadImage(ctx, provider, hc("quay.io/ocp/release:4.15.3"), "hypershift", nil)
	if err != nil || img != "quay.io/ocp/hs@sha256:aa" {
		t.Errorf("GetPayloadImage = %q, %v", img, err)
	}
	if _, err := GetPayloadImage(ctx, provider, hc("quay.io/ocp/release:4.15.3"), "missing-component", nil); err == nil || !strings.Contains(err.Error(), `"missing-component"`) {
		t.Errorf("missing component: %v", err)
	}
	v, err := GetPayloadVersion(ctx, provider, hc("quay.io/ocp/release:4.15.3"), nil)
	if err != nil || !v.Equals(semver.MustParse("4.15.3")) {
		t.Errorf("GetPayloadVersion = %v, %v", v, err)
	}
	if _, err := GetPayloadVersion(ctx, provider, hc("quay.io/ocp/release:bad"), nil); err == nil || !strings.Contains(err.Error(), "not-semver") {
		t.Errorf("bad version: %v", err)
	}
	for name, call := range map[string]func() error{
		"nil hc":         func() error { _, err := GetPayloadImage(ctx, provider, nil, "x", nil); return err },
		"nil provider":   func() error { _, err := GetPayloadVersion(ctx, nil, hc("x"), nil); return err },
		"no image":       func() error { _, err := GetPayloadVersion(ctx, provider, hc(""), nil); return err },
		"unknown image":  func() error { _, err := GetPayloadImage(ctx, provider, hc("quay.io/x:1"), "x", nil); return err },
		"nil hc version": func() error { _, err := GetPayloadVersion(ctx, provider, nil, nil); return err },
	} {
		if err := call(); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestControlPlaneReleaseImage(t *testing.T) {
	cp := "quay.io/ocp/release:cp"
	if got := HCPControlPlaneReleaseImage(&hyperv1.HostedControlPlane{Spec: hyperv1.HostedControlPlaneSpec{ReleaseImage: "r", ControlPlaneReleaseImage: &cp}}); got != cp {
		t.Errorf("HCP = %q", got)
	}
	if got := HCControlPlaneReleaseImage(&hyperv1.HostedCluster{Spec: hyperv1.HostedClusterSpec{Release: hyperv1.Release{Image: "r"}}}); got != "r" {
		t.Errorf("HC = %q", got)
	}
	if HCControlPlaneReleaseImage(nil) != "" || HCPControlPlaneReleaseImage(nil) != "" {
		t.Error("nil")
	}
}

func TestDefaultClientConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	clients := make([]*pull.Client, 16)
	for i := range clients {
		wg.Add(1)
		go func() { defer wg.Done(); clients[i] = DefaultClient() }()
	}
	wg.Wait()
	for _, c := range clients {
		if c != clients[0] || c == nil {
			t.Fatal("DefaultClient returned different clients")
		}
	}
}

func TestOverridesKey(t *testing.T) {
	distinct := []map[string][]string{
		{"a": {"b"}},
		{"a": {"b", "c"}},
		{"a": {"bc"}},
		{"a": {"b"}, "c": nil},
		{"a:1:b": nil},
		{"a": {"1:b"}},
		{"a": nil, "b": nil},
	}
	seen := map[string]int{}
	for i, m := range distinct {
		k := overridesKey(m)
		if j, ok := seen[k]; ok {
			t.Errorf("maps %d and %d share the key %q", j, i, k)
		}
		seen[k] = i
	}
	if overridesKey(map[string][]string{"x": {"1"}, "y": {"2"}}) != overridesKey(map[string][]string{"y": {"2"}, "x": {"1"}}) {
		t.Error("key depends on map order")
	}
}
