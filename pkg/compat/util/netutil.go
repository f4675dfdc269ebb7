package util

import (
	"context"
	"net/http"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
	"github.com/hcpkit/hcpkit/pkg/netutil"
)

// ClusterCIDRs returns the CIDRs of the pod networks; entries with a null
// cidr are left out. See netutil.ClusterCIDRs.
func ClusterCIDRs(clusterNetwork []hyperv1.ClusterNetworkEntry) []string {
	return netutil.ClusterCIDRs(clusterNetwork)
}

// ServiceCIDRs returns the CIDRs of the service networks; entries with a null
// cidr are left out. See netutil.ServiceCIDRs.
func ServiceCIDRs(serviceNetwork []hyperv1.ServiceNetworkEntry) []string {
	return netutil.ServiceCIDRs(serviceNetwork)
}

// MachineCIDRs returns the CIDRs of the node networks; entries with a null
// cidr are left out. See netutil.MachineCIDRs.
func MachineCIDRs(machineNetwork []hyperv1.MachineNetworkEntry) []string {
	return netutil.MachineCIDRs(machineNetwork)
}

// FirstClusterCIDR returns the first pod network CIDR, or "". See
// netutil.FirstClusterCIDR.
func FirstClusterCIDR(clusterNetwork []hyperv1.ClusterNetworkEntry) string {
	return netutil.FirstClusterCIDR(clusterNetwork)
}

// FirstServiceCIDR returns the first service network CIDR, or "". See
// netutil.FirstServiceCIDR.
func FirstServiceCIDR(serviceNetwork []hyperv1.ServiceNetworkEntry) string {
	return netutil.FirstServiceCIDR(serviceNetwork)
}

// FirstUsableIP returns the address after the network address of cidr, and
// an error when the prefix holds none. See netutil.FirstUsableIP.
func FirstUsableIP(cidr string) (string, error) { return netutil.FirstUsableIP(cidr) }

// IsIPv4 reports whether a CIDR or a bare address is IPv4. See
// netutil.IsIPv4.
func IsIPv4(cidr string) (bool, error) { return netutil.IsIPv4(cidr) }

// ResolveDNSHostname resolves hostName and returns an error when it has no
// address or the lookup outlasts ctx (or one second when ctx has no
// deadline). See netutil.ResolveDNSHostname.
func ResolveDNSHostname(ctx context.Context, hostName string) error {
	return netutil.ResolveDNSHostname(ctx, hostName)
}

// InsecureHTTPClient returns an HTTP client that skips TLS certificate
// verification and honours the proxy environment variables. See
// netutil.InsecureHTTPClient.
func InsecureHTTPClient() *http.Client { return netutil.InsecureHTTPClient() }
