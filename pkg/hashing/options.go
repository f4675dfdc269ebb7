package hashing

import (
	"errors"
	"fmt"
)

// DefaultMaxSize is the decompressed-size limit used when no [WithMaxSize]
// option is given: 64 MiB. A ConfigMap or Secret holds at most 1 MiB, and
// text payloads (ignition configs, manifests, kubeconfigs) compress about
// 5-10:1, so real payloads stay far below it, while a gzip bomb that fits a
// ConfigMap would otherwise expand to about 1 GiB.
const DefaultMaxSize int64 = 64 << 20

// maxDeflateRatio bounds how much output one byte of deflate data can
// produce (RFC 1951 allows 258 bytes per 2-bit symbol, about 1032:1). It
// caps allocations made on the word of a gzip trailer.
const maxDeflateRatio = 1032

// ErrTooLarge is wrapped by every error returned because decompressed data
// would exceed the size limit; test for it with errors.Is.
var ErrTooLarge = errors.New("hashing: decompressed payload exceeds the size limit")

// ErrNilReader is wrapped by the error a streaming function returns when
// its source is a nil io.Reader.
var ErrNilReader = errors.New("hashing: nil reader")

// ErrNilWriter is wrapped by the error a streaming function (or [StructTo])
// returns when its destination is a nil io.Writer.
var ErrNilWriter = errors.New("hashing: nil writer")

// Option configures decompression.
type Option func(*options)

type options struct {
	maxSize int64
}

// WithMaxSize sets the decompressed-size limit to n bytes: decompressing more
// than n bytes fails with an error wrapping [ErrTooLarge]. A value n <= 0
// selects [DefaultMaxSize].
func WithMaxSize(n int64) Option {
	return func(o *options) {
		if n <= 0 {
			n = DefaultMaxSize
		}
		o.maxSize = n
	}
}

func buildOptions(opts []Option) options {
	o := options{maxSize: DefaultMaxSize}
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	return o
}

func tooLarge(limit int64) error {
	return fmt.Errorf("%w of %d bytes", ErrTooLarge, limit)
}
