package ipnet

import (
	"encoding/json"
	"fmt"
	"net"
	"net/netip"
)

// IPNet is a CIDR (an IP address and a prefix mask) whose JSON form is its
// string form. The zero value holds no network and prints as "<nil>".
//
// +kubebuilder:validation:Type=string
type IPNet struct {
	net.IPNet
}

// ParseCIDR parses s as a CIDR in the form accepted by net.ParseCIDR and
// returns the network it denotes (the host bits of s are cleared).
func ParseCIDR(s string) (*IPNet, error) {
	_, n, err := net.ParseCIDR(s)
	if err != nil {
		// net.ParseError repeats the whole input; name it once, truncated.
		return nil, fmt.Errorf("invalid CIDR %q: want an address and a prefix length such as 10.0.0.0/16 or fd00::/48", truncate([]byte(s)))
	}
	return &IPNet{IPNet: *n}, nil
}

// MustParseCIDR is like ParseCIDR but panics when s does not parse. It is
// meant for constants in tests and package initialisation.
func MustParseCIDR(s string) *IPNet {
	n, err := ParseCIDR(s)
	if err != nil {
		panic(err)
	}
	return n
}

// IsZero reports whether n holds no network.
func (n IPNet) IsZero() bool {
	return n.IP == nil && n.Mask == nil
}

// String returns the CIDR notation of n, or "<nil>" for the zero IPNet.
func (n IPNet) String() string {
	return n.IPNet.String()
}

// Prefix returns n as a netip.Prefix. It reports false for the zero IPNet or
// a mask that is not a prefix mask. IPv4 networks come back as IPv4 prefixes.
func (n IPNet) Prefix() (netip.Prefix, bool) {
	addr, ok := netip.AddrFromSlice(n.IP)
	if !ok {
		return netip.Prefix{}, false
	}
	ones, bits := n.Mask.Size()
	if bits == 0 {
		return netip.Prefix{}, false
	}
	addr = addr.Unmap()
	if addr.Is4() && bits == 128 {
		ones -= 96
	}
	if ones < 0 {
		return netip.Prefix{}, false
	}
	return netip.PrefixFrom(addr, ones), true
}

// MarshalJSON encodes n as a JSON string, or null for the zero IPNet.
func (n IPNet) MarshalJSON() ([]byte, error) {
	if n.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(n.String())
}

// UnmarshalJSON decodes a JSON string holding a CIDR. A JSON null leaves the
// zero IPNet; any other value is an error that names it.
func (n *IPNet) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*n = IPNet{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("invalid CIDR: want a JSON string, got %s", truncate(b))
	}
	parsed, err := ParseCIDR(s)
	if err != nil {
		return err
	}
	*n = *parsed
	return nil
}

// DeepCopyInto copies n into out; the copy shares no memory with n.
func (n *IPNet) DeepCopyInto(out *IPNet) {
	out.IP = append(net.IP(nil), n.IP...)
	out.Mask = append(net.IPMask(nil), n.Mask...)
	if n.IP == nil {
		out.IP = nil
	}
	if n.Mask == nil {
		out.Mask = nil
	}
}

// DeepCopy returns a copy of n that shares no memory with it.
func (n *IPNet) DeepCopy() *IPNet {
	if n == nil {
		return nil
	}
	out := new(IPNet)
	n.DeepCopyInto(out)
	return out
}

func truncate(b []byte) string {
	const limit = 64
	if len(b) > limit {
		return string(b[:limit]) + "..."
	}
	return string(b)
}
