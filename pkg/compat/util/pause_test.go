package util_test

import (
	"testing"
	"time"

	"github.com/go-logr/logr"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/hcpkit/hcpkit/internal/vectors"
	util "github.com/hcpkit/hcpkit/pkg/compat/util"
)

// Compile-time checks that the facade keeps the v0.1.40 signatures.
var (
	_ func(*string, time.Time) (bool, time.Duration, error) = util.ProcessPausedUntilField
	_ func(logr.Logger, *string) (bool, time.Duration)      = util.IsReconciliationPaused
	_ func(*string, int64) metav1.Condition                 = util.GenerateReconciliationActiveCondition
)

func TestPauseFacadeVectors(t *testing.T) {
	type out struct {
		IsPaused   bool   `json:"isPaused"`
		Duration   string `json:"duration"`
		DurationNS int64  `json:"duration_ns"`
		Err        bool   `json:"err"`
		ErrMessage string `json:"err_message"`
	}
	for _, c := range vectors.Load(t, nkpVectorFile, "ProcessPausedUntilField", vectors.RequireFixed()) {
		t.Run("ProcessPausedUntilField/"+c.Name, func(t *testing.T) {
			var field *string
			var nowText string
			var want out
			vectors.DecodeStrict(t, c.Arg(t, "field"), &field)
			vectors.DecodeStrict(t, c.Arg(t, "now"), &nowText)
			vectors.DecodeStrict(t, c.Want(), &want)
			now, err := time.Parse(time.RFC3339, nowText)
			if err != nil {
				t.Fatal(err)
			}
			p, d, err := util.ProcessPausedUntilField(field, now)
			if got := (out{p, d.String(), int64(d), err != nil, nkpErrText(err)}); got != want {
				t.Errorf("got %+v, want %+v", got, want)
			}
		})
	}
	for _, c := range vectors.Load(t, nkpVectorFile, "GenerateReconciliationActiveCondition", vectors.RequireFixed()) {
		t.Run("GenerateReconciliationActiveCondition/"+c.Name, func(t *testing.T) {
			var field *string
			var gen int64
			var want metav1.Condition
			vectors.DecodeStrict(t, c.Arg(t, "field"), &field)
			vectors.DecodeStrict(t, c.Arg(t, "objectGeneration"), &gen)
			vectors.DecodeStrict(t, c.Want(), &want)
			if got := util.GenerateReconciliationActiveCondition(field, gen); got != want {
				t.Errorf("got %+v, want %+v", got, want)
			}
		})
	}
}

func TestIsReconciliationPaused(t *testing.T) {
	tr, past, bad := "true", "2000-01-01T00:00:00Z", "bad"
	if p, d := util.IsReconciliationPaused(logr.Discard(), &tr); !p || d != 0 {
		t.Errorf("true: %v, %v", p, d)
	}
	if p, d := util.IsReconciliationPaused(logr.Discard(), &past); p || d != 0 {
		t.Errorf("past date: %v, %v", p, d)
	}
	if p, d := util.IsReconciliationPaused(logr.Logger{}, &bad); p || d != 0 {
		t.Errorf("invalid: %v, %v", p, d)
	}
	if p, d := util.IsReconciliationPaused(logr.Discard(), nil); p || d != 0 {
		t.Errorf("nil: %v, %v", p, d)
	}
}
