// Package archtest holds tests of hcpkit's architecture rules: which of its
// packages may import which. It has no code of its own.
package archtest
