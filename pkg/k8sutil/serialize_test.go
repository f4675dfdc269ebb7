package k8sutil_test

import (
	"strings"
	"testing"

	configv1 "github.com/openshift/api/config/v1"
	imagev1 "github.com/openshift/api/image/v1"
	routev1 "github.com/openshift/api/route/v1"
	corev1 "k8s.io/api/core/v1"
	apiequality "k8s.io/apimachinery/pkg/api/equality"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
	"github.com/hcpkit/hcpkit/pkg/k8sutil"
)

func TestSerializeResourceGolden(t *testing.T) {
	cm := &corev1.ConfigMap{
		ObjectMeta: metav1.ObjectMeta{Name: "example", Namespace: "clusters"},
		Data:       map[string]string{"b": "2", "a": "1"},
	}
	got, err := k8sutil.SerializeResource(cm, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "apiVersion: v1\ndata:\n  a: \"1\"\n  b: \"2\"\nkind: ConfigMap\nmetadata:\n  name: example\n  namespace: clusters\n"
	if got != want {
		t.Errorf("SerializeResource =\n%s\nwant\n%s", got, want)
	}
	if !cm.GetObjectKind().GroupVersionKind().Empty() {
		t.Error("SerializeResource set the kind on the caller's object")
	}
}

func TestSerializeRoundTrip(t *testing.T) {
	scheme, err := k8sutil.NewScheme()
	if err != nil {
		t.Fatal(err)
	}
	replicas := int32(2)
	tests := []struct {
		obj   runtime.Object
		empty runtime.Object
		kind  string
	}{
		{&corev1.Secret{ObjectMeta: metav1.ObjectMeta{Name: "s", Namespace: "ns"}, Data: map[string][]byte{"k": []byte("v\x00")}}, &corev1.Secret{}, "kind: Secret"},
		{&routev1.Route{ObjectMeta: metav1.ObjectMeta{Name: "r"}, Spec: routev1.RouteSpec{Host: "api.example.com", To: routev1.RouteTargetReference{Kind: "Service", Name: "kube-apiserver"}}}, &routev1.Route{}, "apiVersion: route.openshift.io/v1"},
		{&configv1.Infrastructure{ObjectMeta: metav1.ObjectMeta{Name: "cluster"}, Spec: configv1.InfrastructureSpec{CloudConfig: configv1.ConfigMapFileReference{Name: "cloud"}}}, &configv1.Infrastructure{}, "apiVersion: config.openshift.io/v1"},
		{&imagev1.ImageStream{ObjectMeta: metav1.ObjectMeta{Name: "is"}, Spec: imagev1.ImageStreamSpec{LookupPolicy: imagev1.ImageLookupPolicy{Local: true}}}, &imagev1.ImageStream{}, "apiVersion: image.openshift.io/v1"},
		{&hyperv1.NodePool{ObjectMeta: metav1.ObjectMeta{Name: "np", Namespace: "clusters"}, Spec: hyperv1.NodePoolSpec{ClusterName: "example", Replicas: &replicas, Arch: "arm64", Platform: hyperv1.NodePoolPlatform{Type: hyperv1.AWSPlatform}}}, &hyperv1.NodePool{}, "apiVersion: hypershift.openshift.io/v1beta1"},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			for _, typer := range []runtime.ObjectTyper{nil, scheme} {
				data, err := k8sutil.SerializeResource(tt.obj, typer)
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(data, tt.kind) {
					t.Errorf("YAML lacks %q:\n%s", tt.kind, data)
				}
				got := tt.empty.DeepCopyObject()
				if err := k8sutil.DeserializeResource(data, got, typer); err != nil {
					t.Fatal(err)
				}
				want := tt.obj.DeepCopyObject()
				gvks, _, _ := scheme.ObjectKinds(want)
				want.GetObjectKind().SetGroupVersionKind(gvks[0])
				if !apiequality.Semantic.DeepEqual(got, want) {
					t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
				}
			}
		})
	}
}

func TestDeserializeResourceErrors(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		into    runtime.Object
		wantErr string
	}{
		{"unknown field", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\nbogus: 1\n", &corev1.ConfigMap{}, "unknown field"},
		{"duplicate field", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\nmetadata:\n  name: y\n", &corev1.ConfigMap{}, "deserializing"},
		{"other kind", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\n", &corev1.ConfigMap{}, "holds a /v1, Kind=Secret"},
		{"not yaml", "{{{", &corev1.ConfigMap{}, "deserializing"},
		{"nil target", "apiVersion: v1\nkind: ConfigMap\n", nil, "nil resource"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := k8sutil.DeserializeResource(tt.data, tt.into, nil)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestDeserializeResourceDefaultsKind(t *testing.T) {
	cm := &corev1.ConfigMap{}
	if err := k8sutil.DeserializeResource("metadata:\n  name: x\ndata:\n  k: v\n", cm, nil); err != nil {
		t.Fatal(err)
	}
	if cm.Name != "x" || cm.Data["k"] != "v" {
		t.Errorf("decoded %+v", cm)
	}
}

type notRegistered struct{ corev1.ConfigMap }

func (n *notRegistered) DeepCopyObject() runtime.Object { c := *n; return &c }

func TestSerializeResourceErrors(t *testing.T) {
	if _, err := k8sutil.SerializeResource(nil, nil); err == nil {
		t.Error("nil resource: no error")
	}
	var nilCM *corev1.ConfigMap
	if _, err := k8sutil.SerializeResource(nilCM, nil); err == nil {
		t.Error("typed nil resource: no error")
	}
	if _, err := k8sutil.SerializeResource(&notRegistered{}, nil); err == nil || !strings.Contains(err.Error(), "cannot determine its kind") {
		t.Errorf("unregistered type: error = %v", err)
	}
}
