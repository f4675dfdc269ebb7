package hashing

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sync"
)

var readerPool sync.Pool // of *gzip.Reader

// getReader returns a pooled gzip reader reading src. The error is the one
// of reading the gzip header (io.EOF for an empty src).
func getReader(src io.Reader) (*gzip.Reader, error) {
	if zr, ok := readerPool.Get().(*gzip.Reader); ok {
		if err := zr.Reset(src); err != nil {
			readerPool.Put(zr)
			return nil, err
		}
		return zr, nil
	}
	return gzip.NewReader(src)
}

func putReader(zr *gzip.Reader) {
	if zr != nil {
		readerPool.Put(zr)
	}
}

// Decompress returns the data of the gzip stream payload (as written by
// [Compress]). It fails with an error wrapping [ErrTooLarge] when the data is
// larger than the limit ([DefaultMaxSize] unless [WithMaxSize] is given); it
// never allocates much more than the size of its result. An empty payload
// yields an empty buffer.
func Decompress(payload []byte, opts ...Option) (*bytes.Buffer, error) {
	o := buildOptions(opts)
	out, err := decompressBytes(payload, o.maxSize)
	if err != nil {
		return nil, err
	}
	return bytes.NewBuffer(out), nil
}

// DecodeAndDecompress reverses [CompressAndEncode]: it decodes standard
// base64 text (line breaks are ignored) and decompresses the gzip stream,
// under the same size limit as [Decompress]. An empty payload yields an empty
// buffer.
func DecodeAndDecompress(payload []byte, opts ...Option) (*bytes.Buffer, error) {
	o := buildOptions(opts)
	if len(payload) == 0 {
		return new(bytes.Buffer), nil
	}
	scratch := getBuffer()
	defer putBuffer(scratch)
	scratch.Grow(base64.StdEncoding.DecodedLen(len(payload)))
	decoded := scratch.AvailableBuffer()[:base64.StdEncoding.DecodedLen(len(payload))]
	n, err := base64.StdEncoding.Decode(decoded, payload)
	if err != nil {
		return nil, fmt.Errorf("hashing: decode base64: %w", err)
	}
	out, err := decompressBytes(decoded[:n], o.maxSize)
	if err != nil {
		return nil, err
	}
	return bytes.NewBuffer(out), nil
}

// decompressBytes inflates src into a slice of (nearly) exactly the right
// size. The gzip trailer's ISIZE field (the size modulo 2^32 of the last
// member) is used as a first guess, capped by the limit and by the most that
// len(src) bytes of deflate data can expand to. When the guess proves too
// small (a multi-member stream, or a trailer that lies), the rest is only
// counted, still under the limit, and a second pass fills a slice of the
// exact size: memory stays near the size of the output, never a multiple of
// the limit.
func decompressBytes(src []byte, limit int64) ([]byte, error) {
	if len(src) == 0 {
		return []byte{}, nil
	}
	zr, err := getReader(bytes.NewReader(src))
	if err != nil {
		return nil, wrapReadErr(err)
	}
	defer putReader(zr)

	buf := make([]byte, sizeHint(src, limit))
	n, more, err := fill(zr, buf)
	if err != nil {
		return nil, err
	}
	if !more {
		if n < len(buf)/2 {
			// The trailer promised much more than there was: do not hand
			// the caller a mostly empty allocation.
			return bytes.Clone(buf[:n]), nil
		}
		return buf[:n], nil
	}
	// n == len(buf) and at least one more byte exists.
	total := int64(n) + 1
	if total > limit {
		return nil, tooLarge(limit)
	}
	rest, err := io.Copy(io.Discard, io.LimitReader(zr, limit-total+1))
	if err != nil {
		return nil, wrapReadErr(err)
	}
	total += rest
	if total > limit {
		return nil, tooLarge(limit)
	}
	if err := zr.Reset(bytes.NewReader(src)); err != nil {
		return nil, wrapReadErr(err)
	}
	exact := make([]byte, total)
	m, more, err := fill(zr, exact)
	if err != nil {
		return nil, err
	}
	if more || int64(m) != total {
		// The same bytes inflated differently: cannot happen with a
		// deterministic decoder, but never return a wrong result.
		return nil, errors.New("hashing: decompress: inconsistent stream length")
	}
	return exact, nil
}

// fill reads from zr into buf until buf is full or the stream ends. more
// reports whether the stream holds data beyond buf.
func fill(zr io.Reader, buf []byte) (n int, more bool, err error) {
	for n < len(buf) {
		m, rerr := zr.Read(buf[n:])
		n += m
		if errors.Is(rerr, io.EOF) {
			return n, false, nil
		}
		if rerr != nil {
			return n, false, wrapReadErr(rerr)
		}
	}
	var probe [1]byte
	for {
		m, rerr := zr.Read(probe[:])
		if m > 0 {
			return n, true, nil
		}
		if errors.Is(rerr, io.EOF) {
			return n, false, nil
		}
		if rerr != nil {
			return n, false, wrapReadErr(rerr)
		}
	}
}

