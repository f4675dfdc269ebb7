package inspect

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"sigs.k8s.io/yaml"
)

var fixedNow = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func inspectYAML(t *testing.T, in string) *Report {
	t.Helper()
	docs, errs := Split("test.yaml", []byte(in))
	if len(errs) > 0 {
		t.Fatalf("Split: %v", errs)
	}
	return Inspect(docs, fixedNow)
}

func TestInspectHostedCluster(t *testing.T) {
	r := inspectYAML(t, `
apiVersion: hypershift.openshift.io/v1beta1
kind: HostedCluster
metadata: {name: hc, namespace: ns, generation: 3}
spec:
  release: {image: rel:1}
  controlPlaneRelease: {image: rel:2}
  pausedUntil: "2026-01-01T02:00:00Z"
  platform: {type: AWS}
  networking:
    serviceNetwork: [{cidr: "fd02::/112"}, {cidr: 172.30.0.0/16}]
    clusterNetwork: [{cidr: 10.132.0.0/14}]
    apiServer: {port: 443, allowedCIDRBlocks: [10.0.0.0/8]}
  services:
  - service: APIServer
    servicePublishingStrategy: {type: LoadBalancer, loadBalancer: {hostname: api.example}}
  - service: OAuthServer
    servicePublishingStrategy: {type: Route, route: {hostname: oauth.example}}
`)
	if len(r.Clusters) != 1 || len(r.Errors) != 0 {
		t.Fatalf("report = %+v", r)
	}
	c := r.Clusters[0]
	checks := []struct {
		name      string
		got, want any
	}{
		{"kind", c.Kind, "HostedCluster"},
		{"release", c.ControlPlaneReleaseImage, "rel:2"},
		{"pod port", c.KAS.PodPort, int32(6443)},
		{"local zone port", c.KAS.LocalZonePort, int32(6443)},
		{"advertise address (IPv6 first)", c.KAS.AdvertiseAddress, DefaultAdvertiseIPv6Address},
		{"allowed", strings.Join(c.KAS.AllowedCIDRBlocks, ","), "10.0.0.0/8"},
		{"publishing", c.KAS.Publishing, "LoadBalancer"},
		{"lb", c.KAS.LoadBalancer, true},
		{"route", c.KAS.Route, false},
		{"dedicated DNS (only for a Route KAS with a hostname)", c.KAS.DedicatedDNS, false},
		{"public (AWS with no aws block defaults to Public)", c.Visibility.Public, true},
		{"private", c.Visibility.Private, false},
		{"through internet", c.Visibility.WorkersThroughInternet, true},
		{"oauth", c.OAuthEnabled, true},
		{"API external DNS", c.Services[0].ExternalDNSHostname, "api.example"},
		{"OAuth external DNS", c.Services[1].ExternalDNSHostname, "oauth.example"},
		{"service net first IP", c.Networks.Service[0].FirstUsableIP, "fd02::1"},
		{"cluster net first IP", c.Networks.Cluster[0].FirstUsableIP, "10.132.0.1"},
		{"paused", c.Pause.Paused, true},
		{"requeue", c.Pause.RequeueAfter, "2h0m0s"},
		{"condition", c.Pause.Condition, Condition{Type: "ReconciliationActive", Status: "False", Reason: "ReconciliationPaused", Message: "Reconciliation paused until: 2026-01-01T02:00:00Z"}},
	}
	for _, ch := range checks {
		if ch.got != ch.want {
			t.Errorf("%s = %v, want %v", ch.name, ch.got, ch.want)
		}
	}
}

func TestInspectListsSkipsAndErrors(t *testing.T) {
	r := inspectYAML(t, `
apiVersion: v1
kind: List
items:
- apiVersion: hypershift.openshift.io/v1beta1
  kind: NodePool
  metadata: {name: np, namespace: ns}
  spec: {clusterName: hc}
- apiVersion: hypershift.openshift.io/v1beta1
  kind: HostedControlPlane
  metadata: {name: bad}
  spec: {networking: {clusterNetwork: [{cidr: nope}]}}
- apiVersion: v1
  kind: Secret
---
apiVersion: hypershift.openshift.io/v1beta1
kind: HostedCluster
metadata: {name: hc, namespace: ns}
---
apiVersion: example.com/v1
kind: NodePool
---
- just
- a list
`)
	if len(r.NodePools) != 1 || !r.NodePools[0].ClusterInInput || r.NodePools[0].Origin.Item != 1 {
		t.Errorf("node pools = %+v", r.NodePools)
	}
	if len(r.Clusters) != 1 || r.Clusters[0].Name != "hc" {
		t.Errorf("clusters = %+v", r.Clusters)
	}
	if r.Skipped != 2 {
		t.Errorf("skipped = %d, want 2 (a Secret and a NodePool of another group)", r.Skipped)
	}
	if len(r.Errors) != 2 {
		t.Fatalf("errors = %v, want 2", r.Errors)
	}
	if got := r.Errors[0].Error(); !strings.Contains(got, "document 1 (line 2): item 2: decoding HostedControlPlane: invalid CIDR \"nope\"") {
		t.Errorf("error 0 = %q", got)
	}
	if got := r.Errors[1].Error(); !strings.Contains(got, "document 4 (line 23): not a Kubernetes object: want a mapping with apiVersion and kind") {
		t.Errorf("error 1 = %q", got)
	}
}

