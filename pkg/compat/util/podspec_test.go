package util_test

import (
	"context"
	"encoding/json"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
	util "github.com/hcpkit/hcpkit/pkg/compat/util"
)

// Compile-time checks that the facade keeps the v0.1.40 signatures.
var (
	_ func(*corev1.Container, func(*corev1.Container)) corev1.Container                                              = util.BuildContainer
	_ func(string, []corev1.Container) *corev1.Container                                                             = util.FindContainer
	_ func(*corev1.Volume, func(*corev1.Volume)) corev1.Volume                                                       = util.BuildVolume
	_ func(*corev1.Volume, []corev1.VolumeProjection, func(*corev1.Volume, []corev1.VolumeProjection)) corev1.Volume = util.BuildProjectedVolume
	_ func(string, string, *corev1.PodSpec, ...util.AvailabilityProberOpt)                                           = util.AvailabilityProber
	_ func(*corev1.PodSpec, string, *corev1.LocalObjectReference, string, string)                                    = util.ApplyCloudProviderCreds
	_ func(*corev1.LocalObjectReference, *appsv1.Deployment)                                                         = util.DeploymentAddTrustBundleVolume
	_ func(*appsv1.Deployment)                                                                                       = util.DeploymentAddKubevirtInfraCredentials
	_ func(*appsv1.Deployment)                                                                                       = util.DeploymentAddOpenShiftTrustedCABundleConfigMap
	_ func(context.Context, *appsv1.Deployment) bool                                                                 = util.IsDeploymentReady
	_ func(*appsv1.StatefulSet) bool                                                                                 = util.IsStatefulSetReady
	_ func(*policyv1.PodDisruptionBudget, hyperv1.AvailabilityPolicy)                                                = util.ReconcilePodDisruptionBudget
	_ func(*corev1.ServiceAccount, string)                                                                           = util.EnsurePullSecret
	_ func(util.PodVolumeMounts, string, string) string                                                              = util.PodVolumeMounts.Path
	_ func(util.PodVolumeMounts, string) []corev1.VolumeMount                                                        = util.PodVolumeMounts.ContainerMounts
	_ util.AvailabilityProberOpt                                                                                     = func(*util.AvailabilityProberOpts) {}
	_ util.PodVolumeMounts                                                                                           = map[string]util.ContainerVolumeMounts{}
	_ util.ContainerVolumeMounts                                                                                     = map[string]string{}
	_                                                                                                                = util.AvailabilityProberOpts{KubeconfigVolumeName: "", RequiredAPIs: []schema.GroupVersionKind{}, WaitForInfrastructureResource: false, WaitForLabeledPodsGone: ""}
)

func TestPodspecConstants(t *testing.T) {
	for got, want := range map[string]string{
		util.CPOImageName:                "controlplane-operator",
		util.CPPKIOImageName:             "controlplane-pki-operator",
		util.AvailabilityProberImageName: "availability-prober",
		util.KubeconfigKey:               "kubeconfig",
		util.AWSCloudProviderName:        "aws",
	} {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

func podspecJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestAvailabilityProberFacade(t *testing.T) {
	// Vector "no opts, no init containers" of v0.1.40, applied twice.
	spec := &corev1.PodSpec{Containers: []corev1.Container{{Name: "main", Image: "x"}}}
	for range 2 {
		util.AvailabilityProber("https://kube-apiserver:6443/readyz", "quay.io/hypershift/cpo:latest", spec)
	}
	want := `{"initContainers":[{"name":"availability-prober","image":"quay.io/hypershift/cpo:latest","command":["/usr/bin/control-plane-operator","availability-prober","--target","https://kube-apiserver:6443/readyz"],"resources":{},"imagePullPolicy":"IfNotPresent"}],"containers":[{"name":"main","image":"x","resources":{}}]}`
	if got := podspecJSON(t, spec); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	util.AvailabilityProber("t", "i", nil) // nil spec: no panic
}

func TestReconcilePodDisruptionBudgetFacade(t *testing.T) {
	pdb := &policyv1.PodDisruptionBudget{}
	util.ReconcilePodDisruptionBudget(pdb, hyperv1.SingleReplica)
	if got, want := podspecJSON(t, pdb.Spec), `{"minAvailable":1}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	util.ReconcilePodDisruptionBudget(nil, hyperv1.SingleReplica) // no panic
}

// TestPodspecFacadeLeavesBadInputUnchanged covers the inputs on which v0.1.40
// panicked: the facade returns and the object is as it was.
func TestPodspecFacadeLeavesBadInputUnchanged(t *testing.T) {
	noContainers := func() *appsv1.Deployment { return &appsv1.Deployment{} }
	tests := []struct {
		name  string
		obj   any
		apply func(obj any)
	}{
		{"trust bundle, no containers", noContainers(), func(o any) {
			util.DeploymentAddTrustBundleVolume(&corev1.LocalObjectReference{Name: "ca"}, o.(*appsv1.Deployment))
		}},
		{"trust bundle, nil reference", &appsv1.Deployment{Spec: appsv1.DeploymentSpec{Template: corev1.PodTemplateSpec{Spec: corev1.PodSpec{Containers: []corev1.Container{{Name: "a"}}}}}}, func(o any) {
			util.DeploymentAddTrustBundleVolume(nil, o.(*appsv1.Deployment))
		}},
		{"kubevirt, no containers", noContainers(), func(o any) {
			util.DeploymentAddKubevirtInfraCredentials(o.(*appsv1.Deployment))
		}},
		{"trusted CA, no containers", noContainers(), func(o any) {
			util.DeploymentAddOpenShiftTrustedCABundleConfigMap(o.(*appsv1.Deployment))
		}},
		{"cloud creds, missing container", &corev1.PodSpec{Containers: []corev1.Container{{Name: "other"}}}, func(o any) {
			util.ApplyCloudProviderCreds(o.(*corev1.PodSpec), "aws", &corev1.LocalObjectReference{Name: "creds"}, "tm", "missing")
		}},
		{"pull secret, empty name", &corev1.ServiceAccount{}, func(o any) {
			util.EnsurePullSecret(o.(*corev1.ServiceAccount), "")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := podspecJSON(t, tt.obj)
			tt.apply(tt.obj)
			if after := podspecJSON(t, tt.obj); after != before {
				t.Errorf("changed:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
	// nil objects: no panic.
	util.DeploymentAddTrustBundleVolume(nil, nil)
	util.DeploymentAddKubevirtInfraCredentials(nil)
	util.DeploymentAddOpenShiftTrustedCABundleConfigMap(nil)
	util.ApplyCloudProviderCreds(nil, "aws", &corev1.LocalObjectReference{Name: "c"}, "tm", "c")
	util.EnsurePullSecret(nil, "s")
	if util.IsDeploymentReady(context.Background(), nil) || util.IsStatefulSetReady(nil) {
		t.Error("nil workload reported ready")
	}
}

func TestPodVolumeMountsFacade(t *testing.T) {
	m := util.PodVolumeMounts{"kas": {"certs": "/etc/certs"}}
	if got := m.Path("kas", "certs"); got != "/etc/certs" {
		t.Errorf("Path = %q", got)
	}
	if _, err := m.Lookup("kas", "nope"); err == nil {
		t.Error("Lookup of an unknown volume: no error")
	}
	if got := podspecJSON(t, m.ContainerMounts("other")); got != "[]" {
		t.Errorf("ContainerMounts = %s", got)
	}
}
