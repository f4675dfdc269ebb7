package hashing

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

// callNoPanic runs f and turns a panic into a test failure, so a missing nil
// check fails the case instead of the whole test binary.
func callNoPanic(t *testing.T, f func() error) (err error) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("panicked: %v", r)
			err = nil
		}
	}()
	return f()
}

func TestNilStreams(t *testing.T) {
	gz, err := Compress([]byte("hello"))
	if err != nil {
		t.Fatal(err)
	}
	gzText := gz.String()
	b64, err := CompressAndEncode([]byte("hello"))
	if err != nil {
		t.Fatal(err)
	}
	b64Text := b64.String()

	cases := []struct {
		name string
		call func() error
		want error
	}{
		{"CompressStream nil dst and src", func() error { return CompressStream(nil, nil) }, ErrNilWriter},
		{"CompressStream nil dst", func() error { return CompressStream(nil, strings.NewReader("x")) }, ErrNilWriter},
		{"CompressStream nil src", func() error { return CompressStream(io.Discard, nil) }, ErrNilReader},
		{"CompressAndEncodeStream nil dst", func() error { return CompressAndEncodeStream(nil, strings.NewReader("x")) }, ErrNilWriter},
		{"CompressAndEncodeStream nil src", func() error { return CompressAndEncodeStream(io.Discard, nil) }, ErrNilReader},
		{"NewCompressWriter nil dst Write", func() error {
			_, err := NewCompressWriter(nil).Write([]byte("x"))
			return err
		}, ErrNilWriter},
		{"NewCompressWriter nil dst Close", func() error { return NewCompressWriter(nil).Close() }, ErrNilWriter},
		{"NewDecompressReader nil src", func() error {
			_, err := NewDecompressReader(nil)
			return err
		}, ErrNilReader},
		{"DecompressStream nil dst", func() error {
			_, err := DecompressStream(nil, strings.NewReader(gzText))
			return err
		}, ErrNilWriter},
		{"DecompressStream nil src", func() error {
			_, err := DecompressStream(io.Discard, nil)
			return err
		}, ErrNilReader},
		{"DecodeAndDecompressStream nil dst", func() error {
			_, err := DecodeAndDecompressStream(nil, strings.NewReader(b64Text))
			return err
		}, ErrNilWriter},
		{"DecodeAndDecompressStream nil src", func() error {
			_, err := DecodeAndDecompressStream(io.Discard, nil)
			return err
		}, ErrNilReader},
		{"StructTo nil writer", func() error { return StructTo(nil, map[string]int{"a": 1}) }, ErrNilWriter},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := callNoPanic(t, tc.call)
			if !errors.Is(err, tc.want) {
				t.Errorf("error = %v, want one wrapping %v", err, tc.want)
			}
		})
	}
}

// TestNilStreamsWriteNothing checks that a nil source leaves the destination
// untouched.
func TestNilStreamsWriteNothing(t *testing.T) {
	cases := []struct {
		name string
		call func(dst io.Writer) error
	}{
		{"CompressStream", func(dst io.Writer) error { return CompressStream(dst, nil) }},
		{"CompressAndEncodeStream", func(dst io.Writer) error { return CompressAndEncodeStream(dst, nil) }},
		{"DecompressStream", func(dst io.Writer) error { _, err := DecompressStream(dst, nil); return err }},
		{"DecodeAndDecompressStream", func(dst io.Writer) error { _, err := DecodeAndDecompressStream(dst, nil); return err }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var dst bytes.Buffer
			if err := callNoPanic(t, func() error { return tc.call(&dst) }); err == nil {
				t.Error("no error for a nil source")
			}
			if dst.Len() != 0 {
				t.Errorf("wrote %d bytes for a nil source", dst.Len())
			}
		})
	}
}
