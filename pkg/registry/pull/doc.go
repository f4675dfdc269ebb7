// Package pull reads images from registries for hcpkit: it resolves an
// image through its mirrors, authenticates from a pull secret and caches
// what it learns.
//
// A Client tries an image's locations in order (its mirrors, then the image
// itself) and, when every one fails, returns an error naming each location
// and why it failed. Credentials come from the pull secret given with each
// call (a docker config JSON) and nothing else: the machine's docker config
// and credential helpers are never read, and an entry is only used for the
// registry host it is written for. TLS is verified except for registries the
// Client is told are insecure.
//
// Image configurations are cached in a bounded LRU safe for concurrent use.
// Keys hold the repository that was asked for, the manifest digest, the
// platform and a digest of the pull secret, so one caller's credentials never
// reveal an image to another. References by tag are resolved on every call
// (a moved tag is never served stale) and then looked up by digest.
// Concurrent identical lookups share one fetch. A manifest list is resolved to
// the Client's platform (linux/amd64 unless set) and cached under both the
// list's digest and the image's. Callers get copies they may modify.
package pull
