// Package ipnet holds IPNet, a CIDR value that marshals to and from its
// string form ("10.0.0.0/16", "fd00::/48"), as HyperShift's API stores it.
//
// A JSON null decodes to the zero IPNet, whose String is "<nil>"; any other
// value that is not a CIDR string is a decode error that names the value.
package ipnet
