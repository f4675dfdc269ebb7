package pull

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-containerregistry/pkg/name"
	ggcrregistry "github.com/google/go-containerregistry/pkg/registry"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/remote"

	"github.com/hcpkit/hcpkit/internal/registrytest"
	"github.com/hcpkit/hcpkit/pkg/registry/mirror"
	"github.com/hcpkit/hcpkit/pkg/registry/reference"
)

func ref(t testing.TB, s string) reference.DockerImageReference {
	t.Helper()
	r, err := reference.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func mirrors(t testing.TB, m map[string][]string) *mirror.Set {
	t.Helper()
	s, err := mirror.New(m)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func newClient(srvs ...*registrytest.Server) *Client {
	pool := x509.NewCertPool()
	for _, s := range srvs {
		pool.AddCert(s.Certificate())
	}
	return New(WithRootCAs(pool), WithRetries(0))
}

func TestConfigByTagAndDigest(t *testing.T) {
	srv := registrytest.New(t, registrytest.BasicAuth)
	img := registrytest.Image(t, map[string]string{"io.openshift.release.operator": "true"}, nil)
	dgst := srv.Push(t, "ns/app:v1", img)
	c := newClient(srv)
	ctx := context.Background()

	srv.Reset()
	cfg, err := c.Config(ctx, ref(t, srv.Host+"/ns/app:v1"), srv.PullSecret(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.Labels()["io.openshift.release.operator"]; got != "true" {
		t.Fatalf("labels = %v", cfg.Labels())
	}
	// First contact: one ping, then the manifest and the config blob.
	if p, m, b := srv.RequestsOf("ping"), srv.RequestsOf("manifest"), srv.RequestsOf("blob"); p != 1 || m != 1 || b != 1 {
		t.Errorf("cold lookup by tag: ping=%d manifest=%d blob=%d, want 1 1 1", p, m, b)
	}
	for _, ua := range srv.UserAgents() {
		if !strings.Contains(ua, "hcpkit") {
			t.Errorf("user agent %q does not name hcpkit", ua)
		}
	}

	srv.Reset()
	if _, err := c.Config(ctx, ref(t, srv.Host+"/ns/app@"+dgst), srv.PullSecret(), nil); err != nil {
		t.Fatal(err)
	}
	if n := srv.Requests(); n != 0 {
		t.Errorf("warm lookup by digest made %d requests, want 0", n)
	}
	srv.Reset()
	if _, err := c.Config(ctx, ref(t, srv.Host+"/ns/app:v1"), srv.PullSecret(), nil); err != nil {
		t.Fatal(err)
	}
	if n, m := srv.Requests(), srv.RequestsOf("manifest"); n != 1 || m != 1 {
		t.Errorf("warm lookup by tag made %d requests (%d manifest), want 1 manifest", n, m)
	}

	// A second image in the same repository: the puller is reused, no ping.
	dgst2 := srv.Push(t, "ns/app:v2", registrytest.Image(t, map[string]string{"v": "2"}, nil))
	srv.Reset()
	cfg2, err := c.Config(ctx, ref(t, srv.Host+"/ns/app@"+dgst2), srv.PullSecret(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if cfg2.Labels()["v"] != "2" {
		t.Errorf("labels = %v", cfg2.Labels())
	}
	if n := srv.Requests(); n != 2 {
		t.Errorf("cold lookup by digest with a reused puller made %d requests, want 2", n)
	}
}

func TestResultsAreCopies(t *testing.T) {
	srv := registrytest.New(t, registrytest.NoAuth)
	dgst := srv.Push(t, "ns/app:v1", registrytest.Image(t, map[string]string{"k": "v"}, nil))
	c := newClient(srv)
	r := ref(t, srv.Host+"/ns/app@"+dgst)
	cfg, err := c.Config(context.Background(), r, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Config.Labels["k"] = "corrupted"
	again, err := c.Config(context.Background(), r, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if again.Labels()["k"] != "v" {
		t.Fatal("a caller's change reached the cache")
	}
}

func TestMovedTagIsNotStale(t *testing.T) {
	srv := registrytest.New(t, registrytest.NoAuth)
	c := newClient(srv)
	r := ref(t, srv.Host+"/ns/app:stable")
	for _, v := range []string{"1", "2", "3"} {
		srv.Push(t, "ns/app:stable", registrytest.Image(t, map[string]string{"version": v}, nil))
		cfg, err := c.Config(context.Background(), r, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := cfg.Labels()["version"]; got != v {
			t.Fatalf("after moving the tag to version %s the lookup says %s", v, got)
		}
	}
}

func TestManifestList(t *testing.T) {
	srv := registrytest.New(t, registrytest.NoAuth)
	amd := registrytest.Image(t, map[string]string{"arch": "amd64"}, nil)
	arm := registrytest.Image(t, map[string]string{"arch": "arm64"}, nil)
	listDigest := srv.PushIndex(t, "ns/multi:v1", map[string]v1.Image{"linux/amd64": amd, "linux/arm64": arm})
	amdDigest, _ := amd.Digest()
	ctx := context.Background()

	c := newClient(srv)
	cfg, err := c.Config(ctx, ref(t, srv.Host+"/ns/multi@"+listDigest), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Labels()["arch"] != "amd64" {
		t.Fatalf("default platform picked %v", cfg.Labels())
	}
	srv.Reset()
	for _, d := range []string{listDigest, amdDigest.String()} {
		if _, err := c.Config(ctx, ref(t, srv.Host+"/ns/multi@"+d), nil, nil); err != nil {
			t.Fatal(err)
		}
	}
	if n := srv.Requests(); n != 0 {
		t.Errorf("lookups by list digest and child digest after the first made %d requests, want 0", n)
	}

	armClient := New(WithRootCAs(srv.CertPool()), WithPlatform(v1.Platform{OS: "linux", Architecture: "arm64"}))
	cfg, err = armClient.Config(ctx, ref(t, srv.Host+"/ns/multi:v1"), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Labels()["arch"] != "arm64" {
		t.Fatalf("arm64 platform picked %v", cfg.Labels())
	}
	s390 := New(WithRootCAs(srv.CertPool()), WithPlatform(v1.Platform{OS: "linux", Architecture: "s390x"}))
	if _, err := s390.Config(ctx, ref(t, srv.Host+"/ns/multi:v1"), nil, nil); err == nil || !strings.Contains(err.Error(), "linux/s390x") {
		t.Fatalf("missing platform: %v", err)
	}
}

func TestCredentials(t *testing.T) {
	srv := registrytest.New(t, registrytest.BasicAuth)
	dgst := srv.Push(t, "ns/private:v1", registrytest.Image(t, map[string]string{"secret": "yes"}, nil))
	c := newClient(srv)
	ctx := context.Background()
	r := ref(t, srv.Host+"/ns/private@"+dgst)

	if _, err := c.Config(ctx, r, srv.PullSecret(), nil); err != nil {
		t.Fatal(err)
	}
	// Another caller whose secret cannot read the image gets no cached answer.
	wrong := registrytest.PullSecret(map[string][2]string{srv.Host: {"user", "wrong"}})
	for _, secret := range [][]byte{wrong, nil, registrytest.PullSecret(map[string][2]string{"other.example": {"user", "s3cret"}})} {
		if _, err := c.Config(ctx, r, secret, nil); err == nil {
			t.Errorf("secret %s read a private image", secret)
		} else if !strings.Contains(err.Error(), "401") && !strings.Contains(strings.ToLower(err.Error()), "unauthorized") {
			t.Errorf("error does not say unauthorized: %v", err)
		}
	}
	if _, err := c.Config(ctx, r, []byte("{not json"), nil); err == nil || !strings.Contains(err.Error(), "pull secret") {
		t.Errorf("bad pull secret: %v", err)
	}
}

func TestCredentialsStayWithTheirHost(t *testing.T) {
	origin := registrytest.New(t, registrytest.BasicAuth)
	mirrorSrv := registrytest.New(t, registrytest.NoAuth)
	dgst := origin.Push(t, "ns/app:v1", registrytest.Image(t, map[string]string{"from": "origin"}, nil))
	c := newClient(origin, mirrorSrv)
	set := mirrors(t, map[string][]string{origin.Host + "/ns": {mirrorSrv.Host + "/copy"}})
	cfg, err := c.Config(context.Background(), ref(t, origin.Host+"/ns/app@"+dgst), origin.PullSecret(), set)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Labels()["from"] != "origin" {
		t.Fatal("wrong image")
	}
	if mirrorSrv.RequestsOf("manifest") == 0 {
		t.Error("the mirror was not tried first")
	}
	if mirrorSrv.SawAuthorization("Basic") {
		t.Error("the origin's credentials were sent to the mirror")
	}
}

func TestMirrorFallback(t *testing.T) {
	origin := registrytest.New(t, registrytest.NoAuth)
	down := registrytest.New(t, registrytest.NoAuth)
	broken := registrytest.New(t, registrytest.NoAuth)
	good := registrytest.New(t, registrytest.NoAuth)
	img := registrytest.Image(t, map[string]string{"k": "v"}, nil)
	dgst := origin.Push(t, "ns/app:v1", img)
	good.Push(t, "m/app:v1", img)
	c := newClient(origin, down, broken, good)
	down.Close()
	broken.Fail(http.StatusInternalServerError)

	set := mirrors(t, map[string][]string{origin.Host + "/ns": {down.Host + "/m", broken.Host + "/m", good.Host + "/m"}})
	origin.Reset()
	good.Reset()
	cfg, err := c.Config(context.Background(), ref(t, origin.Host+"/ns/app@"+dgst), nil, set)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Labels()["k"] != "v" || origin.Requests() != 0 || good.RequestsOf("manifest") != 1 {
		t.Fatalf("labels %v, origin requests %d, good mirror manifests %d", cfg.Labels(), origin.Requests(), good.RequestsOf("manifest"))
	}

	// Every location fails: the error names each one.
	origin.Fail(http.StatusServiceUnavailable)
	other := registrytest.Image(t, map[string]string{"k": "other"}, nil)
	otherDigest, _ := other.Digest()
	_, err = c.Config(context.Background(), ref(t, origin.Host+"/ns/app@"+otherDigest.String()), nil, set)
	var fe *FetchError
	if !errors.As(err, &fe) {
		t.Fatalf("error %v is not a FetchError", err)
	}
	if len(fe.Tried) != 4 {
		t.Fatalf("tried %d locations, want 4: %v", len(fe.Tried), err)
	}
	for _, host := range []string{down.Host + "/m/app", broken.Host + "/m/app", good.Host + "/m/app", origin.Host + "/ns/app"} {
		if !strings.Contains(err.Error(), host) {
			t.Errorf("error does not name %s: %v", host, err)
		}
	}
	for _, why := range []string{"500", "503", "connect"} {
		if !strings.Contains(err.Error(), why) {
			t.Errorf("error does not say %q: %v", why, err)
		}
	}
}

func TestTLSVerified(t *testing.T) {
	srv := registrytest.New(t, registrytest.NoAuth)
	dgst := srv.Push(t, "ns/app:v1", registrytest.Image(t, nil, nil))
	r := ref(t, srv.Host+"/ns/app@"+dgst)
	if _, err := New(WithRetries(0)).Config(context.Background(), r, nil, nil); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Fatalf("an untrusted certificate was accepted: %v", err)
	}
	if _, err := New(WithInsecureRegistries(srv.Host)).Config(context.Background(), r, nil, nil); err != nil {
		t.Fatalf("insecure registry: %v", err)
	}
	host := strings.Split(srv.Host, ":")[0]
	if _, err := New(WithInsecureRegistries("other.example", host)).Config(context.Background(), r, nil, nil); err != nil {
		t.Fatalf("insecure registry by host name: %v", err)
	}
}

func TestContextRespected(t *testing.T) {
	srv := registrytest.New(t, registrytest.NoAuth)
	dgst := srv.Push(t, "ns/app:v1", registrytest.Image(t, nil, nil))
	c := newClient(srv)
	r := ref(t, srv.Host+"/ns/app@"+dgst)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Config(ctx, r, nil, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled context: %v", err)
	}
	srv.Hang(true)
	ctx, cancel = context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.Config(ctx, r, nil, nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("deadline: %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("returned %v after the deadline", d)
	}
	srv.Hang(false)
}

func TestConcurrentIdenticalLookupsShareOneFetch(t *testing.T) {
	srv := registrytest.New(t, registrytest.NoAuth)
	dgst := srv.Push(t, "ns/app:v1", registrytest.Image(t, map[string]string{"k": "v"}, nil))
	c := newClient(srv)
	// Warm the puller so the ping does not count, with another image.
	other := srv.Push(t, "ns/app:other", registrytest.Image(t, nil, nil))
	if _, err := c.Config(context.Background(), ref(t, srv.Host+"/ns/app@"+other), nil, nil); err != nil {
		t.Fatal(err)
	}
	srv.Reset()
	srv.SetDelay(50 * time.Millisecond)
	defer srv.SetDelay(0)
	const n = 32
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cfg, err := c.Config(context.Background(), ref(t, srv.Host+"/ns/app@"+dgst), nil, nil)
			if err == nil && cfg.Labels()["k"] != "v" {
				err = fmt.Errorf("labels %v", cfg.Labels())
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if m, b := srv.RequestsOf("manifest"), srv.RequestsOf("blob"); m != 1 || b != 1 {
		t.Errorf("%d identical concurrent lookups made %d manifest and %d blob requests, want 1 and 1", n, m, b)
	}
}

func TestCallerLeavingDoesNotFailOthers(t *testing.T) {
	srv := registrytest.New(t, registrytest.NoAuth)
	dgst := srv.Push(t, "ns/app:v1", registrytest.Image(t, map[string]string{"k": "v"}, nil))
	c := newClient(srv)
	srv.SetDelay(100 * time.Millisecond)
	defer srv.SetDelay(0)
	r := ref(t, srv.Host+"/ns/app@"+dgst)
	impatient, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	var wg sync.WaitGroup
	wg.Add(1)
	var impatientErr error
	go func() {
		defer wg.Done()
		_, impatientErr = c.Config(impatient, r, nil, nil)
	}()
	time.Sleep(5 * time.Millisecond)
	cfg, err := c.Config(context.Background(), r, nil, nil)
	wg.Wait()
	if err != nil || cfg.Labels()["k"] != "v" {
		t.Fatalf("patient caller: %v", err)
	}
	if !errors.Is(impatientErr, context.DeadlineExceeded) {
		t.Fatalf("impatient caller: %v", impatientErr)
	}
}

func TestRace64Goroutines(t *testing.T) {
	srv := registrytest.New(t, registrytest.BasicAuth)
	mirrorSrv := registrytest.New(t, registrytest.NoAuth)
	type want struct {
		ref   string
		label string
	}
	var wants []want
	for i := range 8 {
		img := registrytest.Image(t, map[string]string{"i": fmt.Sprint(i)}, nil)
		d := srv.Push(t, fmt.Sprintf("ns/app%d:v1", i%3), img)
		wants = append(wants, want{fmt.Sprintf("%s/ns/app%d@%s", srv.Host, i%3, d), fmt.Sprint(i)})
		if i%3 == 0 {
			srv.Push(t, fmt.Sprintf("ns/tagged%d:t", i), img)
			wants = append(wants, want{fmt.Sprintf("%s/ns/tagged%d:t", srv.Host, i), fmt.Sprint(i)})
		}
	}
	mirrorSrv.Close() // a mirror that is down for half of the lookups
	c := New(WithRootCAs(srv.CertPool()), WithCacheSize(4), WithRetries(0))
	set := mirrors(t, map[string][]string{srv.Host + "/ns": {mirrorSrv.Host + "/ns"}})
	secrets := [][]byte{srv.PullSecret(), append(srv.PullSecret(), ' ')}
	var wg sync.WaitGroup
	errs := make(chan error, 64*8)
	for g := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 8 {
				w := wants[(g+k)%len(wants)]
				var ms *mirror.Set
				if g%2 == 0 {
					ms = set
				}
				cfg, err := c.Config(context.Background(), ref(t, w.ref), secrets[(g/2)%2], ms)
				if err != nil {
					errs <- err
					continue
				}
				if got := cfg.Labels()["i"]; got != w.label {
					errs <- fmt.Errorf("%s: label %q, want %q", w.ref, got, w.label)
				}
				cfg.Config.Labels["i"] = "scribbled"
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := c.CacheLen(); n > 4 {
		t.Errorf("cache holds %d entries, bound is 4", n)
	}
}

func TestNoGoroutineLeak(t *testing.T) {
	before := runtime.NumGoroutine()
	func() {
		srv := registrytest.New(t, registrytest.BasicAuth)
		dgst := srv.Push(t, "ns/app:v1", registrytest.Image(t, nil, nil))
		c := newClient(srv)
		var wg sync.WaitGroup
		for i := range 16 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ctx, cancel := context.WithTimeout(context.Background(), time.Duration(i)*5*time.Millisecond)
				defer cancel()
				_, _ = c.Config(ctx, ref(t, srv.Host+"/ns/app@"+dgst), srv.PullSecret(), nil)
				_, _ = c.Config(ctx, ref(t, srv.Host+"/ns/app:v1"), srv.PullSecret(), nil)
			}()
		}
		wg.Wait()
		srv.Hang(true)
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		_, _ = c.Config(ctx, ref(t, srv.Host+"/ns/app:v1"), srv.PullSecret(), nil)
		cancel()
		srv.Hang(false)
		c.CloseIdleConnections()
		srv.Close()
	}()
	deadline := time.Now().Add(10 * time.Second)
	for {
		n := runtime.NumGoroutine()
		if n <= before {
			return
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines before, %d after:\n%s", before, n, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestInvalidInput(t *testing.T) {
	c := New()
	if _, err := c.Config(context.Background(), reference.DockerImageReference{}, nil, nil); err == nil {
		t.Fatal("empty reference accepted")
	}
	if _, err := c.Resolve(context.Background(), reference.DockerImageReference{}, nil, nil); err == nil {
		t.Fatal("empty reference accepted")
	}
}

func TestPlainHTTPOnlyWhenNamedInsecure(t *testing.T) {
	plain := httptest.NewServer(ggcrregistry.New(ggcrregistry.Logger(log.New(io.Discard, "", 0))))
	defer plain.Close()
	host := strings.TrimPrefix(plain.URL, "http://")
	img := registrytest.Image(t, map[string]string{"k": "v"}, nil)
	tag, err := name.NewTag(host + "/ns/app:v1")
	if err != nil {
		t.Fatal(err)
	}
	if err := remote.Write(tag, img, remote.WithTransport(plain.Client().Transport)); err != nil {
		t.Fatal(err)
	}
	r := ref(t, host+"/ns/app:v1")
	// go-containerregistry would fall back to HTTP for a loopback address; the
	// Client does not unless told the registry is insecure.
	if _, err := New(WithRetries(0)).Config(context.Background(), r, nil, nil); err == nil || !strings.Contains(err.Error(), "plain HTTP") {
		t.Fatalf("plain HTTP registry not named insecure: %v", err)
	}
	cfg, err := New(WithInsecureRegistries(host)).Config(context.Background(), r, nil, nil)
	if err != nil || cfg.Labels()["k"] != "v" {
		t.Fatalf("insecure registry over HTTP: %v", err)
	}
}

func TestTokenAuth(t *testing.T) {
	srv := registrytest.New(t, registrytest.TokenAuth)
	dgst := srv.Push(t, "ns/app:v1", registrytest.Image(t, map[string]string{"k": "v"}, nil))
	c := newClient(srv)
	r := ref(t, srv.Host+"/ns/app@"+dgst)
	srv.Reset()
	cfg, err := c.Config(context.Background(), r, srv.PullSecret(), nil)
	if err != nil || cfg.Labels()["k"] != "v" {
		t.Fatalf("token registry: %v", err)
	}
	if tok := srv.RequestsOf("token"); tok != 1 {
		t.Errorf("%d token exchanges, want 1", tok)
	}
	wrong := registrytest.PullSecret(map[string][2]string{srv.Host: {"user", "wrong"}})
	if _, err := New(WithRootCAs(srv.CertPool()), WithRetries(0)).Config(context.Background(), r, wrong, nil); err == nil {
		t.Fatal("wrong credentials got a token")
	}
}
