package netutil

import (
	"context"
	"errors"
	"net"
)

// ResolveDNSHostname resolves host with the default resolver and returns nil
// when it has at least one address. It gives up, with the context's error,
// when ctx is done. An IP address literal resolves to itself.
func ResolveDNSHostname(ctx context.Context, host string) error {
	if host == "" {
		return errors.New("cannot resolve an empty host name")
	}
	if ctx == nil {
		ctx = context.Background()
	}
	_, err := net.DefaultResolver.LookupIPAddr(ctx, host)
	return err
}
