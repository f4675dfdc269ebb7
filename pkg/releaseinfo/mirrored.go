package releaseinfo

import (
	"context"
	"errors"

	corev1 "k8s.io/api/core/v1"

	"github.com/hcpkit/hcpkit/pkg/registry/mirror"
)

// MirroredProvider rewrites the component images of the releases another
// Provider returns with plain string overrides (source -> mirror): the
// longest source that is a prefix of an image on a "/", ":" or "@"
// boundary is replaced, once.
type MirroredProvider struct {
	// Delegate looks the release up.
	Delegate Provider
	// Overrides maps an image prefix to its replacement.
	Overrides map[string]string
}

// Lookup returns the Delegate's release with its component images rewritten.
func (p *MirroredProvider) Lookup(ctx context.Context, image string, pullSecret []byte) (*ReleaseImage, error) {
	if p == nil || p.Delegate == nil {
		return nil, errors.New("mirrored release provider has no delegate")
	}
	if ctx == nil {
		ctx = context.Background()
	}
	r, err := p.Delegate.Lookup(ctx, image, pullSecret)
	if err != nil || r == nil || r.ImageStream == nil || len(p.Overrides) == 0 {
		return r, err
	}
	r = r.DeepCopy() // the delegate may hand out a shared value
	for i := range r.Spec.Tags {
		if from := r.Spec.Tags[i].From; from != nil && from.Name != "" {
			if rewritten, ok := mirror.ReplacePrefix(from.Name, p.Overrides); ok {
				r.Spec.Tags[i].From = &corev1.ObjectReference{Kind: from.Kind, Name: rewritten, Namespace: from.Namespace}
			}
		}
	}
	return r, nil
}
