package podspec

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/utils/ptr"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
)

func TestBuilders(t *testing.T) {
	setName := func(c *corev1.Container) { c.Name = "x" }
	if got := BuildContainer(&corev1.Container{Image: "i"}, setName); got.Name != "x" || got.Image != "i" {
		t.Errorf("BuildContainer = %+v", got)
	}
	if got := BuildContainer(nil, setName); got.Name != "x" {
		t.Errorf("BuildContainer(nil) = %+v", got)
	}
	if got := BuildContainer(&corev1.Container{Name: "keep"}, nil); got.Name != "keep" {
		t.Errorf("BuildContainer(nil fn) = %+v", got)
	}

	setVol := func(v *corev1.Volume) { v.EmptyDir = &corev1.EmptyDirVolumeSource{} }
	if got := BuildVolume(&corev1.Volume{Name: "v"}, setVol); got.Name != "v" || got.EmptyDir == nil {
		t.Errorf("BuildVolume = %+v", got)
	}
	if got := BuildVolume(nil, nil); !reflect.DeepEqual(got, corev1.Volume{}) {
		t.Errorf("BuildVolume(nil, nil) = %+v", got)
	}

	proj := []corev1.VolumeProjection{{Secret: &corev1.SecretProjection{LocalObjectReference: corev1.LocalObjectReference{Name: "s"}}}}
	setProj := func(v *corev1.Volume, p []corev1.VolumeProjection) {
		v.Projected = &corev1.ProjectedVolumeSource{Sources: p}
	}
	got := BuildProjectedVolume(&corev1.Volume{Name: "p"}, proj, setProj)
	if got.Projected == nil || !reflect.DeepEqual(got.Projected.Sources, proj) {
		t.Errorf("BuildProjectedVolume = %+v", got)
	}
	if got := BuildProjectedVolume(nil, proj, nil); !reflect.DeepEqual(got, corev1.Volume{}) {
		t.Errorf("BuildProjectedVolume(nil, _, nil) = %+v", got)
	}
}

func TestFindContainer(t *testing.T) {
	cs := []corev1.Container{{Name: "a"}, {Name: "b"}, {Name: "b", Image: "second"}}
	c := FindContainer("b", cs)
	if c == nil || c.Image != "" {
		t.Fatalf("FindContainer(b) = %+v, want the first b", c)
	}
	c.Image = "changed"
	if cs[1].Image != "changed" {
		t.Error("FindContainer does not alias the slice")
	}
	if FindContainer("z", cs) != nil || FindContainer("a", nil) != nil {
		t.Error("FindContainer found a missing container")
	}
}

func TestAvailabilityProberOptions(t *testing.T) {
	gvks := []schema.GroupVersionKind{{Group: "config.openshift.io", Version: "v1", Kind: "Infrastructure"}, {Version: "v1", Kind: "Node"}}
	fromFields := AvailabilityProberContainer("t", "img", func(o *AvailabilityProberOpts) {
		o.KubeconfigVolumeName = "kc"
		o.RequiredAPIs = gvks
		o.WaitForInfrastructureResource = true
		o.WaitForLabeledPodsGone = "ns/app=x"
	})
	fromHelpers := AvailabilityProberContainer("t", "img",
		WithKubeconfigVolume("kc"), WithRequiredAPIs(gvks[0]), WithRequiredAPIs(gvks[1]),
		WithWaitForInfrastructureResource(), WithWaitForLabeledPodsGone("ns/app=x"), nil)
	if !reflect.DeepEqual(fromFields, fromHelpers) {
		t.Errorf("option helpers differ:\n%+v\n%+v", fromFields, fromHelpers)
	}
	wantCmd := []string{
		"/usr/bin/control-plane-operator", "availability-prober", "--target", "t",
		"--kubeconfig=/var/kubeconfig/kubeconfig",
		"--required-api=config.openshift.io,v1,Infrastructure", "--required-api=,v1,Node",
		"--wait-for-infrastructure-resource", "--wait-for-labeled-pods-gone=ns/app=x",
	}
	if !reflect.DeepEqual(fromHelpers.Command, wantCmd) {
		t.Errorf("command %q, want %q", fromHelpers.Command, wantCmd)
	}
	if cap(fromHelpers.Command) != len(fromHelpers.Command) {
		t.Errorf("command capacity %d for %d flags", cap(fromHelpers.Command), len(fromHelpers.Command))
	}

	// The wait flags do not need a kubeconfig volume; required APIs do.
	noKubeconfig := AvailabilityProberContainer("t", "img", WithRequiredAPIs(gvks...), WithWaitForInfrastructureResource())
	wantCmd = []string{"/usr/bin/control-plane-operator", "availability-prober", "--target", "t", "--wait-for-infrastructure-resource"}
	if !reflect.DeepEqual(noKubeconfig.Command, wantCmd) || noKubeconfig.VolumeMounts != nil {
		t.Errorf("without kubeconfig: %+v", noKubeconfig)
	}
}

