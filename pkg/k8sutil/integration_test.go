package k8sutil_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	routev1 "github.com/openshift/api/route/v1"
	corev1 "k8s.io/api/core/v1"
	apiequality "k8s.io/apimachinery/pkg/api/equality"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/kubernetes"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/event"
	"sigs.k8s.io/yaml"

	"github.com/hcpkit/hcpkit/internal/testenv"
	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
	"github.com/hcpkit/hcpkit/pkg/events"
	"github.com/hcpkit/hcpkit/pkg/k8sutil"
)

// newNamespace creates a namespace with a generated name for one test.
func newNamespace(t *testing.T, c client.Client) string {
	t.Helper()
	ns := &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{GenerateName: "k8sutil-"}}
	if err := c.Create(context.Background(), ns); err != nil {
		t.Fatal(err)
	}
	return ns.Name
}

func TestDeleteIfNeededIntegration(t *testing.T) {
	c := testenv.Client(t)
	ctx := context.Background()
	ns := newNamespace(t, c)

	t.Run("exists", func(t *testing.T) {
		cm := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "present", Namespace: ns}}
		if err := c.Create(ctx, cm); err != nil {
			t.Fatal(err)
		}
		exists, err := k8sutil.DeleteIfNeeded(ctx, c, &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "present", Namespace: ns}})
		if err != nil || !exists {
			t.Fatalf("= %v, %v; want true, nil", exists, err)
		}
		if err := c.Get(ctx, client.ObjectKeyFromObject(cm), &corev1.ConfigMap{}); !apierrors.IsNotFound(err) {
			t.Errorf("after delete, get: %v; want not found", err)
		}
	})

	t.Run("absent", func(t *testing.T) {
		exists, err := k8sutil.DeleteIfNeeded(ctx, c, &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "absent", Namespace: ns}})
		if err != nil || exists {
			t.Fatalf("= %v, %v; want false, nil", exists, err)
		}
	})

	t.Run("being deleted with a finalizer", func(t *testing.T) {
		const finalizer = "hcpkit.test/hold"
		cm := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "held", Namespace: ns, Finalizers: []string{finalizer}}}
		if err := c.Create(ctx, cm); err != nil {
			t.Fatal(err)
		}
		if err := c.Delete(ctx, cm); err != nil {
			t.Fatal(err)
		}
		target := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "held", Namespace: ns}}
		exists, err := k8sutil.DeleteIfNeeded(ctx, c, target)
		if err != nil || !exists {
			t.Fatalf("= %v, %v; want true, nil", exists, err)
		}
		if target.DeletionTimestamp == nil || !slices.Contains(target.Finalizers, finalizer) {
			t.Errorf("the object was not read into the argument: %+v", target.ObjectMeta)
		}
		still := &corev1.ConfigMap{}
		if err := c.Get(ctx, client.ObjectKeyFromObject(cm), still); err != nil || still.DeletionTimestamp == nil {
			t.Fatalf("the held object should still be there, being deleted: %v %+v", err, still.ObjectMeta)
		}
		still.Finalizers = nil
		if err := c.Update(ctx, still); err != nil {
			t.Fatal(err)
		}
		exists, err = k8sutil.DeleteIfNeeded(ctx, c, &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "held", Namespace: ns}})
		if err != nil || exists {
			t.Errorf("after the finalizer is gone: %v, %v; want false, nil", exists, err)
		}
	})

	t.Run("kind not installed", func(t *testing.T) {
		// Routes are in the scheme but their CRD is not installed here.
		exists, err := k8sutil.DeleteIfNeeded(ctx, c, &routev1.Route{ObjectMeta: metav1.ObjectMeta{Name: "r", Namespace: ns}})
		if err != nil || exists {
			t.Errorf("typed route: %v, %v; want false, nil", exists, err)
		}
		u := &unstructured.Unstructured{}
		u.SetGroupVersionKind(schema.GroupVersionKind{Group: "widgets.hcpkit.test", Version: "v1", Kind: "Widget"})
		u.SetNamespace(ns)
		u.SetName("w")
		exists, err = k8sutil.DeleteIfNeeded(ctx, c, u)
		if err != nil || exists {
			t.Errorf("unstructured widget: %v, %v; want false, nil", exists, err)
		}
	})

	t.Run("hosted cluster CRD", func(t *testing.T) {
		hc := &hyperv1.HostedCluster{ObjectMeta: metav1.ObjectMeta{Name: "gone", Namespace: ns}}
		if err := c.Create(ctx, hc); err != nil {
			t.Fatal(err)
		}
		exists, err := k8sutil.DeleteIfNeeded(ctx, c, &hyperv1.HostedCluster{ObjectMeta: metav1.ObjectMeta{Name: "gone", Namespace: ns}})
		if err != nil || !exists {
			t.Errorf("= %v, %v; want true, nil", exists, err)
		}
	})
}