func TestRenderFormats(t *testing.T) {
	r := inspectYAML(t, `
apiVersion: hypershift.openshift.io/v1beta1
kind: NodePool
metadata: {name: np, namespace: ns}
spec: {clusterName: hc, replicas: 2}
`)
	var js bytes.Buffer
	if err := Render(&js, r, JSON); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(js.Bytes(), &back); err != nil {
		t.Fatalf("JSON output does not decode: %v", err)
	}
	if back.Schema != SchemaVersion || back.NodePools[0].Name != "np" || *back.NodePools[0].Replicas != 2 {
		t.Errorf("JSON round trip = %+v", back)
	}
	var ym bytes.Buffer
	if err := Render(&ym, r, YAML); err != nil {
		t.Fatal(err)
	}
	var backY Report
	if err := yaml.Unmarshal(ym.Bytes(), &backY); err != nil {
		t.Fatalf("YAML output does not decode: %v", err)
	}
	if backY.NodePools[0].ClusterName != "hc" {
		t.Errorf("YAML round trip = %+v", backY)
	}
	var tb bytes.Buffer
	if err := Render(&tb, r, Table); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"NodePool ns/np", "Cluster", "hc (not in the input)", "Replicas", "2"} {
		if !strings.Contains(tb.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, tb.String())
		}
	}
	if _, err := ParseFormat("xml"); err == nil || !strings.Contains(err.Error(), "want table, json or yaml") {
		t.Errorf("ParseFormat(xml) error = %v", err)
	}
}

func TestInspectObjectCap(t *testing.T) {
	in := NewInspector(fixedNow)
	doc := Document{Source: "many", Index: 1, Line: 1, JSON: []byte(`{"apiVersion":"hypershift.openshift.io/v1beta1","kind":"NodePool","metadata":{"name":"np"}}`)}
	docs := make([]Document, MaxObjects+5)
	for i := range docs {
		docs[i] = doc
		docs[i].Index = i + 1
	}
	in.Add(docs, nil)
	r := in.Report()
	if len(r.NodePools) != MaxObjects {
		t.Errorf("reported %d node pools, want the cap %d", len(r.NodePools), MaxObjects)
	}
	if len(r.Errors) != 1 || !strings.Contains(r.Errors[0].Error(), "document 10001 (line 1): more than 10000 objects") {
		t.Errorf("errors = %v, want one saying where the cap was reached", r.Errors)
	}
}

func TestInspectWarnings(t *testing.T) {
	r := inspectYAML(t, `
apiVersion: hypershift.openshift.io/v1beta1
kind: HostedCluster
metadata: {name: hc, namespace: ns}
spec:
  platform: {type: Azure}
  networking: {apiServer: {port: 70000}}
  services:
  - {service: APIServer, servicePublishingStrategy: {type: Route}}
  - {service: APIServer, servicePublishingStrategy: {type: LoadBalancer}}
---
apiVersion: hypershift.openshift.io/v1beta1
kind: HostedCluster
metadata: {name: hc, namespace: ns}
spec:
  platform: {type: AWS}
`)
	want := [][]string{
		{
			"networking.apiServer.port 70000 is not a valid port",
			"service APIServer is listed more than once; the first entry is used",
			"platform Azure always counts as public (as in support/util v0.1.40): only AWS endpoint access is read",
		},
		{"a HostedCluster of the same namespace and name appears earlier in the input"},
	}
	for i, c := range r.Clusters {
		if strings.Join(c.Warnings, "|") != strings.Join(want[i], "|") {
			t.Errorf("cluster %d warnings = %q, want %q", i, c.Warnings, want[i])
		}
	}
}

func TestInspectErrorCap(t *testing.T) {
	in := NewInspector(fixedNow)
	bad := Document{Source: "bad", Line: 1, JSON: []byte(`[1]`)}
	for i := 0; i < MaxErrors+10; i++ {
		bad.Index = i + 1
		if !in.Add([]Document{bad}, nil) {
			break
		}
	}
	r := in.Report()
	if len(r.Errors) != MaxErrors+1 || !strings.Contains(r.Errors[MaxErrors].Message, "more than 1000 errors") {
		t.Errorf("got %d errors, last %v; want %d and a closing one", len(r.Errors), r.Errors[len(r.Errors)-1], MaxErrors+1)
	}
}
