package monitoring

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	prometheusoperatorv1 "github.com/prometheus-operator/prometheus-operator/pkg/apis/monitoring/v1"

	"github.com/hcpkit/hcpkit/internal/vectors"
)

// vectorFile holds the cases measured on the legacy v0.1.40 implementation;
// Load compacts Out to the bytes json.Marshal wrote.
const vectorFile = "testdata/legacy-v0.1.40.json"

// jsonEqual reports whether two JSON documents hold the same value.
func jsonEqual(t *testing.T, got, want []byte) bool {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatal(err)
	}
	return reflect.DeepEqual(g, w)
}

func mustMarshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestApplyClusterIDToEndpointVectors(t *testing.T) {
	for _, tc := range vectors.Load(t, vectorFile, "ApplyClusterIDLabel") {
		t.Run(tc.Name, func(t *testing.T) {
			var in struct {
				ClusterID string          `json:"clusterID"`
				Endpoint  json.RawMessage `json:"endpoint"`
			}
			vectors.DecodeStrict(t, tc.In, &in)
			var ep prometheusoperatorv1.Endpoint
			vectors.DecodeStrict(t, in.Endpoint, &ep)
			ApplyClusterIDToEndpoint(&ep, in.ClusterID)
			got := mustMarshal(t, ep)
			// The v0.95.2 Endpoint marshals these cases byte for byte as the
			// v0.71.2 one did.
			if !bytes.Equal(got, tc.Out) {
				t.Errorf("got  %s\nwant %s", got, tc.Out)
			}
			ApplyClusterIDToEndpoint(&ep, in.ClusterID)
			if again := mustMarshal(t, ep); !bytes.Equal(again, got) {
				t.Errorf("second application changed the endpoint:\n%s\n%s", got, again)
			}
		})
	}
}

func TestApplyClusterIDToPodMetricsEndpointVectors(t *testing.T) {
	for _, tc := range vectors.Load(t, vectorFile, "ApplyClusterIDLabelToPodMonitor") {
		t.Run(tc.Name, func(t *testing.T) {
			var in struct {
				ClusterID string          `json:"clusterID"`
				Endpoint  json.RawMessage `json:"endpoint"`
			}
			vectors.DecodeStrict(t, tc.In, &in)
			var ep prometheusoperatorv1.PodMetricsEndpoint
			vectors.DecodeStrict(t, in.Endpoint, &ep)
			ApplyClusterIDToPodMetricsEndpoint(&ep, in.ClusterID)
			got := mustMarshal(t, ep)

			// v0.71.2 had a non-pointer bearerTokenSecret that always
			// marshalled as {"key":""}; v0.95.2 removed the field. Everything
			// else must be equal.
			var want map[string]json.RawMessage
			if err := json.Unmarshal(tc.Out, &want); err != nil {
				t.Fatal(err)
			}
			if string(want["bearerTokenSecret"]) != `{"key":""}` {
				t.Fatalf("unexpected bearerTokenSecret in vector: %s", want["bearerTokenSecret"])
			}
			delete(want, "bearerTokenSecret")
			if !jsonEqual(t, got, mustMarshal(t, want)) {
				t.Errorf("got  %s\nwant %s", got, tc.Out)
			}
			ApplyClusterIDToPodMetricsEndpoint(&ep, in.ClusterID)
			if again := mustMarshal(t, ep); !bytes.Equal(again, got) {
				t.Errorf("second application changed the endpoint:\n%s\n%s", got, again)
			}
		})
	}
}

