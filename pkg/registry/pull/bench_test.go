package pull

import (
	"context"
	"sync"
	"testing"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/v1/remote"

	"github.com/hcpkit/hcpkit/internal/registrytest"
)

// benchSetup pushes an image and returns a client whose puller has already
// met the repository (so the /v2/ ping and any token exchange are done).
func benchSetup(b *testing.B, auth registrytest.Auth) (*registrytest.Server, *Client, string, []byte) {
	b.Helper()
	srv := registrytest.New(b, auth)
	dgst := srv.Push(b, "ns/app:v1", registrytest.Image(b, map[string]string{"k": "v"}, nil))
	c := newClient(srv)
	secret := srv.PullSecret()
	warm := srv.Push(b, "ns/app:warm", registrytest.Image(b, nil, nil))
	if _, err := c.Config(context.Background(), ref(b, srv.Host+"/ns/app@"+warm), secret, nil); err != nil {
		b.Fatal(err)
	}
	srv.Reset()
	return srv, c, dgst, secret
}

func reportRequests(b *testing.B, srv *registrytest.Server) {
	b.ReportMetric(float64(srv.Requests())/float64(b.N), "requests/op")
	b.ReportMetric(float64(srv.RequestsOf("ping"))/float64(b.N), "pings/op")
	b.ReportMetric(float64(srv.RequestsOf("token"))/float64(b.N), "tokens/op")
}

func benchCold(b *testing.B, auth registrytest.Auth, byTag bool) {
	srv, c, dgst, secret := benchSetup(b, auth)
	r := ref(b, srv.Host+"/ns/app@"+dgst)
	if byTag {
		r = ref(b, srv.Host+"/ns/app:v1")
	}
	ctx := context.Background()
	b.ResetTimer()
	for range b.N {
		c.Purge()
		if _, err := c.Config(ctx, r, secret, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	reportRequests(b, srv)
}

// BenchmarkColdLookupByDigest: a cache miss by digest with a reused puller
// costs the manifest and the config blob.
func BenchmarkColdLookupByDigest(b *testing.B) { benchCold(b, registrytest.BasicAuth, false) }

// BenchmarkColdLookupByTag: a cache miss by tag costs the same two requests.
func BenchmarkColdLookupByTag(b *testing.B) { benchCold(b, registrytest.BasicAuth, true) }

// BenchmarkColdLookupByDigestTokenAuth: with a token-issuing registry the
// token, exchanged once, is reused.
func BenchmarkColdLookupByDigestTokenAuth(b *testing.B) { benchCold(b, registrytest.TokenAuth, false) }

// BenchmarkFirstContact: a new Client (no puller yet) adds the /v2/ ping and
// the token exchange.
func BenchmarkFirstContact(b *testing.B) {
	srv := registrytest.New(b, registrytest.TokenAuth)
	dgst := srv.Push(b, "ns/app:v1", registrytest.Image(b, nil, nil))
	r := ref(b, srv.Host+"/ns/app@"+dgst)
	secret := srv.PullSecret()
	srv.Reset()
	b.ResetTimer()
	for range b.N {
		c := newClient(srv)
		if _, err := c.Config(context.Background(), r, secret, nil); err != nil {
			b.Fatal(err)
		}
		c.CloseIdleConnections()
	}
	b.StopTimer()
	reportRequests(b, srv)
}

// BenchmarkWarmLookupByDigest: a cache hit makes no request.
func BenchmarkWarmLookupByDigest(b *testing.B) {
	srv, c, dgst, secret := benchSetup(b, registrytest.BasicAuth)
	r := ref(b, srv.Host+"/ns/app@"+dgst)
	ctx := context.Background()
	if _, err := c.Config(ctx, r, secret, nil); err != nil {
		b.Fatal(err)
	}
	srv.Reset()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := c.Config(ctx, r, secret, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	reportRequests(b, srv)
}

// BenchmarkWarmLookupByTag: a tag is re-resolved (one manifest request), the
// configuration comes from the cache.
func BenchmarkWarmLookupByTag(b *testing.B) {
	srv, c, _, secret := benchSetup(b, registrytest.BasicAuth)
	r := ref(b, srv.Host+"/ns/app:v1")
	ctx := context.Background()
	if _, err := c.Config(ctx, r, secret, nil); err != nil {
		b.Fatal(err)
	}
	srv.Reset()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := c.Config(ctx, r, secret, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	reportRequests(b, srv)
}

// BenchmarkConcurrentIdenticalLookups: 32 concurrent cold lookups of one
// image share one fetch (manifest + blob).
func BenchmarkConcurrentIdenticalLookups(b *testing.B) {
	srv, c, dgst, secret := benchSetup(b, registrytest.BasicAuth)
	r := ref(b, srv.Host+"/ns/app@"+dgst)
	ctx := context.Background()
	const callers = 32
	srv.SetDelay(2e6) // 2ms per request, so that the callers overlap
	b.ResetTimer()
	for range b.N {
		c.Purge()
		var wg sync.WaitGroup
		for range callers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := c.Config(ctx, r, secret, nil); err != nil {
					b.Error(err)
				}
			}()
		}
		wg.Wait()
	}
	b.StopTimer()
	b.ReportMetric(float64(srv.RequestsOf("manifest"))/float64(b.N), "manifest-fetches/op")
	b.ReportMetric(float64(srv.Requests())/float64(b.N), "requests/op")
}

// BenchmarkPlainRemoteLookup is the baseline: go-containerregistry's remote
// without a reused puller, as a lookup would be written naively (a /v2/
// ping, the manifest and the config blob every time, and no cache).
func BenchmarkPlainRemoteLookup(b *testing.B) {
	srv := registrytest.New(b, registrytest.BasicAuth)
	dgst := srv.Push(b, "ns/app:v1", registrytest.Image(b, nil, nil))
	nref, err := name.NewDigest(srv.Host + "/ns/app@" + dgst)
	if err != nil {
		b.Fatal(err)
	}
	kc, err := NewKeychain(srv.PullSecret())
	if err != nil {
		b.Fatal(err)
	}
	tr := newClient(srv).transport
	srv.Reset()
	b.ResetTimer()
	for range b.N {
		img, err := remote.Image(nref, remote.WithAuthFromKeychain(kc), remote.WithTransport(tr))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := img.RawConfigFile(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	reportRequests(b, srv)
}
