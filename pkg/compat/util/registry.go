package util

import (
	"context"

	"github.com/blang/semver/v4"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
	"github.com/hcpkit/hcpkit/pkg/registry"
	"github.com/hcpkit/hcpkit/pkg/registry/dockerv1client"
	"github.com/hcpkit/hcpkit/pkg/registry/reference"
	"github.com/hcpkit/hcpkit/pkg/releaseinfo"
)

// ImageMetadataProvider returns the configuration of an image. See
// registry.ImageMetadataProvider.
type ImageMetadataProvider = registry.ImageMetadataProvider

// RegistryClientImageMetadataProvider reads image configurations through the
// mirrors in OpenShiftImageRegistryOverrides, with a shared cache safe for
// concurrent use. See registry.OverridesMetadataProvider.
type RegistryClientImageMetadataProvider = registry.OverridesMetadataProvider

// ImageLabels returns the labels of an image configuration; nil for nil
// metadata. See registry.ImageLabels.
func ImageLabels(metadata *dockerv1client.DockerImageConfig) map[string]string {
	return registry.ImageLabels(metadata)
}

// ConvertRegistryOverridesToCommandLineFlag renders overrides as sorted
// "source=mirror" items joined by ",", or "=" when there are none. See
// registry.ConvertRegistryOverridesToCommandLineFlag.
func ConvertRegistryOverridesToCommandLineFlag(registryOverrides map[string]string) string {
	return registry.ConvertRegistryOverridesToCommandLineFlag(registryOverrides)
}

// ConvertOpenShiftImageRegistryOverridesToCommandLineFlag renders source ->
// mirrors overrides as "source=mirror" items, sources sorted, mirrors in
// order, or "=" when there are none. See
// registry.ConvertOpenShiftImageRegistryOverridesToCommandLineFlag.
func ConvertOpenShiftImageRegistryOverridesToCommandLineFlag(registryOverrides map[string][]string) string {
	return registry.ConvertOpenShiftImageRegistryOverridesToCommandLineFlag(registryOverrides)
}

// ConvertImageRegistryOverrideStringToMap reads a "source=mirror,..." flag
// string back into source -> mirrors; nil for "" and "=". See
// registry.ConvertImageRegistryOverrideStringToMap.
func ConvertImageRegistryOverrideStringToMap(envVar string) map[string][]string {
	return registry.ConvertImageRegistryOverrideStringToMap(envVar)
}

// GetRegistryOverrides moves ref under mirror when it lies under source,
// keeping its tag and digest. See registry.GetRegistryOverrides.
func GetRegistryOverrides(ctx context.Context, ref reference.DockerImageReference, source string, mirror string) (*reference.DockerImageReference, bool, error) {
	return registry.GetRegistryOverrides(ctx, ref, source, mirror)
}

// GetPayloadImage returns the image of component in hc's release. See
// registry.GetPayloadImage.
func GetPayloadImage(ctx context.Context, releaseImageProvider releaseinfo.Provider, hc *hyperv1.HostedCluster, component string, pullSecret []byte) (string, error) {
	return registry.GetPayloadImage(ctx, releaseImageProvider, hc, component, pullSecret)
}

// GetPayloadVersion returns the version of hc's release. See
// registry.GetPayloadVersion.
func GetPayloadVersion(ctx context.Context, releaseImageProvider releaseinfo.Provider, hc *hyperv1.HostedCluster, pullSecret []byte) (*semver.Version, error) {
	return registry.GetPayloadVersion(ctx, releaseImageProvider, hc, pullSecret)
}
