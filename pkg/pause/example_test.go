package pause_test

import (
	"fmt"
	"time"

	"github.com/hcpkit/hcpkit/pkg/pause"
)

func ExampleUntil() {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, v := range []string{"true", "2026-01-01T02:00:00Z", "2025-12-31T00:00:00Z", " 2026-01-01t00:30:00z ", "soon"} {
		paused, after, err := pause.Until(&v, now)
		fmt.Printf("%q: paused=%v requeueAfter=%v err=%v\n", v, paused, after, err != nil)
	}
	// Output:
	// "true": paused=true requeueAfter=0s err=false
	// "2026-01-01T02:00:00Z": paused=true requeueAfter=2h0m0s err=false
	// "2025-12-31T00:00:00Z": paused=false requeueAfter=0s err=false
	// " 2026-01-01t00:30:00z ": paused=true requeueAfter=30m0s err=false
	// "soon": paused=false requeueAfter=0s err=true
}
