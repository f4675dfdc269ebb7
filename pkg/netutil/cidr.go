package netutil

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strings"
	"unicode"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
	"github.com/hcpkit/hcpkit/pkg/api/ipnet"
)

// ErrNoUsableAddress is wrapped by the errors of FirstUsableIP and
// FirstUsableAddr when a prefix holds no address after its network address
// (an IPv4 /32, an IPv6 /128, or the last address of the address space).
var ErrNoUsableAddress = errors.New("no usable address")

// ErrZone is wrapped by the errors of FirstUsableIP and IsIPv4 when the text
// holds an IPv6 zone ("fe80::1%eth0"): a zone names an interface of one
// host and has no place in a network setting, and netip would accept any
// text after the "%".
var ErrZone = errors.New("an IPv6 zone (\"%...\") is not allowed")

// ErrWhitespace is wrapped by the errors of FirstUsableIP and IsIPv4 when the
// text holds white space anywhere.
var ErrWhitespace = errors.New("white space is not allowed")

// ClusterCIDRs returns the CIDRs of the pod networks in the order listed.
// Entries without a network (a null cidr) are left out; an empty or nil list
// gives nil.
func ClusterCIDRs(entries []hyperv1.ClusterNetworkEntry) []string {
	return cidrStrings(entries, func(e hyperv1.ClusterNetworkEntry) ipnet.IPNet { return e.CIDR })
}

// ServiceCIDRs returns the CIDRs of the service networks in the order listed.
// Entries without a network (a null cidr) are left out; an empty or nil list
// gives nil.
func ServiceCIDRs(entries []hyperv1.ServiceNetworkEntry) []string {
	return cidrStrings(entries, func(e hyperv1.ServiceNetworkEntry) ipnet.IPNet { return e.CIDR })
}

// MachineCIDRs returns the CIDRs of the node networks in the order listed.
// Entries without a network (a null cidr) are left out; an empty or nil list
// gives nil.
func MachineCIDRs(entries []hyperv1.MachineNetworkEntry) []string {
	return cidrStrings(entries, func(e hyperv1.MachineNetworkEntry) ipnet.IPNet { return e.CIDR })
}

// FirstClusterCIDR returns the first CIDR that ClusterCIDRs returns, or ""
// when there is none.
func FirstClusterCIDR(entries []hyperv1.ClusterNetworkEntry) string {
	return first(ClusterCIDRs(entries))
}

// FirstServiceCIDR returns the first CIDR that ServiceCIDRs returns, or ""
// when there is none.
func FirstServiceCIDR(entries []hyperv1.ServiceNetworkEntry) string {
	return first(ServiceCIDRs(entries))
}

func cidrStrings[E any](entries []E, cidr func(E) ipnet.IPNet) []string {
	var out []string
	for _, e := range entries {
		n := cidr(e)
		if n.IsZero() {
			continue
		}
		out = append(out, n.String())
	}
	return out
}

func first(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[0]
}

// FirstUsableIP returns the address that follows the network address of
// cidr: "10.0.0.1" for "10.0.0.0/24" (or "10.0.0.5/24"), "fd00::1" for
// "fd00::/64". An IPv4-mapped IPv6 CIDR gives its address in IPv4 form.
//
// It returns an error when cidr is not a CIDR (the text is that of
// HyperShift's support/util), an error wrapping ErrWhitespace or ErrZone when
// cidr holds white space or an IPv6 zone, and an error wrapping
// ErrNoUsableAddress when the prefix holds no address after its network
// address, such as a /32 or /128.
func FirstUsableIP(cidr string) (string, error) {
	if err := checkText(cidr); err != nil {
		return "", err
	}
	p, err := parseCIDR(cidr)
	if err != nil {
		return "", err
	}
	addr, err := FirstUsableAddr(p)
	if err != nil {
		return "", err
	}
	return addr.Unmap().String(), nil
}

// FirstUsableAddr returns the address that follows the network address of p.
// The result is in p's family (an IPv4-mapped prefix gives an IPv4-mapped
// address). It returns an error for an invalid prefix and an error wrapping
// ErrNoUsableAddress when p holds no address after its network address.
func FirstUsableAddr(p netip.Prefix) (netip.Addr, error) {
	if !p.IsValid() {
		return netip.Addr{}, errors.New("invalid prefix: the zero netip.Prefix or a prefix length out of range")
	}
	network := p.Masked()
	next := network.Addr().Next()
	if !next.IsValid() || !network.Contains(next) {
		return netip.Addr{}, fmt.Errorf("%w: %s holds no address after its network address %s",
			ErrNoUsableAddress, p, network.Addr())
	}
	return next, nil
}

// IsIPv4 reports whether s, a CIDR ("10.0.0.0/16") or a bare address
// ("10.0.0.1"), is of the IPv4 family. IPv4-mapped IPv6 forms
// ("::ffff:10.0.0.0/104") count as IPv4. It returns an error wrapping
// ErrWhitespace or ErrZone when s holds white space or an IPv6 zone, and an
// error in the text of HyperShift's support/util when s is neither a CIDR nor
// an address.
func IsIPv4(s string) (bool, error) {
	if err := checkText(s); err != nil {
		return false, err
	}
	p, err := parseCIDR(s)
	if err == nil {
		return isIPv4Addr(p.Addr()), nil
	}
	if a, aerr := netip.ParseAddr(s); aerr == nil {
		return isIPv4Addr(a), nil
	}
	return false, err
}

// checkText refuses text that holds white space or an IPv6 zone, which no
// CIDR or address in a network setting has.
func checkText(s string) error {
	if strings.IndexFunc(s, unicode.IsSpace) >= 0 {
		return fmt.Errorf("error validating the incoming CIDR %q: %w", s, ErrWhitespace)
	}
	if strings.Contains(s, "%") {
		return fmt.Errorf("error validating the incoming CIDR %q: %w", s, ErrZone)
	}
	return nil
}

func isIPv4Addr(a netip.Addr) bool {
	return a.Is4() || a.Is4In6()
}

// parseCIDR parses s with net.ParseCIDR, so that the accepted forms and the
// error text match HyperShift's support/util, and returns it as a prefix that
// keeps the family of the text (an IPv4-mapped IPv6 CIDR stays IPv6-sized).
func parseCIDR(s string) (netip.Prefix, error) {
	_, n, err := net.ParseCIDR(s)
	if err != nil {
		return netip.Prefix{}, fmt.Errorf("error validating the incoming CIDR %s: %w", s, err)
	}
	addr, ok := netip.AddrFromSlice(n.IP)
	ones, bits := n.Mask.Size()
	if !ok || bits != addr.BitLen() {
		// net.ParseCIDR always returns a canonical mask of the address's
		// size; this guards against a future change rather than any input.
		return netip.Prefix{}, fmt.Errorf("error validating the incoming CIDR %s: unexpected network %v", s, n)
	}
	return netip.PrefixFrom(addr, ones), nil
}