// jwtClaims decodes the claims of a JWT without verifying it.
func jwtClaims(t *testing.T, token string) map[string]any {
	t.Helper()
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		t.Fatalf("token has %d parts, want 3", len(parts))
	}
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatalf("decoding claims: %v", err)
	}
	claims := map[string]any{}
	if err := json.Unmarshal(raw, &claims); err != nil {
		t.Fatalf("claims are not JSON: %v", err)
	}
	return claims
}

func TestCreateTokenForServiceAccountIntegration(t *testing.T) {
	cfg := testenv.Config(t)
	c := testenv.Client(t)
	ctx := context.Background()
	ns := newNamespace(t, c)
	sa := &corev1.ServiceAccount{ObjectMeta: metav1.ObjectMeta{Name: "installer", Namespace: ns}}
	if err := c.Create(ctx, sa); err != nil {
		t.Fatal(err)
	}
	cs, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}

	token, err := k8sutil.CreateTokenForServiceAccount(ctx, sa, cs)
	if err != nil {
		t.Fatal(err)
	}
	claims := jwtClaims(t, token)
	if aud, _ := claims["aud"].([]any); !slices.Equal(aud, []any{"openshift"}) {
		t.Errorf("aud = %v, want [openshift]", claims["aud"])
	}
	if sub := claims["sub"]; sub != "system:serviceaccount:"+ns+":installer" {
		t.Errorf("sub = %v", sub)
	}
	if exp, _ := claims["exp"].(float64); time.Unix(int64(exp), 0).Before(time.Now()) {
		t.Errorf("token already expired: exp = %v", claims["exp"])
	}

	missing := &corev1.ServiceAccount{ObjectMeta: metav1.ObjectMeta{Name: "nobody", Namespace: ns}}
	_, err = k8sutil.CreateTokenForServiceAccount(ctx, missing, cs)
	if err == nil || !apierrors.IsNotFound(err) || !strings.Contains(err.Error(), "service account "+ns+"/nobody") {
		t.Errorf("missing service account: error = %v; want a not-found error naming it", err)
	}

	var nilClientset *kubernetes.Clientset
	if _, err := k8sutil.CreateTokenForServiceAccount(ctx, sa, nilClientset); err == nil || !strings.Contains(err.Error(), "nil client") {
		t.Errorf("nil clientset: error = %v", err)
	}
	if _, err := k8sutil.CreateTokenForServiceAccount(ctx, nil, cs); err == nil {
		t.Error("nil service account: no error")
	}
}

