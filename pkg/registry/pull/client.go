package pull

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/hcpkit/hcpkit/internal/flight"
	"github.com/hcpkit/hcpkit/pkg/registry/dockerv1client"
	"github.com/hcpkit/hcpkit/pkg/registry/mirror"
	"github.com/hcpkit/hcpkit/pkg/registry/reference"
)

// UserAgent is the user agent a Client sends unless told otherwise.
const UserAgent = "hcpkit"

// Defaults of a Client.
const (
	// DefaultCacheSize is how many image configurations a Client keeps.
	DefaultCacheSize = 1024
	// DefaultMaxConfigSize is the largest image configuration a Client reads.
	DefaultMaxConfigSize = 8 << 20
	pullerCacheSize      = 64
	reposPerPuller       = 512
)

// DefaultPlatform is the platform a Client picks from a manifest list unless
// told otherwise.
var DefaultPlatform = v1.Platform{OS: "linux", Architecture: "amd64"}

// Client reads image manifests and configurations through mirrors, with a
// cache. It is safe for concurrent use; its zero value is not usable, build
// one with New.
type Client struct {
	platform      v1.Platform
	userAgent     string
	rootCAs       *x509.CertPool
	insecure      map[string]bool
	retrySteps    int
	maxConfigSize int64
	transport     http.RoundTripper

	configs *lru.Cache[configKey, *dockerv1client.DockerImageConfig]
	pullers *lru.Cache[string, *pullerEntry]
	pullMu  sync.Mutex

	flights flight.Group[*dockerv1client.DockerImageConfig]
}

// Option configures a Client.
type Option func(*Client)

// WithPlatform sets the platform picked from manifest lists.
func WithPlatform(p v1.Platform) Option { return func(c *Client) { c.platform = p } }

// WithUserAgent sets the user agent sent to registries.
func WithUserAgent(ua string) Option { return func(c *Client) { c.userAgent = ua } }

// WithRootCAs sets the certificate authorities trusted for TLS (the system's
// when unset).
func WithRootCAs(pool *x509.CertPool) Option { return func(c *Client) { c.rootCAs = pool } }

// WithInsecureRegistries names registries ("host" or "host:port") whose TLS
// certificates are not verified and which may be reached over plain HTTP.
func WithInsecureRegistries(hosts ...string) Option {
	return func(c *Client) {
		for _, h := range hosts {
			if h = strings.ToLower(strings.TrimSpace(h)); h != "" {
				c.insecure[h] = true
			}
		}
	}
}

// WithCacheSize sets how many image configurations are cached (at least 1).
func WithCacheSize(n int) Option {
	return func(c *Client) { c.configs, _ = lru.New[configKey, *dockerv1client.DockerImageConfig](max(n, 1)) }
}

// WithRetries sets how many times a request that failed with a temporary
// error is sent again to the same location before the next one is tried
// (default 1).
func WithRetries(n int) Option { return func(c *Client) { c.retrySteps = max(n, 0) + 1 } }

// WithTransport sets the HTTP transport under the Client's TLS and retry
// handling; WithRootCAs and WithInsecureRegistries are then the caller's
// business.
func WithTransport(rt http.RoundTripper) Option { return func(c *Client) { c.transport = rt } }

// errNoClient is returned by a Client that is nil or was not built with New.
var errNoClient = errors.New("pull: the Client is nil or was not built with New")

// usable reports whether c was built with New.
func (c *Client) usable() bool {
	return c != nil && c.configs != nil && c.pullers != nil && c.transport != nil
}

// orBackground returns ctx, or context.Background() when ctx is nil: a nil
// context is treated as one that never ends and carries no values.
func orBackground(ctx context.Context) context.Context {
	if ctx == nil {
		return context.Background()
	}
	return ctx
}

