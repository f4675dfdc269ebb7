package events_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	eventsv1 "k8s.io/api/events/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"

	"github.com/hcpkit/hcpkit/internal/testenv"
	"github.com/hcpkit/hcpkit/pkg/events"
)

func TestErrorMessagesNilArguments(t *testing.T) {
	ctx := context.Background()
	if _, err := events.NewMessageCollector(ctx, nil).ErrorMessages(&corev1.Service{}); err == nil {
		t.Error("nil client: no error")
	}
	var nilClient client.Client
	if _, err := events.NewMessageCollector(ctx, nilClient).ErrorMessages(&corev1.Service{}); err == nil {
		t.Error("nil client interface: no error")
	}
}

func TestInvolvedObjectUID(t *testing.T) {
	e := &corev1.Event{InvolvedObject: corev1.ObjectReference{UID: "abc"}}
	if got := events.InvolvedObjectUID(e); !slices.Equal(got, []string{"abc"}) {
		t.Errorf("= %v", got)
	}
	if got := events.InvolvedObjectUID(&corev1.Event{}); got != nil {
		t.Errorf("no UID: %v", got)
	}
	if got := events.InvolvedObjectUID(&corev1.ConfigMap{}); got != nil {
		t.Errorf("not an event: %v", got)
	}
	var nilEvent *corev1.Event
	if got := events.InvolvedObjectUID(nilEvent); got != nil {
		t.Errorf("nil event: %v", got)
	}
}

func TestErrorMessagesIntegration(t *testing.T) {
	c := testenv.Client(t)
	ctx := context.Background()
	ns := &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{GenerateName: "events-"}}
	if err := c.Create(ctx, ns); err != nil {
		t.Fatal(err)
	}
	newObject := func(name string) *corev1.ConfigMap {
		cm := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: ns.Name}}
		if err := c.Create(ctx, cm); err != nil {
			t.Fatal(err)
		}
		return cm
	}
	subject := newObject("subject")
	other := newObject("other")
	base := time.Now().Add(-2 * time.Hour).Truncate(time.Second)
	n := 0
	record := func(obj client.Object, typ, reason, message string, at time.Time) {
		t.Helper()
		n++
		e := &corev1.Event{
			ObjectMeta:     metav1.ObjectMeta{GenerateName: "ev-", Namespace: ns.Name},
			InvolvedObject: corev1.ObjectReference{Kind: "ConfigMap", APIVersion: "v1", Namespace: obj.GetNamespace(), Name: obj.GetName(), UID: obj.GetUID()},
			Type:           typ, Reason: reason, Message: message,
			FirstTimestamp: metav1.NewTime(at), LastTimestamp: metav1.NewTime(at),
			Source: corev1.EventSource{Component: "hcpkit-test"},
		}
		if err := c.Create(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	record(subject, corev1.EventTypeWarning, "Zeta", "zeta old", base)
	record(subject, corev1.EventTypeWarning, "Zeta", "zeta new", base.Add(30*time.Minute))
	record(subject, corev1.EventTypeWarning, "Alpha", "alpha", base.Add(10*time.Minute))
	record(subject, corev1.EventTypeWarning, "Beta", "beta", base.Add(30*time.Minute))
	record(subject, corev1.EventTypeNormal, "Created", "all good", base.Add(time.Hour))
	record(subject, "Error", "Custom", "custom type counts", base.Add(5*time.Minute))
	record(other, corev1.EventTypeWarning, "Other", "belongs to another object", base.Add(time.Hour))

	// An events.k8s.io/v1 event (no last timestamp; event time and series)
	// about the subject.
	ev := &eventsv1.Event{
		ObjectMeta:          metav1.ObjectMeta{GenerateName: "ev-", Namespace: ns.Name},
		EventTime:           metav1.NewMicroTime(base.Add(40 * time.Minute)),
		Series:              &eventsv1.EventSeries{Count: 3, LastObservedTime: metav1.NewMicroTime(base.Add(50 * time.Minute))},
		ReportingController: "hcpkit.test/controller",
		ReportingInstance:   "hcpkit-test-1",
		Action:              "Sync",
		Reason:              "Gamma",
		Regarding:           corev1.ObjectReference{Kind: "ConfigMap", APIVersion: "v1", Namespace: ns.Name, Name: subject.Name, UID: subject.UID},
		Note:                "gamma via events.k8s.io",
		Type:                corev1.EventTypeWarning,
	}
	if err := c.Create(ctx, ev); err != nil {
		t.Fatal(err)
	}

	collector := events.NewMessageCollector(ctx, c)
	got, err := collector.ErrorMessages(subject)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"gamma via events.k8s.io", "beta", "zeta new", "alpha", "custom type counts"}
	if !slices.Equal(got, want) {
		t.Errorf("ErrorMessages = %q, want %q", got, want)
	}
	// The same answer every time.
	for range 5 {
		again, err := collector.ErrorMessages(subject)
		if err != nil || !slices.Equal(again, want) {
			t.Fatalf("repeat: %q, %v", again, err)
		}
	}

	quiet := newObject("quiet")
	if got, err := collector.ErrorMessages(quiet); err != nil || len(got) != 0 {
		t.Errorf("no events: %q, %v", got, err)
	}
	if _, err := collector.ErrorMessages(&corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "unsaved", Namespace: ns.Name}}); err == nil || !strings.Contains(err.Error(), "no UID") {
		t.Errorf("object without UID: %v", err)
	}
}
