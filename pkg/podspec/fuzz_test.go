package podspec

import (
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// FuzzAddAvailabilityProber checks, for any list of init container names
// (comma separated, "availability-prober" among them or not), that the prober
// ends up the single first init container, the other init containers keep
// their order, and a second call changes nothing.
func FuzzAddAvailabilityProber(f *testing.F) {
	f.Add("", "t", "img", "")
	f.Add("setup", "https://kube-apiserver:6443/readyz", "cpo", "kubeconfig")
	f.Add("setup,availability-prober", "t", "img", "")
	f.Add("availability-prober,a,availability-prober,b,availability-prober", "t", "", "kc")
	f.Fuzz(func(t *testing.T, names, target, image, kubeconfigVolume string) {
		var in []corev1.Container
		var others []string
		if names != "" {
			for _, n := range strings.Split(names, ",") {
				in = append(in, corev1.Container{Name: n, Image: "old"})
				if n != AvailabilityProberContainerName {
					others = append(others, n)
				}
			}
		}
		spec := &corev1.PodSpec{InitContainers: in}
		opt := WithKubeconfigVolume(kubeconfigVolume)
		if err := AddAvailabilityProber(target, image, spec, opt); err != nil {
			t.Fatal(err)
		}
		assertSingleFirstProber(t, spec.InitContainers, AvailabilityProberContainer(target, image, opt))
		if got := containerNames(spec.InitContainers[1:]); !equalStrings(got, others) {
			t.Fatalf("other init containers %q, want %q", got, others)
		}
		once := marshal(t, spec)
		if err := AddAvailabilityProber(target, image, spec, opt); err != nil {
			t.Fatal(err)
		}
		if twice := marshal(t, spec); string(twice) != string(once) {
			t.Fatalf("second call changed the spec:\n%s\n%s", once, twice)
		}
	})
}