// oneLine makes text a single line: its lines are trimmed of surrounding
// white space and semicolons, empty ones dropped, and the rest joined with
// "; ". Registry error bodies often end in or hold line breaks, and
// go-containerregistry joins its attempts with "; " after them.
func oneLine(text string) string {
	if !strings.ContainsAny(text, "\r\n") {
		return text
	}
	lines := strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == '\r' })
	parts := lines[:0]
	for _, l := range lines {
		if l = strings.TrimFunc(l, func(r rune) bool { return r == ';' || unicode.IsSpace(r) }); l != "" {
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, "; ")
}

// lineError shows an error on one line and unwraps to it.
type lineError struct{ err error }

func (e *lineError) Error() string { return oneLine(e.err.Error()) }
func (e *lineError) Unwrap() error { return e.err }

// singleLine returns err unchanged when its text is one line, else err
// wrapped so that its text is (errors.Is and errors.As still reach err).
func singleLine(err error) error {
	if err == nil || !strings.ContainsAny(err.Error(), "\r\n") {
		return err
	}
	return &lineError{err}
}

// New returns a Client. Nil options are ignored.
func New(opts ...Option) *Client {
	c := &Client{
		platform:      DefaultPlatform,
		userAgent:     UserAgent,
		insecure:      map[string]bool{},
		retrySteps:    2,
		maxConfigSize: DefaultMaxConfigSize,
	}
	c.configs, _ = lru.New[configKey, *dockerv1client.DockerImageConfig](DefaultCacheSize)
	c.pullers, _ = lru.New[string, *pullerEntry](pullerCacheSize)
	for _, o := range opts {
		if o != nil {
			o(c)
		}
	}
	if c.transport == nil {
		c.transport = c.defaultTransport()
	}
	c.transport = &tlsOnly{next: c.transport, client: c}
	return c
}

// Platform returns the platform the Client picks from manifest lists
// (DefaultPlatform for a nil Client).
func (c *Client) Platform() v1.Platform {
	if c == nil {
		return DefaultPlatform
	}
	return c.platform
}

func (c *Client) defaultTransport() http.RoundTripper {
	base := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   16,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 60 * time.Second,
		ExpectContinueTimeout: time.Second,
		TLSClientConfig:       &tls.Config{RootCAs: c.rootCAs, MinVersion: tls.VersionTLS12},
	}
	if len(c.insecure) == 0 {
		return base
	}
	loose := base.Clone()
	loose.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} //nolint:gosec // only for registries the caller named insecure
	return &hostRouter{insecure: c.insecure, verified: base, loose: loose}
}

// hostRouter sends requests for insecure registries through a transport that
// skips certificate checks and all others through a verifying one.
type hostRouter struct {
	insecure        map[string]bool
	verified, loose http.RoundTripper
}

// RoundTrip sends req through the transport its host calls for.
func (h *hostRouter) RoundTrip(req *http.Request) (*http.Response, error) {
	if h.insecure[strings.ToLower(req.URL.Host)] || h.insecure[strings.ToLower(req.URL.Hostname())] {
		return h.loose.RoundTrip(req)
	}
	return h.verified.RoundTrip(req)
}

// tlsOnly refuses plain-HTTP requests to registries that were not named
// insecure. (go-containerregistry would otherwise fall back to HTTP for
// loopback and private addresses.)
type tlsOnly struct {
	next   http.RoundTripper
	client *Client
}

// RoundTrip sends req on, unless it is plain HTTP to a registry not named
// insecure.
func (t *tlsOnly) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Scheme != "https" && !t.client.isInsecure(req.URL.Host) {
		if req.Body != nil {
			_ = req.Body.Close()
		}
		return nil, fmt.Errorf("refusing plain HTTP to %s: the registry is not named insecure", req.URL.Host)
	}
	return t.next.RoundTrip(req)
}

func (c *Client) isInsecure(registry string) bool {
	registry = strings.ToLower(registry)
	if c.insecure[registry] {
		return true
	}
	if host, _, err := net.SplitHostPort(registry); err == nil {
		return c.insecure[host]
	}
	return false
}

