package registry

import (
	"context"
	"errors"
	"fmt"

	"github.com/blang/semver/v4"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
	"github.com/hcpkit/hcpkit/pkg/kasutil"
	"github.com/hcpkit/hcpkit/pkg/releaseinfo"
)

// lookupRelease looks up hc's release image with the given provider.
func lookupRelease(ctx context.Context, releaseImageProvider releaseinfo.Provider, hc *hyperv1.HostedCluster, pullSecret []byte) (*releaseinfo.ReleaseImage, error) {
	if hc == nil {
		return nil, errors.New("no hosted cluster")
	}
	if releaseImageProvider == nil {
		return nil, errors.New("no release image provider")
	}
	if hc.Spec.Release.Image == "" {
		return nil, fmt.Errorf("hosted cluster %s/%s has no release image", hc.Namespace, hc.Name)
	}
	releaseImage, err := releaseImageProvider.Lookup(orBackground(ctx), hc.Spec.Release.Image, pullSecret)
	if err != nil {
		return nil, fmt.Errorf("failed to lookup release image: %w", err)
	}
	if releaseImage == nil {
		return nil, fmt.Errorf("release image %s: the provider returned nothing", hc.Spec.Release.Image)
	}
	return releaseImage, nil
}

// GetPayloadImage returns the image of component in hc's release
// (spec.release.image), looked up with releaseImageProvider. The error names
// the component when the release has no such image. A nil ctx is treated as
// context.Background().
func GetPayloadImage(ctx context.Context, releaseImageProvider releaseinfo.Provider, hc *hyperv1.HostedCluster, component string, pullSecret []byte) (string, error) {
	releaseImage, err := lookupRelease(ctx, releaseImageProvider, hc, pullSecret)
	if err != nil {
		return "", err
	}
	image, exists := releaseImage.ComponentImages()[component]
	if !exists {
		return "", fmt.Errorf("image does not exist for release %s: component %q", releaseImage.Version(), component)
	}
	return image, nil
}

// GetPayloadVersion returns the semantic version of hc's release
// (spec.release.image), looked up with releaseImageProvider. A nil ctx is
// treated as context.Background().
func GetPayloadVersion(ctx context.Context, releaseImageProvider releaseinfo.Provider, hc *hyperv1.HostedCluster, pullSecret []byte) (*semver.Version, error) {
	releaseImage, err := lookupRelease(ctx, releaseImageProvider, hc, pullSecret)
	if err != nil {
		return nil, err
	}
	version, err := semver.Parse(releaseImage.Version())
	if err != nil {
		return nil, fmt.Errorf("failed to parse version %q: %w", releaseImage.Version(), err)
	}
	return &version, nil
}

// HCControlPlaneReleaseImage returns the release image of hcluster's control
// plane: spec.controlPlaneRelease.image when set, else spec.release.image;
// "" for nil. See kasutil.ControlPlaneReleaseImageHC.
func HCControlPlaneReleaseImage(hcluster *hyperv1.HostedCluster) string {
	return kasutil.ControlPlaneReleaseImageHC(hcluster)
}

// HCPControlPlaneReleaseImage returns the release image of hcp's control
// plane: spec.controlPlaneReleaseImage when set, else spec.releaseImage; ""
// for nil. See kasutil.ControlPlaneReleaseImage.
func HCPControlPlaneReleaseImage(hcp *hyperv1.HostedControlPlane) string {
	return kasutil.ControlPlaneReleaseImage(hcp)
}
