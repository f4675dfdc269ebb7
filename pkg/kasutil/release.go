package kasutil

import hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"

// ControlPlaneReleaseImage returns the release image hcp's control plane
// components come from: spec.controlPlaneReleaseImage when set and not
// empty, else spec.releaseImage. A nil hcp gives "".
func ControlPlaneReleaseImage(hcp *hyperv1.HostedControlPlane) string {
	if hcp == nil {
		return ""
	}
	if img := hcp.Spec.ControlPlaneReleaseImage; img != nil && *img != "" {
		return *img
	}
	return hcp.Spec.ReleaseImage
}

// ControlPlaneReleaseImageHC returns the release image hc's control plane
// components come from: spec.controlPlaneRelease.image when set and not
// empty, else spec.release.image. A nil hc gives "".
func ControlPlaneReleaseImageHC(hc *hyperv1.HostedCluster) string {
	if hc == nil {
		return ""
	}
	if r := hc.Spec.ControlPlaneRelease; r != nil && r.Image != "" {
		return r.Image
	}
	return hc.Spec.Release.Image
}