func TestAddAvailabilityProberPlacement(t *testing.T) {
	prober := AvailabilityProberContainer("t", "img")
	stale := corev1.Container{Name: AvailabilityProberContainerName, Image: "old"}
	setup := corev1.Container{Name: "setup"}
	other := corev1.Container{Name: "other"}
	tests := []struct {
		name string
		in   []corev1.Container
		want []string
	}{
		{"none", nil, []string{"availability-prober"}},
		{"others only", []corev1.Container{setup, other}, []string{"availability-prober", "setup", "other"}},
		{"stale first", []corev1.Container{stale, setup}, []string{"availability-prober", "setup"}},
		{"current first", []corev1.Container{prober, setup}, []string{"availability-prober", "setup"}},
		{"at index 1", []corev1.Container{setup, prober}, []string{"availability-prober", "setup"}},
		{"last", []corev1.Container{setup, other, stale}, []string{"availability-prober", "setup", "other"}},
		{"several", []corev1.Container{stale, setup, prober, other, stale}, []string{"availability-prober", "setup", "other"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := &corev1.PodSpec{InitContainers: tt.in}
			snapshot := append([]corev1.Container(nil), tt.in...)
			checkTwice(t, spec, nil, func() error { return AddAvailabilityProber("t", "img", spec) })
			if got := containerNames(spec.InitContainers); !equalStrings(got, tt.want) {
				t.Errorf("init containers %v, want %v", got, tt.want)
			}
			assertSingleFirstProber(t, spec.InitContainers, prober)
			if !reflect.DeepEqual(tt.in, snapshot) {
				t.Error("the caller's original slice was modified")
			}
		})
	}
	if err := AddAvailabilityProber("t", "img", nil); !errors.Is(err, ErrNilObject) {
		t.Errorf("nil spec: error %v", err)
	}
}

func TestAddAvailabilityProberKeepsSliceWhenInPlace(t *testing.T) {
	spec := &corev1.PodSpec{}
	if err := AddAvailabilityProber("t", "img", spec); err != nil {
		t.Fatal(err)
	}
	before := &spec.InitContainers[0]
	if err := AddAvailabilityProber("t", "img", spec); err != nil {
		t.Fatal(err)
	}
	if &spec.InitContainers[0] != before {
		t.Error("an up-to-date prober was rebuilt")
	}
}

