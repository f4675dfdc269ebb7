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
	// ID is the legacy image ID.
	ID string `json:"id"`
	// Parent is the legacy parent image ID.
	Parent string `json:"parent,omitempty"`
	// Comment is a free-form note.
	Comment string `json:"comment,omitempty"`
	// Created is when the image (or history entry) was created.
	Created time.Time `json:"created"`
	// Container is the ID of the container the image was committed from.
	Container string `json:"container,omitempty"`
	// ContainerConfig is the configuration of that container (older builders put labels here).
	ContainerConfig docker10.DockerConfig `json:"container_config,omitempty"`
	// DockerVersion is the version of the Docker engine that built the image.
	DockerVersion string `json:"docker_version,omitempty"`
	// Author names who made the image or history entry.
	Author string `json:"author,omitempty"`
	// Config is how containers from the image run, labels included.
	Config *docker10.DockerConfig `json:"config,omitempty"`
	// Architecture is the CPU architecture (amd64, arm64, …).
	Architecture string `json:"architecture,omitempty"`
	// Variant is the CPU variant (v8, …).
	Variant string `json:"variant,omitempty"`
	// Size is the legacy image size in bytes.
	Size int64 `json:"size,omitempty"`
	// RootFS lists the layer diff IDs.
	RootFS *DockerConfigRootFS `json:"rootfs,omitempty"`
	// History is the build history, oldest first.
	History []DockerConfigHistory `json:"history,omitempty"`
	// OS is the operating system (linux, windows).
	OS string `json:"os,omitempty"`
	// OSVersion is the operating system version.
	OSVersion string `json:"os.version,omitempty"`
	// OSFeatures lists required operating system features.
	OSFeatures []string `json:"os.features,omitempty"`
}

// DockerConfigHistory is one entry of an image's build history.
type DockerConfigHistory struct {
	// Created is when the image (or history entry) was created.
	Created time.Time `json:"created"`
	// Author names who made the image or history entry.
	Author string `json:"author,omitempty"`
	// CreatedBy is the command that created the layer.
	CreatedBy string `json:"created_by,omitempty"`
	// Comment is a free-form note.
	Comment string `json:"comment,omitempty"`
	// EmptyLayer is true when the step added no layer.
	EmptyLayer bool `json:"empty_layer,omitempty"`
}

// DockerConfigRootFS lists the uncompressed digests (diff IDs) of an image's
// layers.
type DockerConfigRootFS struct {
	// Type is "layers".
	Type string `json:"type"`
	// DiffIDs are the digests of the uncompressed layers, in order.
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
// It does nothing when the receiver or out is nil.
func (c *DockerImageConfig) DeepCopyInto(out *DockerImageConfig) {
	if c == nil || out == nil {
		return
	}
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
