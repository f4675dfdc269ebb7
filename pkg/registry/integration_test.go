package registry_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-containerregistry/pkg/authn"
	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/types"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/hcpkit/hcpkit/internal/registrytest"
	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
	"github.com/hcpkit/hcpkit/pkg/registry"
	"github.com/hcpkit/hcpkit/pkg/registry/mirror"
	"github.com/hcpkit/hcpkit/pkg/registry/pull"
	"github.com/hcpkit/hcpkit/pkg/releaseinfo"
)

// The htpasswd fixture holds this user with a bcrypt hash of this password.
const (
	itUser     = "hcpkit"
	itPassword = "hcpkit-integration-pw"
)

// distRegistry is a running distribution registry (Debian's docker-registry).
type distRegistry struct {
	Host string
	cmd  *exec.Cmd
	done chan error
}

// testCA is a certificate authority made for one test run, with a server
// certificate for 127.0.0.1.
type testCA struct {
	pool              *x509.CertPool
	certFile, keyFile string
}

func newTestCA(t *testing.T) *testCA {
	t.Helper()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	caTmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "hcpkit integration CA"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		IsCA:                  true,
		KeyUsage:              x509.KeyUsageCertSign,
		BasicConstraintsValid: true,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	caCert, err := x509.ParseCertificate(caDER)
	if err != nil {
		t.Fatal(err)
	}
	srvKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	srvTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(2),
		Subject:      pkix.Name{CommonName: "127.0.0.1"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
	}
	srvDER, err := x509.CreateCertificate(rand.Reader, srvTmpl, caCert, &srvKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(srvKey)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	ca := &testCA{pool: x509.NewCertPool(), certFile: filepath.Join(dir, "tls.crt"), keyFile: filepath.Join(dir, "tls.key")}
	ca.pool.AddCert(caCert)
	if err := os.WriteFile(ca.certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srvDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ca.keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	return ca
}

// requireRegistryEnv, set to 1 (as make test and CI do), turns the skips of
// the integration test into failures, so a missing registry cannot pass
// unnoticed.
const requireRegistryEnv = "HCPKIT_REQUIRE_REGISTRY"

// skipOrFail skips the test with msg, or fails it when the registry is
// required.
func skipOrFail(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv(requireRegistryEnv) == "1" {
		t.Fatalf("%s (%s=1 requires the integration test to run)", msg, requireRegistryEnv)
	}
	t.Skip(msg)
}

// registryBinary returns the distribution registry's path, or skips.
func registryBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("skipping the distribution registry integration test in -short mode")
	}
	if p := os.Getenv("HCPKIT_REGISTRY_BINARY"); p != "" {
		return p
	}
	for _, n := range []string{"docker-registry", "registry"} {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	skipOrFail(t, "skipping: the distribution registry binary (docker-registry) is not installed; "+
		"run hack/install-registry.sh (Debian package docker-registry) or set HCPKIT_REGISTRY_BINARY")
	return ""
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// startDistRegistry runs the distribution registry on 127.0.0.1 with TLS and
// htpasswd authentication until the test ends (or Stop).
func startDistRegistry(t *testing.T, bin string, ca *testCA) *distRegistry {
	t.Helper()
	htpasswd, err := filepath.Abs("testdata/htpasswd")
	if err != nil {
		t.Fatal(err)
	}
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		dir := t.TempDir()
		host := fmt.Sprintf("127.0.0.1:%d", freePort(t))
		config := fmt.Sprintf(`version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: %s
  delete:
    enabled: true
http:
  addr: %s
  secret: %s
  tls:
    certificate: %s
    key: %s
auth:
  htpasswd:
    realm: hcpkit-integration
    path: %s
`, filepath.Join(dir, "data"), host, strings.ReplaceAll(t.Name(), "/", "-"), ca.certFile, ca.keyFile, htpasswd)
		configFile := filepath.Join(dir, "config.yml")
		if err := os.WriteFile(configFile, []byte(config), 0o600); err != nil {
			t.Fatal(err)
		}
		var stderr bytes.Buffer
		cmd := exec.Command(bin, "serve", configFile)
		cmd.Stdout, cmd.Stderr = &stderr, &stderr
		if err := cmd.Start(); err != nil {
			skipOrFail(t, fmt.Sprintf("skipping: cannot start the distribution registry %s: %v", bin, err))
		}
		r := &distRegistry{Host: host, cmd: cmd, done: make(chan error, 1)}
		go func() { r.done <- cmd.Wait() }()
		t.Cleanup(r.Stop)
		if lastErr = r.waitReady(ca.pool); lastErr == nil {
			return r
		}
		r.Stop()
		lastErr = fmt.Errorf("%w; registry output: %s", lastErr, stderr.String())
	}
	skipOrFail(t, fmt.Sprintf("skipping: the distribution registry %s did not start: %v", bin, lastErr))
	return nil
}

func (r *distRegistry) waitReady(pool *x509.CertPool) error {
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}, Timeout: time.Second}
	defer client.CloseIdleConnections()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-r.done:
			r.done <- err
			return fmt.Errorf("registry exited: %w", err)
		default:
		}
		resp, err := client.Get("https://" + r.Host + "/v2/")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusUnauthorized {
				return nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	return errors.New("registry did not answer /v2/ with 401 within 15s")
}

