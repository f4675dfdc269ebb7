package util

import (
	crclient "sigs.k8s.io/controller-runtime/pkg/client"

	"github.com/hcpkit/hcpkit/pkg/routes"
)

const (
	// HCPRouteLabel marks a route served by the hosted control plane router.
	// See routes.HCPRouteLabel.
	HCPRouteLabel = routes.HCPRouteLabel
	// InternalRouteLabel marks a route reachable only inside the hosted
	// cluster's network. See routes.InternalRouteLabel.
	InternalRouteLabel = routes.InternalRouteLabel
)

// ReconcileExternalRoute points route at serviceName with TLS passthrough,
// sets its host (hostname, or a shortened default when needed), adds
// HCPRouteLabel when hostname is set and removes the external-dns hostname
// annotation. A nil route returns an error instead of panicking. See
// routes.ReconcileExternalRouteByHostname (routes.ReconcileExternalRoute
// takes the label choice explicitly).
var ReconcileExternalRoute = routes.ReconcileExternalRouteByHostname

// ReconcileInternalRoute labels route as an internal HCP route, sets an empty
// host to "<name>.apps.<hcName>.hypershift.local" and points it at
// serviceName with TLS passthrough; empty names are used as given, as in
// v0.1.40. A nil route returns an error instead of panicking. See
// routes.ReconcileInternalRouteUnchecked (routes.ReconcileInternalRoute
// refuses empty names).
var ReconcileInternalRoute = routes.ReconcileInternalRouteUnchecked

// AddHCPRouteLabel sets HCPRouteLabel on target to its namespace. A nil
// target (or nil pointer) is left alone instead of panicking. See
// routes.AddHCPRouteLabel.
func AddHCPRouteLabel(target crclient.Object) { _ = routes.AddHCPRouteLabel(target) }

// AddInternalRouteLabel sets InternalRouteLabel on target to "true". A nil
// target (or nil pointer) is left alone instead of panicking. See
// routes.AddInternalRouteLabel.
func AddInternalRouteLabel(target crclient.Object) { _ = routes.AddInternalRouteLabel(target) }

// ShortenName joins base and suffix with '-', shortening with an FNV hash
// to at most maxLength bytes exactly as v0.1.40 does. See routes.ShortenName.
var ShortenName = routes.ShortenName

// ShortenRouteHostnameIfNeeded returns a shortened route host when
// "<name>-<namespace>" is 63 bytes or longer, else "" (use the default). See
// routes.ShortenRouteHostnameIfNeeded.
var ShortenRouteHostnameIfNeeded = routes.ShortenRouteHostnameIfNeeded
