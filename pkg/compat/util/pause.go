package util

import (
	"time"

	"github.com/go-logr/logr"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/utils/clock"

	"github.com/hcpkit/hcpkit/pkg/pause"
)

// ProcessPausedUntilField interprets a pausedUntil field (a boolean or an RFC
// 3339 date) at now; a past date is not paused with a zero duration. See
// pause.Until.
func ProcessPausedUntilField(pausedUntilField *string, now time.Time) (isPaused bool, duration time.Duration, err error) {
	return pause.Until(pausedUntilField, now)
}

// IsReconciliationPaused reports whether a pausedUntil field pauses
// reconciliation now and for how long; an invalid value is logged and counts
// as not paused. See pause.IsPaused.
func IsReconciliationPaused(logr logr.Logger, pausedUntilField *string) (bool, time.Duration) {
	return pause.IsPaused(logr, pausedUntilField)
}

// GenerateReconciliationActiveCondition returns the ReconciliationActive
// condition for a pausedUntil field, evaluated with the wall clock. See
// pause.Condition.
func GenerateReconciliationActiveCondition(pausedUntilField *string, objectGeneration int64) metav1.Condition {
	return pause.Condition(pausedUntilField, objectGeneration, clock.RealClock{})
}
