package podspec

import (
	"fmt"
	"reflect"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

// AvailabilityProberContainerName is the name of the availability prober init
// container.
const AvailabilityProberContainerName = "availability-prober"

const (
	proberBinary          = "/usr/bin/control-plane-operator"
	proberKubeconfigDir   = "/var/kubeconfig"
	proberKubeconfigFlag  = "--kubeconfig=" + proberKubeconfigDir + "/" + KubeconfigKey
	proberRequiredAPIFlag = "--required-api="
)

// AvailabilityProberOpts configures the availability prober.
type AvailabilityProberOpts struct {
	// KubeconfigVolumeName names the pod volume holding the kubeconfig (under
	// KubeconfigKey) the prober uses. Empty means the prober only polls its
	// target URL.
	KubeconfigVolumeName string
	// RequiredAPIs are API kinds the prober waits for. They are only used
	// with a kubeconfig volume.
	RequiredAPIs []schema.GroupVersionKind
	// WaitForInfrastructureResource makes the prober wait for the cluster's
	// Infrastructure resource.
	WaitForInfrastructureResource bool
	// WaitForLabeledPodsGone makes the prober wait until no pod matches this
	// "namespace/label-selector".
	WaitForLabeledPodsGone string
}

// AvailabilityProberOpt sets one or more fields of AvailabilityProberOpts.
// Options apply in order; a later option overrides an earlier one.
type AvailabilityProberOpt func(*AvailabilityProberOpts)

// WithKubeconfigVolume makes the prober mount the pod volume name and use the
// kubeconfig in it.
func WithKubeconfigVolume(name string) AvailabilityProberOpt {
	return func(o *AvailabilityProberOpts) { o.KubeconfigVolumeName = name }
}

// WithRequiredAPIs adds API kinds the prober waits for (needs
// WithKubeconfigVolume).
func WithRequiredAPIs(gvks ...schema.GroupVersionKind) AvailabilityProberOpt {
	return func(o *AvailabilityProberOpts) { o.RequiredAPIs = append(o.RequiredAPIs, gvks...) }
}

// WithWaitForInfrastructureResource makes the prober wait for the cluster's
// Infrastructure resource.
func WithWaitForInfrastructureResource() AvailabilityProberOpt {
	return func(o *AvailabilityProberOpts) { o.WaitForInfrastructureResource = true }
}

// WithWaitForLabeledPodsGone makes the prober wait until no pod matches the
// "namespace/label-selector" selector.
func WithWaitForLabeledPodsGone(selector string) AvailabilityProberOpt {
	return func(o *AvailabilityProberOpts) { o.WaitForLabeledPodsGone = selector }
}

// AvailabilityProberContainer returns the availability prober init container
// that waits for target, run from image, configured by opts (nil options are
// skipped).
func AvailabilityProberContainer(target, image string, opts ...AvailabilityProberOpt) corev1.Container {
	var o AvailabilityProberOpts
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	n := 4
	if o.KubeconfigVolumeName != "" {
		n += 1 + len(o.RequiredAPIs)
	}
	if o.WaitForInfrastructureResource {
		n++
	}
	if o.WaitForLabeledPodsGone != "" {
		n++
	}
	cmd := make([]string, 0, n)
	cmd = append(cmd, proberBinary, "availability-prober", "--target", target)
	c := corev1.Container{
		Name:            AvailabilityProberContainerName,
		Image:           image,
		ImagePullPolicy: corev1.PullIfNotPresent,
	}
	if o.KubeconfigVolumeName != "" {
		c.VolumeMounts = []corev1.VolumeMount{{Name: o.KubeconfigVolumeName, MountPath: proberKubeconfigDir}}
		cmd = append(cmd, proberKubeconfigFlag)
		for _, api := range o.RequiredAPIs {
			cmd = append(cmd, proberRequiredAPIFlag+api.Group+","+api.Version+","+api.Kind)
		}
	}
	if o.WaitForInfrastructureResource {
		cmd = append(cmd, "--wait-for-infrastructure-resource")
	}
	if o.WaitForLabeledPodsGone != "" {
		cmd = append(cmd, "--wait-for-labeled-pods-gone="+o.WaitForLabeledPodsGone)
	}
	c.Command = cmd
	return c
}

// AddAvailabilityProber makes the availability prober for target, built as
// AvailabilityProberContainer does, the single first init container of spec.
// Any other init container named AvailabilityProberContainerName, wherever it
// is, is removed; the remaining init containers keep their order. Calling it
// again with the same arguments changes nothing. A nil spec is an error.
func AddAvailabilityProber(target, image string, spec *corev1.PodSpec, opts ...AvailabilityProberOpt) error {
	if spec == nil {
		return fmt.Errorf("availability prober: %w", ErrNilObject)
	}
	prober := AvailabilityProberContainer(target, image, opts...)
	if proberInPlace(spec.InitContainers, &prober) {
		return nil
	}
	out := make([]corev1.Container, 1, len(spec.InitContainers)+1)
	out[0] = prober
	for _, c := range spec.InitContainers {
		if c.Name != AvailabilityProberContainerName {
			out = append(out, c)
		}
	}
	spec.InitContainers = out
	return nil
}

// proberInPlace reports whether cs already starts with prober and holds no
// other container of its name.
func proberInPlace(cs []corev1.Container, prober *corev1.Container) bool {
	if len(cs) == 0 || !reflect.DeepEqual(&cs[0], prober) {
		return false
	}
	for i := 1; i < len(cs); i++ {
		if cs[i].Name == AvailabilityProberContainerName {
			return false
		}
	}
	return true
}
