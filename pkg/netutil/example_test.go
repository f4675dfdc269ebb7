package netutil_test

import (
	"errors"
	"fmt"

	"github.com/hcpkit/hcpkit/pkg/netutil"
)

func ExampleFirstUsableIP() {
	for _, cidr := range []string{"172.31.0.0/16", "fd02::/112", "10.0.0.255/32"} {
		ip, err := netutil.FirstUsableIP(cidr)
		if errors.Is(err, netutil.ErrNoUsableAddress) {
			fmt.Println(cidr, "-> none")
			continue
		}
		fmt.Println(cidr, "->", ip)
	}
	// Output:
	// 172.31.0.0/16 -> 172.31.0.1
	// fd02::/112 -> fd02::1
	// 10.0.0.255/32 -> none
}

func ExampleIsIPv4() {
	for _, s := range []string{"10.0.0.0/16", "fd00::1", "nope"} {
		v4, err := netutil.IsIPv4(s)
		fmt.Println(s, v4, err != nil)
	}
	// Output:
	// 10.0.0.0/16 true false
	// fd00::1 false false
	// nope false true
}
