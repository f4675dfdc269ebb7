package ipnet

import (
	"encoding/json"
	"net/netip"
	"strings"
	"testing"
)

func TestJSONRoundTrip(t *testing.T) {
	tests := []struct {
		in   string // JSON
		want string // String() after decoding
		out  string // JSON after encoding again
	}{
		{`"10.0.0.0/16"`, "10.0.0.0/16", `"10.0.0.0/16"`},
		{`"10.0.0.5/24"`, "10.0.0.0/24", `"10.0.0.0/24"`},
		{`"0.0.0.0/0"`, "0.0.0.0/0", `"0.0.0.0/0"`},
		{`"192.0.2.1/32"`, "192.0.2.1/32", `"192.0.2.1/32"`},
		{`"fd00::/48"`, "fd00::/48", `"fd00::/48"`},
		{`"2001:db8::1/128"`, "2001:db8::1/128", `"2001:db8::1/128"`},
		// An IPv4-mapped network prints in IPv4 form, as net.IPNet does.
		{`"::ffff:10.0.0.0/104"`, "10.0.0.0/8", `"10.0.0.0/8"`},
		{`null`, "<nil>", `null`},
	}
	for _, tt := range tests {
		var n IPNet
		if err := json.Unmarshal([]byte(tt.in), &n); err != nil {
			t.Errorf("Unmarshal(%s): %v", tt.in, err)
			continue
		}
		if n.String() != tt.want {
			t.Errorf("Unmarshal(%s).String() = %q, want %q", tt.in, n.String(), tt.want)
		}
		b, err := json.Marshal(n)
		if err != nil || string(b) != tt.out {
			t.Errorf("Marshal(%s) = %s, %v; want %s", tt.in, b, err, tt.out)
		}
		var again IPNet
		if err := json.Unmarshal(b, &again); err != nil || again.String() != n.String() {
			t.Errorf("second round trip of %s: %q, %v", tt.in, again.String(), err)
		}
	}
}

func TestNullInStruct(t *testing.T) {
	var entry struct {
		CIDR IPNet `json:"cidr"`
	}
	if err := json.Unmarshal([]byte(`{"cidr": null}`), &entry); err != nil {
		t.Fatal(err)
	}
	if !entry.CIDR.IsZero() || entry.CIDR.String() != "<nil>" {
		t.Errorf("null cidr = %#v (%q), want the zero IPNet", entry.CIDR, entry.CIDR.String())
	}
	// null over an existing value resets it.
	entry.CIDR = *MustParseCIDR("10.0.0.0/8")
	if err := json.Unmarshal([]byte(`{"cidr": null}`), &entry); err != nil || !entry.CIDR.IsZero() {
		t.Errorf("null over a value: %v, %v", entry.CIDR, err)
	}
	b, err := json.Marshal(struct {
		CIDR IPNet `json:"cidr"`
	}{})
	if err != nil || string(b) != `{"cidr":null}` {
		t.Errorf("zero IPNet marshals to %s, %v", b, err)
	}
}

func TestBadCIDRIsClearError(t *testing.T) {
	tests := []struct {
		in      string
		mention string
	}{
		{`"10.0.0.0"`, "10.0.0.0"},
		{`"10.0.0.0/33"`, "10.0.0.0/33"},
		{`"fd00::/129"`, "fd00::/129"},
		{`"not-a-cidr"`, "not-a-cidr"},
		{`""`, `""`},
		{`42`, "42"},
		{`{"ip":"10.0.0.0"}`, `{"ip":"10.0.0.0"}`},
		{`["10.0.0.0/8"]`, `["10.0.0.0/8"]`},
		{`"` + strings.Repeat("1", 200) + `"`, "111"},
	}
	for _, tt := range tests {
		var n IPNet
		err := json.Unmarshal([]byte(tt.in), &n)
		if err == nil {
			t.Errorf("Unmarshal(%.40s) = %v, want an error", tt.in, n)
			continue
		}
		if !strings.Contains(err.Error(), "invalid CIDR") || !strings.Contains(err.Error(), tt.mention) {
			t.Errorf("Unmarshal(%.40s) error %q does not say invalid CIDR and name %q", tt.in, err, tt.mention)
		}
		if len(err.Error()) > 2*len(tt.in)+100 {
			t.Errorf("error for a %d-byte input is %d bytes long", len(tt.in), len(err.Error()))
		}
		if !n.IsZero() {
			t.Errorf("failed Unmarshal(%.40s) left %v", tt.in, n)
		}
	}
	if _, err := ParseCIDR("10.0.0.1"); err == nil || !strings.Contains(err.Error(), `"10.0.0.1"`) {
		t.Errorf("ParseCIDR(bare address) error = %v", err)
	}
}

func TestMustParseCIDRPanicsOnBadInput(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustParseCIDR(bad) did not panic")
		}
	}()
	MustParseCIDR("bad")
}

func TestDeepCopyIndependence(t *testing.T) {
	orig := MustParseCIDR("10.1.0.0/16")
	cp := orig.DeepCopy()
	if cp.String() != orig.String() {
		t.Fatalf("copy %v != original %v", cp, orig)
	}
	cp.IP[0] = 192
	cp.Mask[3] = 0xff
	if orig.String() != "10.1.0.0/16" {
		t.Errorf("changing the copy changed the original to %v", orig)
	}
	var zero IPNet
	zc := zero.DeepCopy()
	if !zc.IsZero() || zc.IP != nil || zc.Mask != nil {
		t.Errorf("copy of the zero IPNet = %#v", zc)
	}
	var nilNet *IPNet
	if nilNet.DeepCopy() != nil {
		t.Error("DeepCopy of nil is not nil")
	}
	var into IPNet
	orig.DeepCopyInto(&into)
	into.IP[1] = 99
	if orig.String() != "10.1.0.0/16" {
		t.Errorf("DeepCopyInto shares memory: original now %v", orig)
	}
}

func TestPrefix(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"10.0.0.0/8", "10.0.0.0/8", true},
		{"fd00::/48", "fd00::/48", true},
		{"::ffff:10.0.0.0/104", "10.0.0.0/8", true},
	}
	for _, tt := range tests {
		p, ok := MustParseCIDR(tt.in).Prefix()
		if ok != tt.ok || (ok && p != netip.MustParsePrefix(tt.want)) {
			t.Errorf("Prefix(%s) = %v, %v; want %s, %v", tt.in, p, ok, tt.want, tt.ok)
		}
	}
	if _, ok := (IPNet{}).Prefix(); ok {
		t.Error("zero IPNet has a prefix")
	}
}

func FuzzUnmarshalJSON(f *testing.F) {
	for _, s := range []string{`"10.0.0.0/16"`, `"fd00::/48"`, `null`, `"x"`, `42`, `"::ffff:10.0.0.0/104"`, `""`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var n IPNet
		if err := n.UnmarshalJSON(b); err != nil {
			if len(err.Error()) > 10*len(b)+100 { // quoting may expand each byte to \xNN, twice
				t.Fatalf("error of %d bytes for %d bytes of input", len(err.Error()), len(b))
			}
			return
		}
		out, err := n.MarshalJSON()
		if err != nil {
			t.Fatalf("Marshal after a successful Unmarshal(%q): %v", b, err)
		}
		var again IPNet
		if err := again.UnmarshalJSON(out); err != nil || again.String() != n.String() {
			t.Fatalf("round trip of %q: %s -> %q, %v", b, out, again.String(), err)
		}
		cp := n.DeepCopy()
		if cp.String() != n.String() {
			t.Fatalf("DeepCopy of %v = %v", n, cp)
		}
	})
}
