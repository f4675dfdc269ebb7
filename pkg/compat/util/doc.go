// Package util is the compatibility facade of hcpkit: the flat API of
// HyperShift's support/util at v0.1.40, re-exported under the same names and
// signatures, so that existing callers switch by changing import paths only.
//
// It holds no logic. Every symbol is a type alias, a constant, a variable
// bound to a function of one of hcpkit's domain packages (pkg/netutil,
// pkg/kasutil, pkg/pause, pkg/podspec, pkg/routes, pkg/registry,
// pkg/hashing, pkg/k8sutil, pkg/events, pkg/monitoring, pkg/releaseinfo) or a
// one-line forwarder to one. HyperShift's API types map to
// github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1; third-party types are
// the real ones.
//
// Outputs that name or hash live objects (shortened names, hashes, compressed
// payloads, registry flag strings, KAS ports) are byte-identical to v0.1.40.
// Where v0.1.40 panicked, raced, used unbounded memory or gave a wrong answer,
// the facade returns the corrected result, or a documented safe value where
// the legacy signature has no error result. docs/compat.md lists every
// difference with the old and the new behaviour; new code should call the
// domain packages, whose APIs return errors and take options.
package util
