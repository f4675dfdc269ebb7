package podspec_test

import (
	"encoding/json"
	"fmt"

	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
	"github.com/hcpkit/hcpkit/pkg/podspec"
)

func ExampleAddAvailabilityProber() {
	spec := &corev1.PodSpec{
		InitContainers: []corev1.Container{{Name: "setup"}, {Name: "availability-prober", Image: "old"}},
		Containers:     []corev1.Container{{Name: "main"}},
	}
	for range 2 { // idempotent
		err := podspec.AddAvailabilityProber("https://kube-apiserver:6443/readyz", "cpo:latest", spec,
			podspec.WithKubeconfigVolume("kubeconfig"),
			podspec.WithRequiredAPIs(schema.GroupVersionKind{Group: "config.openshift.io", Version: "v1", Kind: "Infrastructure"}),
		)
		if err != nil {
			fmt.Println(err)
		}
	}
	for _, c := range spec.InitContainers {
		fmt.Println(c.Name, c.Image, c.Command)
	}
	fmt.Println(podspec.AddAvailabilityProber("t", "img", nil))
	// Output:
	// availability-prober cpo:latest [/usr/bin/control-plane-operator availability-prober --target https://kube-apiserver:6443/readyz --kubeconfig=/var/kubeconfig/kubeconfig --required-api=config.openshift.io,v1,Infrastructure]
	// setup  []
	// availability prober: podspec: nil object
}

func ExampleVolumeMounts() {
	mounts := podspec.VolumeMounts{
		"kube-apiserver": {
			"kubeconfig": "/etc/kubernetes/secrets/kubeconfig",
			"audit":      "/var/log/audit",
		},
	}
	for _, m := range mounts.ContainerMounts("kube-apiserver") {
		fmt.Println(m.Name, m.MountPath)
	}
	fmt.Println(mounts.Path("kube-apiserver", "audit"))
	_, err := mounts.Lookup("kube-apiserver", "certs")
	fmt.Println(err)
	// Output:
	// audit /var/log/audit
	// kubeconfig /etc/kubernetes/secrets/kubeconfig
	// /var/log/audit
	// podspec: volume not found: "certs" is not mounted in container "kube-apiserver"
}

func ExampleReconcilePodDisruptionBudget() {
	pdb := &policyv1.PodDisruptionBudget{}
	for _, policy := range []hyperv1.AvailabilityPolicy{hyperv1.SingleReplica, hyperv1.HighlyAvailable, ""} {
		if err := podspec.ReconcilePodDisruptionBudget(pdb, policy); err != nil {
			fmt.Println(err)
		}
		out, _ := json.Marshal(pdb.Spec)
		fmt.Printf("%q: %s\n", policy, out)
	}
	// Output:
	// "SingleReplica": {"minAvailable":1}
	// "HighlyAvailable": {"maxUnavailable":1}
	// "": {}
}
