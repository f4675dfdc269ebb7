package netutil

import (
	"encoding/json"
	"errors"
	"net/netip"
	"slices"
	"strings"
	"testing"
	"unicode"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
)

func TestCIDRLists(t *testing.T) {
	var nw hyperv1.ClusterNetworking
	raw := `{
		"clusterNetwork": [{"cidr": "10.132.0.0/14", "hostPrefix": 23}, {"cidr": null}, {"cidr": "fd01::/48"}],
		"serviceNetwork": [{"cidr": null}, {"cidr": "172.31.0.0/16"}, {"cidr": "fd02::/112"}],
		"machineNetwork": [{"cidr": "10.0.0.5/16"}]
	}`
	if err := json.Unmarshal([]byte(raw), &nw); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		got  []string
		want []string
	}{
		{"cluster", ClusterCIDRs(nw.ClusterNetwork), []string{"10.132.0.0/14", "fd01::/48"}},
		{"service", ServiceCIDRs(nw.ServiceNetwork), []string{"172.31.0.0/16", "fd02::/112"}},
		{"machine (host bits cleared)", MachineCIDRs(nw.MachineNetwork), []string{"10.0.0.0/16"}},
		{"nil cluster", ClusterCIDRs(nil), nil},
		{"nil service", ServiceCIDRs(nil), nil},
		{"nil machine", MachineCIDRs(nil), nil},
		{"only null entries", ServiceCIDRs([]hyperv1.ServiceNetworkEntry{{}}), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !slices.Equal(tt.got, tt.want) || (tt.want == nil) != (tt.got == nil) {
				t.Errorf("got %#v, want %#v", tt.got, tt.want)
			}
		})
	}
	if got := FirstClusterCIDR(nw.ClusterNetwork); got != "10.132.0.0/14" {
		t.Errorf("FirstClusterCIDR = %q", got)
	}
	if got := FirstServiceCIDR(nw.ServiceNetwork); got != "172.31.0.0/16" {
		t.Errorf("FirstServiceCIDR = %q, want the first entry that holds a network", got)
	}
	if got := FirstClusterCIDR(nil); got != "" {
		t.Errorf("FirstClusterCIDR(nil) = %q", got)
	}
	if got := FirstServiceCIDR([]hyperv1.ServiceNetworkEntry{{}}); got != "" {
		t.Errorf("FirstServiceCIDR(null entry) = %q", got)
	}
}

func TestFirstUsableIPCarry(t *testing.T) {
	tests := []struct {
		cidr, want string
	}{
		{"10.0.0.255/31", "10.0.0.255"},
		{"10.0.1.0/23", "10.0.0.1"},
		{"255.255.255.254/31", "255.255.255.255"},
		{"fd00::ff00/120", "fd00::ff01"},
		{"fd00::fffe/127", "fd00::ffff"},
		{"::/0", "::1"},
	}
	for _, tt := range tests {
		got, err := FirstUsableIP(tt.cidr)
		if err != nil || got != tt.want {
			t.Errorf("FirstUsableIP(%q) = %q, %v; want %q", tt.cidr, got, err, tt.want)
		}
	}
	for _, cidr := range []string{"255.255.255.255/32", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128", "0.0.0.0/32", "::ffff:10.0.0.1/128"} {
		got, err := FirstUsableIP(cidr)
		if !errors.Is(err, ErrNoUsableAddress) || got != "" {
			t.Errorf("FirstUsableIP(%q) = %q, %v; want ErrNoUsableAddress", cidr, got, err)
		}
	}
}

