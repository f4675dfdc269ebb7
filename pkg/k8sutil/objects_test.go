package k8sutil_test

import (
	"context"
	"maps"
	"reflect"
	"testing"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"

	"github.com/hcpkit/hcpkit/pkg/k8sutil"
)

func TestCopyConfigMap(t *testing.T) {
	src := &corev1.ConfigMap{Data: map[string]string{"a": "1", "b": "2"}, BinaryData: map[string][]byte{"bin": {1}}}
	dst := &corev1.ConfigMap{
		ObjectMeta: metav1.ObjectMeta{Name: "dst"},
		Data:       map[string]string{"stale": "x"},
		BinaryData: map[string][]byte{"keep": {2}},
	}
	k8sutil.CopyConfigMap(dst, src)
	if !maps.Equal(dst.Data, map[string]string{"a": "1", "b": "2"}) {
		t.Errorf("Data = %v", dst.Data)
	}
	if dst.Name != "dst" || len(dst.BinaryData) != 1 || dst.BinaryData["keep"] == nil {
		t.Errorf("other fields changed: %+v", dst)
	}
	dst.Data["a"] = "changed"
	if src.Data["a"] != "1" {
		t.Error("the copy shares its map with the source")
	}

	empty := &corev1.ConfigMap{Data: map[string]string{"x": "y"}}
	k8sutil.CopyConfigMap(empty, &corev1.ConfigMap{})
	if empty.Data == nil || len(empty.Data) != 0 {
		t.Errorf("copying an empty source: Data = %#v, want empty non-nil", empty.Data)
	}

	// nil arguments change nothing and do not panic.
	k8sutil.CopyConfigMap(nil, src)
	keep := &corev1.ConfigMap{Data: map[string]string{"x": "y"}}
	k8sutil.CopyConfigMap(keep, nil)
	if !maps.Equal(keep.Data, map[string]string{"x": "y"}) {
		t.Errorf("nil source changed the target: %v", keep.Data)
	}
}

func TestEnsureOwnerRef(t *testing.T) {
	hc := metav1.OwnerReference{APIVersion: "hypershift.openshift.io/v1beta1", Kind: "HostedCluster", Name: "example", UID: "uid-1"}
	other := metav1.OwnerReference{APIVersion: "v1", Kind: "ConfigMap", Name: "example", UID: "uid-2"}
	ptr := func(r metav1.OwnerReference) *metav1.OwnerReference { return &r }
	withController := hc
	withController.Controller = ptr2(true)
	newVersion := hc
	newVersion.APIVersion = "hypershift.openshift.io/v1"
	recreated := hc
	recreated.UID = "uid-3"
	otherGroupSameUID := hc
	otherGroupSameUID.APIVersion = "other.example.com/v1"

	tests := []struct {
		name     string
		existing []metav1.OwnerReference
		add      *metav1.OwnerReference
		want     []metav1.OwnerReference
	}{
		{"add to none", nil, ptr(hc), []metav1.OwnerReference{hc}},
		{"append a different owner", []metav1.OwnerReference{other}, ptr(hc), []metav1.OwnerReference{other, hc}},
		{"idempotent", []metav1.OwnerReference{other, hc}, ptr(hc), []metav1.OwnerReference{other, hc}},
		{"update in place", []metav1.OwnerReference{hc, other}, ptr(withController), []metav1.OwnerReference{withController, other}},
		{"new API version of the same group", []metav1.OwnerReference{hc}, ptr(newVersion), []metav1.OwnerReference{newVersion}},
		{"owner recreated with a new UID", []metav1.OwnerReference{hc}, ptr(recreated), []metav1.OwnerReference{recreated}},
		{"same UID in another group", []metav1.OwnerReference{hc}, ptr(otherGroupSameUID), []metav1.OwnerReference{otherGroupSameUID}},
		{"nil ref", []metav1.OwnerReference{hc}, nil, []metav1.OwnerReference{hc}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cm := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{OwnerReferences: tt.existing}}
			before := append([]metav1.OwnerReference(nil), tt.existing...)
			k8sutil.EnsureOwnerRef(cm, tt.add)
			if !reflect.DeepEqual(cm.OwnerReferences, tt.want) {
				t.Errorf("owner references = %+v, want %+v", cm.OwnerReferences, tt.want)
			}
			if !reflect.DeepEqual(tt.existing, before) {
				t.Errorf("the caller's slice was modified: %+v", tt.existing)
			}
		})
	}
	// A nil object (typed or not) is ignored.
	k8sutil.EnsureOwnerRef(nil, &hc)
	var nilCM *corev1.ConfigMap
	k8sutil.EnsureOwnerRef(nilCM, &hc)
}

func ptr2[T any](v T) *T { return &v }

func TestDeleteIfNeededNilArguments(t *testing.T) {
	ctx := context.Background()
	var nilClient client.Client
	if _, err := k8sutil.DeleteIfNeeded(ctx, nilClient, &corev1.ConfigMap{}); err == nil {
		t.Error("nil client: no error")
	}
	var nilCM *corev1.ConfigMap
	exists, err := k8sutil.DeleteIfNeeded(ctx, nilClient, nilCM)
	if err == nil || exists {
		t.Errorf("nil object: %v, %v", exists, err)
	}
}