func TestApplyCloudProviderCredsUpdatesByName(t *testing.T) {
	creds := &corev1.LocalObjectReference{Name: "new-creds"}
	spec := &corev1.PodSpec{
		Volumes: []corev1.Volume{
			{Name: CloudCredsVolumeName, VolumeSource: corev1.VolumeSource{Secret: &corev1.SecretVolumeSource{SecretName: "old-creds"}}},
		},
		Containers: []corev1.Container{
			{
				Name:         "kcm",
				Env:          []corev1.EnvVar{{Name: "AWS_SDK_LOAD_CONFIG", Value: "false"}, {Name: "KEEP", Value: "1"}},
				VolumeMounts: []corev1.VolumeMount{{Name: CloudCredsVolumeName, MountPath: "/old"}},
			},
			{Name: TokenMinterContainerName, Image: "old-minter"},
		},
	}
	checkTwice(t, spec, nil, func() error { return ApplyCloudProviderCreds(spec, "aws", creds, "minter:2", "kcm") })

	if n := len(spec.Volumes); n != 2 || spec.Volumes[0].Secret.SecretName != "new-creds" || spec.Volumes[1].Name != CloudTokenVolumeName {
		t.Errorf("volumes %+v", spec.Volumes)
	}
	kcm := spec.Containers[0]
	wantEnv := []corev1.EnvVar{
		{Name: "AWS_SDK_LOAD_CONFIG", Value: "true"},
		{Name: "KEEP", Value: "1"},
		{Name: "AWS_SHARED_CREDENTIALS_FILE", Value: "/etc/kubernetes/secrets/cloud-provider/credentials"},
		{Name: "AWS_EC2_METADATA_DISABLED", Value: "true"},
	}
	if !reflect.DeepEqual(kcm.Env, wantEnv) {
		t.Errorf("env %+v", kcm.Env)
	}
	wantMounts := []corev1.VolumeMount{
		{Name: CloudCredsVolumeName, MountPath: CloudCredsMountPath},
		{Name: CloudTokenVolumeName, MountPath: CloudTokenMountPath},
	}
	if !reflect.DeepEqual(kcm.VolumeMounts, wantMounts) {
		t.Errorf("mounts %+v", kcm.VolumeMounts)
	}
	if got := containerNames(spec.Containers); !equalStrings(got, []string{"kcm", TokenMinterContainerName}) {
		t.Errorf("containers %v", got)
	}
	if spec.Containers[1].Image != "minter:2" {
		t.Errorf("token minter not updated: %+v", spec.Containers[1])
	}
}

func TestApplyCloudProviderCredsErrors(t *testing.T) {
	creds := &corev1.LocalObjectReference{Name: "c"}
	if err := ApplyCloudProviderCreds(nil, "aws", creds, "tm", "c"); !errors.Is(err, ErrNilObject) {
		t.Errorf("nil spec: %v", err)
	}
	if err := ApplyCloudProviderCreds(nil, "aws", nil, "tm", "c"); err != nil {
		t.Errorf("nil creds are a no-op, got %v", err)
	}
	spec := &corev1.PodSpec{}
	checkUnchanged(t, spec, ErrContainerNotFound, func() error {
		return ApplyCloudProviderCreds(spec, "aws", creds, "tm", "missing")
	})
	err := ApplyCloudProviderCreds(spec, "aws", creds, "tm", "missing")
	if !strings.Contains(err.Error(), `"missing"`) {
		t.Errorf("error does not name the container: %v", err)
	}
}

func deploymentWith(cs ...corev1.Container) *appsv1.Deployment {
	return &appsv1.Deployment{Spec: appsv1.DeploymentSpec{Template: corev1.PodTemplateSpec{Spec: corev1.PodSpec{Containers: cs}}}}
}

func TestDeploymentHelpersUpdateByName(t *testing.T) {
	t.Run("trust bundle", func(t *testing.T) {
		d := deploymentWith(corev1.Container{Name: "a", VolumeMounts: []corev1.VolumeMount{{Name: TrustBundleVolumeName, MountPath: "/old"}}})
		d.Spec.Template.Spec.Volumes = []corev1.Volume{{Name: TrustBundleVolumeName}}
		checkTwice(t, d, nil, func() error { return AddTrustBundleVolume(&corev1.LocalObjectReference{Name: "ca"}, d) })
		vols := d.Spec.Template.Spec.Volumes
		if len(vols) != 1 || vols[0].ConfigMap == nil || vols[0].ConfigMap.Name != "ca" {
			t.Errorf("volumes %+v", vols)
		}
		mounts := d.Spec.Template.Spec.Containers[0].VolumeMounts
		if len(mounts) != 1 || mounts[0].MountPath != TrustBundleMountPath || !mounts[0].ReadOnly {
			t.Errorf("mounts %+v", mounts)
		}
		// A new reference replaces the old one.
		if err := AddTrustBundleVolume(&corev1.LocalObjectReference{Name: "ca2"}, d); err != nil {
			t.Fatal(err)
		}
		if vols := d.Spec.Template.Spec.Volumes; len(vols) != 1 || vols[0].ConfigMap.Name != "ca2" {
			t.Errorf("volumes after new reference %+v", vols)
		}
	})
	t.Run("kubevirt flag replaced", func(t *testing.T) {
		d := deploymentWith(corev1.Container{Name: "a", Command: []string{"/bin/x", "--kubevirt-infra-kubeconfig=/old", "--other"}})
		checkTwice(t, d, nil, func() error { return AddKubevirtInfraCredentials(d) })
		want := []string{"/bin/x", "--kubevirt-infra-kubeconfig=/etc/kubernetes/kubevirt-infra-kubeconfig/kubeconfig", "--other"}
		if got := d.Spec.Template.Spec.Containers[0].Command; !reflect.DeepEqual(got, want) {
			t.Errorf("command %q, want %q", got, want)
		}
	})
	t.Run("trusted CA", func(t *testing.T) {
		d := deploymentWith(corev1.Container{Name: "a"}, corev1.Container{Name: "b"})
		checkTwice(t, d, nil, func() error { return AddOpenShiftTrustedCABundleConfigMap(d) })
		if n := len(d.Spec.Template.Spec.Volumes); n != 1 {
			t.Errorf("%d volumes", n)
		}
		if m := d.Spec.Template.Spec.Containers[1].VolumeMounts; m != nil {
			t.Errorf("second container got mounts %+v", m)
		}
	})
}

