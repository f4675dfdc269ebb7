// Package mirror decides where an image may be pulled from when registry
// overrides (image content source / digest mirror policies) are in force.
//
// A source names a registry ("quay.io"), a namespace
// ("quay.io/openshift-release-dev") or a repository
// ("quay.io/openshift-release-dev/ocp-release"). An image matches a source
// when the source's host equals the image's registry (host names compare
// without regard to case; Docker Hub's aliases count as docker.io) and the
// source's path is a whole-component prefix of the image's path, so
// "quay.io/openshift" does not match "quay.io/openshift-release-dev/x". When
// several sources match, the one with the most path components wins. The
// matched prefix is replaced by each mirror in listed order; the tag and
// digest of the image are kept. Set.Locations lists the mirrors and then the
// original image, the order in which a client should try them.
//
// ReplacePrefix does the same job for plain string overrides
// (map[string]string): the longest source that is a prefix of the image on a
// "/", ":" or "@" boundary is replaced once.
package mirror
