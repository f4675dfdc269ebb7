package v1beta1_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	configv1 "github.com/openshift/api/config/v1"
	apiequality "k8s.io/apimachinery/pkg/api/equality"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/runtime/serializer"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"sigs.k8s.io/yaml"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
)

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// strictYAML decodes a project fixture, rejecting fields the types do not
// model, so a misspelt JSON name in the types fails the test.
func strictYAML(t *testing.T, name string, obj any) {
	t.Helper()
	if err := yaml.UnmarshalStrict(readFixture(t, name), obj); err != nil {
		t.Fatalf("decoding %s: %v", name, err)
	}
}

// roundTrip checks that obj survives JSON encoding and decoding unchanged.
func roundTrip[T any](t *testing.T, obj *T) {
	t.Helper()
	b, err := json.Marshal(obj)
	if err != nil {
		t.Fatal(err)
	}
	back := new(T)
	if err := json.Unmarshal(b, back); err != nil {
		t.Fatalf("decoding own JSON: %v\n%s", err, b)
	}
	if !apiequality.Semantic.DeepEqual(obj, back) {
		t.Errorf("JSON round trip changed the object:\nbefore %+v\nafter  %+v", obj, back)
	}
}

func TestHostedClusterFixture(t *testing.T) {
	var hc hyperv1.HostedCluster
	strictYAML(t, "hostedcluster.yaml", &hc)
	s := hc.Spec
	checks := []struct {
		what      string
		got, want any
	}{
		{"kind", hc.Kind, "HostedCluster"},
		{"name", hc.Name, "alpha"},
		{"release", s.Release.Image, "quay.io/openshift-release-dev/ocp-release:4.16.2-x86_64"},
		{"control plane release", s.ControlPlaneRelease.Image, "quay.io/openshift-release-dev/ocp-release:4.16.3-x86_64"},
		{"platform", s.Platform.Type, hyperv1.AWSPlatform},
		{"endpoint access", s.Platform.AWS.EndpointAccess, hyperv1.PublicAndPrivate},
		{"multiArch", s.Platform.AWS.MultiArch, true},
		{"dns prefix", *s.DNS.BaseDomainPrefix, "api-zone"},
		{"cluster network 2", s.Networking.ClusterNetwork[1].CIDR.String(), "fd01::/48"},
		{"host prefix", s.Networking.ClusterNetwork[0].HostPrefix, int32(23)},
		{"service network", s.Networking.ServiceNetwork[0].CIDR.String(), "172.31.0.0/16"},
		{"machine network", s.Networking.MachineNetwork[0].CIDR.String(), "10.0.0.0/16"},
		{"port", *s.Networking.APIServer.Port, int32(8443)},
		{"advertise address", *s.Networking.APIServer.AdvertiseAddress, "172.20.0.1"},
		{"allowed CIDRs", len(s.Networking.APIServer.AllowedCIDRBlocks), 2},
		{"services", len(s.Services), 4},
		{"route host", s.Services[0].Route.Hostname, "api.alpha.example.net"},
		{"lb host", s.Services[2].LoadBalancer.Hostname, "konnectivity.alpha.example.net"},
		{"node port", s.Services[3].NodePort.Port, int32(30080)},
		{"auth", s.Configuration.Authentication.Type, configv1.AuthenticationTypeOIDC},
		{"pausedUntil", *s.PausedUntil, "2030-06-01T12:00:00Z"},
		{"fips", s.FIPS, true},
		{"status endpoint", hc.Status.ControlPlaneEndpoint.Port, int32(443)},
		{"condition generation", hc.Status.Conditions[0].ObservedGeneration, int64(4)},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %#v, want %#v", c.what, c.got, c.want)
		}
	}
	roundTrip(t, &hc)
}

