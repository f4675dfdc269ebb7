package registry

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/hcpkit/hcpkit/internal/registrytest"
	"github.com/hcpkit/hcpkit/pkg/registry/pull"
)

// TestImageMetadataErrorsSingleLine checks that the error of a lookup whose
// every location fails is one line.
func TestImageMetadataErrorsSingleLine(t *testing.T) {
	origin := registrytest.New(t, registrytest.NoAuth)
	broken := registrytest.New(t, registrytest.NoAuth)
	down := registrytest.New(t, registrytest.NoAuth)
	useDefaultClient(t, origin, broken, down)
	down.Close()
	broken.Fail(http.StatusInternalServerError)
	origin.Fail(http.StatusServiceUnavailable)
	p := &OverridesMetadataProvider{OpenShiftImageRegistryOverrides: map[string][]string{
		origin.Host + "/ns": {broken.Host + "/m", down.Host + "/m"},
	}}
	for _, imageRef := range []string{
		origin.Host + "/ns/app:v1",
		origin.Host + "/ns/app@sha256:" + strings.Repeat("b", 64),
	} {
		t.Run(imageRef, func(t *testing.T) {
			_, err := p.ImageMetadata(context.Background(), imageRef, nil)
			var fe *pull.FetchError
			if !errors.As(err, &fe) || len(fe.Tried) != 3 {
				t.Fatalf("error %v, want a FetchError with 3 locations", err)
			}
			if strings.ContainsAny(err.Error(), "\r\n") {
				t.Errorf("error has a line break: %q", err.Error())
			}
		})
	}
}