// pullerEntry is the go-containerregistry puller of one pull secret; it
// keeps token exchanges and registry pings per repository, so it is
// replaced once it has seen too many repositories.
type pullerEntry struct {
	puller *remote.Puller
	mu     sync.Mutex
	repos  map[string]struct{}
}

// puller returns the puller for a pull secret, creating it when needed.
func (c *Client) puller(sd string, pullSecret []byte, repo string) (*remote.Puller, error) {
	c.pullMu.Lock()
	defer c.pullMu.Unlock()
	if e, ok := c.pullers.Get(sd); ok {
		e.mu.Lock()
		_, seen := e.repos[repo]
		if seen || len(e.repos) < reposPerPuller {
			e.repos[repo] = struct{}{}
			e.mu.Unlock()
			return e.puller, nil
		}
		e.mu.Unlock()
	}
	kc, err := NewKeychain(pullSecret)
	if err != nil {
		return nil, err
	}
	p, err := remote.NewPuller(
		remote.WithAuthFromKeychain(kc),
		remote.WithTransport(c.transport),
		remote.WithUserAgent(c.userAgent),
		remote.WithPlatform(c.platform),
		remote.WithRetryBackoff(remote.Backoff{Duration: 200 * time.Millisecond, Factor: 2, Jitter: 0.1, Steps: c.retrySteps}),
	)
	if err != nil {
		return nil, fmt.Errorf("creating registry client: %w", err)
	}
	c.pullers.Add(sd, &pullerEntry{puller: p, repos: map[string]struct{}{repo: {}}})
	return p, nil
}

// nameRef converts a reference to go-containerregistry's form; a digest
// wins over a tag, and a reference with neither means "latest".
func (c *Client) nameRef(ref reference.DockerImageReference) (name.Reference, error) {
	var opts []name.Option
	if ref.Registry != "" && c.isInsecure(ref.Registry) {
		opts = append(opts, name.Insecure)
	}
	repo := ref.AsRepository().Exact()
	if ref.ID != "" {
		return name.NewDigest(repo+"@"+ref.ID, opts...)
	}
	tag := ref.Tag
	if tag == "" {
		tag = reference.DefaultTag
	}
	return name.NewTag(repo+":"+tag, opts...)
}

// LocationError is the failure of one location of an image.
type LocationError struct {
	// Location is the reference that was tried.
	Location string
	// Err is why it failed.
	Err error
}

// Error returns "location: reason" on one line: line breaks in the reason
// (registries often end an error body with one) become "; ".
func (e *LocationError) Error() string {
	if e == nil {
		return "<nil>"
	}
	if e.Err == nil {
		return e.Location + ": unknown failure"
	}
	return oneLine(e.Location + ": " + e.Err.Error())
}

