package netutil

import (
	"context"
	"errors"
	"fmt"
	"net"
	"time"
)

// DefaultResolveTimeout bounds ResolveDNSHostname when its context has no
// deadline, as HyperShift's support/util does.
const DefaultResolveTimeout = time.Second

// ResolveDNSHostname resolves host with the default resolver and returns nil
// when it has at least one address. The lookup ends with an error when ctx
// is done or, if ctx has no deadline, after DefaultResolveTimeout. An IP
// address literal resolves to itself.
func ResolveDNSHostname(ctx context.Context, host string) error {
	if host == "" {
		return errors.New("cannot resolve an empty host name")
	}
	if ctx == nil {
		ctx = context.Background()
	}
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, DefaultResolveTimeout)
		defer cancel()
	}
	addrs, err := net.DefaultResolver.LookupIPAddr(ctx, host)
	if err == nil && len(addrs) == 0 {
		err = fmt.Errorf("couldn't resolve %s", host)
	}
	return err
}
