// Package registry answers what HyperShift operators ask of image registries:
// where an image may be pulled from under registry overrides (mirrors), the
// command line forms of those overrides, an image's configuration and labels
// (through a concurrent, bounded cache that never serves a moved tag), and
// which image or version a release payload holds for a component.
//
// Registry access goes through go-containerregistry. Credentials come from
// the caller's pull secret alone and are sent only to the host they are
// written for; TLS is verified unless a registry is named insecure.
package registry
