package k8sutil

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"k8s.io/client-go/discovery"
	"k8s.io/client-go/rest"
)

// CPUArchFromPlatform returns the CPU architecture of a platform string of
// the form "os/arch" (the Platform of a server's /version, such as
// "linux/amd64").
func CPUArchFromPlatform(platform string) (string, error) {
	_, arch, ok := strings.Cut(strings.TrimSpace(platform), "/")
	if !ok || arch == "" || strings.Contains(arch, "/") {
		return "", fmt.Errorf("platform %q: want os/arch", platform)
	}
	return arch, nil
}

// ClusterCPUArch returns the CPU architecture the cluster's API server
// reports in the platform of its /version.
func ClusterCPUArch(ctx context.Context, d discovery.ServerVersionInterfaceWithContext) (string, error) {
	if isNil(d) {
		return "", errors.New("cluster CPU architecture: nil discovery client")
	}
	info, err := d.ServerVersionWithContext(ctx)
	if err != nil {
		return "", fmt.Errorf("cluster CPU architecture: reading the server version: %w", err)
	}
	if info == nil {
		return "", errors.New("cluster CPU architecture: the server reported no version")
	}
	arch, err := CPUArchFromPlatform(info.Platform)
	if err != nil {
		return "", fmt.Errorf("cluster CPU architecture: %w", err)
	}
	return arch, nil
}

// ClusterCPUArchForConfig returns the CPU architecture the API server that
// cfg points at reports in the platform of its /version.
func ClusterCPUArchForConfig(ctx context.Context, cfg *rest.Config) (string, error) {
	if cfg == nil {
		return "", errors.New("cluster CPU architecture: nil rest config")
	}
	d, err := discovery.NewDiscoveryClientForConfig(cfg)
	if err != nil {
		return "", fmt.Errorf("cluster CPU architecture: %w", err)
	}
	return ClusterCPUArch(ctx, d)
}

// DoesMgmtClusterAndNodePoolCPUArchMatch returns an error naming both
// architectures when the management cluster's CPU architecture differs from
// the node pool's, or when either is empty.
func DoesMgmtClusterAndNodePoolCPUArchMatch(mgmtClusterCPUArch, nodePoolArch string) error {
	if mgmtClusterCPUArch == "" || mgmtClusterCPUArch != nodePoolArch {
		return fmt.Errorf("multi-arch hosted cluster is not enabled and management cluster and nodepool cpu arches do not match - management cluster cpu arch: %s, nodepool cpu arch: %s", mgmtClusterCPUArch, nodePoolArch)
	}
	return nil
}
