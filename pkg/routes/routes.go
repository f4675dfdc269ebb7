package routes

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	routev1 "github.com/openshift/api/route/v1"
	crclient "sigs.k8s.io/controller-runtime/pkg/client"
)

const (
	// HCPRouteLabel marks a route to be served by the hosted control plane
	// router; its value is the route's namespace.
	HCPRouteLabel = "hypershift.openshift.io/hosted-control-plane"
	// InternalRouteLabel marks a route that is only reachable inside the
	// hosted cluster's private network; its value is "true".
	InternalRouteLabel = "hypershift.openshift.io/internal-route"
	// ExternalDNSHostnameAnnotation is the external-dns annotation that
	// [ReconcileExternalRoute] removes from routes.
	ExternalDNSHostnameAnnotation = "external-dns.alpha.kubernetes.io/hostname"
)

var (
	// ErrNilRoute is returned when a route to reconcile is nil.
	ErrNilRoute = errors.New("routes: route is nil")
	// ErrNilObject is returned when an object to label is nil.
	ErrNilObject = errors.New("routes: object is nil")
	// ErrEmptyName is wrapped by the error [ReconcileInternalRoute] returns
	// for an empty hosted cluster name or service name, or a host that would
	// be derived from an empty route name.
	ErrEmptyName = errors.New("routes: empty name")
)

// labelPolicy says what reconcileExternal does with HCPRouteLabel.
type labelPolicy int

const (
	labelKeep labelPolicy = iota
	labelSet
	labelRemove
)

// ReconcileExternalRoute sets route up to publish serviceName outside the
// management cluster with TLS passthrough:
//
//   - a non-empty hostname becomes the route's host; with an empty hostname
//     an existing host is kept, and an empty one is set to
//     [ShortenRouteHostnameIfNeeded](name, namespace, defaultIngressDomain)
//     (which is "" — the router's default — unless the default would be too
//     long);
//   - with labelHCPRoute the route gets [HCPRouteLabel] (value: its
//     namespace) so the HCP router serves it; without, the label is removed;
//   - the [ExternalDNSHostnameAnnotation] annotation is removed;
//   - spec.to becomes the Service serviceName (no weight) and spec.tls
//     passthrough with insecure traffic refused. Other fields are kept.
//
// It returns [ErrNilRoute] for a nil route.
func ReconcileExternalRoute(route *routev1.Route, hostname, defaultIngressDomain, serviceName string, labelHCPRoute bool) error {
	policy := labelRemove
	if labelHCPRoute {
		policy = labelSet
	}
	return reconcileExternal(route, hostname, defaultIngressDomain, serviceName, policy)
}

// ReconcileExternalRouteByHostname is [ReconcileExternalRoute] with HyperShift
// v0.1.40's label rule: the route gets [HCPRouteLabel] when hostname is not
// empty, and an existing label is left as it is when hostname is empty. New
// code should use ReconcileExternalRoute and say whether the label is wanted.
func ReconcileExternalRouteByHostname(route *routev1.Route, hostname, defaultIngressDomain, serviceName string) error {
	policy := labelKeep
	if hostname != "" {
		policy = labelSet
	}
	return reconcileExternal(route, hostname, defaultIngressDomain, serviceName, policy)
}

func reconcileExternal(route *routev1.Route, hostname, defaultIngressDomain, serviceName string, policy labelPolicy) error {
	if route == nil {
		return fmt.Errorf("reconcile external route for service %q: %w", serviceName, ErrNilRoute)
	}
	switch policy {
	case labelSet:
		setLabel(route, HCPRouteLabel, route.Namespace)
	case labelRemove:
		delete(route.Labels, HCPRouteLabel)
	}
	if hostname != "" {
		route.Spec.Host = hostname
	} else if route.Spec.Host == "" {
		route.Spec.Host = ShortenRouteHostnameIfNeeded(route.Name, route.Namespace, defaultIngressDomain)
	}
	delete(route.Annotations, ExternalDNSHostnameAnnotation)
	setPassthroughTarget(route, serviceName)
	return nil
}

