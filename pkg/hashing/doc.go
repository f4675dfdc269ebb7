// Package hashing computes the short hashes and the compressed payload
// encodings that hosted control plane controllers write into live objects.
//
// The hashes are FNV-1a (32 bit) and MD5, formatted exactly as HyperShift's
// support/util v0.1.40 formatted them, so names, annotations and rollout
// triggers computed with this package do not change when a controller moves
// to it:
//
//   - [Simple] hashes the fmt "%v" text of a value;
//   - [Struct] hashes the encoding/json text of a value;
//   - [ComputeHash] is the MD5 of a string in lowercase hex.
//
// Payloads are gzip-compressed at [gzip.BestCompression] (the gzip header
// carries no name and a zero modification time), optionally base64-encoded
// (standard alphabet, padded) so they fit into a ConfigMap or Secret.
// [Compress] and [CompressAndEncode] produce exactly the v0.1.40 bytes; an
// empty payload yields an empty result rather than an empty gzip stream.
//
// Decompression is bounded: [Decompress], [DecodeAndDecompress], their
// streaming forms and [NewDecompressReader] stop with an error wrapping
// [ErrTooLarge] as soon as the output would exceed a limit, which is
// [DefaultMaxSize] unless [WithMaxSize] says otherwise. The in-memory forms
// allocate close to the size of their result (never a multiple of the limit),
// so a gzip bomb costs at most about the limit in memory.
//
// gzip writers and readers are pooled, which removes the ~800 KB allocation
// that creating a best-compression writer costs on every call. Every function
// is safe for concurrent use.
package hashing