func TestHostedControlPlaneFixture(t *testing.T) {
	var hcp hyperv1.HostedControlPlane
	strictYAML(t, "hostedcontrolplane.yaml", &hcp)
	s := hcp.Spec
	if hcp.Generation != 7 || s.Platform.Type != hyperv1.KubevirtPlatform || s.Platform.AWS != nil {
		t.Errorf("metadata/platform: %+v %+v", hcp.ObjectMeta, s.Platform)
	}
	if s.ControlPlaneReleaseImage != nil || s.ReleaseImage != "quay.io/openshift-release-dev/ocp-release:4.17.0-x86_64" {
		t.Errorf("release images: %v %q", s.ControlPlaneReleaseImage, s.ReleaseImage)
	}
	if got := s.Networking.ServiceNetwork[0].CIDR.String(); got != "fd02::/112" {
		t.Errorf("service network = %q", got)
	}
	if s.Networking.APIServer.Port != nil || *s.Networking.APIServer.AdvertiseAddress != "fd00::1" {
		t.Errorf("apiServer = %+v", s.Networking.APIServer)
	}
	if s.Services[0].NodePort.Address != "2001:db8::10" || s.Services[1].Route != nil {
		t.Errorf("services = %+v", s.Services)
	}
	if !hcp.Status.Ready || !hcp.Status.Initialized || *s.PausedUntil != "true" {
		t.Errorf("status/pausedUntil: %+v %v", hcp.Status, s.PausedUntil)
	}
	roundTrip(t, &hcp)
}

func TestNodePoolFixture(t *testing.T) {
	var np hyperv1.NodePool
	strictYAML(t, "nodepool.yaml", &np)
	if np.Spec.ClusterName != "alpha" || *np.Spec.Replicas != 3 || np.Spec.Arch != "arm64" ||
		np.Spec.Platform.Type != hyperv1.AWSPlatform || np.Spec.NodeLabels["pool"] != "workers" ||
		*np.Spec.PausedUntil != "false" || np.Status.Replicas != 2 || np.Status.Version != "4.16.2" {
		t.Errorf("node pool = %+v", np)
	}
	roundTrip(t, &np)
}

func TestBadCIDRInManifestIsAnError(t *testing.T) {
	bad := strings.Replace(string(readFixture(t, "hostedcluster.yaml")), "172.31.0.0/16", "172.31.0.0/33", 1)
	var hc hyperv1.HostedCluster
	err := yaml.Unmarshal([]byte(bad), &hc)
	if err == nil || !strings.Contains(err.Error(), "172.31.0.0/33") {
		t.Errorf("decoding a manifest with a bad CIDR: %v", err)
	}
}

