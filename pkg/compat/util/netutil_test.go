package util_test

import (
	"context"
	"net/http"
	"slices"
	"testing"

	"github.com/hcpkit/hcpkit/internal/vectors"
	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
	util "github.com/hcpkit/hcpkit/pkg/compat/util"
)

// Compile-time checks that the facade keeps the v0.1.40 signatures.
var (
	_ func([]hyperv1.ClusterNetworkEntry) []string = util.ClusterCIDRs
	_ func([]hyperv1.ServiceNetworkEntry) []string = util.ServiceCIDRs
	_ func([]hyperv1.MachineNetworkEntry) []string = util.MachineCIDRs
	_ func([]hyperv1.ClusterNetworkEntry) string   = util.FirstClusterCIDR
	_ func([]hyperv1.ServiceNetworkEntry) string   = util.FirstServiceCIDR
	_ func(string) (string, error)                 = util.FirstUsableIP
	_ func(string) (bool, error)                   = util.IsIPv4
	_ func(context.Context, string) error          = util.ResolveDNSHostname
	_ func() *http.Client                          = util.InsecureHTTPClient
)

// nkpVectorFile holds the cases measured on HyperShift's support/util v0.1.40
// for the netutil, kasutil and pause parts of the facade; each legacy fault or
// panic carries its fixed expectation.
const nkpVectorFile = "testdata/netutil-kasutil-pause-v0.1.40.json"

func nkpErrText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestNetutilFacadeVectors(t *testing.T) {
	type ipOut struct {
		IP         string `json:"ip"`
		Err        bool   `json:"err"`
		ErrMessage string `json:"err_message"`
	}
	for _, c := range vectors.Load(t, nkpVectorFile, "FirstUsableIP", vectors.RequireFixed()) {
		t.Run("FirstUsableIP/"+c.Name, func(t *testing.T) {
			var cidr string
			var want ipOut
			vectors.DecodeStrict(t, c.Arg(t, "cidr"), &cidr)
			vectors.DecodeStrict(t, c.Want(), &want)
			ip, err := util.FirstUsableIP(cidr)
			if got := (ipOut{ip, err != nil, nkpErrText(err)}); got != want {
				t.Errorf("got %+v, want %+v", got, want)
			}
		})
	}
	type v4Out struct {
		IsIPv4     bool   `json:"isIPv4"`
		Err        bool   `json:"err"`
		ErrMessage string `json:"err_message"`
	}
	for _, c := range vectors.Load(t, nkpVectorFile, "IsIPv4", vectors.RequireFixed()) {
		t.Run("IsIPv4/"+c.Name, func(t *testing.T) {
			var cidr string
			var want v4Out
			vectors.DecodeStrict(t, c.Arg(t, "cidr"), &cidr)
			vectors.DecodeStrict(t, c.Want(), &want)
			v4, err := util.IsIPv4(cidr)
			if got := (v4Out{v4, err != nil, nkpErrText(err)}); got != want {
				t.Errorf("got %+v, want %+v", got, want)
			}
		})
	}
}

func TestNetutilFacade(t *testing.T) {
	var nw hyperv1.ClusterNetworking
	vectors.DecodeStrict(t, []byte(`{"clusterNetwork":[{"cidr":"10.132.0.0/14","hostPrefix":23}],"serviceNetwork":[{"cidr":null},{"cidr":"fd02::/112"}],"machineNetwork":[{"cidr":"10.0.0.0/16"}]}`), &nw)
	if got := util.ClusterCIDRs(nw.ClusterNetwork); !slices.Equal(got, []string{"10.132.0.0/14"}) {
		t.Errorf("ClusterCIDRs = %v", got)
	}
	if got := util.ServiceCIDRs(nw.ServiceNetwork); !slices.Equal(got, []string{"fd02::/112"}) {
		t.Errorf("ServiceCIDRs = %v", got)
	}
	if got := util.MachineCIDRs(nw.MachineNetwork); !slices.Equal(got, []string{"10.0.0.0/16"}) {
		t.Errorf("MachineCIDRs = %v", got)
	}
	if util.FirstClusterCIDR(nw.ClusterNetwork) != "10.132.0.0/14" || util.FirstServiceCIDR(nw.ServiceNetwork) != "fd02::/112" {
		t.Error("first CIDR helpers")
	}
	if util.FirstClusterCIDR(nil) != "" || util.FirstServiceCIDR(nil) != "" {
		t.Error("first CIDR of nothing is not empty")
	}
	if err := util.ResolveDNSHostname(context.Background(), "127.0.0.1"); err != nil {
		t.Errorf("ResolveDNSHostname(127.0.0.1) = %v", err)
	}
	c := util.InsecureHTTPClient()
	tr, ok := c.Transport.(*http.Transport)
	if !ok || tr.TLSClientConfig == nil || !tr.TLSClientConfig.InsecureSkipVerify || tr.Proxy == nil {
		t.Errorf("InsecureHTTPClient transport = %#v", c.Transport)
	}
}