// sizeHint guesses the decompressed size of the gzip stream src.
func sizeHint(src []byte, limit int64) int {
	const minMember = 18 // 10-byte header, 8-byte trailer
	if len(src) < minMember {
		return 0
	}
	hint := int64(binary.LittleEndian.Uint32(src[len(src)-4:]))
	hint = min(hint, limit, int64(len(src))*maxDeflateRatio)
	return int(hint)
}

func wrapReadErr(err error) error {
	if errors.Is(err, ErrTooLarge) {
		return err
	}
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	return fmt.Errorf("hashing: decompress: %w", err)
}

// NewDecompressReader returns a reader of the data of the gzip stream read
// from src. Reading more than the limit ([DefaultMaxSize] unless
// [WithMaxSize] is given) fails with an error wrapping [ErrTooLarge] after
// exactly the limit has been returned. An empty src reads as empty data; a
// src that does not start with a gzip header is an error, and so is a nil src
// (wrapping [ErrNilReader]). Close releases the decoder for reuse; it does
// not close src.
func NewDecompressReader(src io.Reader, opts ...Option) (io.ReadCloser, error) {
	if src == nil {
		return nil, ErrNilReader
	}
	o := buildOptions(opts)
	zr, err := getReader(src)
	if errors.Is(err, io.EOF) {
		putReader(zr)
		return &limitReader{err: io.EOF}, nil
	}
	if err != nil {
		return nil, wrapReadErr(err)
	}
	return &limitReader{zr: zr, remaining: o.maxSize, limit: o.maxSize}, nil
}

// limitReader reads from a pooled gzip reader and fails once more than limit
// bytes would be returned.
type limitReader struct {
	zr        *gzip.Reader
	remaining int64
	limit     int64
	err       error // sticky
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	if len(p) == 0 {
		return 0, nil
	}
	// Ask for at most one byte past the limit: enough to detect overflow.
	if l.remaining < int64(len(p)) {
		p = p[:l.remaining+1]
	}
	n, err := l.zr.Read(p)
	if int64(n) > l.remaining {
		n = int(l.remaining)
		l.remaining = 0
		l.err = tooLarge(l.limit)
		return n, l.err
	}
	l.remaining -= int64(n)
	if err != nil {
		if !errors.Is(err, io.EOF) {
			err = wrapReadErr(err)
		}
		l.err = err
	}
	return n, err
}

// Close releases the gzip decoder; reading afterwards returns an error.
func (l *limitReader) Close() error {
	if l.zr != nil {
		putReader(l.zr)
		l.zr = nil
	}
	if l.err == nil || errors.Is(l.err, io.EOF) {
		l.err = errors.New("hashing: read from closed decompress reader")
	}
	return nil
}

// DecompressStream writes the data of the gzip stream read from src to dst
// and returns the number of bytes written. Past the limit ([DefaultMaxSize]
// unless [WithMaxSize] is given) it stops with an error wrapping
// [ErrTooLarge], after writing exactly the limit. Memory use is constant. An
// empty src writes nothing; a nil dst or src is an error wrapping
// [ErrNilWriter] or [ErrNilReader], and nothing is read or written.
func DecompressStream(dst io.Writer, src io.Reader, opts ...Option) (int64, error) {
	if err := checkStreams(dst, src); err != nil {
		return 0, err
	}
	r, err := NewDecompressReader(src, opts...)
	if err != nil {
		return 0, err
	}
	defer r.Close()
	copyBuf := copyBufferPool.Get().(*[]byte)
	defer copyBufferPool.Put(copyBuf)
	return io.CopyBuffer(onlyWriter{dst}, r, *copyBuf)
}

// DecodeAndDecompressStream is the streaming form of [DecodeAndDecompress]:
// it decodes base64 text read from src and writes the decompressed data to
// dst, under the same limit as [DecompressStream], which also refuses nil
// streams.
func DecodeAndDecompressStream(dst io.Writer, src io.Reader, opts ...Option) (int64, error) {
	if err := checkStreams(dst, src); err != nil {
		return 0, err
	}
	return DecompressStream(dst, base64.NewDecoder(base64.StdEncoding, src), opts...)
}

var copyBufferPool = sync.Pool{New: func() any {
	b := make([]byte, 32<<10)
	return &b
}}

// onlyWriter hides a ReaderFrom implementation of the destination so that
// io.CopyBuffer uses the pooled buffer and the limit reader alone decides
// how much is read.
type onlyWriter struct{ w io.Writer }

func (o onlyWriter) Write(p []byte) (int, error) { return o.w.Write(p) }
