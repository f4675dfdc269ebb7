package hashing

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"sync"
)

// errClosed is returned by a compress writer used after Close.
var errClosed = errors.New("hashing: write to closed compress writer")

// maxPooledBuffer is the largest scratch buffer kept for reuse; larger ones
// are left to the garbage collector so one huge payload does not pin memory.
const maxPooledBuffer = 4 << 20

// swapWriter lets a pooled gzip.Writer keep one destination object whose
// target changes per use, so the pool never retains a caller's writer.
type swapWriter struct{ w io.Writer }

func (s *swapWriter) Write(p []byte) (int, error) { return s.w.Write(p) }

type pooledWriter struct {
	zw  *gzip.Writer
	dst swapWriter
}

var writerPool = sync.Pool{New: func() any {
	pw := &pooledWriter{}
	// BestCompression is a valid level, so this cannot fail.
	pw.zw, _ = gzip.NewWriterLevel(&pw.dst, gzip.BestCompression)
	return pw
}}

func getWriter(dst io.Writer) *pooledWriter {
	pw := writerPool.Get().(*pooledWriter)
	pw.dst.w = dst
	pw.zw.Reset(&pw.dst)
	return pw
}

func putWriter(pw *pooledWriter) {
	pw.dst.w = nil
	writerPool.Put(pw)
}

var bufferPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getBuffer() *bytes.Buffer { return bufferPool.Get().(*bytes.Buffer) }

func putBuffer(b *bytes.Buffer) {
	if b.Cap() > maxPooledBuffer {
		return
	}
	b.Reset()
	bufferPool.Put(b)
}

// compressInto writes the gzip stream of a non-empty payload to dst.
func compressInto(dst io.Writer, payload []byte) error {
	pw := getWriter(dst)
	defer putWriter(pw)
	if _, err := pw.zw.Write(payload); err != nil {
		return fmt.Errorf("hashing: compress: %w", err)
	}
	if err := pw.zw.Close(); err != nil {
		return fmt.Errorf("hashing: compress: %w", err)
	}
	return nil
}

// Compress returns payload gzip-compressed at best compression, byte for
// byte what HyperShift v0.1.40 produced. An empty payload yields an empty
// buffer, not an empty gzip stream.
func Compress(payload []byte) (*bytes.Buffer, error) {
	if len(payload) == 0 {
		return new(bytes.Buffer), nil
	}
	scratch := getBuffer()
	defer putBuffer(scratch)
	if err := compressInto(scratch, payload); err != nil {
		return nil, err
	}
	return bytes.NewBuffer(bytes.Clone(scratch.Bytes())), nil
}

// CompressAndEncode returns the standard (padded) base64 text of
// [Compress](payload), ready to be stored in a ConfigMap or Secret. An empty
// payload yields an empty buffer.
func CompressAndEncode(payload []byte) (*bytes.Buffer, error) {
	if len(payload) == 0 {
		return new(bytes.Buffer), nil
	}
	scratch := getBuffer()
	defer putBuffer(scratch)
	if err := compressInto(scratch, payload); err != nil {
		return nil, err
	}
	out := make([]byte, base64.StdEncoding.EncodedLen(scratch.Len()))
	base64.StdEncoding.Encode(out, scratch.Bytes())
	return bytes.NewBuffer(out), nil
}

// NewCompressWriter returns a writer that gzip-compresses everything written
// to it into dst, producing the same bytes as [Compress] of the
// concatenation. Close flushes the stream and must be called; it does not
// close dst. When nothing (or only empty slices) was written, Close writes
// nothing, as [Compress] returns nothing for an empty payload. When dst is
// nil, Write and Close return an error wrapping [ErrNilWriter].
func NewCompressWriter(dst io.Writer) io.WriteCloser {
	if dst == nil {
		return &compressWriter{err: ErrNilWriter}
	}
	return &compressWriter{pw: getWriter(dst)}
}

type compressWriter struct {
	pw    *pooledWriter
	wrote bool
	err   error // set when the writer could not be built
}

func (c *compressWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	if c.pw == nil {
		return 0, errClosed
	}
	if len(p) == 0 {
		return 0, nil
	}
	c.wrote = true
	return c.pw.zw.Write(p)
}

// Close finishes the gzip stream and releases the writer; later calls do
// nothing.
func (c *compressWriter) Close() error {
	if c.err != nil {
		return c.err
	}
	if c.pw == nil {
		return nil
	}
	var err error
	if c.wrote {
		err = c.pw.zw.Close()
	}
	putWriter(c.pw)
	c.pw = nil
	return err
}

// CompressStream reads src to its end and writes its gzip stream to dst: the
// bytes [Compress] returns for the same data, without holding the payload in
// memory. An empty src writes nothing; a nil dst or src is an error wrapping
// [ErrNilWriter] or [ErrNilReader], and nothing is written.
func CompressStream(dst io.Writer, src io.Reader) error {
	if err := checkStreams(dst, src); err != nil {
		return err
	}
	cw := NewCompressWriter(dst)
	if _, err := io.Copy(cw, src); err != nil {
		_ = cw.Close()
		return fmt.Errorf("hashing: compress: %w", err)
	}
	if err := cw.Close(); err != nil {
		return fmt.Errorf("hashing: compress: %w", err)
	}
	return nil
}

// CompressAndEncodeStream is the streaming form of [CompressAndEncode]: it
// writes to dst the base64 text of the gzip stream of everything read from
// src. An empty src writes nothing; nil streams are refused as by
// [CompressStream].
func CompressAndEncodeStream(dst io.Writer, src io.Reader) error {
	if err := checkStreams(dst, src); err != nil {
		return err
	}
	enc := base64.NewEncoder(base64.StdEncoding, dst)
	if err := CompressStream(enc, src); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("hashing: encode base64: %w", err)
	}
	return nil
}

// checkStreams refuses a nil destination or source before anything is read
// or written.
func checkStreams(dst io.Writer, src io.Reader) error {
	if dst == nil {
		return ErrNilWriter
	}
	if src == nil {
		return ErrNilReader
	}
	return nil
}
