// Package k8sutil holds object and client helpers for controllers that manage
// HyperShift hosted control planes: parsing namespaced names, node selectors
// and comma lists; owner references; delete-if-needed; YAML
// (de)serialisation over a scheme that knows core Kubernetes, OpenShift and
// HyperShift types; service account tokens; the management cluster's CPU
// architecture; predicates that scope a controller to annotated hosted
// clusters; and load balancer status messages.
//
// Functions return errors rather than panicking; nil inputs are reported as
// errors or, for functions without an error result, leave their targets
// unchanged.
package k8sutil