// Stop kills the registry process this test started and waits for it.
func (r *distRegistry) Stop() {
	if r.cmd.Process == nil {
		return
	}
	_ = r.cmd.Process.Kill()
	err := <-r.done
	r.done <- err
}

func (r *distRegistry) push(t *testing.T, pool *x509.CertPool, repoTag string, img v1.Image) string {
	t.Helper()
	ref, err := name.ParseReference(r.Host + "/" + repoTag)
	if err != nil {
		t.Fatal(err)
	}
	tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}
	defer tr.CloseIdleConnections()
	if err := remote.Write(ref, img, remote.WithTransport(tr), remote.WithAuth(&authn.Basic{Username: itUser, Password: itPassword})); err != nil {
		t.Fatalf("push %s: %v", ref, err)
	}
	d, err := img.Digest()
	if err != nil {
		t.Fatal(err)
	}
	return d.String()
}

func (r *distRegistry) pushIndex(t *testing.T, pool *x509.CertPool, repoTag string, images map[string]v1.Image) string {
	t.Helper()
	idx := mutate.IndexMediaType(empty.Index, types.DockerManifestList)
	for plat, img := range images {
		p, err := v1.ParsePlatform(plat)
		if err != nil {
			t.Fatal(err)
		}
		idx = mutate.AppendManifests(idx, mutate.IndexAddendum{Add: img, Descriptor: v1.Descriptor{Platform: p}})
	}
	ref, err := name.ParseReference(r.Host + "/" + repoTag)
	if err != nil {
		t.Fatal(err)
	}
	tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}
	defer tr.CloseIdleConnections()
	if err := remote.WriteIndex(ref, idx, remote.WithTransport(tr), remote.WithAuth(&authn.Basic{Username: itUser, Password: itPassword})); err != nil {
		t.Fatalf("push index %s: %v", ref, err)
	}
	d, err := idx.Digest()
	if err != nil {
		t.Fatal(err)
	}
	return d.String()
}

