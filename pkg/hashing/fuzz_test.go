package hashing

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"errors"
	"io"
	"testing"
)

// FuzzDecompress checks that decompression never panics, never returns or
// writes more than the limit, and agrees with the standard library decoder.
func FuzzDecompress(f *testing.F) {
	f.Add(gz(f, gzip.BestCompression, []byte("hello world\n")), uint16(100))
	f.Add(gz(f, gzip.BestCompression, []byte("hello world\n")), uint16(3))
	f.Add(gz(f, gzip.BestSpeed, make([]byte, 100_000)), uint16(5000))
	f.Add(append(gz(f, 6, []byte("a")), gz(f, 6, []byte("b"))...), uint16(1))
	f.Add([]byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"), uint16(10))
	f.Add([]byte("not gzip"), uint16(10))
	f.Add([]byte{}, uint16(0))
	f.Fuzz(func(t *testing.T, data []byte, limit16 uint16) {
		limit := int64(limit16) + 1

		var ref []byte
		var refErr error
		if len(data) > 0 {
			zr, err := gzip.NewReader(bytes.NewReader(data))
			if err != nil {
				refErr = err
			} else {
				ref, refErr = io.ReadAll(io.LimitReader(zr, limit+1))
			}
		}

		got, err := Decompress(data, WithMaxSize(limit))
		switch {
		case int64(len(ref)) > limit:
			// Over the limit: an error, ErrTooLarge unless the decoder
			// met corrupt data first.
			if err == nil {
				t.Fatalf("output over the limit %d accepted", limit)
			}
		case refErr == nil:
			if err != nil || !bytes.Equal(got.Bytes(), ref) {
				t.Fatalf("valid stream: err %v, equal %v", err, err == nil && bytes.Equal(got.Bytes(), ref))
			}
		default:
			if err == nil {
				t.Fatalf("invalid stream accepted (reference error %v)", refErr)
			}
		}
		if err == nil && int64(got.Len()) > limit {
			t.Fatalf("returned %d bytes, limit %d", got.Len(), limit)
		}

		var out bytes.Buffer
		n, serr := DecompressStream(&out, bytes.NewReader(data), WithMaxSize(limit))
		if n > limit || int64(out.Len()) > limit || n != int64(out.Len()) {
			t.Fatalf("stream wrote %d bytes (counted %d), limit %d", out.Len(), n, limit)
		}
		if (serr == nil) != (err == nil) {
			t.Fatalf("stream error %v differs from in-memory error %v", serr, err)
		}

		enc := []byte(base64.StdEncoding.EncodeToString(data))
		dec, derr := DecodeAndDecompress(enc, WithMaxSize(limit))
		if (derr == nil) != (err == nil) || (derr == nil && !bytes.Equal(dec.Bytes(), got.Bytes())) {
			t.Fatalf("DecodeAndDecompress (err %v) differs from Decompress (err %v)", derr, err)
		}
		// Arbitrary bytes as base64 text: must not panic or exceed the limit.
		if b, err := DecodeAndDecompress(data, WithMaxSize(limit)); err == nil && int64(b.Len()) > limit {
			t.Fatalf("DecodeAndDecompress returned %d bytes, limit %d", b.Len(), limit)
		}
	})
}

// FuzzRoundTrip checks that compressing then decompressing gives the payload
// back, and that the output bytes equal the plain standard-library version.
func FuzzRoundTrip(f *testing.F) {
	f.Add([]byte(""))
	f.Add([]byte("a"))
	f.Add([]byte("hello world\n"))
	f.Add(lcgWords(3, benchWords, 12, 3000))
	f.Add(bytes.Repeat([]byte{0}, 70_000))
	f.Fuzz(func(t *testing.T, payload []byte) {
		c, err := Compress(payload)
		if err != nil {
			t.Fatal(err)
		}
		ref, err := legacyCompress(payload)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(c.Bytes(), ref.Bytes()) {
			t.Fatalf("Compress output differs from the standard-library version")
		}
		d, err := Decompress(c.Bytes(), WithMaxSize(int64(len(payload))+1))
		if err != nil || !bytes.Equal(d.Bytes(), payload) {
			t.Fatalf("round trip failed: %v", err)
		}
		e, err := CompressAndEncode(payload)
		if err != nil {
			t.Fatal(err)
		}
		if want := base64.StdEncoding.EncodeToString(ref.Bytes()); e.String() != want {
			t.Fatalf("CompressAndEncode = %q, want %q", e, want)
		}
		back, err := DecodeAndDecompress(e.Bytes())
		if err != nil || !bytes.Equal(back.Bytes(), payload) {
			t.Fatalf("encoded round trip failed: %v", err)
		}
		if len(payload) > 1 {
			if _, err := Decompress(c.Bytes(), WithMaxSize(int64(len(payload))-1)); !errors.Is(err, ErrTooLarge) {
				t.Fatalf("limit one below the size: err %v", err)
			}
		}
	})
}
