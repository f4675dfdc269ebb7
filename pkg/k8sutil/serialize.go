package k8sutil

import (
	"bytes"
	"errors"
	"fmt"
	"sync"

	configv1 "github.com/openshift/api/config/v1"
	imagev1 "github.com/openshift/api/image/v1"
	routev1 "github.com/openshift/api/route/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer/json"
	clientgoscheme "k8s.io/client-go/kubernetes/scheme"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
)

// NewScheme returns a new scheme that knows the core Kubernetes types (those
// of client-go's scheme), OpenShift's route, config and image types, and the
// HyperShift types of hcpkit.
func NewScheme() (*runtime.Scheme, error) {
	s := runtime.NewScheme()
	for _, add := range []func(*runtime.Scheme) error{
		clientgoscheme.AddToScheme,
		routev1.Install,
		configv1.Install,
		imagev1.Install,
		hyperv1.AddToScheme,
	} {
		if err := add(s); err != nil {
			return nil, fmt.Errorf("building the scheme: %w", err)
		}
	}
	return s, nil
}

// defaultScheme is the shared, read-only scheme the serialisers use.
var defaultScheme = sync.OnceValues(NewScheme)

// yamlSerializer returns a strict YAML serialiser that creates objects from
// the default scheme and types them with typer (the default scheme when nil).
func yamlSerializer(typer runtime.ObjectTyper) (*json.Serializer, *runtime.Scheme, error) {
	s, err := defaultScheme()
	if err != nil {
		return nil, nil, err
	}
	if isNil(typer) {
		typer = s
	}
	return json.NewSerializerWithOptions(json.DefaultMetaFactory, s, typer,
		json.SerializerOptions{Yaml: true, Strict: true}), s, nil
}

// SerializeResource renders resource as YAML with its apiVersion and kind set
// from objectTyper (the package's scheme when nil). The resource itself is not
// modified.
func SerializeResource(resource runtime.Object, objectTyper runtime.ObjectTyper) (string, error) {
	if isNil(resource) {
		return "", errors.New("serializing: nil resource")
	}
	ser, s, err := yamlSerializer(objectTyper)
	if err != nil {
		return "", err
	}
	if isNil(objectTyper) {
		objectTyper = s
	}
	gvks, _, err := objectTyper.ObjectKinds(resource)
	if err != nil {
		return "", fmt.Errorf("serializing %T: cannot determine its kind: %w", resource, err)
	}
	if len(gvks) == 0 {
		return "", fmt.Errorf("serializing %T: cannot determine its kind", resource)
	}
	obj := resource.DeepCopyObject()
	obj.GetObjectKind().SetGroupVersionKind(gvks[0])
	var out bytes.Buffer
	if err := ser.Encode(obj, &out); err != nil {
		return "", fmt.Errorf("serializing %s: %w", gvks[0].Kind, err)
	}
	return out.String(), nil
}

// DeserializeResource decodes YAML (or JSON) data into resource. Unknown or
// duplicated fields are errors, and so is data that holds another kind than
// resource. A missing apiVersion or kind is taken from resource's type as
// objectTyper (the package's scheme when nil) knows it.
func DeserializeResource(data string, resource runtime.Object, objectTyper runtime.ObjectTyper) error {
	if isNil(resource) {
		return errors.New("deserializing: nil resource")
	}
	ser, _, err := yamlSerializer(objectTyper)
	if err != nil {
		return err
	}
	obj, gvk, err := ser.Decode([]byte(data), nil, resource)
	if err != nil {
		return fmt.Errorf("deserializing into %T: %w", resource, err)
	}
	if obj != resource {
		return fmt.Errorf("deserializing into %T: the data holds a %s", resource, gvk)
	}
	return nil
}
