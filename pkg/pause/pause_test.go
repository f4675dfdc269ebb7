package pause

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/go-logr/logr"
	"github.com/go-logr/logr/funcr"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	clocktesting "k8s.io/utils/clock/testing"

	"github.com/hcpkit/hcpkit/internal/vectors"
)

// vectorFile holds the cases measured on HyperShift support/util v0.1.40; each
// legacy fault carries its fixed expectation.
const vectorFile = "testdata/legacy-v0.1.40.json"

type untilResult struct {
	IsPaused   bool   `json:"isPaused"`
	Duration   string `json:"duration"`
	DurationNS int64  `json:"duration_ns"`
	Err        bool   `json:"err"`
	ErrMessage string `json:"err_message"`
}

func TestUntilVectors(t *testing.T) {
	for _, c := range vectors.Load(t, vectorFile, "ProcessPausedUntilField", vectors.RequireFixed()) {
		t.Run(c.Name, func(t *testing.T) {
			var in struct {
				Field *string `json:"field"`
				Now   string  `json:"now"`
			}
			var want untilResult
			vectors.Decode(t, c.In, &in)
			vectors.Decode(t, c.Want(), &want)
			now, err := time.Parse(time.RFC3339, in.Now)
			if err != nil {
				t.Fatal(err)
			}
			paused, d, err := Until(in.Field, now)
			got := untilResult{IsPaused: paused, Duration: d.String(), DurationNS: int64(d), Err: err != nil}
			if err != nil {
				got.ErrMessage = err.Error()
			}
			if got != want {
				t.Errorf("Until(%v) = %+v, want %+v", in.Field, got, want)
			}
		})
	}
}

func TestConditionVectors(t *testing.T) {
	// The vectors were measured with the wall clock on inputs whose result
	// does not depend on it; any instant between 2000 and 9999 reproduces
	// them.
	clk := clocktesting.NewFakePassiveClock(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	for _, c := range vectors.Load(t, vectorFile, "GenerateReconciliationActiveCondition", vectors.RequireFixed()) {
		t.Run(c.Name, func(t *testing.T) {
			var in struct {
				Field      *string `json:"field"`
				Generation int64   `json:"objectGeneration"`
			}
			var want metav1.Condition
			vectors.Decode(t, c.In, &in)
			vectors.Decode(t, c.Want(), &want)
			for name, got := range map[string]metav1.Condition{
				"fake clock": Condition(in.Field, in.Generation, clk),
				"wall clock": Condition(in.Field, in.Generation, nil),
			} {
				if got != want {
					t.Errorf("%s: Condition = %+v, want %+v", name, got, want)
				}
			}
		})
	}
}

func ptr(s string) *string { return &s }

func TestUntilCorrections(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		field  string
		paused bool
		after  time.Duration
		err    bool
	}{
		{"\t2026-01-01T00:30:00Z\n", true, 30 * time.Minute, false},
		{"2026-01-01t00:30:00z", true, 30 * time.Minute, false},
		{"2026-01-01T00:30:00z", true, 30 * time.Minute, false},
		{" false ", false, 0, false},
		{"2025-01-01T00:00:00Z", false, 0, false},
		{"2026-01-01T00:00:00.000000001Z", true, 1, false},
		{"0001-01-01T00:00:00Z", false, 0, false},
		{"9999-12-31T23:59:59Z", true, math.MaxInt64, false},
		{"2026-01-01 00:30:00Z", false, 0, true},
		{"tomorrow", false, 0, true},
		{"   ", false, 0, true},
	}
	for _, tt := range tests {
		paused, after, err := Until(ptr(tt.field), now)
		if paused != tt.paused || after != tt.after || (err != nil) != tt.err {
			t.Errorf("Until(%q) = %v, %v, %v; want %v, %v, error %v", tt.field, paused, after, err, tt.paused, tt.after, tt.err)
		}
		if after < 0 {
			t.Errorf("Until(%q) gave a negative duration %v", tt.field, after)
		}
	}
	_, _, err := Until(ptr(" nope "), now)
	var inv *InvalidValueError
	if !errors.As(err, &inv) || inv.Value != " nope " {
		t.Errorf("error %v does not carry the value as written", err)
	}
	if want := `invalid value specified in pausedUntil field: " nope ". Considering the resource as not paused`; err.Error() != want {
		t.Errorf("error text %q, want %q", err, want)
	}
}

