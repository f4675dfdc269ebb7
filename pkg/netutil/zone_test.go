package netutil

import (
	"errors"
	"testing"
)

func TestZonesAndWhitespaceRejected(t *testing.T) {
	cases := []struct {
		in   string
		want error
		msg  string
	}{
		{"fd00::1%garbage/ 99 !!", ErrWhitespace, `error validating the incoming CIDR "fd00::1%garbage/ 99 !!": white space is not allowed`},
		{"fe80::1%eth0", ErrZone, `error validating the incoming CIDR "fe80::1%eth0": an IPv6 zone ("%...") is not allowed`},
		{"fd00::%eth0/64", ErrZone, `error validating the incoming CIDR "fd00::%eth0/64": an IPv6 zone ("%...") is not allowed`},
		{"fd00::1%", ErrZone, `error validating the incoming CIDR "fd00::1%": an IPv6 zone ("%...") is not allowed`},
		{" 10.0.0.0/24", ErrWhitespace, `error validating the incoming CIDR " 10.0.0.0/24": white space is not allowed`},
		{"10.0.0.1\n", ErrWhitespace, `error validating the incoming CIDR "10.0.0.1\n": white space is not allowed`},
		{"10.0.0.0/\t24", ErrWhitespace, `error validating the incoming CIDR "10.0.0.0/\t24": white space is not allowed`},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			v4, err := IsIPv4(tc.in)
			if v4 || !errors.Is(err, tc.want) || err.Error() != tc.msg {
				t.Errorf("IsIPv4(%q) = %v, %v; want false, %q", tc.in, v4, err, tc.msg)
			}
			ip, err := FirstUsableIP(tc.in)
			if ip != "" || !errors.Is(err, tc.want) || err.Error() != tc.msg {
				t.Errorf("FirstUsableIP(%q) = %q, %v; want \"\", %q", tc.in, ip, err, tc.msg)
			}
		})
	}
}