// Unwrap returns the reason.
func (e *LocationError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// FetchError says that no location of an image could be read; it names each
// location tried and why it failed.
type FetchError struct {
	// Image is the reference that was asked for.
	Image string
	// Tried holds one entry per location, in the order tried.
	Tried []*LocationError
}

// Error lists every location and its failure on one line, joined with "; ".
func (e *FetchError) Error() string {
	if e == nil {
		return "<nil>"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "image %s: no location could be read (%d tried)", oneLine(e.Image), len(e.Tried))
	for _, t := range e.Tried {
		if t == nil {
			continue
		}
		b.WriteString("; ")
		b.WriteString(t.Error())
	}
	return b.String()
}

// Unwrap returns the failure of each location.
func (e *FetchError) Unwrap() []error {
	if e == nil {
		return nil
	}
	out := make([]error, 0, len(e.Tried))
	for _, t := range e.Tried {
		if t != nil {
			out = append(out, t)
		}
	}
	return out
}

// Resolved is an image manifest as read from one of its locations.
type Resolved struct {
	// Requested is the reference that was asked for.
	Requested reference.DockerImageReference
	// Location is where the manifest was read, with the tag or digest asked for.
	Location reference.DockerImageReference
	// Digest is the digest of the manifest (of the list, for a manifest list).
	Digest string
	// Descriptor is the manifest with the means to read what it points to.
	Descriptor *remote.Descriptor
}

// Resolve reads the manifest of ref from the first of its locations that
// answers: its mirrors in mirrors (which may be nil), in order, then ref
// itself. It returns a *FetchError naming every location when all fail, or
// the context's error when ctx ends first. A nil ctx is treated as
// context.Background(); a nil Client, or one not built with New, is an
// error. Errors are single-line.
func (c *Client) Resolve(ctx context.Context, ref reference.DockerImageReference, pullSecret []byte, mirrors *mirror.Set) (*Resolved, error) {
	if !c.usable() {
		return nil, errNoClient
	}
	r, err := c.resolve(orBackground(ctx), ref, pullSecret, secretDigest(pullSecret), mirrors)
	return r, singleLine(err)
}

func (c *Client) resolve(ctx context.Context, ref reference.DockerImageReference, pullSecret []byte, sd string, mirrors *mirror.Set) (*Resolved, error) {
	if ref.Name == "" {
		return nil, errors.New("image reference has no name")
	}
	fe := &FetchError{Image: ref.Exact()}
	for _, loc := range mirrors.Locations(ref) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		desc, err := c.getManifest(ctx, loc, pullSecret, sd)
		if err == nil {
			return &Resolved{Requested: ref, Location: loc, Digest: desc.Digest.String(), Descriptor: desc}, nil
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, ctxErr
		}
		fe.Tried = append(fe.Tried, &LocationError{Location: loc.Exact(), Err: err})
	}
	return nil, fe
}

func (c *Client) getManifest(ctx context.Context, loc reference.DockerImageReference, pullSecret []byte, sd string) (*remote.Descriptor, error) {
	nref, err := c.nameRef(loc)
	if err != nil {
		return nil, err
	}
	p, err := c.puller(sd, pullSecret, nref.Context().String())
	if err != nil {
		return nil, err
	}
	desc, err := p.Get(ctx, nref)
	if err != nil {
		return nil, err
	}
	if loc.ID != "" && desc.Digest.String() != loc.ID {
		return nil, fmt.Errorf("registry returned manifest %s for digest %s", desc.Digest, loc.ID)
	}
	return desc, nil
}

// Image returns the image of r for the Client's platform: r itself, or the
// matching entry of a manifest list, with its manifest digest. A nil Client
// or a Resolved without a descriptor is an error.
func (c *Client) Image(r *Resolved) (v1.Image, string, error) {
	if c == nil {
		return nil, "", errNoClient
	}
	if r == nil || r.Descriptor == nil {
		return nil, "", errors.New("pull: no resolved manifest")
	}
	if !r.Descriptor.MediaType.IsIndex() {
		img, err := r.Descriptor.Image()
		if err != nil {
			return nil, "", fmt.Errorf("image %s: %w", r.Location.Exact(), err)
		}
		return img, r.Digest, nil
	}
	idx, err := r.Descriptor.ImageIndex()
	if err != nil {
		return nil, "", fmt.Errorf("manifest list %s: %w", r.Location.Exact(), err)
	}
	child, err := c.selectChild(idx, r.Location)
	if err != nil {
		return nil, "", err
	}
	img, err := idx.Image(child)
	if err != nil {
		return nil, "", fmt.Errorf("manifest list %s, image %s: %w", r.Location.Exact(), child, err)
	}
	return img, child.String(), nil
}

// selectChild returns the digest of the index entry for the Client's platform.
func (c *Client) selectChild(idx v1.ImageIndex, loc reference.DockerImageReference) (v1.Hash, error) {
	im, err := idx.IndexManifest()
	if err != nil {
		return v1.Hash{}, fmt.Errorf("manifest list %s: %w", loc.Exact(), err)
	}
	for _, m := range im.Manifests {
		if m.Platform != nil && m.Platform.Satisfies(c.platform) && m.MediaType.IsImage() {
			return m.Digest, nil
		}
	}
	return v1.Hash{}, fmt.Errorf("manifest list %s has no image for platform %s", loc.Exact(), c.platform.String())
}
