package releaseinfo

import (
	"context"
	"fmt"
	"sort"
	"strings"

	imagev1 "github.com/openshift/api/image/v1"
)

// Paths of the release payload files inside a release image.
const (
	// ImageReferencesPath is the ImageStream of component images.
	ImageReferencesPath = "release-manifests/image-references"
	// ReleaseMetadataPath is the Cincinnati release metadata.
	ReleaseMetadataPath = "release-manifests/release-metadata"
	// BuildVersionsAnnotation lists, on the ImageStream, the versions of
	// components built into the release ("name=version,...").
	BuildVersionsAnnotation = "io.openshift.build.versions"
)

// Provider looks up a release image by pull spec.
type Provider interface {
	// Lookup returns the release that image names, read with pullSecret.
	Lookup(ctx context.Context, image string, pullSecret []byte) (*ReleaseImage, error)
}

// Metadata is the content of release-manifests/release-metadata.
type Metadata struct {
	// Kind is "cincinnati-metadata-v0".
	Kind string `json:"kind"`
	// Version is the release version.
	Version string `json:"version"`
	// Previous lists the versions that may update to this one.
	Previous []string `json:"previous,omitempty"`
	// Next lists the versions this one may update to.
	Next []string `json:"next,omitempty"`
	// Metadata holds free-form facts (errata URL, …).
	Metadata map[string]string `json:"metadata,omitempty"`
}

// DeepCopy returns a copy of m that shares no memory with it (nil for nil).
func (m *Metadata) DeepCopy() *Metadata {
	if m == nil {
		return nil
	}
	out := *m
	out.Previous = append([]string(nil), m.Previous...)
	out.Next = append([]string(nil), m.Next...)
	if m.Metadata != nil {
		out.Metadata = make(map[string]string, len(m.Metadata))
		for k, v := range m.Metadata {
			out.Metadata[k] = v
		}
	}
	return &out
}

// ReleaseImage is a release: its image-references ImageStream and, when the
// image carries it, its release metadata.
type ReleaseImage struct {
	*imagev1.ImageStream `json:",inline"`
	// Metadata is the release metadata, or nil.
	Metadata *Metadata `json:"metadata,omitempty"`
}

// Version returns the release's version: the ImageStream's name, or the
// metadata's version when the name is empty. It returns "" for a nil or
// empty release.
func (r *ReleaseImage) Version() string {
	if r == nil {
		return ""
	}
	if r.ImageStream != nil && r.ImageStream.Name != "" {
		return r.ImageStream.Name
	}
	if r.Metadata != nil {
		return r.Metadata.Version
	}
	return ""
}

// ComponentImages returns component name -> image pull spec for every tag
// of the release that names an image.
func (r *ReleaseImage) ComponentImages() map[string]string {
	images := map[string]string{}
	if r == nil || r.ImageStream == nil {
		return images
	}
	for _, tag := range r.Spec.Tags {
		if tag.From != nil && tag.From.Name != "" {
			images[tag.Name] = tag.From.Name
		}
	}
	return images
}

// ComponentVersions returns component -> version from the ImageStream's
// io.openshift.build.versions annotation; an empty map when it is absent,
// and an error naming the first malformed item.
func (r *ReleaseImage) ComponentVersions() (map[string]string, error) {
	versions := map[string]string{}
	if r == nil || r.ImageStream == nil {
		return versions, nil
	}
	for _, item := range strings.Split(r.Annotations[BuildVersionsAnnotation], ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		k, v, ok := strings.Cut(item, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || k == "" || v == "" {
			return nil, fmt.Errorf("release %s: malformed %s item %q", r.Version(), BuildVersionsAnnotation, item)
		}
		versions[k] = v
	}
	return versions, nil
}

// ComponentNames returns the component names of the release, sorted.
func (r *ReleaseImage) ComponentNames() []string {
	images := r.ComponentImages()
	names := make([]string, 0, len(images))
	for n := range images {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// DeepCopy returns a copy of r that shares no memory with it (nil for nil).
func (r *ReleaseImage) DeepCopy() *ReleaseImage {
	if r == nil {
		return nil
	}
	return &ReleaseImage{ImageStream: r.ImageStream.DeepCopy(), Metadata: r.Metadata.DeepCopy()}
}
