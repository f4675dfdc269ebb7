package podspec

import (
	"fmt"
	"reflect"
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

var benchOpts = []AvailabilityProberOpt{
	WithKubeconfigVolume("kubeconfig"),
	WithRequiredAPIs(
		schema.GroupVersionKind{Group: "config.openshift.io", Version: "v1", Kind: "Infrastructure"},
		schema.GroupVersionKind{Version: "v1", Kind: "Node"},
	),
	WithWaitForInfrastructureResource(),
}

// BenchmarkAvailabilityProberContainer builds the prober container alone.
func BenchmarkAvailabilityProberContainer(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = AvailabilityProberContainer("https://kube-apiserver:6443/readyz", "cpo", benchOpts...)
	}
}

// BenchmarkAddAvailabilityProber measures the three situations a reconciler
// meets: a fresh pod spec, one already up to date (the steady state), and one
// with a stale prober that must be replaced.
func BenchmarkAddAvailabilityProber(b *testing.B) {
	const target, image = "https://kube-apiserver:6443/readyz", "cpo"
	base := []corev1.Container{{Name: "setup", Image: "busybox"}, {Name: "wait", Image: "busybox"}}

	b.Run("fresh", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			spec := corev1.PodSpec{InitContainers: base}
			if err := AddAvailabilityProber(target, image, &spec, benchOpts...); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("steady", func(b *testing.B) {
		spec := corev1.PodSpec{InitContainers: base}
		if err := AddAvailabilityProber(target, image, &spec, benchOpts...); err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			if err := AddAvailabilityProber(target, image, &spec, benchOpts...); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("stale", func(b *testing.B) {
		stale := append([]corev1.Container{{Name: AvailabilityProberContainerName, Image: "old"}}, base...)
		b.ReportAllocs()
		for b.Loop() {
			spec := corev1.PodSpec{InitContainers: stale}
			if err := AddAvailabilityProber(target, image, &spec, benchOpts...); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// legacyStyleProber reproduces, for comparison only, the way v0.1.40 placed
// the prober: build the container with fmt.Sprintf flags, prepend an empty
// slot unless the first init container is already named like the prober, and
// overwrite that slot when it differs.
func legacyStyleProber(target, image string, spec *corev1.PodSpec, o ...AvailabilityProberOpt) {
	var opts AvailabilityProberOpts
	for _, opt := range o {
		opt(&opts)
	}
	c := corev1.Container{
		Name:            AvailabilityProberContainerName,
		Image:           image,
		ImagePullPolicy: corev1.PullIfNotPresent,
		Command:         []string{proberBinary, "availability-prober", "--target", target},
	}
	if opts.KubeconfigVolumeName != "" {
		c.VolumeMounts = append(c.VolumeMounts, corev1.VolumeMount{Name: opts.KubeconfigVolumeName, MountPath: proberKubeconfigDir})
		c.Command = append(c.Command, proberKubeconfigFlag)
		for _, api := range opts.RequiredAPIs {
			c.Command = append(c.Command, fmt.Sprintf("--required-api=%s,%s,%s", api.Group, api.Version, api.Kind))
		}
	}
	if opts.WaitForInfrastructureResource {
		c.Command = append(c.Command, "--wait-for-infrastructure-resource")
	}
	if opts.WaitForLabeledPodsGone != "" {
		c.Command = append(c.Command, fmt.Sprintf("--wait-for-labeled-pods-gone=%s", opts.WaitForLabeledPodsGone))
	}
	if len(spec.InitContainers) == 0 || spec.InitContainers[0].Name != AvailabilityProberContainerName {
		spec.InitContainers = append([]corev1.Container{{}}, spec.InitContainers...)
	}
	if !reflect.DeepEqual(spec.InitContainers[0], c) {
		spec.InitContainers[0] = c
	}
}

// BenchmarkLegacyStyleProber is the v0.1.40 algorithm on the same inputs as
// BenchmarkAddAvailabilityProber, for docs/performance.md.
func BenchmarkLegacyStyleProber(b *testing.B) {
	const target, image = "https://kube-apiserver:6443/readyz", "cpo"
	base := []corev1.Container{{Name: "setup", Image: "busybox"}, {Name: "wait", Image: "busybox"}}
	b.Run("fresh", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			spec := corev1.PodSpec{InitContainers: base}
			legacyStyleProber(target, image, &spec, benchOpts...)
		}
	})
	b.Run("steady", func(b *testing.B) {
		spec := corev1.PodSpec{InitContainers: base}
		legacyStyleProber(target, image, &spec, benchOpts...)
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			legacyStyleProber(target, image, &spec, benchOpts...)
		}
	})
}
