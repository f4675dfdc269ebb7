// Package reference parses and renders Docker image references
// ("registry/namespace/name:tag@digest") in the shape OpenShift's tooling has
// long used: a DockerImageReference with the registry, the first path
// component (namespace), the rest of the path (name), the tag and the digest
// held apart.
//
// Parsing rests on the grammar of github.com/distribution/reference; this
// package only decides which part of the parsed name is the registry host,
// with the Docker Hub conventions of the legacy type: a reference without a
// registry keeps an empty Registry (it is not rewritten to docker.io), and
// String adds the "library" namespace only for references that name a Docker
// Hub host explicitly.
package reference
