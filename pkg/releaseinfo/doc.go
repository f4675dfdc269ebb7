// Package releaseinfo reads OpenShift release images: which component image
// a release holds under each name, and the release's version.
//
// A release image carries, in its layers, release-manifests/image-references
// (an image.openshift.io/v1 ImageStream whose name is the version and whose
// tags map component names to pull specs) and release-manifests/release-metadata
// (the Cincinnati metadata: version, upgrade edges). RegistryProvider reads
// both from a registry, through mirrors, with the same cache rules as
// pkg/registry/pull: keys by digest and pull secret, tags re-resolved, copies
// out. StaticProvider serves fixed releases for tests, and MirroredProvider
// rewrites the component images another Provider returns to their mirrors.
package releaseinfo
