package util

import (
	"github.com/hcpkit/hcpkit/pkg/monitoring"
)

// ApplyClusterIDLabel adds the relabeling that sets the "_id" label to
// clusterID to a ServiceMonitor endpoint's relabelings and metric
// relabelings. Applying it again adds nothing; a nil endpoint is left alone.
// See monitoring.ApplyClusterIDToEndpoint.
var ApplyClusterIDLabel = monitoring.ApplyClusterIDToEndpoint

// ApplyClusterIDLabelToPodMonitor adds the relabeling that sets the "_id"
// label to clusterID to a PodMonitor endpoint's relabelings and metric
// relabelings. Applying it again adds nothing; a nil endpoint is left alone.
// See monitoring.ApplyClusterIDToPodMetricsEndpoint.
var ApplyClusterIDLabelToPodMonitor = monitoring.ApplyClusterIDToPodMetricsEndpoint

// ApplyClusterIDLabelToRecordingRule sets the "_id" label of a rule to
// clusterID. A nil rule is left alone.
// See monitoring.ApplyClusterIDToRule.
var ApplyClusterIDLabelToRecordingRule = monitoring.ApplyClusterIDToRule
