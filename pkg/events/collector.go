package events

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"time"

	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// InvolvedObjectUIDField is the field selector (and, for cache-backed
// clients, the index name) by which the collector lists the events of an
// object.
const InvolvedObjectUIDField = "involvedObject.uid"

// InvolvedObjectUID extracts the involved object's UID from an Event for a
// field index on InvolvedObjectUIDField. Register it when the collector reads
// through a cache, for example
// mgr.GetFieldIndexer().IndexField(ctx, &corev1.Event{}, InvolvedObjectUIDField, InvolvedObjectUID).
func InvolvedObjectUID(obj client.Object) []string {
	e, ok := obj.(*corev1.Event)
	if !ok || e == nil || e.InvolvedObject.UID == "" {
		return nil
	}
	return []string{string(e.InvolvedObject.UID)}
}

// MessageCollector returns the messages of the events that are not of type
// Normal (warnings, typically) recorded for an object.
type MessageCollector interface {
	// ErrorMessages returns one message per event reason: that of the
	// newest event with the reason. Messages are ordered newest first, then
	// by reason.
	ErrorMessages(resource client.Object) ([]string, error)
}

// NewMessageCollector returns a MessageCollector that lists events through c
// with ctx. A client that reads through a cache needs a field index on
// InvolvedObjectUIDField (see InvolvedObjectUID).
func NewMessageCollector(ctx context.Context, c client.Reader) MessageCollector {
	return &collector{ctx: ctx, client: c}
}

type collector struct {
	ctx    context.Context
	client client.Reader
}

// ErrorMessages implements MessageCollector.
func (c *collector) ErrorMessages(resource client.Object) ([]string, error) {
	if isNil(c.client) {
		return nil, errors.New("collecting event messages: nil client")
	}
	if isNil(resource) {
		return nil, errors.New("collecting event messages: nil object")
	}
	uid := resource.GetUID()
	if uid == "" {
		return nil, fmt.Errorf("collecting event messages for %s/%s: the object has no UID", resource.GetNamespace(), resource.GetName())
	}
	ctx := c.ctx
	if ctx == nil {
		ctx = context.Background()
	}
	list := &corev1.EventList{}
	if err := c.client.List(ctx, list,
		client.InNamespace(resource.GetNamespace()),
		client.MatchingFields{InvolvedObjectUIDField: string(uid)},
	); err != nil {
		return nil, fmt.Errorf("listing events of %s/%s: %w", resource.GetNamespace(), resource.GetName(), err)
	}

	type latest struct {
		at      time.Time
		message string
	}
	byReason := map[string]latest{}
	for i := range list.Items {
		e := &list.Items[i]
		if e.InvolvedObject.UID != uid || e.Type == corev1.EventTypeNormal {
			continue
		}
		at := eventTime(e)
		if prev, ok := byReason[e.Reason]; ok {
			// Keep the newest; of equally new ones, the smallest message.
			if c := at.Compare(prev.at); c < 0 || c == 0 && e.Message >= prev.message {
				continue
			}
		}
		byReason[e.Reason] = latest{at: at, message: e.Message}
	}
	reasons := make([]string, 0, len(byReason))
	for r := range byReason {
		reasons = append(reasons, r)
	}
	slices.SortFunc(reasons, func(a, b string) int {
		if c := byReason[b].at.Compare(byReason[a].at); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	messages := make([]string, 0, len(reasons))
	for _, r := range reasons {
		messages = append(messages, byReason[r].message)
	}
	return messages, nil
}

// eventTime returns when an event last happened: the later of its last
// timestamp and its series' last observation or, when neither is set, the
// first of its event time, first timestamp and creation time that is set.
func eventTime(e *corev1.Event) time.Time {
	t := e.LastTimestamp.Time
	if e.Series != nil && e.Series.LastObservedTime.After(t) {
		t = e.Series.LastObservedTime.Time
	}
	for _, c := range []time.Time{e.EventTime.Time, e.FirstTimestamp.Time, e.CreationTimestamp.Time} {
		if !t.IsZero() {
			break
		}
		t = c
	}
	return t
}

// isNil reports whether v is nil or an interface holding a nil pointer.
func isNil(v any) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}
