// Package monitoring adds the hosted cluster's ID to prometheus-operator
// scrape configurations and rules.
//
// Metrics scraped from a hosted control plane carry the label "_id" with the
// cluster's ID so that series from many hosted clusters can be told apart.
// The functions here add that label to a ServiceMonitor endpoint, a
// PodMonitor endpoint or a recording/alerting rule of
// github.com/prometheus-operator/prometheus-operator/pkg/apis/monitoring/v1.
//
// Every function is idempotent: applying it again with the same cluster ID
// leaves the object as it is, so a reconciler may call it on every pass.
// A nil object is left alone.
package monitoring
