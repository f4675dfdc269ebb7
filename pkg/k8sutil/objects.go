package k8sutil

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"reflect"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// isNil reports whether v is nil or an interface holding a nil pointer, map,
// slice, func or channel.
func isNil(v any) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan, reflect.Interface:
		return rv.IsNil()
	}
	return false
}

// CopyConfigMap replaces the Data of cm with a copy of the Data of source.
// Other fields, BinaryData included, are left alone. When either config map
// is nil nothing changes.
func CopyConfigMap(cm, source *corev1.ConfigMap) {
	if cm == nil || source == nil {
		return
	}
	cm.Data = make(map[string]string, len(source.Data))
	maps.Copy(cm.Data, source.Data)
}

// EnsureOwnerRef makes ownerRef one of the owner references of resource. A
// reference to the same owner (the same kind and name, and the same API group
// or UID) is replaced in place; otherwise ownerRef is appended. Nothing happens
// when resource or ownerRef is nil.
func EnsureOwnerRef(resource client.Object, ownerRef *metav1.OwnerReference) {
	if isNil(resource) || ownerRef == nil {
		return
	}
	refs := append([]metav1.OwnerReference(nil), resource.GetOwnerReferences()...)
	for i := range refs {
		if sameOwner(refs[i], *ownerRef) {
			refs[i] = *ownerRef
			resource.SetOwnerReferences(refs)
			return
		}
	}
	resource.SetOwnerReferences(append(refs, *ownerRef))
}

// sameOwner reports whether two owner references name the same owner.
func sameOwner(a, b metav1.OwnerReference) bool {
	if a.Kind != b.Kind || a.Name != b.Name {
		return false
	}
	return groupOf(a.APIVersion) == groupOf(b.APIVersion) || a.UID != "" && a.UID == b.UID
}

// groupOf returns the API group of an apiVersion string, or the string itself
// when it does not parse.
func groupOf(apiVersion string) string {
	gv, err := schema.ParseGroupVersion(apiVersion)
	if err != nil {
		return apiVersion
	}
	return gv.Group
}

// DeleteIfNeeded deletes o unless it is already gone or being deleted, and
// reports whether it still existed. The object is read into o first. An object
// whose kind is not installed in the cluster does not exist. An object that
// already has a deletion timestamp (held by a finalizer, say) is reported as
// existing and is not deleted again.
func DeleteIfNeeded(ctx context.Context, c client.Client, o client.Object) (exists bool, err error) {
	if isNil(c) {
		return false, errors.New("delete if needed: nil client")
	}
	if isNil(o) {
		return false, errors.New("delete if needed: nil object")
	}
	key := client.ObjectKeyFromObject(o)
	if err := c.Get(ctx, key, o); err != nil {
		if isAbsent(err) {
			return false, nil
		}
		return false, fmt.Errorf("getting %T %s: %w", o, key, err)
	}
	if o.GetDeletionTimestamp() != nil {
		return true, nil
	}
	if err := c.Delete(ctx, o); err != nil {
		if isAbsent(err) {
			return false, nil
		}
		return false, fmt.Errorf("deleting %T %s: %w", o, key, err)
	}
	return true, nil
}

// isAbsent reports whether err says that an object or its kind does not exist.
func isAbsent(err error) bool {
	return apierrors.IsNotFound(err) || meta.IsNoMatchError(err)
}
