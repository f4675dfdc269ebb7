package dockerv1client

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/openshift/api/image/docker10"
)

// DockerImageConfig is an image configuration document: how the image was
// built and how a container from it runs.
type DockerImageConfig struct {
	ID              string                 `json:"id"`
	Parent          string                 `json:"parent,omitempty"`
	Comment         string                 `json:"comment,omitempty"`
	Created         time.Time              `json:"created"`
	Container       string                 `json:"container,omitempty"`
	ContainerConfig docker10.DockerConfig  `json:"container_config,omitempty"`
	DockerVersion   string                 `json:"docker_version,omitempty"`
	Author          string                 `json:"author,omitempty"`
	Config          *docker10.DockerConfig `json:"config,omitempty"`
	Architecture    string                 `json:"architecture,omitempty"`
	Variant         string                 `json:"variant,omitempty"`
	Size            int64                  `json:"size,omitempty"`
	RootFS          *DockerConfigRootFS    `json:"rootfs,omitempty"`
	History         []DockerConfigHistory  `json:"history,omitempty"`
	OS              string                 `json:"os,omitempty"`
	OSVersion       string                 `json:"os.version,omitempty"`
	OSFeatures      []string               `json:"os.features,omitempty"`
}

// DockerConfigHistory is one entry of an image's build history.
type DockerConfigHistory struct {
	Created    time.Time `json:"created"`
	Author     string    `json:"author,omitempty"`
	CreatedBy  string    `json:"created_by,omitempty"`
	Comment    string    `json:"comment,omitempty"`
	EmptyLayer bool      `json:"empty_layer,omitempty"`
}

// DockerConfigRootFS lists the uncompressed digests (diff IDs) of an image's
// layers.
type DockerConfigRootFS struct {
	Type    string   `json:"type"`
	DiffIDs []string `json:"diff_ids,omitempty"`
}

// Parse decodes an image configuration document.
func Parse(data []byte) (*DockerImageConfig, error) {
	cfg := &DockerImageConfig{}
	if err := json.Unmarshal(data, cfg); err != nil {
		return nil, fmt.Errorf("decoding image config: %w", err)
	}
	return cfg, nil
}

// Labels returns the image's labels: those of Config when it is set,
// otherwise those of ContainerConfig. It returns nil for a nil receiver.
func (c *DockerImageConfig) Labels() map[string]string {
	if c == nil {
		return nil
	}
	if c.Config != nil {
		return c.Config.Labels
	}
	return c.ContainerConfig.Labels
}

// DeepCopyInto copies the receiver into out; out shares no memory with it.
func (c *DockerImageConfig) DeepCopyInto(out *DockerImageConfig) {
	*out = *c
	c.ContainerConfig.DeepCopyInto(&out.ContainerConfig)
	out.Config = c.Config.DeepCopy()
	if c.RootFS != nil {
		rootFS := *c.RootFS
		rootFS.DiffIDs = cloneStrings(c.RootFS.DiffIDs)
		out.RootFS = &rootFS
	}
	if c.History != nil {
		out.History = append([]DockerConfigHistory(nil), c.History...)
	}
	out.OSFeatures = cloneStrings(c.OSFeatures)
}

// DeepCopy returns a copy of the receiver that shares no memory with it, or
// nil for a nil receiver.
func (c *DockerImageConfig) DeepCopy() *DockerImageConfig {
	if c == nil {
		return nil
	}
	out := new(DockerImageConfig)
	c.DeepCopyInto(out)
	return out
}

func cloneStrings(in []string) []string {
	if in == nil {
		return nil
	}
	return append([]string(nil), in...)
}
