package util_test

import (
	"testing"

	prometheusoperatorv1 "github.com/prometheus-operator/prometheus-operator/pkg/apis/monitoring/v1"

	util "github.com/hcpkit/hcpkit/pkg/compat/util"
)

// Compile-time checks that the facade keeps the v0.1.40 signatures.
var (
	_ func(*prometheusoperatorv1.Endpoint, string)           = util.ApplyClusterIDLabel
	_ func(*prometheusoperatorv1.PodMetricsEndpoint, string) = util.ApplyClusterIDLabelToPodMonitor
	_ func(*prometheusoperatorv1.Rule, string)               = util.ApplyClusterIDLabelToRecordingRule
)

func TestMonitoringFacade(t *testing.T) {
	ep := &prometheusoperatorv1.Endpoint{}
	util.ApplyClusterIDLabel(ep, "id")
	util.ApplyClusterIDLabel(ep, "id")
	if len(ep.RelabelConfigs) != 1 || len(ep.MetricRelabelConfigs) != 1 ||
		*ep.RelabelConfigs[0].Replacement != "id" || ep.RelabelConfigs[0].TargetLabel != "_id" {
		t.Fatalf("endpoint: %+v", ep)
	}
	pm := &prometheusoperatorv1.PodMetricsEndpoint{}
	util.ApplyClusterIDLabelToPodMonitor(pm, "id")
	util.ApplyClusterIDLabelToPodMonitor(pm, "id")
	if len(pm.RelabelConfigs) != 1 || len(pm.MetricRelabelConfigs) != 1 {
		t.Fatalf("pod metrics endpoint: %+v", pm)
	}
	rule := &prometheusoperatorv1.Rule{}
	util.ApplyClusterIDLabelToRecordingRule(rule, "id")
	if rule.Labels["_id"] != "id" {
		t.Fatalf("rule: %+v", rule)
	}
	// nil objects are left alone without a panic.
	util.ApplyClusterIDLabel(nil, "id")
	util.ApplyClusterIDLabelToPodMonitor(nil, "id")
	util.ApplyClusterIDLabelToRecordingRule(nil, "id")
}
