package pause

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/go-logr/logr"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/utils/clock"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
)

// The messages of the ReconciliationActive condition.
const (
	// MessageActive: reconciliation runs.
	MessageActive = "Reconciliation active on resource"
	// MessagePausedUntilRemoved: paused by a boolean, until the field is removed.
	MessagePausedUntilRemoved = "Reconciliation paused until field removed"
	// MessagePausedUntilPrefix is followed by the date reconciliation resumes at.
	MessagePausedUntilPrefix = "Reconciliation paused until: "
	// MessageInvalidValue: the field holds neither a boolean nor a date.
	MessageInvalidValue = "Invalid value provided for PausedUntil field"
)

// InvalidValueError is the error Until returns for a value that is neither
// a boolean nor an RFC 3339 date. Value is the field as written.
type InvalidValueError struct {
	Value string
}

// Error returns the message HyperShift uses for an invalid pausedUntil value.
func (e *InvalidValueError) Error() string {
	return fmt.Sprintf("invalid value specified in pausedUntil field: %q. Considering the resource as not paused", e.Value)
}

// Until interprets a pausedUntil field at the instant now.
//
//   - nil: not paused.
//   - a boolean as strconv.ParseBool reads it ("true", "1", "t", "False",
//     ...): paused or not, with no requeue duration.
//   - an RFC 3339 date ("2026-01-01T00:00:00Z", "2026-01-01t00:00:00+01:00"):
//     paused while now is before it, with requeueAfter the time left
//     (saturating at the largest time.Duration); a date at or before now is
//     not paused and gives a zero duration.
//
// Whitespace around the value is ignored. Any other value gives
// (false, 0, *InvalidValueError).
func Until(field *string, now time.Time) (paused bool, requeueAfter time.Duration, err error) {
	if field == nil {
		return false, 0, nil
	}
	v := strings.TrimSpace(*field)
	if b, perr := strconv.ParseBool(v); perr == nil {
		return b, 0, nil
	}
	t, ok := parseDate(v)
	if !ok {
		return false, 0, &InvalidValueError{Value: *field}
	}
	if !t.After(now) {
		return false, 0, nil
	}
	return true, t.Sub(now), nil
}

// parseDate parses an RFC 3339 date, accepting the lowercase "t" and "z"
// that RFC 3339 allows and time.RFC3339 does not.
func parseDate(v string) (time.Time, bool) {
	v = strings.Map(func(r rune) rune {
		switch r {
		case 't':
			return 'T'
		case 'z':
			return 'Z'
		}
		return r
	}, v)
	t, err := time.Parse(time.RFC3339, v)
	return t, err == nil
}

// IsPaused reports whether the pausedUntil field pauses reconciliation now,
// and for how long a date-based pause lasts. An invalid value is logged on
// log and counts as not paused.
func IsPaused(log logr.Logger, field *string) (bool, time.Duration) {
	return IsPausedWithClock(log, field, clock.RealClock{})
}

// IsPausedWithClock is IsPaused with the current time read from clk; a nil
// clk reads the wall clock.
func IsPausedWithClock(log logr.Logger, field *string, clk clock.PassiveClock) (bool, time.Duration) {
	paused, after, err := Until(field, now(clk))
	if err != nil {
		log.Error(err, "error processing .pausedUntil field")
		return false, 0
	}
	return paused, after
}

// Condition returns the ReconciliationActive condition for a pausedUntil
// field, evaluated at clk's current time (the wall clock when clk is nil),
// with ObservedGeneration set to generation:
//
//   - paused by a boolean: False, ReconciliationPaused, "Reconciliation paused
//     until field removed";
//   - paused by a date: False, ReconciliationPaused, "Reconciliation paused
//     until: <date as written>";
//   - invalid value: True, InvalidPausedUntilValue, "Invalid value provided
//     for PausedUntil field";
//   - otherwise: True, AsExpected, "Reconciliation active on resource".
//
// LastTransitionTime is left zero, for the caller's condition setter to fill.
func Condition(field *string, generation int64, clk clock.PassiveClock) metav1.Condition {
	c := metav1.Condition{
		Type:               string(hyperv1.ReconciliationActive),
		ObservedGeneration: generation,
	}
	paused, _, err := Until(field, now(clk))
	switch {
	case paused:
		c.Status = metav1.ConditionFalse
		c.Reason = hyperv1.ReconciliationPausedConditionReason
		v := strings.TrimSpace(*field)
		if _, berr := strconv.ParseBool(v); berr == nil {
			c.Message = MessagePausedUntilRemoved
		} else {
			c.Message = MessagePausedUntilPrefix + v
		}
	case err != nil:
		c.Status = metav1.ConditionTrue
		c.Reason = hyperv1.ReconciliationInvalidPausedUntilConditionReason
		c.Message = MessageInvalidValue
	default:
		c.Status = metav1.ConditionTrue
		c.Reason = hyperv1.AsExpectedReason
		c.Message = MessageActive
	}
	return c
}

func now(clk clock.PassiveClock) time.Time {
	if clk == nil {
		return time.Now()
	}
	return clk.Now()
}
