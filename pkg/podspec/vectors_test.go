package podspec

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"

	"github.com/hcpkit/hcpkit/internal/vectors"
	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
)

// vectorFile holds the cases measured on the legacy v0.1.40 implementation;
// Load compacts Out to the bytes json.Marshal wrote.
const vectorFile = "testdata/legacy-v0.1.40.json"

func marshal(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// normalise decodes a measured object into v (a pointer to its Go type) and
// returns v's JSON. The k8s.io/api version in use leaves a zero
// metadata.creationTimestamp out where the version the vectors were measured
// with wrote null; normalise accepts only that difference, so the comparison
// stays field for field.
func normalise(t testing.TB, out []byte, v any) []byte {
	t.Helper()
	vectors.DecodeStrict(t, out, v)
	b := marshal(t, v)
	stripped := bytes.ReplaceAll(out, []byte(`,"creationTimestamp":null`), nil)
	stripped = bytes.ReplaceAll(stripped, []byte(`"creationTimestamp":null`), nil)
	if !bytes.Equal(b, stripped) {
		t.Fatalf("vector differs from its re-encoding beyond creationTimestamp:\n%s\n%s", out, b)
	}
	return b
}

// checkTwice runs apply on the object behind obj, compares its JSON with want
// (when want is not nil), then applies again and requires no change.
func checkTwice(t *testing.T, obj any, want []byte, apply func() error) {
	t.Helper()
	if err := apply(); err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
	got := marshal(t, obj)
	if want != nil && !bytes.Equal(got, want) {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if err := apply(); err != nil {
		t.Fatalf("second application: unexpected error: %v", err)
	}
	if again := marshal(t, obj); !bytes.Equal(again, got) {
		t.Errorf("second application changed the object:\nonce  %s\ntwice %s", got, again)
	}
}

// checkUnchanged requires apply to fail with target and leave obj as it was.
func checkUnchanged(t *testing.T, obj any, target error, apply func() error) {
	t.Helper()
	before := marshal(t, obj)
	err := apply()
	if !errors.Is(err, target) {
		t.Fatalf("error = %v, want %v", err, target)
	}
	if after := marshal(t, obj); !bytes.Equal(before, after) {
		t.Errorf("object changed on error:\nbefore %s\nafter  %s", before, after)
	}
}

func TestApplyCloudProviderCredsVectors(t *testing.T) {
	for _, tc := range vectors.Load(t, vectorFile, "ApplyCloudProviderCreds") {
		t.Run(tc.Name, func(t *testing.T) {
			var in struct {
				CloudProvider    string                       `json:"cloudProvider"`
				ContainerName    string                       `json:"containerName"`
				CredsRef         *corev1.LocalObjectReference `json:"credsRef"`
				PodSpec          corev1.PodSpec               `json:"podSpec"`
				TokenMinterImage string                       `json:"tokenMinterImage"`
			}
			vectors.DecodeStrict(t, tc.In, &in)
			apply := func() error {
				return ApplyCloudProviderCreds(&in.PodSpec, in.CloudProvider, in.CredsRef, in.TokenMinterImage, in.ContainerName)
			}
			if !tc.Target() {
				// v0.1.40 panicked on a missing container.
				checkUnchanged(t, &in.PodSpec, ErrContainerNotFound, apply)
				return
			}
			checkTwice(t, &in.PodSpec, tc.Out, apply)
		})
	}
}

// proberOpts turns the vectors' option objects into options that assign the
// fields present, as the vectors' producer did.
func proberOpts(t *testing.T, raw []json.RawMessage) []AvailabilityProberOpt {
	t.Helper()
	var opts []AvailabilityProberOpt
	for _, r := range raw {
		var fields map[string]json.RawMessage
		vectors.DecodeStrict(t, r, &fields)
		var set AvailabilityProberOpts
		vectors.DecodeStrict(t, r, &set)
		opts = append(opts, func(o *AvailabilityProberOpts) {
			if _, ok := fields["KubeconfigVolumeName"]; ok {
				o.KubeconfigVolumeName = set.KubeconfigVolumeName
			}
			if _, ok := fields["RequiredAPIs"]; ok {
				o.RequiredAPIs = set.RequiredAPIs
			}
			if _, ok := fields["WaitForInfrastructureResource"]; ok {
				o.WaitForInfrastructureResource = set.WaitForInfrastructureResource
			}
			if _, ok := fields["WaitForLabeledPodsGone"]; ok {
				o.WaitForLabeledPodsGone = set.WaitForLabeledPodsGone
			}
		})
	}
	return opts
}

func TestAddAvailabilityProberVectors(t *testing.T) {
	for _, tc := range vectors.Load(t, vectorFile, "AvailabilityProber") {
		t.Run(tc.Name, func(t *testing.T) {
			var in struct {
				Image  string            `json:"image"`
				Opts   []json.RawMessage `json:"opts"`
				Spec   corev1.PodSpec    `json:"spec"`
				Target string            `json:"target"`
			}
			vectors.DecodeStrict(t, tc.In, &in)
			opts := proberOpts(t, in.Opts)
			apply := func() error { return AddAvailabilityProber(in.Target, in.Image, &in.Spec, opts...) }
			if tc.Target() {
				checkTwice(t, &in.Spec, tc.Out, apply)
				return
			}
			// v0.1.40 prepended a second prober when one sat at another
			// index; now the prober is the single first init container.
			checkTwice(t, &in.Spec, nil, apply)
			assertSingleFirstProber(t, in.Spec.InitContainers, AvailabilityProberContainer(in.Target, in.Image, opts...))
			var legacy corev1.PodSpec
			vectors.DecodeStrict(t, tc.Out, &legacy)
			want := []string{AvailabilityProberContainerName, "setup"}
			if got := containerNames(in.Spec.InitContainers); !equalStrings(got, want) {
				t.Errorf("init containers %v, want %v (legacy: %v)", got, want, containerNames(legacy.InitContainers))
			}
		})
	}
}

func containerNames(cs []corev1.Container) []string {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = c.Name
	}
	return names
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func assertSingleFirstProber(t *testing.T, cs []corev1.Container, want corev1.Container) {
	t.Helper()
	if len(cs) == 0 {
		t.Fatal("no init containers")
	}
	if !bytes.Equal(marshal(t, cs[0]), marshal(t, want)) {
		t.Errorf("first init container %s, want %s", marshal(t, cs[0]), marshal(t, want))
	}
	for _, c := range cs[1:] {
		if c.Name == AvailabilityProberContainerName {
			t.Errorf("second availability prober in %v", containerNames(cs))
		}
	}
}

func testDeploymentVectors(t *testing.T, fn string, apply func(in json.RawMessage, d *appsv1.Deployment) error) {
	for _, tc := range vectors.Load(t, vectorFile, fn) {
		t.Run(tc.Name, func(t *testing.T) {
			var in struct {
				Deployment appsv1.Deployment `json:"deployment"`
			}
			var raw map[string]json.RawMessage
			vectors.DecodeStrict(t, tc.In, &raw)
			vectors.DecodeStrict(t, raw["deployment"], &in.Deployment)
			call := func() error { return apply(tc.In, &in.Deployment) }
			if !tc.Target() {
				// v0.1.40 panicked on a deployment without containers.
				checkUnchanged(t, &in.Deployment, ErrNoContainers, call)
				return
			}
			checkTwice(t, &in.Deployment, normalise(t, tc.Out, &appsv1.Deployment{}), call)
		})
	}
}

func TestAddTrustBundleVolumeVectors(t *testing.T) {
	testDeploymentVectors(t, "DeploymentAddTrustBundleVolume", func(in json.RawMessage, d *appsv1.Deployment) error {
		var args struct {
			Ref *corev1.LocalObjectReference `json:"trustBundleConfigMap"`
		}
		if err := json.Unmarshal(in, &args); err != nil {
			return err
		}
		return AddTrustBundleVolume(args.Ref, d)
	})
}

func TestAddKubevirtInfraCredentialsVectors(t *testing.T) {
	testDeploymentVectors(t, "DeploymentAddKubevirtInfraCredentials", func(_ json.RawMessage, d *appsv1.Deployment) error {
		return AddKubevirtInfraCredentials(d)
	})
}

func TestAddOpenShiftTrustedCABundleConfigMapVectors(t *testing.T) {
	testDeploymentVectors(t, "DeploymentAddOpenShiftTrustedCABundleConfigMap", func(_ json.RawMessage, d *appsv1.Deployment) error {
		return AddOpenShiftTrustedCABundleConfigMap(d)
	})
}

func TestContainerMountsVectors(t *testing.T) {
	for _, tc := range vectors.Load(t, vectorFile, "PodVolumeMounts.ContainerMounts") {
		t.Run(tc.Name, func(t *testing.T) {
			var in struct {
				Container string       `json:"container"`
				Mounts    VolumeMounts `json:"podVolumeMounts"`
			}
			vectors.DecodeStrict(t, tc.In, &in)
			if got := marshal(t, in.Mounts.ContainerMounts(in.Container)); !bytes.Equal(got, tc.Out) {
				t.Errorf("got %s, want %s", got, tc.Out)
			}
		})
	}
}

func TestReconcilePodDisruptionBudgetVectors(t *testing.T) {
	for _, tc := range vectors.Load(t, vectorFile, "ReconcilePodDisruptionBudget") {
		t.Run(tc.Name, func(t *testing.T) {
			var in struct {
				Availability string                       `json:"availability"`
				PDB          policyv1.PodDisruptionBudget `json:"pdb"`
			}
			vectors.DecodeStrict(t, tc.In, &in)
			checkTwice(t, &in.PDB.Spec, tc.Out, func() error {
				return ReconcilePodDisruptionBudget(&in.PDB, hyperv1.AvailabilityPolicy(in.Availability))
			})
		})
	}
}

// Ensure the GVK type the vectors use decodes as the legacy field did.
var _ = schema.GroupVersionKind{}
