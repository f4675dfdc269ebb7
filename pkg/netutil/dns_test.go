package netutil

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestResolveDNSHostname(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, host := range []string{"127.0.0.1", "::1", "localhost"} {
		if err := ResolveDNSHostname(ctx, host); err != nil {
			t.Errorf("ResolveDNSHostname(%q) = %v", host, err)
		}
	}
	if err := ResolveDNSHostname(ctx, ""); err == nil {
		t.Error("ResolveDNSHostname(\"\") returned no error")
	}
	// .invalid never resolves (RFC 6761); without a network the lookup fails
	// as well, so the result does not depend on the machine.
	if err := ResolveDNSHostname(ctx, "hcpkit-test.invalid"); err == nil {
		t.Error("ResolveDNSHostname(hcpkit-test.invalid) returned no error")
	}
}

func TestResolveDNSHostnameHonoursContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	err := ResolveDNSHostname(ctx, "hcpkit-test.example.com")
	if err == nil {
		t.Fatal("ResolveDNSHostname with a cancelled context returned no error")
	}
	if !errors.Is(err, context.Canceled) {
		t.Logf("error does not wrap context.Canceled (resolver wording): %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("ResolveDNSHostname with a cancelled context took %v", d)
	}
}

func TestResolveDNSHostnameDefaultTimeout(t *testing.T) {
	// Without a deadline the lookup is bounded by DefaultResolveTimeout, so
	// even an unreachable resolver cannot hold the caller for long.
	start := time.Now()
	_ = ResolveDNSHostname(context.Background(), "hcpkit-timeout-test.invalid")
	if d := time.Since(start); d > DefaultResolveTimeout+4*time.Second {
		t.Errorf("lookup without deadline took %v", d)
	}
}