func TestIntegrationDistributionRegistry(t *testing.T) {
	bin := registryBinary(t)
	ca := newTestCA(t)
	origin := startDistRegistry(t, bin, ca)
	stoppedMirror := startDistRegistry(t, bin, ca)
	stoppedMirror.Stop()
	failing := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "mirror broken", http.StatusInternalServerError)
	}))
	defer failing.Close()
	failingHost := strings.TrimPrefix(failing.URL, "https://")
	pool := ca.pool.Clone()
	pool.AddCert(failing.Certificate())

	secret := registrytest.PullSecret(map[string][2]string{origin.Host: {itUser, itPassword}})
	wrongSecret := registrytest.PullSecret(map[string][2]string{origin.Host: {itUser, "wrong"}})
	newClient := func(opts ...pull.Option) *pull.Client {
		return pull.New(append([]pull.Option{pull.WithRootCAs(pool), pull.WithRetries(0)}, opts...)...)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	img := registrytest.Image(t, map[string]string{"component": "cpo", "rev": "1"}, nil)
	dgst := origin.push(t, ca.pool, "openshift-release-dev/cpo:4.15", img)

	t.Run("mirror stopped and mirror answering 500", func(t *testing.T) {
		c := newClient()
		set, err := mirror.New(map[string][]string{origin.Host + "/openshift-release-dev": {stoppedMirror.Host + "/ocp", failingHost + "/ocp"}})
		if err != nil {
			t.Fatal(err)
		}
		p := registry.MetadataProvider{Client: c, Mirrors: set}
		cfg, err := p.ImageMetadata(ctx, origin.Host+"/openshift-release-dev/cpo@"+dgst, secret)
		if err != nil {
			t.Fatal(err)
		}
		if registry.ImageLabels(cfg)["component"] != "cpo" {
			t.Fatalf("labels %v", registry.ImageLabels(cfg))
		}
		// An image no location has: the error names all three and why.
		_, err = p.ImageMetadata(ctx, origin.Host+"/openshift-release-dev/cpo:missing", secret)
		var fe *pull.FetchError
		if !errors.As(err, &fe) || len(fe.Tried) != 3 {
			t.Fatalf("error %v", err)
		}
		for _, want := range []string{stoppedMirror.Host, failingHost, origin.Host, "connection refused", "500", "MANIFEST_UNKNOWN"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error does not mention %q: %v", want, err)
			}
		}
	})

	t.Run("wrong credentials", func(t *testing.T) {
		c := newClient()
		r := origin.Host + "/openshift-release-dev/cpo@" + dgst
		_, err := registry.MetadataProvider{Client: c}.ImageMetadata(ctx, r, wrongSecret)
		if err == nil || !(strings.Contains(err.Error(), "401") || strings.Contains(strings.ToUpper(err.Error()), "UNAUTHORIZED")) {
			t.Fatalf("wrong password: %v", err)
		}
		if _, err := (registry.MetadataProvider{Client: c}).ImageMetadata(ctx, r, secret); err != nil {
			t.Fatalf("right password after a wrong one: %v", err)
		}
		// The cached answer is not given to the wrong credentials.
		if _, err := (registry.MetadataProvider{Client: c}).ImageMetadata(ctx, r, wrongSecret); err == nil {
			t.Fatal("wrong password served from the cache")
		}
		if _, err := (registry.MetadataProvider{Client: c}).ImageMetadata(ctx, r, nil); err == nil {
			t.Fatal("anonymous caller served from the cache")
		}
	})

	t.Run("moved tag", func(t *testing.T) {
		c := newClient()
		p := registry.MetadataProvider{Client: c}
		for _, rev := range []string{"1", "2", "3"} {
			origin.push(t, ca.pool, "ns/moving:stable", registrytest.Image(t, map[string]string{"rev": rev}, nil))
			cfg, err := p.ImageMetadata(ctx, origin.Host+"/ns/moving:stable", secret)
			if err != nil {
				t.Fatal(err)
			}
			if got := registry.ImageLabels(cfg)["rev"]; got != rev {
				t.Fatalf("tag moved to rev %s, lookup says %s", rev, got)
			}
		}
	})

	t.Run("manifest list", func(t *testing.T) {
		amd := registrytest.Image(t, map[string]string{"arch": "amd64"}, nil)
		arm := registrytest.Image(t, map[string]string{"arch": "arm64"}, nil)
		listDigest := origin.pushIndex(t, ca.pool, "ns/multi:v1", map[string]v1.Image{"linux/amd64": amd, "linux/arm64": arm})
		cfg, err := registry.MetadataProvider{Client: newClient()}.ImageMetadata(ctx, origin.Host+"/ns/multi@"+listDigest, secret)
		if err != nil {
			t.Fatal(err)
		}
		if registry.ImageLabels(cfg)["arch"] != "amd64" {
			t.Fatalf("default platform: %v", registry.ImageLabels(cfg))
		}
		armClient := newClient(pull.WithPlatform(v1.Platform{OS: "linux", Architecture: "arm64"}))
		cfg, err = registry.MetadataProvider{Client: armClient}.ImageMetadata(ctx, origin.Host+"/ns/multi:v1", secret)
		if err != nil {
			t.Fatal(err)
		}
		if registry.ImageLabels(cfg)["arch"] != "arm64" {
			t.Fatalf("arm64: %v", registry.ImageLabels(cfg))
		}
	})

	t.Run("release image with image-references", func(t *testing.T) {
		refs, err := os.ReadFile("testdata/image-references.json")
		if err != nil {
			t.Fatal(err)
		}
		rel := registrytest.Image(t, map[string]string{"io.openshift.release": "4.15.3"}, map[string]string{
			releaseinfo.ImageReferencesPath: string(refs),
			releaseinfo.ReleaseMetadataPath: `{"kind":"cincinnati-metadata-v0","version":"4.15.3","previous":["4.15.2"]}`,
		})
		origin.push(t, ca.pool, "openshift-release-dev/ocp-release:4.15.3-x86_64", rel)
		set, err := mirror.New(map[string][]string{origin.Host + "/openshift-release-dev": {failingHost + "/ocp"}})
		if err != nil {
			t.Fatal(err)
		}
		provider := releaseinfo.NewRegistryProvider(newClient(), set, 0)
		hc := &hyperv1.HostedCluster{ObjectMeta: metav1.ObjectMeta{Name: "hc", Namespace: "clusters"}, Spec: hyperv1.HostedClusterSpec{
			Release: hyperv1.Release{Image: origin.Host + "/openshift-release-dev/ocp-release:4.15.3-x86_64"},
		}}
		v, err := registry.GetPayloadVersion(ctx, provider, hc, secret)
		if err != nil {
			t.Fatal(err)
		}
		if v.String() != "4.15.3" {
			t.Errorf("version %s", v)
		}
		image, err := registry.GetPayloadImage(ctx, provider, hc, "hypershift", secret)
		if err != nil {
			t.Fatal(err)
		}
		if image != "quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:2222222222222222222222222222222222222222222222222222222222222222" {
			t.Errorf("hypershift image %s", image)
		}
		if _, err := registry.GetPayloadImage(ctx, provider, hc, "no-such-component", secret); err == nil || !strings.Contains(err.Error(), "no-such-component") {
			t.Errorf("missing component: %v", err)
		}
	})
}
