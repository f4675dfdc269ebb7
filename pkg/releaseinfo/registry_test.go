package releaseinfo

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/hcpkit/hcpkit/internal/registrytest"
	"github.com/hcpkit/hcpkit/pkg/registry/mirror"
	"github.com/hcpkit/hcpkit/pkg/registry/pull"
)

func client(srvs ...*registrytest.Server) *pull.Client {
	pool := x509.NewCertPool()
	for _, s := range srvs {
		pool.AddCert(s.Certificate())
	}
	return pull.New(pull.WithRootCAs(pool), pull.WithRetries(0))
}

func releaseImage(t testing.TB, version string) v1.Image {
	files := payloadFiles(t)
	files[ImageReferencesPath] = strings.Replace(files[ImageReferencesPath], `"name": "4.15.3"`, fmt.Sprintf("%q: %q", "name", version), 1)
	// Put the payload under "./" as some builders do, with other files around it.
	tarFiles := map[string]string{"release-manifests/0000_50_other.yaml": "kind: ConfigMap\n"}
	for k, v := range files {
		tarFiles["./"+k] = v
	}
	return registrytest.Image(t, map[string]string{"io.openshift.release": version}, tarFiles)
}

func TestRegistryProvider(t *testing.T) {
	srv := registrytest.New(t, registrytest.BasicAuth)
	dgst := srv.Push(t, "ocp/release:4.15.3", releaseImage(t, "4.15.3"))
	p := NewRegistryProvider(client(srv), nil, 0)
	ctx := context.Background()

	r, err := p.Lookup(ctx, srv.Host+"/ocp/release:4.15.3", srv.PullSecret())
	if err != nil {
		t.Fatal(err)
	}
	if r.Version() != "4.15.3" || r.ComponentImages()["hypershift"] != hypershif || r.Metadata == nil || r.Metadata.Version != "4.15.3" {
		t.Fatalf("release %q, images %v, metadata %+v", r.Version(), r.ComponentImages(), r.Metadata)
	}
	r.Spec.Tags[0].From.Name = "scribbled"

	srv.Reset()
	again, err := p.Lookup(ctx, srv.Host+"/ocp/release@"+dgst, srv.PullSecret())
	if err != nil {
		t.Fatal(err)
	}
	if n := srv.Requests(); n != 0 {
		t.Errorf("warm lookup by digest made %d requests", n)
	}
	if again.ComponentImages()["cluster-version-operator"] != cvo {
		t.Error("a caller's change reached the cache")
	}

	// The tag moves: the next lookup sees the new release.
	srv.Push(t, "ocp/release:4.15.3", releaseImage(t, "4.15.4"))
	moved, err := p.Lookup(ctx, srv.Host+"/ocp/release:4.15.3", srv.PullSecret())
	if err != nil {
		t.Fatal(err)
	}
	if moved.Version() != "4.15.4" {
		t.Errorf("moved tag served stale release %q", moved.Version())
	}

	// Another pull secret does not get the cached release.
	if _, err := p.Lookup(ctx, srv.Host+"/ocp/release@"+dgst, nil); err == nil {
		t.Error("anonymous caller read a cached private release")
	}
}

func TestRegistryProviderErrors(t *testing.T) {
	srv := registrytest.New(t, registrytest.NoAuth)
	srv.Push(t, "ocp/notarelease:1", registrytest.Image(t, nil, map[string]string{"etc/hostname": "x"}))
	p := NewRegistryProvider(client(srv), nil, 0)
	ctx := context.Background()
	if _, err := p.Lookup(ctx, srv.Host+"/ocp/notarelease:1", nil); err == nil || !strings.Contains(err.Error(), ImageReferencesPath) {
		t.Errorf("image without payload: %v", err)
	}
	if _, err := p.Lookup(ctx, "Not A Reference", nil); err == nil {
		t.Error("bad reference accepted")
	}
	if _, err := p.Lookup(ctx, srv.Host+"/ocp/missing:1", nil); err == nil || !strings.Contains(err.Error(), "ocp/missing") {
		t.Errorf("missing image: %v", err)
	}
}

func TestRegistryProviderManifestListAndMirrors(t *testing.T) {
	origin := registrytest.New(t, registrytest.NoAuth)
	mirrorSrv := registrytest.New(t, registrytest.NoAuth)
	listDigest := origin.PushIndex(t, "ocp/release:multi", map[string]v1.Image{
		"linux/amd64": releaseImage(t, "4.15.3"),
		"linux/arm64": releaseImage(t, "4.15.3-arm"),
	})
	set, err := mirror.New(map[string][]string{origin.Host + "/ocp": {mirrorSrv.Host + "/ocp"}})
	if err != nil {
		t.Fatal(err)
	}
	mirrorSrv.Fail(http.StatusInternalServerError)
	p := NewRegistryProvider(client(origin, mirrorSrv), set, 0)
	r, err := p.Lookup(context.Background(), origin.Host+"/ocp/release@"+listDigest, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.Version() != "4.15.3" {
		t.Errorf("manifest list resolved to %q", r.Version())
	}
	if mirrorSrv.Requests() == 0 {
		t.Error("mirror not tried")
	}
	origin.Close()
	_, err = p.Lookup(context.Background(), origin.Host+"/ocp/release:multi", nil)
	var fe *pull.FetchError
	if !errors.As(err, &fe) || len(fe.Tried) != 2 {
		t.Fatalf("all locations down: %v", err)
	}
}

func TestRegistryProviderConcurrent(t *testing.T) {
	srv := registrytest.New(t, registrytest.NoAuth)
	dgst := srv.Push(t, "ocp/release:4.15.3", releaseImage(t, "4.15.3"))
	p := NewRegistryProvider(client(srv), nil, 2)
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			image := srv.Host + "/ocp/release@" + dgst
			if i%2 == 0 {
				image = srv.Host + "/ocp/release:4.15.3"
			}
			r, err := p.Lookup(context.Background(), image, nil)
			if err != nil {
				t.Error(err)
				return
			}
			if r.Version() != "4.15.3" {
				t.Errorf("version %q", r.Version())
			}
			r.Spec.Tags[0].Name = "scribbled"
		}()
	}
	wg.Wait()
}
