package pull

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/hcpkit/hcpkit/pkg/registry/dockerv1client"
	"github.com/hcpkit/hcpkit/pkg/registry/mirror"
	"github.com/hcpkit/hcpkit/pkg/registry/reference"
)

// configKey identifies a cached image configuration: the repository asked
// for, a manifest digest and the digest of the pull secret used.
type configKey struct {
	repo   string
	digest string
	secret string
}

// repoKey is the repository of ref in a normalised form.
func repoKey(ref reference.DockerImageReference) string {
	host := ref.Registry
	if host == "" {
		host = reference.DockerDefaultRegistry
	}
	host = normalizeHost(host)
	path := ref.Name
	if ref.Namespace != "" {
		path = ref.Namespace + "/" + ref.Name
	} else if host == reference.DockerDefaultRegistry {
		path = reference.DockerDefaultNamespace + "/" + ref.Name
	}
	return host + "/" + path
}

// Config returns the configuration of the image ref names, for the
// Client's platform when ref is a manifest list, read through mirrors (which
// may be nil) with pullSecret. A reference by digest is answered from the
// cache when it can be; a reference by tag is resolved at the registry on
// every call and then answered from the cache by digest. Concurrent lookups
// of the same reference with the same pull secret share one fetch, made
// through the mirrors of the caller that started it. The result is the
// caller's own copy. A nil ctx is treated as context.Background(); a nil
// Client, or one not built with New, is an error. Errors are single-line.
func (c *Client) Config(ctx context.Context, ref reference.DockerImageReference, pullSecret []byte, mirrors *mirror.Set) (*dockerv1client.DockerImageConfig, error) {
	if !c.usable() {
		return nil, errNoClient
	}
	cfg, err := c.config(orBackground(ctx), ref, pullSecret, mirrors)
	return cfg, singleLine(err)
}

func (c *Client) config(ctx context.Context, ref reference.DockerImageReference, pullSecret []byte, mirrors *mirror.Set) (*dockerv1client.DockerImageConfig, error) {
	if ref.Name == "" {
		return nil, errors.New("image reference has no name")
	}
	sd := secretDigest(pullSecret)
	repo := repoKey(ref)
	if ref.ID != "" {
		if cfg, ok := c.configs.Get(configKey{repo, ref.ID, sd}); ok {
			return cfg.DeepCopy(), nil
		}
	}
	what := ref.ID
	if what == "" {
		what = ":" + ref.Tag
	}
	cfg, err := c.flights.Do(ctx, sd+"\x00"+repo+"\x00"+what, func(fctx context.Context) (*dockerv1client.DockerImageConfig, error) {
		return c.fetchConfig(fctx, ref, repo, pullSecret, sd, mirrors)
	})
	if err != nil {
		return nil, err
	}
	return cfg.DeepCopy(), nil
}

func (c *Client) fetchConfig(ctx context.Context, ref reference.DockerImageReference, repo string, pullSecret []byte, sd string, mirrors *mirror.Set) (*dockerv1client.DockerImageConfig, error) {
	r, err := c.resolve(ctx, ref, pullSecret, sd, mirrors)
	if err != nil {
		return nil, err
	}
	top := configKey{repo, r.Digest, sd}
	if cfg, ok := c.configs.Get(top); ok {
		return cfg, nil
	}
	var img v1.Image
	digest := r.Digest
	if r.Descriptor.MediaType.IsIndex() {
		idx, err := r.Descriptor.ImageIndex()
		if err != nil {
			return nil, fmt.Errorf("manifest list %s: %w", r.Location.Exact(), err)
		}
		child, err := c.selectChild(idx, r.Location)
		if err != nil {
			return nil, err
		}
		digest = child.String()
		if cfg, ok := c.configs.Get(configKey{repo, digest, sd}); ok {
			c.configs.Add(top, cfg)
			return cfg, nil
		}
		if img, err = idx.Image(child); err != nil {
			return nil, fmt.Errorf("manifest list %s, image %s: %w", r.Location.Exact(), child, err)
		}
	} else if img, err = r.Descriptor.Image(); err != nil {
		return nil, fmt.Errorf("image %s: %w", r.Location.Exact(), err)
	}
	cfg, err := c.readConfig(img, r.Location)
	if err != nil {
		return nil, err
	}
	c.configs.Add(configKey{repo, digest, sd}, cfg)
	if digest != r.Digest {
		c.configs.Add(top, cfg)
	}
	return cfg, nil
}

// readConfig reads and decodes an image's configuration blob, refusing one
// larger than the Client's limit.
func (c *Client) readConfig(img v1.Image, loc reference.DockerImageReference) (*dockerv1client.DockerImageConfig, error) {
	m, err := img.Manifest()
	if err != nil {
		return nil, fmt.Errorf("image %s: manifest: %w", loc.Exact(), err)
	}
	if m.Config.Size > c.maxConfigSize {
		return nil, fmt.Errorf("image %s: configuration of %d bytes exceeds the limit of %d", loc.Exact(), m.Config.Size, c.maxConfigSize)
	}
	raw, err := img.RawConfigFile()
	if err != nil {
		return nil, fmt.Errorf("image %s: configuration: %w", loc.Exact(), err)
	}
	cfg, err := dockerv1client.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("image %s: %w", loc.Exact(), err)
	}
	return cfg, nil
}

// CacheLen returns how many image configurations are cached (0 for a nil
// Client or one not built with New).
func (c *Client) CacheLen() int {
	if !c.usable() {
		return 0
	}
	return c.configs.Len()
}

// Purge empties the cache; it does nothing for a nil Client or one not built
// with New.
func (c *Client) Purge() {
	if c.usable() {
		c.configs.Purge()
	}
}

// CloseIdleConnections closes the Client's idle HTTP connections; it does
// nothing for a nil Client or one not built with New.
func (c *Client) CloseIdleConnections() {
	if !c.usable() {
		return
	}
	type idleCloser interface{ CloseIdleConnections() }
	rt := c.transport
	if guard, ok := rt.(*tlsOnly); ok {
		rt = guard.next
	}
	switch t := rt.(type) {
	case *hostRouter:
		for _, rt := range []http.RoundTripper{t.verified, t.loose} {
			if ic, ok := rt.(idleCloser); ok {
				ic.CloseIdleConnections()
			}
		}
	case idleCloser:
		t.CloseIdleConnections()
	}
}
