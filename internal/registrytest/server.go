package registrytest

import (
	"archive/tar"
	"bytes"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-containerregistry/pkg/authn"
	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/registry"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/random"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
	"github.com/google/go-containerregistry/pkg/v1/types"
)

// Auth says how a Server checks clients.
type Auth int

// Authentication modes.
const (
	// NoAuth lets every client in.
	NoAuth Auth = iota
	// BasicAuth asks for HTTP basic credentials on every request.
	BasicAuth
	// TokenAuth asks clients to exchange basic credentials for a bearer
	// token at /token first, as public registries do.
	TokenAuth
)

// Server is an in-memory registry behind TLS.
type Server struct {
	// Host is "127.0.0.1:port", the registry host of image references.
	Host string
	// User and Password are the credentials the server accepts.
	User, Password string

	srv   *httptest.Server
	auth  Auth
	token string

	failStatus atomic.Int32
	delay      atomic.Int64
	hang       atomic.Bool
	counts     sync.Map // kind -> *atomic.Int64
	total      atomic.Int64
	agents     sync.Map // user agent -> struct{}
	authHeader sync.Map // Authorization header value -> struct{}
}

// New starts a Server that stops when the test ends.
func New(t testing.TB, auth Auth) *Server {
	t.Helper()
	s := &Server{auth: auth, User: "user", Password: "s3cret", token: "tok-" + strings.ReplaceAll(t.Name(), "/", "-")}
	reg := registry.New(registry.Logger(nopLogger()))
	s.srv = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.count(r)
		if d := time.Duration(s.delay.Load()); d > 0 {
			time.Sleep(d)
		}
		if s.hang.Load() {
			<-r.Context().Done()
			return
		}
		if st := s.failStatus.Load(); st != 0 {
			http.Error(w, "injected failure", int(st))
			return
		}
		switch s.auth {
		case BasicAuth:
			if u, p, ok := r.BasicAuth(); !ok || u != s.User || p != s.Password {
				w.Header().Set("WWW-Authenticate", `Basic realm="registrytest"`)
				http.Error(w, `{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}`, http.StatusUnauthorized)
				return
			}
		case TokenAuth:
			if r.URL.Path == "/token" {
				if u, p, ok := r.BasicAuth(); !ok || u != s.User || p != s.Password {
					http.Error(w, "bad credentials", http.StatusUnauthorized)
					return
				}
				w.Header().Set("Content-Type", "application/json")
				_ = json.NewEncoder(w).Encode(map[string]string{"token": s.token})
				return
			}
			if r.Header.Get("Authorization") != "Bearer "+s.token {
				w.Header().Set("WWW-Authenticate", fmt.Sprintf(`Bearer realm="https://%s/token",service="registrytest"`, r.Host))
				http.Error(w, `{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}`, http.StatusUnauthorized)
				return
			}
		}
		reg.ServeHTTP(w, r)
	}))
	s.srv.Config.ErrorLog = nopLogger()
	s.srv.StartTLS()
	s.Host = strings.TrimPrefix(s.srv.URL, "https://")
	t.Cleanup(s.srv.Close)
	return s
}

func (s *Server) count(r *http.Request) {
	kind := "other"
	switch {
	case r.URL.Path == "/v2/" || r.URL.Path == "/v2":
		kind = "ping"
	case r.URL.Path == "/token":
		kind = "token"
	case strings.Contains(r.URL.Path, "/manifests/"):
		kind = "manifest"
	case strings.Contains(r.URL.Path, "/blobs/"):
		kind = "blob"
	}
	v, _ := s.counts.LoadOrStore(kind, new(atomic.Int64))
	v.(*atomic.Int64).Add(1)
	s.total.Add(1)
	s.agents.Store(r.UserAgent(), struct{}{})
	if h := r.Header.Get("Authorization"); h != "" {
		s.authHeader.Store(h, struct{}{})
	}
}

// Requests returns how many requests the server has answered since the last
// Reset.
func (s *Server) Requests() int64 { return s.total.Load() }

// RequestsOf returns the count for one kind: "ping", "token", "manifest",
// "blob" or "other".
func (s *Server) RequestsOf(kind string) int64 {
	if v, ok := s.counts.Load(kind); ok {
		return v.(*atomic.Int64).Load()
	}
	return 0
}

// Reset zeroes the counters and forgets the user agents and credentials seen.
func (s *Server) Reset() {
	s.counts.Range(func(k, _ any) bool { s.counts.Delete(k); return true })
	s.agents.Range(func(k, _ any) bool { s.agents.Delete(k); return true })
	s.authHeader.Range(func(k, _ any) bool { s.authHeader.Delete(k); return true })
	s.total.Store(0)
}

// UserAgents returns the user agents seen since the last Reset.
func (s *Server) UserAgents() []string {
	var out []string
	s.agents.Range(func(k, _ any) bool { out = append(out, k.(string)); return true })
	return out
}