// ReconcileInternalRoute sets route up to publish serviceName inside the
// hosted cluster's private network: it adds [HCPRouteLabel] (value: the
// route's namespace) and [InternalRouteLabel] ("true"), sets an empty host
// to "<name without one -internal suffix>.apps.<hcName>.hypershift.local",
// keeps a host that is already set, and points spec.to at the Service
// serviceName with TLS passthrough. Annotations and other fields are kept.
//
// It returns [ErrNilRoute] for a nil route, and an error wrapping
// [ErrEmptyName], leaving the route unchanged, when hcName or serviceName is
// empty or the host is to be derived from a route name that is empty (or
// only "-internal"): such input would give a host like
// ".apps..hypershift.local" or a route to no service.
// [ReconcileInternalRouteUnchecked] keeps HyperShift v0.1.40's behaviour,
// which used empty names as given.
func ReconcileInternalRoute(route *routev1.Route, hcName string, serviceName string) error {
	if route == nil {
		return fmt.Errorf("reconcile internal route for service %q: %w", serviceName, ErrNilRoute)
	}
	switch {
	case hcName == "":
		return fmt.Errorf("reconcile internal route %q: %w: hosted cluster name", route.Name, ErrEmptyName)
	case serviceName == "":
		return fmt.Errorf("reconcile internal route %q: %w: service name", route.Name, ErrEmptyName)
	case route.Spec.Host == "" && strings.TrimSuffix(route.Name, "-internal") == "":
		return fmt.Errorf("reconcile internal route %q: %w: no host is set and the route name gives none", route.Name, ErrEmptyName)
	}
	return ReconcileInternalRouteUnchecked(route, hcName, serviceName)
}

// ReconcileInternalRouteUnchecked is [ReconcileInternalRoute] without the
// checks for empty names, byte for byte as HyperShift v0.1.40: an empty
// hcName, serviceName or route name is used as given (an empty route with
// empty names gets the host ".apps..hypershift.local" and a route to the
// Service ""). It returns [ErrNilRoute] for a nil route. The compat facade
// uses it; new code should use ReconcileInternalRoute.
func ReconcileInternalRouteUnchecked(route *routev1.Route, hcName string, serviceName string) error {
	if route == nil {
		return fmt.Errorf("reconcile internal route for service %q: %w", serviceName, ErrNilRoute)
	}
	setLabel(route, HCPRouteLabel, route.Namespace)
	setLabel(route, InternalRouteLabel, "true")
	if route.Spec.Host == "" {
		route.Spec.Host = InternalRouteHost(route.Name, hcName)
	}
	setPassthroughTarget(route, serviceName)
	return nil
}

// InternalRouteHost returns the host an internal route named routeName of
// hosted cluster hcName gets: "<routeName without one -internal
// suffix>.apps.<hcName>.hypershift.local". It does not check its input:
// empty names give hosts like ".apps..hypershift.local".
func InternalRouteHost(routeName, hcName string) string {
	return strings.TrimSuffix(routeName, "-internal") + ".apps." + hcName + ".hypershift.local"
}

// AddHCPRouteLabel sets [HCPRouteLabel] on target to target's namespace,
// keeping its other labels. It returns [ErrNilObject] for a nil target.
func AddHCPRouteLabel(target crclient.Object) error {
	if isNil(target) {
		return ErrNilObject
	}
	setLabel(target, HCPRouteLabel, target.GetNamespace())
	return nil
}

// AddInternalRouteLabel sets [InternalRouteLabel] on target to "true",
// keeping its other labels. It returns [ErrNilObject] for a nil target.
func AddInternalRouteLabel(target crclient.Object) error {
	if isNil(target) {
		return ErrNilObject
	}
	setLabel(target, InternalRouteLabel, "true")
	return nil
}

// RemoveHCPRouteLabel removes [HCPRouteLabel] from target. It returns
// [ErrNilObject] for a nil target.
func RemoveHCPRouteLabel(target crclient.Object) error {
	if isNil(target) {
		return ErrNilObject
	}
	labels := target.GetLabels()
	if _, ok := labels[HCPRouteLabel]; ok {
		delete(labels, HCPRouteLabel)
		target.SetLabels(labels)
	}
	return nil
}

type labeled interface {
	GetLabels() map[string]string
	SetLabels(map[string]string)
}

func setLabel(obj labeled, key, value string) {
	labels := obj.GetLabels()
	if labels == nil {
		labels = map[string]string{}
	}
	labels[key] = value
	obj.SetLabels(labels)
}

func setPassthroughTarget(route *routev1.Route, serviceName string) {
	route.Spec.To = routev1.RouteTargetReference{Kind: "Service", Name: serviceName}
	route.Spec.TLS = &routev1.TLSConfig{
		Termination:                   routev1.TLSTerminationPassthrough,
		InsecureEdgeTerminationPolicy: routev1.InsecureEdgeTerminationPolicyNone,
	}
}

// isNil reports whether obj is nil or an interface holding a nil pointer.
func isNil(obj crclient.Object) bool {
	if obj == nil {
		return true
	}
	v := reflect.ValueOf(obj)
	return v.Kind() == reflect.Pointer && v.IsNil()
}
