package registry

import (
	"context"
	"testing"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/hcpkit/hcpkit/internal/registrytest"
	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
	"github.com/hcpkit/hcpkit/pkg/registry/reference"
	"github.com/hcpkit/hcpkit/pkg/releaseinfo"
)

// ctxProvider is a release provider that uses the context it is given, as a
// real one does, so a nil context would panic inside it.
type ctxProvider struct{ releaseinfo.StaticProvider }

func (p *ctxProvider) Lookup(ctx context.Context, image string, pullSecret []byte) (*releaseinfo.ReleaseImage, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return p.StaticProvider.Lookup(ctx, image, pullSecret)
}

// noPanic runs f and turns a panic into a test failure.
func noPanic(t *testing.T, f func() error) (err error) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("panicked: %v", r)
			err = nil
		}
	}()
	return f()
}

// TestNilContext checks that every entry point taking a context treats a
// nil one as context.Background().
func TestNilContext(t *testing.T) {
	srv := registrytest.New(t, registrytest.NoAuth)
	img := registrytest.Image(t, map[string]string{"component": "cpo"}, nil)
	srv.Push(t, "ns/cpo:v1", img)
	useDefaultClient(t, srv)
	imageRef := srv.Host + "/ns/cpo:v1"

	provider := &ctxProvider{releaseinfo.StaticProvider{Releases: map[string]*releaseinfo.ReleaseImage{
		"quay.io/ocp/release:4.15.3": release("4.15.3", map[string]string{"hypershift": "quay.io/ocp/hs@sha256:aa"}),
	}}}
	hc := &hyperv1.HostedCluster{ObjectMeta: metav1.ObjectMeta{Namespace: "clusters", Name: "hc"}, Spec: hyperv1.HostedClusterSpec{Release: hyperv1.Release{Image: "quay.io/ocp/release:4.15.3"}}}
	src, err := reference.Parse("quay.io/ns/app:v1")
	if err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		name string
		call func() (string, error)
		want string
	}{
		{"OverridesMetadataProvider.ImageMetadata", func() (string, error) {
			p := &OverridesMetadataProvider{OpenShiftImageRegistryOverrides: map[string][]string{
				"bad source": {"skipped.example"}, // logged through the context
			}}
			cfg, err := p.ImageMetadata(nil, imageRef, nil) //nolint:staticcheck // a nil context is what is tested
			return ImageLabels(cfg)["component"], err
		}, "cpo"},
		{"nil OverridesMetadataProvider", func() (string, error) {
			var p *OverridesMetadataProvider
			cfg, err := p.ImageMetadata(nil, imageRef, nil) //nolint:staticcheck // a nil context is what is tested
			return ImageLabels(cfg)["component"], err
		}, "cpo"},
		{"MetadataProvider.ImageMetadata", func() (string, error) {
			cfg, err := MetadataProvider{}.ImageMetadata(nil, imageRef, nil) //nolint:staticcheck // a nil context is what is tested
			return ImageLabels(cfg)["component"], err
		}, "cpo"},
		{"GetRegistryOverrides", func() (string, error) {
			out, ok, err := GetRegistryOverrides(nil, src, "quay.io/ns", "mirror.example/m") //nolint:staticcheck // a nil context is what is tested
			if err != nil || !ok {
				return "", err
			}
			return out.Exact(), nil
		}, "mirror.example/m/app:v1"},
		{"GetPayloadImage", func() (string, error) {
			return GetPayloadImage(nil, provider, hc, "hypershift", nil) //nolint:staticcheck // a nil context is what is tested
		}, "quay.io/ocp/hs@sha256:aa"},
		{"GetPayloadVersion", func() (string, error) {
			v, err := GetPayloadVersion(nil, provider, hc, nil) //nolint:staticcheck // a nil context is what is tested
			if err != nil {
				return "", err
			}
			return v.String(), nil
		}, "4.15.3"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got string
			err := noPanic(t, func() error {
				var err error
				got, err = tc.call()
				return err
			})
			if err != nil || got != tc.want {
				t.Errorf("got %q, %v; want %q, nil", got, err, tc.want)
			}
		})
	}
}