// SawAuthorization reports whether any request since the last Reset carried
// an Authorization header holding sub.
func (s *Server) SawAuthorization(sub string) bool {
	found := false
	s.authHeader.Range(func(k, _ any) bool {
		if strings.Contains(k.(string), sub) {
			found = true
		}
		return !found
	})
	return found
}

// Fail makes every request answer status (0 restores normal service).
func (s *Server) Fail(status int) { s.failStatus.Store(int32(status)) }

// SetDelay makes every request wait d before it is answered.
func (s *Server) SetDelay(d time.Duration) { s.delay.Store(int64(d)) }

// Hang makes every request wait until the client gives up (false restores
// normal service).
func (s *Server) Hang(on bool) { s.hang.Store(on) }

// Close stops the server; later requests fail to connect.
func (s *Server) Close() { s.srv.Close() }

// CertPool returns a pool that trusts the server's certificate.
func (s *Server) CertPool() *x509.CertPool {
	pool := x509.NewCertPool()
	pool.AddCert(s.srv.Certificate())
	return pool
}

// Certificate returns the server's TLS certificate.
func (s *Server) Certificate() *x509.Certificate { return s.srv.Certificate() }

// PullSecret returns a docker config JSON with the server's credentials.
func (s *Server) PullSecret() []byte {
	return PullSecret(map[string][2]string{s.Host: {s.User, s.Password}})
}

// PullSecret renders a docker config JSON from host -> {user, password}.
func PullSecret(creds map[string][2]string) []byte {
	auths := map[string]map[string]string{}
	for host, up := range creds {
		auths[host] = map[string]string{"auth": base64.StdEncoding.EncodeToString([]byte(up[0] + ":" + up[1]))}
	}
	out, _ := json.Marshal(map[string]any{"auths": auths})
	return out
}

func (s *Server) remoteOptions() []remote.Option {
	opts := []remote.Option{remote.WithTransport(s.srv.Client().Transport)}
	if s.auth != NoAuth {
		opts = append(opts, remote.WithAuth(&authn.Basic{Username: s.User, Password: s.Password}))
	}
	return opts
}

// Image builds a small random image with the given labels and files
// (path -> content, in one extra layer).
func Image(t testing.TB, labels map[string]string, files map[string]string) v1.Image {
	t.Helper()
	img, err := random.Image(256, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) > 0 {
		layer, err := FileLayer(files)
		if err != nil {
			t.Fatal(err)
		}
		if img, err = mutate.AppendLayers(img, layer); err != nil {
			t.Fatal(err)
		}
	}
	cf, err := img.ConfigFile()
	if err != nil {
		t.Fatal(err)
	}
	cf = cf.DeepCopy()
	cf.Architecture, cf.OS = "amd64", "linux"
	cf.Config.Labels = labels
	if img, err = mutate.ConfigFile(img, cf); err != nil {
		t.Fatal(err)
	}
	return img
}

// FileLayer builds a layer holding files (path -> content).
func FileLayer(files map[string]string) (v1.Layer, error) {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for p, content := range files {
		if err := tw.WriteHeader(&tar.Header{Name: p, Mode: 0o644, Size: int64(len(content)), Typeflag: tar.TypeReg}); err != nil {
			return nil, err
		}
		if _, err := tw.Write([]byte(content)); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	return tarball.LayerFromOpener(func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil })
}

// Push writes img to repoTag ("ns/repo:tag" on this server) and returns its
// manifest digest.
func (s *Server) Push(t testing.TB, repoTag string, img v1.Image) string {
	t.Helper()
	ref, err := name.ParseReference(s.Host + "/" + repoTag)
	if err != nil {
		t.Fatal(err)
	}
	if err := remote.Write(ref, img, s.remoteOptions()...); err != nil {
		t.Fatalf("push %s: %v", ref, err)
	}
	d, err := img.Digest()
	if err != nil {
		t.Fatal(err)
	}
	return d.String()
}

// PushIndex writes a manifest list of images keyed by platform
// ("linux/amd64") to repoTag and returns the list's digest.
func (s *Server) PushIndex(t testing.TB, repoTag string, images map[string]v1.Image) string {
	t.Helper()
	ref, err := name.ParseReference(s.Host + "/" + repoTag)
	if err != nil {
		t.Fatal(err)
	}
	idx := mutate.IndexMediaType(empty.Index, types.DockerManifestList)
	for plat, img := range images {
		p, err := v1.ParsePlatform(plat)
		if err != nil {
			t.Fatal(err)
		}
		idx = mutate.AppendManifests(idx, mutate.IndexAddendum{Add: img, Descriptor: v1.Descriptor{Platform: p}})
	}
	if err := remote.WriteIndex(ref, idx, s.remoteOptions()...); err != nil {
		t.Fatalf("push index %s: %v", ref, err)
	}
	d, err := idx.Digest()
	if err != nil {
		t.Fatal(err)
	}
	return d.String()
}
