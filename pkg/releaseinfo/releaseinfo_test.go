package releaseinfo

import (
	"context"
	"os"
	"reflect"
	"strings"
	"testing"

	imagev1 "github.com/openshift/api/image/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

const (
	cvo       = "quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:1111111111111111111111111111111111111111111111111111111111111111"
	hypershif = "quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:2222222222222222222222222222222222222222222222222222222222222222"
	etcd      = "quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:3333333333333333333333333333333333333333333333333333333333333333"
)

func payloadFiles(t testing.TB) map[string]string {
	t.Helper()
	files := map[string]string{}
	for _, p := range []string{ImageReferencesPath, ReleaseMetadataPath} {
		data, err := os.ReadFile("testdata/" + strings.TrimPrefix(p, "release-manifests/"))
		if err != nil {
			t.Fatal(err)
		}
		files[p] = string(data)
	}
	return files
}

func fixture(t testing.TB) *ReleaseImage {
	t.Helper()
	files := map[string][]byte{}
	for k, v := range payloadFiles(t) {
		files[k] = []byte(v)
	}
	r, err := decodeRelease(files, "fixture")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestReleaseImage(t *testing.T) {
	r := fixture(t)
	if r.Version() != "4.15.3" {
		t.Errorf("Version() = %q", r.Version())
	}
	want := map[string]string{"cluster-version-operator": cvo, "hypershift": hypershif, "etcd": etcd}
	if got := r.ComponentImages(); !reflect.DeepEqual(got, want) {
		t.Errorf("ComponentImages() = %v", got)
	}
	if got := r.ComponentNames(); !reflect.DeepEqual(got, []string{"cluster-version-operator", "etcd", "hypershift"}) {
		t.Errorf("ComponentNames() = %v", got)
	}
	versions, err := r.ComponentVersions()
	if err != nil || !reflect.DeepEqual(versions, map[string]string{"kubernetes": "1.28.7", "kubectl": "1.28.7"}) {
		t.Errorf("ComponentVersions() = %v, %v", versions, err)
	}
	if r.Metadata == nil || r.Metadata.Kind != "cincinnati-metadata-v0" || len(r.Metadata.Previous) != 4 {
		t.Errorf("Metadata = %+v", r.Metadata)
	}
	cp := r.DeepCopy()
	cp.Spec.Tags[0].From.Name = "changed"
	cp.Metadata.Previous[0] = "changed"
	if r.Spec.Tags[0].From.Name == "changed" || r.Metadata.Previous[0] == "changed" {
		t.Error("DeepCopy shares memory")
	}
}

func TestReleaseImageEdges(t *testing.T) {
	var nilRelease *ReleaseImage
	if nilRelease.Version() != "" || len(nilRelease.ComponentImages()) != 0 || nilRelease.DeepCopy() != nil {
		t.Error("nil release")
	}
	if v, err := nilRelease.ComponentVersions(); err != nil || len(v) != 0 {
		t.Error("nil release versions")
	}
	onlyMeta := &ReleaseImage{Metadata: &Metadata{Version: "4.16.0"}}
	if onlyMeta.Version() != "4.16.0" {
		t.Errorf("Version() from metadata = %q", onlyMeta.Version())
	}
	bad := &ReleaseImage{ImageStream: &imagev1.ImageStream{ObjectMeta: metav1.ObjectMeta{Annotations: map[string]string{BuildVersionsAnnotation: "a=1,broken"}}}}
	if _, err := bad.ComponentVersions(); err == nil || !strings.Contains(err.Error(), `"broken"`) {
		t.Errorf("malformed versions: %v", err)
	}
}

func TestDecodeReleaseErrors(t *testing.T) {
	tests := map[string]map[string][]byte{
		"not json":     {ImageReferencesPath: []byte("{")},
		"wrong kind":   {ImageReferencesPath: []byte(`{"kind":"ConfigMap","metadata":{"name":"x"}}`)},
		"no version":   {ImageReferencesPath: []byte(`{"kind":"ImageStream"}`)},
		"bad metadata": {ImageReferencesPath: []byte(`{"kind":"ImageStream","metadata":{"name":"1.0.0"}}`), ReleaseMetadataPath: []byte("[")},
	}
	for name, files := range tests {
		if _, err := decodeRelease(files, "x"); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestStaticProvider(t *testing.T) {
	p := &StaticProvider{Releases: map[string]*ReleaseImage{"quay.io/r:1": fixture(t)}}
	r, err := p.Lookup(context.Background(), "quay.io/r:1", nil)
	if err != nil || r.Version() != "4.15.3" {
		t.Fatalf("Lookup = %v, %v", r, err)
	}
	r.Spec.Tags[0].From.Name = "changed"
	again, _ := p.Lookup(context.Background(), "quay.io/r:1", nil)
	if again.ComponentImages()["cluster-version-operator"] != cvo {
		t.Error("a caller's change reached the provider")
	}
	if _, err := p.Lookup(context.Background(), "quay.io/unknown:1", nil); err == nil || !strings.Contains(err.Error(), "quay.io/unknown:1") {
		t.Errorf("unknown image: %v", err)
	}
	var nilProvider *StaticProvider
	if _, err := nilProvider.Lookup(context.Background(), "x", nil); err == nil {
		t.Error("nil provider")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.Lookup(ctx, "quay.io/r:1", nil); err == nil {
		t.Error("cancelled context")
	}
}

func TestMirroredProvider(t *testing.T) {
	static := &StaticProvider{Releases: map[string]*ReleaseImage{"quay.io/r:1": fixture(t)}}
	p := &MirroredProvider{Delegate: static, Overrides: map[string]string{
		"quay.io/openshift-release-dev/ocp-v4.0-art-dev": "mirror.local/ocp/release",
		"quay.io/openshift": "not.a.boundary",
	}}
	r, err := p.Lookup(context.Background(), "quay.io/r:1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.ComponentImages()["etcd"]; got != "mirror.local/ocp/release@sha256:3333333333333333333333333333333333333333333333333333333333333333" {
		t.Errorf("etcd = %q", got)
	}
	orig, _ := static.Lookup(context.Background(), "quay.io/r:1", nil)
	if orig.ComponentImages()["etcd"] != etcd {
		t.Error("the delegate's release was changed")
	}
	if _, err := (&MirroredProvider{}).Lookup(context.Background(), "x", nil); err == nil {
		t.Error("no delegate")
	}
}
