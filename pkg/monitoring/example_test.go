package monitoring_test

import (
	"encoding/json"
	"fmt"

	prometheusoperatorv1 "github.com/prometheus-operator/prometheus-operator/pkg/apis/monitoring/v1"

	"github.com/hcpkit/hcpkit/pkg/monitoring"
)

func ExampleApplyClusterIDToEndpoint() {
	ep := prometheusoperatorv1.Endpoint{Port: "metrics"}
	monitoring.ApplyClusterIDToEndpoint(&ep, "a1b2c3")
	monitoring.ApplyClusterIDToEndpoint(&ep, "a1b2c3") // idempotent
	out, _ := json.Marshal(ep.RelabelConfigs)
	fmt.Println(string(out))
	// Output:
	// [{"targetLabel":"_id","replacement":"a1b2c3","action":"replace"}]
}

func ExampleApplyClusterIDToRule() {
	rule := prometheusoperatorv1.Rule{Record: "cluster:up:sum"}
	monitoring.ApplyClusterIDToRule(&rule, "a1b2c3")
	fmt.Println(rule.Labels)
	// Output:
	// map[_id:a1b2c3]
}
