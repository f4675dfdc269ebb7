package monitoring

import (
	"reflect"

	prometheusoperatorv1 "github.com/prometheus-operator/prometheus-operator/pkg/apis/monitoring/v1"
)

// ClusterIDLabel is the name of the label that carries the hosted cluster's ID.
const ClusterIDLabel = "_id"

// relabelReplace is Prometheus' "replace" relabeling action.
const relabelReplace = "replace"

// ClusterIDRelabeling returns the relabeling rule that sets ClusterIDLabel to
// clusterID on every target or sample.
//
// For an empty clusterID the replacement is left unset; Prometheus then
// substitutes the empty match of its default regex, so the label is set to ""
// (that is, removed) exactly as with an explicit empty replacement, and the
// object serialises as it did with older prometheus-operator types.
func ClusterIDRelabeling(clusterID string) prometheusoperatorv1.RelabelConfig {
	rc := prometheusoperatorv1.RelabelConfig{
		TargetLabel: ClusterIDLabel,
		Action:      relabelReplace,
	}
	if clusterID != "" {
		id := clusterID
		rc.Replacement = &id
	}
	return rc
}

// ApplyClusterIDToEndpoint makes the cluster-ID relabeling the last entry of
// both the target relabelings and the metric relabelings of a ServiceMonitor
// endpoint. Other relabelings, including older ones that set ClusterIDLabel
// to another value, are kept in their order; an identical rule already present
// is moved rather than repeated. A nil endpoint is left alone.
func ApplyClusterIDToEndpoint(ep *prometheusoperatorv1.Endpoint, clusterID string) {
	if ep == nil {
		return
	}
	rc := ClusterIDRelabeling(clusterID)
	ep.MetricRelabelConfigs = ensureLast(ep.MetricRelabelConfigs, rc)
	ep.RelabelConfigs = ensureLast(ep.RelabelConfigs, rc)
}

// ApplyClusterIDToPodMetricsEndpoint does for a PodMonitor endpoint what
// ApplyClusterIDToEndpoint does for a ServiceMonitor endpoint. A nil endpoint
// is left alone.
func ApplyClusterIDToPodMetricsEndpoint(ep *prometheusoperatorv1.PodMetricsEndpoint, clusterID string) {
	if ep == nil {
		return
	}
	rc := ClusterIDRelabeling(clusterID)
	ep.MetricRelabelConfigs = ensureLast(ep.MetricRelabelConfigs, rc)
	ep.RelabelConfigs = ensureLast(ep.RelabelConfigs, rc)
}

// ApplyClusterIDToRule sets the label ClusterIDLabel of a recording or
// alerting rule to clusterID, replacing any value it had. A nil rule is left
// alone.
func ApplyClusterIDToRule(rule *prometheusoperatorv1.Rule, clusterID string) {
	if rule == nil {
		return
	}
	if rule.Labels == nil {
		rule.Labels = make(map[string]string, 1)
	}
	rule.Labels[ClusterIDLabel] = clusterID
}

// ensureLast returns cfgs with want as its last element and no other element
// equal to want. When cfgs already has that shape it is returned unchanged;
// otherwise a new slice is built, so a backing array shared with another
// object is never written to.
func ensureLast(cfgs []prometheusoperatorv1.RelabelConfig, want prometheusoperatorv1.RelabelConfig) []prometheusoperatorv1.RelabelConfig {
	matches := 0
	for i := range cfgs {
		if reflect.DeepEqual(cfgs[i], want) {
			matches++
		}
	}
	if n := len(cfgs); matches == 1 && reflect.DeepEqual(cfgs[n-1], want) {
		return cfgs
	}
	out := make([]prometheusoperatorv1.RelabelConfig, 0, len(cfgs)-matches+1)
	for _, c := range cfgs {
		if !reflect.DeepEqual(c, want) {
			out = append(out, c)
		}
	}
	return append(out, want)
}
