package releaseinfo

import (
	"archive/tar"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	lru "github.com/hashicorp/golang-lru/v2"
	imagev1 "github.com/openshift/api/image/v1"
	"sigs.k8s.io/yaml"

	"github.com/hcpkit/hcpkit/internal/flight"
	"github.com/hcpkit/hcpkit/pkg/registry/mirror"
	"github.com/hcpkit/hcpkit/pkg/registry/pull"
	"github.com/hcpkit/hcpkit/pkg/registry/reference"
)

// Limits of a RegistryProvider.
const (
	// DefaultCacheSize is how many releases a RegistryProvider keeps.
	DefaultCacheSize = 64
	// MaxPayloadFileSize is the largest image-references or
	// release-metadata file read from a release image.
	MaxPayloadFileSize = 16 << 20
)

// RegistryProvider reads releases from their images in a registry. It is
// safe for concurrent use.
type RegistryProvider struct {
	client  *pull.Client
	mirrors *mirror.Set
	cache   *lru.Cache[cacheKey, *ReleaseImage]
	flights flight.Group[*ReleaseImage]
}

type cacheKey struct{ repo, digest, secret string }

// NewRegistryProvider returns a provider that reads release images with
// client (a new default pull.Client when nil) through mirrors (none when
// nil), keeping up to cacheSize releases (DefaultCacheSize when < 1).
func NewRegistryProvider(client *pull.Client, mirrors *mirror.Set, cacheSize int) *RegistryProvider {
	if client == nil {
		client = pull.New()
	}
	if cacheSize < 1 {
		cacheSize = DefaultCacheSize
	}
	cache, _ := lru.New[cacheKey, *ReleaseImage](cacheSize)
	return &RegistryProvider{client: client, mirrors: mirrors, cache: cache}
}

func secretDigest(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Lookup reads the release that image names. A reference by digest is
// answered from the cache when it can be; a tag is resolved at the registry
// on every call. The result is the caller's own copy.
func (p *RegistryProvider) Lookup(ctx context.Context, image string, pullSecret []byte) (*ReleaseImage, error) {
	if p == nil || p.cache == nil || p.client == nil {
		return nil, errors.New("release provider is nil or was not built with NewRegistryProvider")
	}
	if ctx == nil {
		ctx = context.Background()
	}
	ref, err := reference.Parse(image)
	if err != nil {
		return nil, fmt.Errorf("release image: %w", err)
	}
	sd := secretDigest(pullSecret)
	repo := ref.DockerClientDefaults().AsRepository().Exact()
	if ref.ID != "" {
		if r, ok := p.cache.Get(cacheKey{repo, ref.ID, sd}); ok {
			return r.DeepCopy(), nil
		}
	}
	r, err := p.flights.Do(ctx, sd+"\x00"+image, func(fctx context.Context) (*ReleaseImage, error) {
		return p.fetch(fctx, ref, repo, pullSecret, sd)
	})
	if err != nil {
		return nil, err
	}
	return r.DeepCopy(), nil
}

func (p *RegistryProvider) fetch(ctx context.Context, ref reference.DockerImageReference, repo string, pullSecret []byte, sd string) (*ReleaseImage, error) {
	resolved, err := p.client.Resolve(ctx, ref, pullSecret, p.mirrors)
	if err != nil {
		return nil, err
	}
	top := cacheKey{repo, resolved.Digest, sd}
	if r, ok := p.cache.Get(top); ok {
		return r, nil
	}
	img, digest, err := p.client.Image(resolved)
	if err != nil {
		return nil, err
	}
	child := cacheKey{repo, digest, sd}
	if r, ok := p.cache.Get(child); ok {
		p.cache.Add(top, r)
		return r, nil
	}
	files, err := readPayloadFiles(ctx, img, resolved.Location.Exact())
	if err != nil {
		return nil, err
	}
	r, err := decodeRelease(files, resolved.Location.Exact())
	if err != nil {
		return nil, err
	}
	p.cache.Add(top, r)
	p.cache.Add(child, r)
	return r, nil
}

// readPayloadFiles scans the image's layers, newest first, for the release
// payload files and returns their contents by path.
func readPayloadFiles(ctx context.Context, img v1.Image, where string) (map[string][]byte, error) {
	layers, err := img.Layers()
	if err != nil {
		return nil, fmt.Errorf("release image %s: layers: %w", where, err)
	}
	files := map[string][]byte{}
	for i := len(layers) - 1; i >= 0; i-- {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := scanLayer(ctx, layers[i], files); err != nil {
			return nil, fmt.Errorf("release image %s: layer %d: %w", where, i, err)
		}
		if _, ok := files[ImageReferencesPath]; ok {
			break
		}
	}
	if _, ok := files[ImageReferencesPath]; !ok {
		return nil, fmt.Errorf("release image %s has no %s", where, ImageReferencesPath)
	}
	return files, nil
}

func scanLayer(ctx context.Context, layer v1.Layer, files map[string][]byte) error {
	rc, err := layer.Uncompressed()
	if err != nil {
		return err
	}
	defer rc.Close()
	tr := tar.NewReader(&ctxReader{ctx: ctx, r: rc})
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		name := path.Clean("/" + hdr.Name)[1:]
		if name != ImageReferencesPath && name != ReleaseMetadataPath {
			continue
		}
		if hdr.Typeflag != tar.TypeReg {
			continue
		}
		if _, seen := files[name]; seen {
			continue // a newer layer already had it
		}
		if hdr.Size > MaxPayloadFileSize {
			return fmt.Errorf("%s is %d bytes, more than the limit of %d", name, hdr.Size, MaxPayloadFileSize)
		}
		data, err := io.ReadAll(io.LimitReader(tr, MaxPayloadFileSize+1))
		if err != nil {
			return fmt.Errorf("reading %s: %w", name, err)
		}
		files[name] = data
	}
}

// ctxReader stops reading once its context ends.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

// Read reads from the underlying reader unless the context has ended.
func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// decodeRelease builds a release from its payload files.
func decodeRelease(files map[string][]byte, where string) (*ReleaseImage, error) {
	is := &imagev1.ImageStream{}
	if err := yaml.Unmarshal(files[ImageReferencesPath], is); err != nil {
		return nil, fmt.Errorf("release image %s: decoding %s: %w", where, ImageReferencesPath, err)
	}
	if is.Kind != "" && is.Kind != "ImageStream" {
		return nil, fmt.Errorf("release image %s: %s holds a %s, not an ImageStream", where, ImageReferencesPath, is.Kind)
	}
	r := &ReleaseImage{ImageStream: is}
	if data, ok := files[ReleaseMetadataPath]; ok {
		m := &Metadata{}
		if err := yaml.Unmarshal(data, m); err != nil {
			return nil, fmt.Errorf("release image %s: decoding %s: %w", where, ReleaseMetadataPath, err)
		}
		r.Metadata = m
	}
	if r.Version() == "" {
		return nil, fmt.Errorf("release image %s: no version in %s or %s", where, ImageReferencesPath, ReleaseMetadataPath)
	}
	return r, nil
}
