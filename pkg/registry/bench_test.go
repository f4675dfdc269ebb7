package registry

import (
	"context"
	"testing"

	"github.com/hcpkit/hcpkit/internal/registrytest"
)

// BenchmarkImageMetadataWarm is a warm lookup by digest through the facade
// type: parse the reference, compile the overrides, hit the shared cache.
func BenchmarkImageMetadataWarm(b *testing.B) {
	srv := registrytest.New(b, registrytest.BasicAuth)
	dgst := srv.Push(b, "ns/app:v1", registrytest.Image(b, map[string]string{"k": "v"}, nil))
	c := trustingClient(srv)
	SetDefaultClient(c)
	b.Cleanup(func() { SetDefaultClient(nil) })
	p := &OverridesMetadataProvider{OpenShiftImageRegistryOverrides: map[string][]string{
		"quay.io/openshift-release-dev": {"mirror.example.com/ocp"},
		"registry.redhat.io":            {"mirror.example.com/rh"},
	}}
	image := srv.Host + "/ns/app@" + dgst
	secret := srv.PullSecret()
	ctx := context.Background()
	if _, err := p.ImageMetadata(ctx, image, secret); err != nil {
		b.Fatal(err)
	}
	srv.Reset()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := p.ImageMetadata(ctx, image, secret); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(srv.Requests())/float64(b.N), "requests/op")
}

// BenchmarkConvertOpenShiftImageRegistryOverridesToCommandLineFlag renders a
// typical override map.
func BenchmarkConvertOpenShiftImageRegistryOverridesToCommandLineFlag(b *testing.B) {
	m := map[string][]string{
		"quay.io/openshift-release-dev/ocp-release":      {"mirror.example.com/ocp/release", "backup.example.com/ocp/release"},
		"quay.io/openshift-release-dev/ocp-v4.0-art-dev": {"mirror.example.com/ocp/art", "backup.example.com/ocp/art"},
		"registry.redhat.io":                             {"mirror.example.com/rh"},
	}
	b.ReportAllocs()
	for range b.N {
		_ = ConvertOpenShiftImageRegistryOverridesToCommandLineFlag(m)
	}
}
