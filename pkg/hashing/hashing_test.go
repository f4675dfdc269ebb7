package hashing

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"sync"
	"testing"
)

func gz(t testing.TB, level int, parts ...[]byte) []byte {
	t.Helper()
	var out bytes.Buffer
	w, err := gzip.NewWriterLevel(&out, level)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range parts {
		if _, err := w.Write(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestSimpleFormatsLikeSprintf(t *testing.T) {
	type point struct{ X, Y int }
	tests := []struct {
		name string
		in   any
		want string
	}{
		{"struct", point{1, 2}, fnvHex([]byte("{1 2}"))},
		{"pointer to struct", &point{1, 2}, fnvHex([]byte("&{1 2}"))},
		{"error value", errors.New("boom"), fnvHex([]byte("boom"))},
		{"byte slice", []byte("ab"), fnvHex([]byte("[97 98]"))},
		{"nil slice", []int(nil), fnvHex([]byte("[]"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Simple(tt.in); got != tt.want {
				t.Errorf("Simple(%v) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestHex32(t *testing.T) {
	for _, v := range []uint32{0, 1, 0xabc, 0x0fffffff, math.MaxUint32} {
		if got, want := hex32(v), fmt.Sprintf("%08x", v); got != want {
			t.Errorf("hex32(%#x) = %s, want %s", v, got, want)
		}
	}
}

// blen is the length of a possibly nil buffer.
func blen(b *bytes.Buffer) int {
	if b == nil {
		return 0
	}
	return b.Len()
}

func TestStructErrors(t *testing.T) {
	tests := []struct {
		name string
		in   any
	}{
		{"channel", make(chan int)},
		{"function", func() {}},
		{"NaN", math.NaN()},
		{"map with unsupported value", map[string]any{"c": make(chan int)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Struct(tt.in)
			if err == nil || got != "" {
				t.Errorf("Struct(%T) = %q, %v; want an error", tt.in, got, err)
			}
		})
	}
}

func TestStructMatchesMarshalText(t *testing.T) {
	type inner struct {
		A string `json:"a"`
		B []int  `json:"b,omitempty"`
	}
	values := []any{
		"line\nbreak\n", // a value whose JSON text contains escaped newlines
		map[string]string{"z": "1", "a": "<&>"},
		[]inner{{A: "x"}, {A: "y", B: []int{1}}},
		json.RawMessage(`{"b":1, "a" : [ 1 ,2 ]}`),
	}
	for _, v := range values {
		var sb strings.Builder
		if err := StructTo(&sb, v); err != nil {
			t.Fatal(err)
		}
		want, err := marshalReference(v)
		if err != nil {
			t.Fatal(err)
		}
		if sb.String() != string(want) {
			t.Errorf("StructTo(%v) = %q, want %q", v, sb.String(), want)
		}
		got, err := Struct(v)
		if err != nil || got != fnvHex(want) {
			t.Errorf("Struct(%v) = %q, %v; want %q", v, got, err, fnvHex(want))
		}
	}
}

func TestTrimNewlineWriterAcrossWrites(t *testing.T) {
	var sb strings.Builder
	w := &trimNewlineWriter{w: &sb}
	for _, p := range []string{"a\n", "", "b\n", "\n"} {
		if _, err := w.Write([]byte(p)); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := sb.String(), "a\nb\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestCompressEmpty(t *testing.T) {
	for name, f := range map[string]func([]byte) (*bytes.Buffer, error){
		"Compress": Compress, "CompressAndEncode": CompressAndEncode,
	} {
		for _, in := range [][]byte{nil, {}} {
			got, err := f(in)
			if err != nil || got == nil || got.Len() != 0 {
				t.Errorf("%s(%v) = %v, %v; want an empty buffer", name, in, got, err)
			}
		}
	}
	var out bytes.Buffer
	if err := CompressStream(&out, strings.NewReader("")); err != nil || out.Len() != 0 {
		t.Errorf("CompressStream(empty) wrote %d bytes, err %v", out.Len(), err)
	}
	w := NewCompressWriter(&out)
	if _, err := w.Write(nil); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil || out.Len() != 0 {
		t.Errorf("writer with only empty writes wrote %d bytes, err %v", out.Len(), err)
	}
	if err := w.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := w.Write([]byte("x")); err == nil {
		t.Error("Write after Close succeeded")
	}
}

func TestDecompressEmpty(t *testing.T) {
	for _, in := range [][]byte{nil, {}} {
		if got, err := Decompress(in); err != nil || got.Len() != 0 {
			t.Errorf("Decompress(%v) = %v, %v", in, got, err)
		}
		if got, err := DecodeAndDecompress(in); err != nil || got.Len() != 0 {
			t.Errorf("DecodeAndDecompress(%v) = %v, %v", in, got, err)
		}
	}
	var out bytes.Buffer
	if n, err := DecompressStream(&out, strings.NewReader("")); n != 0 || err != nil {
		t.Errorf("DecompressStream(empty) = %d, %v", n, err)
	}
	r, err := NewDecompressReader(strings.NewReader(""))
	if err != nil {
		t.Fatal(err)
	}
	if b, err := io.ReadAll(r); err != nil || len(b) != 0 {
		t.Errorf("NewDecompressReader(empty) read %q, %v", b, err)
	}
}

func TestDecompressInvalid(t *testing.T) {
	good := gz(t, gzip.BestCompression, []byte("hello, hello, hello"))
	corruptCRC := bytes.Clone(good)
	corruptCRC[len(corruptCRC)-8] ^= 0xff
	biggerISize := bytes.Clone(good)
	binary.LittleEndian.PutUint32(biggerISize[len(biggerISize)-4:], 1<<30)
	smallerISize := bytes.Clone(good)
	binary.LittleEndian.PutUint32(smallerISize[len(smallerISize)-4:], 3)
	tests := []struct {
		name string
		in   []byte
	}{
		{"not gzip", []byte("plain text, not gzip")},
		{"truncated header", good[:5]},
		{"truncated body", good[:len(good)-10]},
		{"truncated trailer", good[:len(good)-2]},
		{"bad checksum", corruptCRC},
		{"size field too large", biggerISize},
		{"size field too small", smallerISize},
		{"trailing garbage", append(bytes.Clone(good), "garbage!garbage!garbage!"...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := Decompress(tt.in); err == nil {
				t.Errorf("Decompress = %q, want an error", got)
			} else if errors.Is(err, ErrTooLarge) {
				t.Errorf("Decompress error %v should not be ErrTooLarge", err)
			}
			enc := []byte(base64.StdEncoding.EncodeToString(tt.in))
			if _, err := DecodeAndDecompress(enc); err == nil {
				t.Error("DecodeAndDecompress succeeded")
			}
			if _, err := DecompressStream(io.Discard, bytes.NewReader(tt.in)); err == nil {
				t.Error("DecompressStream succeeded")
			}
		})
	}
	for _, bad := range []string{"!!!!", "H4sI*AAA", "abc"} {
		if _, err := DecodeAndDecompress([]byte(bad)); err == nil {
			t.Errorf("DecodeAndDecompress(%q) succeeded", bad)
		}
	}
}

func TestDecodeIgnoresLineBreaks(t *testing.T) {
	enc, err := CompressAndEncode([]byte("payload"))
	if err != nil {
		t.Fatal(err)
	}
	s := enc.String()
	wrapped := s[:10] + "\n" + s[10:20] + "\r\n" + s[20:] + "\n"
	got, err := DecodeAndDecompress([]byte(wrapped))
	if err != nil || got.String() != "payload" {
		t.Errorf("DecodeAndDecompress(wrapped) = %q, %v", got, err)
	}
}

func TestMultiMemberStream(t *testing.T) {
	// The trailer of the last member only describes that member, so the size
	// guess is too small and the exact-size second pass is used.
	a := bytes.Repeat([]byte("first member "), 1000)
	b := []byte("second")
	stream := append(gz(t, gzip.BestCompression, a), gz(t, gzip.BestCompression, b)...)
	want := append(bytes.Clone(a), b...)
	got, err := Decompress(stream)
	if err != nil || !bytes.Equal(got.Bytes(), want) {
		t.Fatalf("Decompress(multi-member) err %v, len %d want %d", err, blen(got), len(want))
	}
	if got.Cap() != len(want) {
		t.Errorf("result capacity %d, want exactly %d", got.Cap(), len(want))
	}
	if _, err := Decompress(stream, WithMaxSize(int64(len(want)-1))); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Decompress(multi-member, limit-1) err %v, want ErrTooLarge", err)
	}
	if _, err := Decompress(stream, WithMaxSize(int64(len(want)))); err != nil {
		t.Errorf("Decompress(multi-member, exact limit): %v", err)
	}
}

func TestLimits(t *testing.T) {
	payload := bytes.Repeat([]byte("0123456789"), 1000) // 10000 bytes
	compressed := gz(t, gzip.BestCompression, payload)
	encoded := []byte(base64.StdEncoding.EncodeToString(compressed))
	tests := []struct {
		limit   int64
		tooBig  bool
		comment string
	}{
		{limit: 1, tooBig: true},
		{limit: 9999, tooBig: true},
		{limit: 10000, tooBig: false},
		{limit: 10001, tooBig: false},
		{limit: 0, tooBig: false, comment: "0 selects the default"},
		{limit: -5, tooBig: false, comment: "negative selects the default"},
		{limit: math.MaxInt64, tooBig: false},
	}
	for _, tt := range tests {
		opt := WithMaxSize(tt.limit)
		check := func(what string, n int, err error) {
			t.Helper()
			if tt.tooBig {
				if !errors.Is(err, ErrTooLarge) {
					t.Errorf("%s limit %d: err %v, want ErrTooLarge", what, tt.limit, err)
				}
				return
			}
			if err != nil || n != len(payload) {
				t.Errorf("%s limit %d: n %d err %v", what, tt.limit, n, err)
			}
		}
		got, err := Decompress(compressed, opt)
		check("Decompress", blen(got), err)
		got, err = DecodeAndDecompress(encoded, opt)
		check("DecodeAndDecompress", blen(got), err)

		var out bytes.Buffer
		n, err := DecompressStream(&out, bytes.NewReader(compressed), opt)
		check("DecompressStream", int(n), err)
		if tt.tooBig && (n != tt.limit || int64(out.Len()) != tt.limit || !bytes.Equal(out.Bytes(), payload[:tt.limit])) {
			t.Errorf("DecompressStream limit %d wrote %d bytes (%d counted), want exactly the limit", tt.limit, out.Len(), n)
		}
		out.Reset()
		n, err = DecodeAndDecompressStream(&out, bytes.NewReader(encoded), opt)
		check("DecodeAndDecompressStream", int(n), err)

		r, err := NewDecompressReader(bytes.NewReader(compressed), opt)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		check("NewDecompressReader", len(b), err)
		if _, err := r.Read(make([]byte, 10)); err == nil {
			t.Error("Read after end succeeded")
		}
		if err := r.Close(); err != nil {
			t.Error(err)
		}
	}
	_, err := Decompress(compressed, WithMaxSize(100))
	if err == nil || !strings.Contains(err.Error(), "100 bytes") {
		t.Errorf("error %v should name the limit", err)
	}
}

func TestNilOptionIgnored(t *testing.T) {
	got, err := Decompress(gz(t, gzip.BestCompression, []byte("x")), nil)
	if err != nil || got.String() != "x" {
		t.Errorf("Decompress with nil option = %q, %v", got, err)
	}
}

func TestReaderClose(t *testing.T) {
	r, err := NewDecompressReader(bytes.NewReader(gz(t, gzip.BestCompression, []byte("abc"))))
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Read(make([]byte, 1)); err == nil {
		t.Error("Read after Close succeeded")
	}
	if err := r.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := NewDecompressReader(strings.NewReader("not gzip at all")); err == nil {
		t.Error("NewDecompressReader accepted a non-gzip stream")
	}
}

type failingWriter struct{ after int }

func (f *failingWriter) Write(p []byte) (int, error) {
	if f.after <= 0 {
		return 0, errors.New("disk full")
	}
	f.after--
	return len(p), nil
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("read failed") }

func TestStreamErrors(t *testing.T) {
	payload := lcgWords(7, benchWords, 12, 200_000)
	if err := CompressStream(&failingWriter{}, bytes.NewReader(payload)); err == nil {
		t.Error("CompressStream ignored a write error")
	}
	if err := CompressStream(io.Discard, failingReader{}); err == nil {
		t.Error("CompressStream ignored a read error")
	}
	if err := CompressAndEncodeStream(&failingWriter{after: 1}, bytes.NewReader(payload)); err == nil {
		t.Error("CompressAndEncodeStream ignored a write error")
	}
	compressed := gz(t, gzip.BestCompression, payload)
	if _, err := DecompressStream(&failingWriter{}, bytes.NewReader(compressed)); err == nil {
		t.Error("DecompressStream ignored a write error")
	}
	if _, err := DecompressStream(io.Discard, failingReader{}); err == nil {
		t.Error("DecompressStream ignored a read error")
	}
	// The pooled writer must be usable after a failed stream.
	got, err := Compress(payload)
	if err != nil || !bytes.Equal(got.Bytes(), compressed) {
		t.Errorf("Compress after failed stream: err %v, identical %v", err, bytes.Equal(got.Bytes(), compressed))
	}
}

func TestConcurrentUse(t *testing.T) {
	payloads := [][]byte{[]byte("a"), lcgWords(1, benchWords, 12, 5000), lcgWords(2, benchWords, 12, 70_000)}
	want := make([][]byte, len(payloads))
	for i, p := range payloads {
		want[i] = gz(t, gzip.BestCompression, p)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 20 {
				k := (g + i) % len(payloads)
				c, err := Compress(payloads[k])
				if err != nil || !bytes.Equal(c.Bytes(), want[k]) {
					t.Errorf("Compress mismatch (err %v)", err)
					return
				}
				d, err := Decompress(c.Bytes())
				if err != nil || !bytes.Equal(d.Bytes(), payloads[k]) {
					t.Errorf("Decompress mismatch (err %v)", err)
					return
				}
			}
		})
	}
	wg.Wait()
}

func errorsIsTooLarge(err error) bool { return errors.Is(err, ErrTooLarge) }