func TestDeploymentHelpersErrors(t *testing.T) {
	ref := &corev1.LocalObjectReference{Name: "ca"}
	helpers := map[string]func(*appsv1.Deployment) error{
		"trust bundle": func(d *appsv1.Deployment) error { return AddTrustBundleVolume(ref, d) },
		"kubevirt":     AddKubevirtInfraCredentials,
		"trusted CA":   AddOpenShiftTrustedCABundleConfigMap,
	}
	for name, add := range helpers {
		t.Run(name, func(t *testing.T) {
			if err := add(nil); !errors.Is(err, ErrNilObject) {
				t.Errorf("nil deployment: %v", err)
			}
			d := deploymentWith()
			d.Spec.Template.Spec.Volumes = []corev1.Volume{{Name: "v"}}
			checkUnchanged(t, d, ErrNoContainers, func() error { return add(d) })
		})
	}
	d := deploymentWith(corev1.Container{Name: "a"})
	checkUnchanged(t, d, ErrNilObject, func() error { return AddTrustBundleVolume(nil, d) })
}

func TestVolumeMounts(t *testing.T) {
	m := VolumeMounts{"kas": {"certs": "/etc/certs"}}
	if p, err := m.Lookup("kas", "certs"); err != nil || p != "/etc/certs" {
		t.Errorf("Lookup = %q, %v", p, err)
	}
	if _, err := m.Lookup("other", "certs"); !errors.Is(err, ErrContainerNotFound) {
		t.Errorf("unknown container: %v", err)
	}
	if _, err := m.Lookup("kas", "nope"); !errors.Is(err, ErrVolumeNotFound) {
		t.Errorf("unknown volume: %v", err)
	}
	var nilMounts VolumeMounts
	if _, err := nilMounts.Lookup("kas", "certs"); !errors.Is(err, ErrContainerNotFound) {
		t.Errorf("nil map: %v", err)
	}
	if got := m.Path("kas", "certs"); got != "/etc/certs" {
		t.Errorf("Path = %q", got)
	}
	for _, tc := range [][2]string{{"other", "certs"}, {"kas", "nope"}} {
		func() {
			defer func() {
				if r := recover(); r == nil {
					t.Errorf("Path(%q, %q) did not panic", tc[0], tc[1])
				}
			}()
			m.Path(tc[0], tc[1])
		}()
	}
}

