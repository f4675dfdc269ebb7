package podspec

import (
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