func TestApplyClusterIDToRuleVectors(t *testing.T) {
	for _, tc := range vectors.Load(t, vectorFile, "ApplyClusterIDLabelToRecordingRule") {
		t.Run(tc.Name, func(t *testing.T) {
			var in struct {
				ClusterID string          `json:"clusterID"`
				Rule      json.RawMessage `json:"rule"`
			}
			vectors.DecodeStrict(t, tc.In, &in)
			var rule prometheusoperatorv1.Rule
			vectors.DecodeStrict(t, in.Rule, &rule)
			ApplyClusterIDToRule(&rule, in.ClusterID)
			got := mustMarshal(t, rule)
			if !bytes.Equal(got, tc.Out) {
				t.Errorf("got  %s\nwant %s", got, tc.Out)
			}
			ApplyClusterIDToRule(&rule, in.ClusterID)
			if again := mustMarshal(t, rule); !bytes.Equal(again, got) {
				t.Errorf("second application changed the rule:\n%s\n%s", got, again)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

func TestApplyClusterIDToEndpointIdempotent(t *testing.T) {
	ours := ClusterIDRelabeling("id")
	drop := prometheusoperatorv1.RelabelConfig{Action: "drop", Regex: "x", SourceLabels: []prometheusoperatorv1.LabelName{"__name__"}}
	old := prometheusoperatorv1.RelabelConfig{TargetLabel: ClusterIDLabel, Action: "replace", Replacement: ptr("old")}
	tests := []struct {
		name string
		in   []prometheusoperatorv1.RelabelConfig
		want []prometheusoperatorv1.RelabelConfig
	}{
		{"nil", nil, []prometheusoperatorv1.RelabelConfig{ours}},
		{"already last", []prometheusoperatorv1.RelabelConfig{drop, ours}, []prometheusoperatorv1.RelabelConfig{drop, ours}},
		{"present earlier is moved last", []prometheusoperatorv1.RelabelConfig{ours, drop}, []prometheusoperatorv1.RelabelConfig{drop, ours}},
		{"duplicates collapse", []prometheusoperatorv1.RelabelConfig{ours, drop, ours, ours}, []prometheusoperatorv1.RelabelConfig{drop, ours}},
		{"older cluster ID kept before ours", []prometheusoperatorv1.RelabelConfig{old}, []prometheusoperatorv1.RelabelConfig{old, ours}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ep := &prometheusoperatorv1.Endpoint{
				RelabelConfigs:       append([]prometheusoperatorv1.RelabelConfig(nil), tt.in...),
				MetricRelabelConfigs: append([]prometheusoperatorv1.RelabelConfig(nil), tt.in...),
			}
			pm := &prometheusoperatorv1.PodMetricsEndpoint{
				RelabelConfigs:       append([]prometheusoperatorv1.RelabelConfig(nil), tt.in...),
				MetricRelabelConfigs: append([]prometheusoperatorv1.RelabelConfig(nil), tt.in...),
			}
			for range 3 {
				ApplyClusterIDToEndpoint(ep, "id")
				ApplyClusterIDToPodMetricsEndpoint(pm, "id")
				for name, got := range map[string][]prometheusoperatorv1.RelabelConfig{
					"endpoint relabelings":         ep.RelabelConfigs,
					"endpoint metricRelabelings":   ep.MetricRelabelConfigs,
					"podmonitor relabelings":       pm.RelabelConfigs,
					"podmonitor metricRelabelings": pm.MetricRelabelConfigs,
				} {
					if !reflect.DeepEqual(got, tt.want) {
						t.Fatalf("%s: got %+v, want %+v", name, got, tt.want)
					}
				}
			}
		})
	}
}

func TestEnsureLastDoesNotWriteSharedArray(t *testing.T) {
	ours := ClusterIDRelabeling("id")
	other := prometheusoperatorv1.RelabelConfig{Action: "keep", Regex: "y"}
	shared := []prometheusoperatorv1.RelabelConfig{ours, other}
	snapshot := append([]prometheusoperatorv1.RelabelConfig(nil), shared...)
	a := &prometheusoperatorv1.Endpoint{RelabelConfigs: shared}
	ApplyClusterIDToEndpoint(a, "id")
	if !reflect.DeepEqual(shared, snapshot) {
		t.Fatalf("shared backing array modified: %+v", shared)
	}
	if want := []prometheusoperatorv1.RelabelConfig{other, ours}; !reflect.DeepEqual(a.RelabelConfigs, want) {
		t.Fatalf("got %+v, want %+v", a.RelabelConfigs, want)
	}
}

func TestClusterIDRelabeling(t *testing.T) {
	if got := ClusterIDRelabeling(""); got.Replacement != nil || got.TargetLabel != "_id" || got.Action != "replace" {
		t.Errorf("empty ID: got %+v", got)
	}
	got := ClusterIDRelabeling("abc")
	if got.Replacement == nil || *got.Replacement != "abc" {
		t.Errorf("got %+v", got)
	}
}

func TestNilObjects(t *testing.T) {
	// Must not panic.
	ApplyClusterIDToEndpoint(nil, "x")
	ApplyClusterIDToPodMetricsEndpoint(nil, "x")
	ApplyClusterIDToRule(nil, "x")
}
