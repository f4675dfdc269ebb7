package util_test

import (
	"crypto/x509"
	"testing"

	"github.com/hcpkit/hcpkit/internal/registrytest"
	util "github.com/hcpkit/hcpkit/pkg/compat/util"
	"github.com/hcpkit/hcpkit/pkg/registry"
	"github.com/hcpkit/hcpkit/pkg/registry/pull"
)

// TestImageMetadataNilContext checks the reviewer's case: the facade
// provider given a nil context reads the image as with context.Background().
func TestImageMetadataNilContext(t *testing.T) {
	srv := registrytest.New(t, registrytest.BasicAuth)
	img := registrytest.Image(t, map[string]string{"component": "cpo"}, nil)
	srv.Push(t, "ns/cpo:v1", img)
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	registry.SetDefaultClient(pull.New(pull.WithRootCAs(pool), pull.WithRetries(0)))
	t.Cleanup(func() { registry.SetDefaultClient(nil) })

	cases := []struct {
		name      string
		overrides map[string][]string
	}{
		{"no overrides", nil},
		{"invalid override logged", map[string][]string{"bad source": {"x.example"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("panicked: %v", r)
				}
			}()
			p := &util.RegistryClientImageMetadataProvider{OpenShiftImageRegistryOverrides: tc.overrides}
			cfg, err := p.ImageMetadata(nil, srv.Host+"/ns/cpo:v1", srv.PullSecret()) //nolint:staticcheck // a nil context is what is tested
			if err != nil || util.ImageLabels(cfg)["component"] != "cpo" {
				t.Fatalf("ImageMetadata = %v, %v", util.ImageLabels(cfg), err)
			}
		})
	}
}
