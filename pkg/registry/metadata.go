package registry

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/go-logr/logr"
	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/hcpkit/hcpkit/pkg/registry/dockerv1client"
	"github.com/hcpkit/hcpkit/pkg/registry/mirror"
	"github.com/hcpkit/hcpkit/pkg/registry/pull"
	"github.com/hcpkit/hcpkit/pkg/registry/reference"
)

// ImageMetadataProvider returns the configuration of an image.
type ImageMetadataProvider interface {
	// ImageMetadata returns the configuration of imageRef, read with pullSecret.
	ImageMetadata(ctx context.Context, imageRef string, pullSecret []byte) (*dockerv1client.DockerImageConfig, error)
}

var (
	defaultClientMu sync.Mutex
	defaultClient   atomic.Pointer[pull.Client]
)

// DefaultClient returns the pull.Client, with its cache, that
// OverridesMetadataProvider values share: a pull.New() client unless
// SetDefaultClient replaced it.
func DefaultClient() *pull.Client {
	if c := defaultClient.Load(); c != nil {
		return c
	}
	defaultClientMu.Lock()
	defer defaultClientMu.Unlock()
	if c := defaultClient.Load(); c != nil {
		return c
	}
	c := pull.New()
	defaultClient.Store(c)
	return c
}

// SetDefaultClient replaces the client DefaultClient returns (for trusted
// CAs, insecure registries or another platform); nil restores a new
// default client on next use.
func SetDefaultClient(c *pull.Client) {
	defaultClient.Store(c)
}

// OverridesMetadataProvider reads image configurations from
// registries with DefaultClient's shared cache, through the mirrors in
// OpenShiftImageRegistryOverrides (source -> mirrors in order of preference).
type OverridesMetadataProvider struct {
	// OpenShiftImageRegistryOverrides maps a source (registry, namespace or
	// repository) to its mirrors, tried in order before the source.
	OpenShiftImageRegistryOverrides map[string][]string
}

// ImageMetadata returns the configuration of imageRef (for linux/amd64 when
// it is a manifest list), trying its mirrors in order and then the image
// itself. Overrides with an empty or invalid source or mirror are skipped
// and logged. The result is the caller's own copy; see pull.Client.Config
// for the cache rules. A nil ctx is treated as context.Background(), and a
// nil receiver as one without overrides.
func (r *OverridesMetadataProvider) ImageMetadata(ctx context.Context, imageRef string, pullSecret []byte) (*dockerv1client.DockerImageConfig, error) {
	ctx = orBackground(ctx)
	var overrides map[string][]string
	if r != nil {
		overrides = r.OpenShiftImageRegistryOverrides
	}
	return MetadataProvider{Client: DefaultClient(), Mirrors: compileOverrides(ctx, overrides)}.ImageMetadata(ctx, imageRef, pullSecret)
}

// compiledOverrides remembers the mirror sets built from recent override
// maps, keyed by their canonical text, so a warm lookup does not rebuild
// (and re-log) them.
var compiledOverrides, _ = lru.New[string, *mirror.Set](64)

// overridesKey renders overrides canonically and unambiguously: sources
// sorted, mirrors in order, every string and list prefixed by its length.
func overridesKey(overrides map[string][]string) string {
	sources := make([]string, 0, len(overrides))
	for s := range overrides {
		sources = append(sources, s)
	}
	sort.Strings(sources)
	b := make([]byte, 0, 128)
	field := func(s string) {
		b = strconv.AppendInt(b, int64(len(s)), 10)
		b = append(b, ':')
		b = append(b, s...)
	}
	for _, s := range sources {
		field(s)
		b = strconv.AppendInt(b, int64(len(overrides[s])), 10)
		b = append(b, ';')
		for _, m := range overrides[s] {
			field(m)
		}
	}
	return string(b)
}

// compileOverrides builds (or recalls) a mirror set, logging the entries it
// skips when it builds one.
func compileOverrides(ctx context.Context, overrides map[string][]string) *mirror.Set {
	if len(overrides) == 0 {
		return nil
	}
	key := overridesKey(overrides)
	if set, ok := compiledOverrides.Get(key); ok {
		return set
	}
	set, err := mirror.New(overrides)
	if err != nil {
		logr.FromContextOrDiscard(ctx).Info("skipping invalid registry overrides", "error", err.Error())
	}
	compiledOverrides.Add(key, set)
	return set
}

// MetadataProvider is an ImageMetadataProvider with an explicit client and
// mirror set.
type MetadataProvider struct {
	// Client reads the registries; DefaultClient when nil.
	Client *pull.Client
	// Mirrors is consulted for every image; none when nil.
	Mirrors *mirror.Set
}

// ImageMetadata returns the configuration of imageRef; see
// OverridesMetadataProvider.ImageMetadata. A nil ctx is treated as
// context.Background().
func (p MetadataProvider) ImageMetadata(ctx context.Context, imageRef string, pullSecret []byte) (*dockerv1client.DockerImageConfig, error) {
	ctx = orBackground(ctx)
	ref, err := reference.Parse(imageRef)
	if err != nil {
		return nil, fmt.Errorf("failed to parse image reference %q: %w", imageRef, err)
	}
	c := p.Client
	if c == nil {
		c = DefaultClient()
	}
	cfg, err := c.Config(ctx, ref, pullSecret, p.Mirrors)
	if err != nil {
		return nil, fmt.Errorf("failed to obtain image configuration for %s: %w", imageRef, err)
	}
	return cfg, nil
}

// ImageLabels returns the labels of an image configuration: those of
// Config when set, else those of ContainerConfig; nil for nil metadata.
func ImageLabels(metadata *dockerv1client.DockerImageConfig) map[string]string {
	return metadata.Labels()
}

// orBackground returns ctx, or context.Background() when ctx is nil: every
// entry point of this package treats a nil context as one that never ends
// and carries no values (so no logger).
func orBackground(ctx context.Context) context.Context {
	if ctx == nil {
		return context.Background()
	}
	return ctx
}
