// Package netutil holds the network helpers hcpkit's other packages and its
// users share: the CIDR lists of a cluster's networks, the first usable
// address of a CIDR, the address family of a CIDR or address, DNS resolution
// bounded by a context, and an HTTP client for endpoints with self-signed
// certificates.
//
// Compared with HyperShift's support/util v0.1.40, FirstUsableIP carries into
// the higher bytes and reports an error when a prefix has no address after
// its network address, IsIPv4 accepts a bare address as well as a CIDR, the
// CIDR lists leave out entries that hold no network, ResolveDNSHostname
// honours its context and InsecureHTTPClient honours the proxy environment
// variables. docs/compat.md lists every difference.
package netutil