func TestConditionWithClock(t *testing.T) {
	clk := clocktesting.NewFakePassiveClock(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	field := ptr(" 2026-01-01t01:00:00z ")
	c := Condition(field, 3, clk)
	if c.Status != metav1.ConditionFalse || c.Reason != "ReconciliationPaused" || c.Message != "Reconciliation paused until: 2026-01-01t01:00:00z" {
		t.Errorf("before the date: %+v", c)
	}
	clk.SetTime(time.Date(2026, 1, 1, 1, 0, 0, 0, time.UTC))
	c = Condition(field, 3, clk)
	if c.Status != metav1.ConditionTrue || c.Reason != "AsExpected" || c.Message != MessageActive || c.ObservedGeneration != 3 {
		t.Errorf("at the date: %+v", c)
	}
	if !c.LastTransitionTime.IsZero() {
		t.Errorf("LastTransitionTime set: %v", c.LastTransitionTime)
	}
}

func TestIsPaused(t *testing.T) {
	var logged []string
	log := funcr.New(func(prefix, args string) { logged = append(logged, args) }, funcr.Options{})
	clk := clocktesting.NewFakePassiveClock(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))

	if p, d := IsPausedWithClock(log, ptr("2026-01-01T00:10:00Z"), clk); !p || d != 10*time.Minute {
		t.Errorf("date in 10 minutes: %v, %v", p, d)
	}
	if p, d := IsPausedWithClock(log, ptr("garbage"), clk); p || d != 0 {
		t.Errorf("garbage: %v, %v", p, d)
	}
	if len(logged) != 1 || !strings.Contains(logged[0], "garbage") {
		t.Errorf("invalid value not logged once with the value: %q", logged)
	}
	if p, d := IsPaused(logr.Discard(), ptr("true")); !p || d != 0 {
		t.Errorf("IsPaused(true) = %v, %v", p, d)
	}
	if p, _ := IsPaused(logr.Logger{}, ptr("x")); p {
		t.Error("IsPaused with a zero logger and invalid value = paused")
	}
	if p, _ := IsPausedWithClock(logr.Discard(), ptr("9999-01-01T00:00:00Z"), nil); !p {
		t.Error("nil clock: far future date not paused")
	}
}

func FuzzUntil(f *testing.F) {
	for _, s := range []string{"true", "False", "1", "", " true", "2026-01-01T01:00:00Z", "2026-01-01t01:00:00z", "2025-12-31T22:30:00-00:30", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "garbage"} {
		f.Add(s)
	}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		paused, after, err := Until(&s, now)
		if after < 0 {
			t.Fatalf("Until(%q) gave a negative duration %v", s, after)
		}
		if err != nil && (paused || after != 0) {
			t.Fatalf("Until(%q) = %v, %v with error %v", s, paused, after, err)
		}
		if !paused && after != 0 {
			t.Fatalf("Until(%q) not paused with duration %v", s, after)
		}
		c := Condition(&s, 1, clocktesting.NewFakePassiveClock(now))
		if (c.Status == metav1.ConditionFalse) != paused {
			t.Fatalf("Condition(%q) = %+v disagrees with Until paused=%v", s, c, paused)
		}
	})
}

func BenchmarkUntil(b *testing.B) {
	field := ptr("2026-01-01T01:00:00Z")
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for b.Loop() {
		if p, _, _ := Until(field, now); !p {
			b.Fatal("not paused")
		}
	}
}
