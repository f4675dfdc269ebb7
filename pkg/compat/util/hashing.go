package util

import (
	"bytes"

	"github.com/hcpkit/hcpkit/pkg/hashing"
)

// HashSimple returns the 32-bit FNV-1a hash, as 8 hex digits, of the "%v"
// text of o. See hashing.Simple.
var HashSimple = hashing.Simple

// HashStruct returns the 32-bit FNV-1a hash, as 8 hex digits, of the JSON of
// data. See hashing.Struct.
var HashStruct = hashing.Struct

// ComputeHash returns the MD5 digest of s in lowercase hex. See
// hashing.ComputeHash.
var ComputeHash = hashing.ComputeHash

// Compress gzip-compresses payload at best compression; an empty payload
// gives an empty buffer. See hashing.Compress.
var Compress = hashing.Compress

// CompressAndEncode compresses payload as Compress does and base64-encodes
// the result, for storing in a ConfigMap or Secret. See
// hashing.CompressAndEncode.
var CompressAndEncode = hashing.CompressAndEncode

// DecodeAndDecompress base64-decodes and decompresses payload. Unlike
// v0.1.40 it stops with an error wrapping hashing.ErrTooLarge when the data
// exceeds hashing.DefaultMaxSize (64 MiB); use hashing.DecodeAndDecompress
// with hashing.WithMaxSize for another limit. See
// hashing.DecodeAndDecompress.
func DecodeAndDecompress(payload []byte) (*bytes.Buffer, error) {
	return hashing.DecodeAndDecompress(payload)
}