func TestClusterCPUArchIntegration(t *testing.T) {
	cfg := testenv.Config(t)
	got, err := k8sutil.ClusterCPUArchForConfig(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	// The test binaries are built for this machine, so the server reports
	// the same architecture as this process.
	if got != runtime.GOARCH {
		t.Errorf("ClusterCPUArchForConfig = %q, want %q", got, runtime.GOARCH)
	}
	if err := k8sutil.DoesMgmtClusterAndNodePoolCPUArchMatch(got, runtime.GOARCH); err != nil {
		t.Error(err)
	}
}

func TestScopingPredicatesIntegration(t *testing.T) {
	c := testenv.Client(t)
	ctx := context.Background()
	ns := newNamespace(t, c)
	create := func(obj client.Object) client.Object {
		t.Helper()
		if err := c.Create(ctx, obj); err != nil {
			t.Fatal(err)
		}
		return obj
	}
	scopeAnn := func(scope string) map[string]string {
		return map[string]string{k8sutil.HostedClustersScopeAnnotation: scope}
	}
	hcA := create(&hyperv1.HostedCluster{ObjectMeta: metav1.ObjectMeta{Name: "hc-a", Namespace: ns, Annotations: scopeAnn("team-a")}})
	hcNone := create(&hyperv1.HostedCluster{ObjectMeta: metav1.ObjectMeta{Name: "hc-none", Namespace: ns}})
	npA := create(&hyperv1.NodePool{ObjectMeta: metav1.ObjectMeta{Name: "np-a", Namespace: ns}, Spec: hyperv1.NodePoolSpec{ClusterName: "hc-a"}})
	npNone := create(&hyperv1.NodePool{ObjectMeta: metav1.ObjectMeta{Name: "np-none", Namespace: ns}, Spec: hyperv1.NodePoolSpec{ClusterName: "hc-none"}})
	npOrphan := create(&hyperv1.NodePool{ObjectMeta: metav1.ObjectMeta{Name: "np-orphan", Namespace: ns}, Spec: hyperv1.NodePoolSpec{ClusterName: "missing"}})
	annotated := func(name string, anns map[string]string) client.Object {
		return create(&corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: ns, Annotations: anns}})
	}
	cmClusterA := annotated("cm-cluster-a", map[string]string{k8sutil.HostedClusterAnnotation: ns + "/hc-a"})
	cmClusterNone := annotated("cm-cluster-none", map[string]string{k8sutil.HostedClusterAnnotation: " " + ns + "/hc-none "})
	cmPoolA := annotated("cm-pool-a", map[string]string{k8sutil.NodePoolAnnotation: ns + "/np-a"})
	cmPoolNone := annotated("cm-pool-none", map[string]string{k8sutil.NodePoolAnnotation: ns + "/np-none"})
	// The node pool annotation wins when both are set and the pool exists.
	cmBoth := annotated("cm-both", map[string]string{k8sutil.NodePoolAnnotation: ns + "/np-a", k8sutil.HostedClusterAnnotation: ns + "/hc-none"})
	// A missing node pool falls back to the cluster annotation.
	cmPoolMissing := annotated("cm-pool-missing", map[string]string{k8sutil.NodePoolAnnotation: ns + "/nope", k8sutil.HostedClusterAnnotation: ns + "/hc-a"})
	cmPlain := annotated("cm-plain", nil)
	cmDangling := annotated("cm-dangling", map[string]string{k8sutil.HostedClusterAnnotation: ns + "/missing"})

	inA := []client.Object{hcA, npA, cmClusterA, cmPoolA, cmBoth, cmPoolMissing}
	unscoped := []client.Object{hcNone, npNone, npOrphan, cmClusterNone, cmPoolNone, cmPlain, cmDangling}

	check := func(t *testing.T, scope k8sutil.Scope, pass, block []client.Object) {
		t.Helper()
		p := k8sutil.HostedClusterScopePredicate(c, scope)
		for _, obj := range pass {
			if got := allEvents(p, obj); got != [4]bool{true, true, true, true} {
				t.Errorf("%T %s: create/update/delete/generic = %v, want all true", obj, obj.GetName(), got)
			}
		}
		for _, obj := range block {
			if got := allEvents(p, obj); got != [4]bool{} {
				t.Errorf("%T %s: create/update/delete/generic = %v, want all false", obj, obj.GetName(), got)
			}
		}
	}
	t.Run("scope team-a", func(t *testing.T) { check(t, k8sutil.Scope{Enabled: true, Name: "team-a"}, inA, unscoped) })
	t.Run("empty scope", func(t *testing.T) { check(t, k8sutil.Scope{Enabled: true}, unscoped, inA) })
	t.Run("scope team-b", func(t *testing.T) {
		check(t, k8sutil.Scope{Enabled: true, Name: "team-b"}, nil, append(slices.Clone(inA), unscoped...))
	})
	t.Run("disabled", func(t *testing.T) {
		check(t, k8sutil.Scope{Name: "team-b"}, append(slices.Clone(inA), unscoped...), nil)
	})

	t.Run("from the environment", func(t *testing.T) {
		t.Setenv(k8sutil.EnableHostedClustersAnnotationScopingEnv, "true")
		t.Setenv(k8sutil.HostedClustersScopeAnnotationEnv, "team-a")
		p := k8sutil.PredicatesForHostedClusterAnnotationScoping(c)
		if !p.Update(event.UpdateEvent{ObjectOld: cmPoolA, ObjectNew: cmPoolA}) || p.Update(event.UpdateEvent{ObjectOld: cmPoolNone, ObjectNew: cmPoolNone}) {
			t.Error("the environment's scope was not applied")
		}
	})

	t.Run("follows a scope change", func(t *testing.T) {
		hc := &hyperv1.HostedCluster{}
		if err := c.Get(ctx, client.ObjectKey{Namespace: ns, Name: "hc-none"}, hc); err != nil {
			t.Fatal(err)
		}
		hc.Annotations = scopeAnn("team-a")
		if err := c.Update(ctx, hc); err != nil {
			t.Fatal(err)
		}
		p := k8sutil.HostedClusterScopePredicate(c, k8sutil.Scope{Enabled: true, Name: "team-a"})
		if !p.Generic(event.GenericEvent{Object: npNone}) || !p.Generic(event.GenericEvent{Object: cmPoolNone}) {
			t.Error("objects of a cluster moved into the scope were not passed")
		}
	})
}

