package events_test

import (
	"os"
	"testing"

	"github.com/hcpkit/hcpkit/internal/testenv"
)

// TestMain lets the integration tests share one kube-apiserver and etcd,
// started on first use (see internal/testenv).
func TestMain(m *testing.M) { os.Exit(testenv.Main(m)) }
