package mgmtcluster

import (
	"context"
	"fmt"

	"sigs.k8s.io/controller-runtime/pkg/client/config"

	"github.com/hcpkit/hcpkit/pkg/k8sutil"
)

// CPUArch returns the CPU architecture that the management cluster's API
// server reports in the platform of its /version (amd64, arm64, ...).
func CPUArch(ctx context.Context) (string, error) {
	cfg, err := config.GetConfig()
	if err != nil {
		return "", fmt.Errorf("management cluster CPU architecture: loading the cluster config: %w", err)
	}
	return k8sutil.ClusterCPUArchForConfig(ctx, cfg)
}