func TestEventsAndLBMessageIntegration(t *testing.T) {
	c := testenv.Client(t)
	ctx := context.Background()
	ns := newNamespace(t, c)
	svc := &corev1.Service{
		ObjectMeta: metav1.ObjectMeta{Name: "kube-apiserver", Namespace: ns},
		Spec: corev1.ServiceSpec{
			Type:  corev1.ServiceTypeLoadBalancer,
			Ports: []corev1.ServicePort{{Name: "https", Port: 6443}},
		},
	}
	if err := c.Create(ctx, svc); err != nil {
		t.Fatal(err)
	}
	base := time.Now().Add(-time.Hour).Truncate(time.Second)
	record := func(name, typ, reason, message string, at time.Time) {
		t.Helper()
		e := &corev1.Event{
			ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: ns},
			InvolvedObject: corev1.ObjectReference{
				Kind: "Service", APIVersion: "v1", Namespace: ns, Name: svc.Name, UID: svc.UID,
			},
			Type: typ, Reason: reason, Message: message,
			FirstTimestamp: metav1.NewTime(at), LastTimestamp: metav1.NewTime(at),
			Source: corev1.EventSource{Component: "service-controller"},
		}
		if err := c.Create(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	record("e1", corev1.EventTypeWarning, "SyncLoadBalancerFailed", "quota exceeded", base)
	record("e2", corev1.EventTypeWarning, "SyncLoadBalancerFailed", "subnet not found", base.Add(10*time.Minute))
	record("e3", corev1.EventTypeNormal, "EnsuringLoadBalancer", "ensuring", base.Add(20*time.Minute))
	record("e4", corev1.EventTypeWarning, "AccessDenied", "access denied", base.Add(5*time.Minute))

	got, err := k8sutil.CollectLBMessageIfNotProvisioned(svc, events.NewMessageCollector(ctx, c))
	if err != nil {
		t.Fatal(err)
	}
	want := "kube-apiserver load balancer is not provisioned: access denied; subnet not found"
	if got != want {
		t.Errorf("message = %q, want %q", got, want)
	}

	svc.Status.LoadBalancer.Ingress = []corev1.LoadBalancerIngress{{IP: "192.0.2.10"}}
	if err := c.Status().Update(ctx, svc); err != nil {
		t.Fatal(err)
	}
	fresh := &corev1.Service{}
	if err := c.Get(ctx, client.ObjectKeyFromObject(svc), fresh); err != nil {
		t.Fatal(err)
	}
	if got, err := k8sutil.CollectLBMessageIfNotProvisioned(fresh, events.NewMessageCollector(ctx, c)); err != nil || got != "" {
		t.Errorf("provisioned: %q, %v; want empty", got, err)
	}
}

func TestSerializeRoundTripIntegration(t *testing.T) {
	c := testenv.Client(t)
	ctx := context.Background()
	ns := newNamespace(t, c)
	replicas := int32(3)
	np := &hyperv1.NodePool{
		ObjectMeta: metav1.ObjectMeta{Name: "workers", Namespace: ns, Labels: map[string]string{"team": "a"}},
		Spec: hyperv1.NodePoolSpec{
			ClusterName: "example",
			Replicas:    &replicas,
			Arch:        "arm64",
			Platform:    hyperv1.NodePoolPlatform{Type: hyperv1.AWSPlatform},
			Release:     hyperv1.Release{Image: "quay.io/openshift-release-dev/ocp-release:4.19.0-multi"},
			NodeLabels:  map[string]string{"role": "worker"},
		},
	}
	data, err := k8sutil.SerializeResource(np, nil)
	if err != nil {
		t.Fatal(err)
	}
	fromYAML := &hyperv1.NodePool{}
	if err := k8sutil.DeserializeResource(data, fromYAML, nil); err != nil {
		t.Fatal(err)
	}
	if err := c.Create(ctx, fromYAML); err != nil {
		t.Fatalf("creating the deserialised object: %v", err)
	}
	stored := &hyperv1.NodePool{}
	if err := c.Get(ctx, client.ObjectKeyFromObject(np), stored); err != nil {
		t.Fatal(err)
	}
	if !apiequality.Semantic.DeepEqual(stored.Spec, np.Spec) || stored.Labels["team"] != "a" {
		t.Errorf("stored spec %+v, want %+v", stored.Spec, np.Spec)
	}
	// The stored object (server metadata included) survives a round trip.
	again, err := k8sutil.SerializeResource(stored, nil)
	if err != nil {
		t.Fatal(err)
	}
	back := &hyperv1.NodePool{}
	if err := k8sutil.DeserializeResource(again, back, nil); err != nil {
		t.Fatal(err)
	}
	stored.SetGroupVersionKind(hyperv1.GroupVersion.WithKind("NodePool"))
	if !apiequality.Semantic.DeepEqual(back, stored) {
		t.Errorf("round trip of the stored object:\n got %+v\nwant %+v", back, stored)
	}
	for _, field := range []string{"uid: ", "resourceVersion: ", "creationTimestamp: "} {
		if !strings.Contains(again, field) {
			t.Errorf("serialised stored object lacks %q:\n%s", field, again)
		}
	}
}

func TestHostedClusterUnmodeledFieldsSurvive(t *testing.T) {
	c := testenv.Client(t)
	ctx := context.Background()
	ns := newNamespace(t, c)
	raw, err := os.ReadFile("testdata/hostedcluster-unmodeled.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sent := &unstructured.Unstructured{}
	if err := yaml.Unmarshal(raw, &sent.Object); err != nil {
		t.Fatal(err)
	}
	sent.SetNamespace(ns)
	want := sent.DeepCopy()
	if err := c.Create(ctx, sent); err != nil {
		t.Fatal(err)
	}
	got := &unstructured.Unstructured{}
	got.SetGroupVersionKind(want.GroupVersionKind())
	if err := c.Get(ctx, client.ObjectKeyFromObject(want), got); err != nil {
		t.Fatal(err)
	}
	// Compare canonical JSON: the YAML decoder reads numbers as float64, the
	// client as int64.
	gotJSON, err := json.Marshal(got.Object["spec"])
	if err != nil {
		t.Fatal(err)
	}
	wantJSON, err := json.Marshal(want.Object["spec"])
	if err != nil {
		t.Fatal(err)
	}
	if string(gotJSON) != string(wantJSON) {
		t.Errorf("spec changed on the server:\n got %s\nwant %s", gotJSON, wantJSON)
	}
	if !strings.Contains(string(gotJSON), `"futureFeature":{"nested":{"empty":{},"list":[1,"two",{"three":3}]}}`) {
		t.Errorf("the made-up field is missing: %s", gotJSON)
	}
	if got.GetAnnotations()[k8sutil.HostedClustersScopeAnnotation] != "team-a" {
		t.Errorf("annotations = %v", got.GetAnnotations())
	}

	// hcpkit's typed view reads the modeled fields of the same object.
	typed := &hyperv1.HostedCluster{}
	if err := c.Get(ctx, client.ObjectKeyFromObject(want), typed); err != nil {
		t.Fatal(err)
	}
	if typed.Spec.Platform.Type != hyperv1.AWSPlatform || typed.Spec.InfraID != "unmodeled-x7k2p" || len(typed.Spec.Services) != 2 {
		t.Errorf("typed view: %+v", typed.Spec)
	}
	// And the YAML helpers read the server's answer into the typed view too
	// (unknown fields are rejected only in strict mode, so go through JSON).
	data, err := k8sutil.SerializeResource(typed, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(data, "infraID: unmodeled-x7k2p") {
		t.Errorf("serialised typed view lacks the infra ID:\n%s", data)
	}
}
