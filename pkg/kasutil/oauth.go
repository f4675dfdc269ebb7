package kasutil

import (
	configv1 "github.com/openshift/api/config/v1"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
)

// ConfigOAuthEnabled reports whether an authentication configuration runs
// the integrated OAuth server: it does unless the configuration sets the type
// OIDC (an external OIDC provider replaces it). A nil configuration, no type,
// IntegratedOAuth and None all run it.
func ConfigOAuthEnabled(auth *configv1.AuthenticationSpec) bool {
	return auth == nil || auth.Type != configv1.AuthenticationTypeOIDC
}

// OAuthEnabled reports whether hcp runs the integrated OAuth server (see
// ConfigOAuthEnabled). A nil hcp, or one without configuration, does.
func OAuthEnabled(hcp *hyperv1.HostedControlPlane) bool {
	return hcp == nil || configOAuth(hcp.Spec.Configuration)
}

// OAuthEnabledHC is OAuthEnabled for a HostedCluster.
func OAuthEnabledHC(hc *hyperv1.HostedCluster) bool {
	return hc == nil || configOAuth(hc.Spec.Configuration)
}

func configOAuth(c *hyperv1.ClusterConfiguration) bool {
	return c == nil || ConfigOAuthEnabled(c.Authentication)
}