func TestReadiness(t *testing.T) {
	ready := appsv1.DeploymentStatus{ObservedGeneration: 2, Replicas: 3, UpdatedReplicas: 3, ReadyReplicas: 3, AvailableReplicas: 3}
	tests := []struct {
		name     string
		replicas *int32
		mutate   func(*appsv1.DeploymentStatus)
		want     bool
	}{
		{"ready", ptr.To[int32](3), nil, true},
		{"old generation", ptr.To[int32](3), func(s *appsv1.DeploymentStatus) { s.ObservedGeneration = 1 }, false},
		{"not all available", ptr.To[int32](3), func(s *appsv1.DeploymentStatus) { s.AvailableReplicas = 2 }, false},
		{"not all ready", ptr.To[int32](3), func(s *appsv1.DeploymentStatus) { s.ReadyReplicas = 2 }, false},
		{"not all updated", ptr.To[int32](3), func(s *appsv1.DeploymentStatus) { s.UpdatedReplicas = 2 }, false},
		{"surplus old pod", ptr.To[int32](3), func(s *appsv1.DeploymentStatus) { s.Replicas = 4 }, false},
		{"unavailable reported", ptr.To[int32](3), func(s *appsv1.DeploymentStatus) { s.UnavailableReplicas = 1 }, false},
		{"scaled to zero", ptr.To[int32](0), func(s *appsv1.DeploymentStatus) { *s = appsv1.DeploymentStatus{ObservedGeneration: 2} }, true},
		{"nil replicas means one", nil, func(s *appsv1.DeploymentStatus) {
			*s = appsv1.DeploymentStatus{ObservedGeneration: 2, Replicas: 1, UpdatedReplicas: 1, ReadyReplicas: 1, AvailableReplicas: 1}
		}, true},
		{"nil replicas, nothing running", nil, func(s *appsv1.DeploymentStatus) { *s = appsv1.DeploymentStatus{ObservedGeneration: 2} }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status := ready
			if tt.mutate != nil {
				tt.mutate(&status)
			}
			d := &appsv1.Deployment{Spec: appsv1.DeploymentSpec{Replicas: tt.replicas}, Status: status}
			d.Generation = 2
			if got := DeploymentReady(d); got != tt.want {
				t.Errorf("DeploymentReady = %v, want %v", got, tt.want)
			}
			if status.UnavailableReplicas != 0 {
				return // no StatefulSet counterpart
			}
			s := &appsv1.StatefulSet{
				Spec: appsv1.StatefulSetSpec{Replicas: tt.replicas},
				Status: appsv1.StatefulSetStatus{
					ObservedGeneration: status.ObservedGeneration, Replicas: status.Replicas,
					UpdatedReplicas: status.UpdatedReplicas, ReadyReplicas: status.ReadyReplicas,
					AvailableReplicas: status.AvailableReplicas,
				},
			}
			s.Generation = 2
			if got := StatefulSetReady(s); got != tt.want {
				t.Errorf("StatefulSetReady = %v, want %v", got, tt.want)
			}
		})
	}
	if DeploymentReady(nil) || StatefulSetReady(nil) {
		t.Error("nil workload reported ready")
	}
}

func TestReconcilePodDisruptionBudget(t *testing.T) {
	if err := ReconcilePodDisruptionBudget(nil, hyperv1.SingleReplica); !errors.Is(err, ErrNilObject) {
		t.Errorf("nil pdb: %v", err)
	}
	pdb := &policyv1.PodDisruptionBudget{}
	pdb.Name = "kas"
	for _, policy := range []hyperv1.AvailabilityPolicy{hyperv1.SingleReplica, hyperv1.HighlyAvailable, hyperv1.SingleReplica} {
		if err := ReconcilePodDisruptionBudget(pdb, policy); err != nil {
			t.Fatal(err)
		}
	}
	one := intstr.FromInt32(1)
	if !reflect.DeepEqual(pdb.Spec.MinAvailable, &one) || pdb.Spec.MaxUnavailable != nil || pdb.Name != "kas" {
		t.Errorf("pdb %+v", pdb)
	}
}

func TestEnsurePullSecret(t *testing.T) {
	sa := &corev1.ServiceAccount{ImagePullSecrets: []corev1.LocalObjectReference{{Name: "a"}}}
	checkTwice(t, sa, nil, func() error { return EnsurePullSecret(sa, "b") })
	if got := sa.ImagePullSecrets; !reflect.DeepEqual(got, []corev1.LocalObjectReference{{Name: "a"}, {Name: "b"}}) {
		t.Errorf("pull secrets %+v", got)
	}
	if err := EnsurePullSecret(nil, "b"); !errors.Is(err, ErrNilObject) {
		t.Errorf("nil service account: %v", err)
	}
	checkUnchanged(t, sa, ErrEmptyName, func() error { return EnsurePullSecret(sa, "") })
}