func newScheme(t *testing.T) *runtime.Scheme {
	t.Helper()
	s := runtime.NewScheme()
	if err := hyperv1.AddToScheme(s); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSchemeRegistration(t *testing.T) {
	s := newScheme(t)
	for _, obj := range []runtime.Object{
		&hyperv1.HostedCluster{}, &hyperv1.HostedClusterList{},
		&hyperv1.HostedControlPlane{}, &hyperv1.HostedControlPlaneList{},
		&hyperv1.NodePool{}, &hyperv1.NodePoolList{},
	} {
		gvks, _, err := s.ObjectKinds(obj)
		if err != nil || len(gvks) != 1 {
			t.Errorf("%T: %v %v", obj, gvks, err)
			continue
		}
		want := schema.GroupVersionKind{Group: "hypershift.openshift.io", Version: "v1beta1", Kind: reflect.TypeOf(obj).Elem().Name()}
		if gvks[0] != want {
			t.Errorf("%T registered as %v, want %v", obj, gvks[0], want)
		}
		made, err := s.New(want)
		if err != nil || reflect.TypeOf(made) != reflect.TypeOf(obj) {
			t.Errorf("scheme.New(%v) = %T, %v", want, made, err)
		}
	}
	if got := hyperv1.Resource("hostedclusters"); got != (schema.GroupResource{Group: "hypershift.openshift.io", Resource: "hostedclusters"}) {
		t.Errorf("Resource = %v", got)
	}
}

func TestDecodeThroughScheme(t *testing.T) {
	dec := serializer.NewCodecFactory(newScheme(t)).UniversalDeserializer()
	for file, want := range map[string]runtime.Object{
		"hostedcluster.yaml":      &hyperv1.HostedCluster{},
		"hostedcontrolplane.yaml": &hyperv1.HostedControlPlane{},
		"nodepool.yaml":           &hyperv1.NodePool{},
	} {
		obj, gvk, err := dec.Decode(readFixture(t, file), nil, nil)
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		if reflect.TypeOf(obj) != reflect.TypeOf(want) || gvk.Group != hyperv1.GroupName || gvk.Version != "v1beta1" {
			t.Errorf("%s decoded as %T %v", file, obj, gvk)
		}
	}
}

func TestDeepCopyIndependence(t *testing.T) {
	var hc hyperv1.HostedCluster
	strictYAML(t, "hostedcluster.yaml", &hc)
	before, _ := json.Marshal(&hc)

	cp := hc.DeepCopy()
	if !apiequality.Semantic.DeepEqual(&hc, cp) {
		t.Fatal("DeepCopy differs from the original")
	}
	obj := hc.DeepCopyObject()
	if _, ok := obj.(*hyperv1.HostedCluster); !ok || !apiequality.Semantic.DeepEqual(&hc, obj) {
		t.Fatalf("DeepCopyObject = %T", obj)
	}
	// Change everything the copy could share with the original.
	cp.Labels["team"] = "other"
	cp.Annotations["x"] = "y"
	cp.Spec.ControlPlaneRelease.Image = "changed"
	cp.Spec.Platform.AWS.Region = "changed"
	*cp.Spec.DNS.BaseDomainPrefix = "changed"
	cp.Spec.Networking.ClusterNetwork[0].CIDR.IP[0] = 99
	cp.Spec.Networking.ServiceNetwork[1].CIDR.Mask[0] = 0
	*cp.Spec.Networking.APIServer.Port = 1
	*cp.Spec.Networking.APIServer.AdvertiseAddress = "changed"
	cp.Spec.Networking.APIServer.AllowedCIDRBlocks[0] = "changed"
	cp.Spec.Services[0].Route.Hostname = "changed"
	cp.Spec.Services[2].LoadBalancer.Hostname = "changed"
	cp.Spec.Services[3].NodePort.Port = 1
	cp.Spec.Configuration.Authentication.Type = "changed"
	cp.Spec.AdditionalTrustBundle.Name = "changed"
	*cp.Spec.PausedUntil = "changed"
	cp.Spec.NodeSelector["x"] = "y"
	cp.Status.KubeConfig.Name = "changed"
	cp.Status.Conditions[0].Message = "changed"

	after, _ := json.Marshal(&hc)
	if !bytes.Equal(before, after) {
		t.Errorf("changing the copy changed the original:\nbefore %s\nafter  %s", before, after)
	}

	var np hyperv1.NodePool
	strictYAML(t, "nodepool.yaml", &np)
	npc := np.DeepCopy()
	*npc.Spec.Replicas = 0
	npc.Spec.NodeLabels["pool"] = "x"
	if *np.Spec.Replicas != 3 || np.Spec.NodeLabels["pool"] != "workers" {
		t.Error("NodePool copy shares memory")
	}
	var hcp hyperv1.HostedControlPlane
	strictYAML(t, "hostedcontrolplane.yaml", &hcp)
	hcpc := hcp.DeepCopy()
	hcpc.Spec.Networking.ServiceNetwork[0].CIDR.IP[0] = 0
	if hcp.Spec.Networking.ServiceNetwork[0].CIDR.String() != "fd02::/112" {
		t.Error("HostedControlPlane copy shares memory")
	}
	list := &hyperv1.HostedClusterList{Items: []hyperv1.HostedCluster{hc}}
	lc := list.DeepCopy()
	lc.Items[0].Name = "changed"
	if list.Items[0].Name != "alpha" {
		t.Error("list copy shares memory")
	}
}

// sharedFixtures returns the folder of real HyperShift manifests that sits
// beside the repository (../shared/fixtures from the module root), or "" when
// it is absent. HCPKIT_FIXTURES overrides the location.
func sharedFixtures(t *testing.T) string {
	t.Helper()
	if dir := os.Getenv("HCPKIT_FIXTURES"); dir != "" {
		return dir
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	fixtures := filepath.Join(dir, "..", "shared", "fixtures")
	if st, err := os.Stat(fixtures); err != nil || !st.IsDir() {
		return ""
	}
	return fixtures
}

// TestRealManifests decodes every HostedCluster and NodePool that
// HyperShift's own renderer produced (manifests the project does not ship),
// checking that they decode, keep what the SDK reads, and survive a JSON
// round trip and a deep copy.
func TestRealManifests(t *testing.T) {
	dir := sharedFixtures(t)
	if dir == "" {
		t.Skip("real HyperShift manifests not found: ../shared/fixtures (beside the module root) is absent and HCPKIT_FIXTURES is unset")
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Skipf("no *.yaml in %s", dir)
	}
	var clusters, pools int
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		r := utilyaml.NewYAMLReader(bufio.NewReader(f))
		for i := 0; ; i++ {
			doc, err := r.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: document %d: %v", file, i, err)
			}
			var meta struct {
				APIVersion string `json:"apiVersion"`
				Kind       string `json:"kind"`
			}
			if err := yaml.Unmarshal(doc, &meta); err != nil || !strings.HasPrefix(meta.APIVersion, hyperv1.GroupName+"/") {
				continue
			}
			where := filepath.Base(file) + "/" + meta.Kind
			switch meta.Kind {
			case "HostedCluster":
				clusters++
				var hc hyperv1.HostedCluster
				if err := yaml.Unmarshal(doc, &hc); err != nil {
					t.Errorf("%s: %v", where, err)
					continue
				}
				if hc.Name == "" || hc.Spec.Platform.Type == "" || len(hc.Spec.Services) == 0 {
					t.Errorf("%s: name %q, platform %q, %d services", where, hc.Name, hc.Spec.Platform.Type, len(hc.Spec.Services))
				}
				for _, e := range hc.Spec.Networking.ClusterNetwork {
					if e.CIDR.IsZero() {
						t.Errorf("%s: empty cluster network CIDR", where)
					}
				}
				for _, e := range hc.Spec.Networking.ServiceNetwork {
					if e.CIDR.IsZero() {
						t.Errorf("%s: empty service network CIDR", where)
					}
				}
				roundTrip(t, &hc)
				if !apiequality.Semantic.DeepEqual(&hc, hc.DeepCopy()) {
					t.Errorf("%s: DeepCopy differs", where)
				}
			case "NodePool":
				pools++
				var np hyperv1.NodePool
				if err := yaml.Unmarshal(doc, &np); err != nil {
					t.Errorf("%s: %v", where, err)
					continue
				}
				if np.Name == "" || np.Spec.ClusterName == "" || np.Spec.Platform.Type == "" {
					t.Errorf("%s: name %q, cluster %q, platform %q", where, np.Name, np.Spec.ClusterName, np.Spec.Platform.Type)
				}
				roundTrip(t, &np)
				if !apiequality.Semantic.DeepEqual(&np, np.DeepCopy()) {
					t.Errorf("%s: DeepCopy differs", where)
				}
			}
		}
		_ = f.Close()
	}
	if clusters == 0 || pools == 0 {
		t.Errorf("found %d HostedClusters and %d NodePools in %s", clusters, pools, dir)
	}
	t.Logf("decoded %d HostedClusters and %d NodePools from %d files", clusters, pools, len(files))
}

// FuzzHostedClusterJSON decodes arbitrary JSON into a HostedCluster: it must
// never panic, and whatever decodes deep-copies to an equal object.
func FuzzHostedClusterJSON(f *testing.F) {
	if b, err := yaml.YAMLToJSON(readFixtureF(f, "hostedcluster.yaml")); err == nil {
		f.Add(b)
	}
	for _, s := range []string{`{}`, `{"spec":{"networking":{"serviceNetwork":[{"cidr":null}]}}}`, `{"spec":{"networking":{"clusterNetwork":[{"cidr":"x"}]}}}`, `null`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var hc hyperv1.HostedCluster
		if err := json.Unmarshal(b, &hc); err != nil {
			return
		}
		if !apiequality.Semantic.DeepEqual(&hc, hc.DeepCopy()) {
			t.Fatalf("DeepCopy differs for %q", b)
		}
		if _, err := json.Marshal(&hc); err != nil {
			t.Fatalf("re-encoding %q: %v", b, err)
		}
	})
}

func readFixtureF(f *testing.F, name string) []byte {
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		f.Fatal(err)
	}
	return b
}