func TestFirstUsableAddr(t *testing.T) {
	tests := []struct {
		prefix string
		want   string
		err    bool
	}{
		{"10.0.0.7/24", "10.0.0.1", false},
		{"10.0.0.255/31", "10.0.0.255", false},
		{"10.0.0.255/32", "", true},
		{"::ffff:10.0.0.0/104", "::ffff:10.0.0.1", false},
		{"2001:db8::/127", "2001:db8::1", false},
	}
	for _, tt := range tests {
		got, err := FirstUsableAddr(netip.MustParsePrefix(tt.prefix))
		if (err != nil) != tt.err {
			t.Errorf("FirstUsableAddr(%s) error = %v, want error %v", tt.prefix, err, tt.err)
			continue
		}
		if !tt.err && got.String() != tt.want {
			t.Errorf("FirstUsableAddr(%s) = %s, want %s", tt.prefix, got, tt.want)
		}
	}
	if _, err := FirstUsableAddr(netip.Prefix{}); err == nil {
		t.Error("FirstUsableAddr(zero prefix) returned no error")
	}
}

func TestIsIPv4Addresses(t *testing.T) {
	tests := []struct {
		in   string
		want bool
		err  bool
	}{
		{"192.0.2.1", true, false},
		{"::ffff:192.0.2.1", true, false},
		{"2001:db8::1", false, false},
		{"fe80::1%eth0", false, true}, // zones are refused (ErrZone)
		{"192.0.2.1/", false, true},
		{" 192.0.2.1", false, true},
		{"192.0.2", false, true},
	}
	for _, tt := range tests {
		got, err := IsIPv4(tt.in)
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("IsIPv4(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func FuzzFirstUsableIP(f *testing.F) {
	for _, s := range []string{"10.0.0.0/24", "10.0.0.255/32", "fd00::/64", "::ffff:10.0.0.0/104", "0.0.0.0/0", "not-a-cidr", "", "255.255.255.255/31", "fd00::%eth0/64", "fd00::1%garbage/ 99 !!", " 10.0.0.0/24", "10.0.0.0/24\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ip, err := FirstUsableIP(s)
		if err != nil {
			if ip != "" {
				t.Fatalf("FirstUsableIP(%q) returned %q with error %v", s, ip, err)
			}
			return
		}
		p, perr := parseCIDR(s)
		if perr != nil {
			t.Fatalf("FirstUsableIP(%q) succeeded on an input that does not parse: %v", s, perr)
		}
		addr, aerr := netip.ParseAddr(ip)
		if aerr != nil {
			t.Fatalf("FirstUsableIP(%q) = %q, not an address", s, ip)
		}
		if p.Addr().Is4In6() {
			addr = netip.AddrFrom16(addr.As16())
		}
		if !p.Contains(addr) {
			t.Fatalf("FirstUsableIP(%q) = %q lies outside the prefix", s, ip)
		}
		if addr == p.Masked().Addr() {
			t.Fatalf("FirstUsableIP(%q) = %q is the network address", s, ip)
		}
	})
}

func FuzzIsIPv4(f *testing.F) {
	for _, s := range []string{"10.0.0.0/24", "fd00::/64", "10.0.0.1", "fd00::1", "::ffff:10.0.0.0/104", "", "x", "fd00::1%garbage/ 99 !!", "fe80::1%eth0", "fe80::1%", " 10.0.0.1", "10.0.0.0/24 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v4, err := IsIPv4(s)
		if err == nil && strings.ContainsFunc(s, func(r rune) bool { return r == '%' || unicode.IsSpace(r) }) {
			t.Fatalf("IsIPv4(%q) accepted a zone or white space", s)
		}
		if err != nil && v4 {
			t.Fatalf("IsIPv4(%q) = true with error %v", s, err)
		}
		if err == nil {
			if a, aerr := netip.ParseAddr(s); aerr == nil && v4 != (a.Is4() || a.Is4In6()) {
				t.Fatalf("IsIPv4(%q) = %v disagrees with netip", s, v4)
			}
		}
	})
}

func BenchmarkFirstUsableIP(b *testing.B) {
	for b.Loop() {
		if _, err := FirstUsableIP("172.31.0.0/16"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkIsIPv4(b *testing.B) {
	for b.Loop() {
		if _, err := IsIPv4("fd02::/112"); err != nil {
			b.Fatal(err)
		}
	}
}
