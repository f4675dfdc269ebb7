// Package routes reconciles the OpenShift routes that publish hosted control
// plane services, labels them for the hosted control plane (HCP) router, and
// shortens the names and hostnames derived from them.
//
// [ShortenName] and [ShortenRouteHostnameIfNeeded] and the hosts and labels
// that [ReconcileExternalRoute] and [ReconcileInternalRoute] set are byte for
// byte those of HyperShift's support/util v0.1.40, odd edges included (a
// shortened name may start or end with '-', may contain dots or upper case,
// may split a multi-byte character, and a 63-byte first label is still
// shortened), because changing them would rename routes and hosts of running
// clusters. Code that needs a name it can use as a Kubernetes object name or
// DNS label should use [ShortenDNSLabel], whose result is always a valid
// RFC 1123 label.
//
// Functions given a nil route or object return [ErrNilRoute] or
// [ErrNilObject] instead of panicking.
package routes
