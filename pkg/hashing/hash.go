package hashing

import (
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
)

// Simple returns the 32-bit FNV-1a hash, as 8 lowercase hex digits, of the
// fmt "%v" text of o.
//
// Values whose "%v" text is equal hash equally: the string "42" and the int
// 42, or map[a:b c:d] built from different maps. Callers that need a
// collision-free hash of structured data should use [Struct].
func Simple(o any) string {
	h := fnv.New32a()
	// Fprint of a single operand formats it exactly as "%v" does, without
	// building the intermediate string.
	_, _ = fmt.Fprint(h, o)
	return hex32(h.Sum32())
}

// Struct returns the 32-bit FNV-1a hash, as 8 lowercase hex digits, of the
// encoding/json text of data (the bytes json.Marshal returns, with its HTML
// escaping). It fails when data cannot be marshalled.
func Struct(data any) (string, error) {
	h := fnv.New32a()
	if err := writeJSON(h, data); err != nil {
		return "", err
	}
	return hex32(h.Sum32()), nil
}

// StructTo writes the encoding/json text of data, exactly as json.Marshal
// produces it, to w. [Struct] hashes that text; StructTo lets a caller feed
// the same bytes into another hash. A nil w is an error wrapping
// [ErrNilWriter].
func StructTo(w io.Writer, data any) error {
	if w == nil {
		return ErrNilWriter
	}
	return writeJSON(w, data)
}

// ComputeHash returns the MD5 digest of s as 32 lowercase hex digits.
func ComputeHash(s string) string {
	sum := md5.Sum([]byte(s))
	return hex.EncodeToString(sum[:])
}

// writeJSON streams the json.Marshal text of data into w. json.Encoder
// produces the same bytes as json.Marshal plus a trailing newline, without
// copying its internal buffer; the newline is dropped on the way.
func writeJSON(w io.Writer, data any) error {
	tw := &trimNewlineWriter{w: w}
	if err := json.NewEncoder(tw).Encode(data); err != nil {
		return fmt.Errorf("hashing: marshal %T to JSON: %w", data, err)
	}
	return tw.err
}

// trimNewlineWriter forwards everything but a final '\n' to w: a newline at
// the end of one Write is held back and only forwarded if more data follows.
type trimNewlineWriter struct {
	w       io.Writer
	pending bool
	err     error
}

func (t *trimNewlineWriter) Write(p []byte) (int, error) {
	if t.err != nil {
		return 0, t.err
	}
	if len(p) == 0 {
		return 0, nil
	}
	if t.pending {
		if _, err := t.w.Write([]byte{'\n'}); err != nil {
			t.err = err
			return 0, err
		}
		t.pending = false
	}
	body := p
	if p[len(p)-1] == '\n' {
		body = p[:len(p)-1]
		t.pending = true
	}
	if len(body) > 0 {
		if _, err := t.w.Write(body); err != nil {
			t.err = err
			return 0, err
		}
	}
	return len(p), nil
}

// hex32 formats v as exactly 8 lowercase hex digits (fmt's "%08x").
func hex32(v uint32) string {
	const digits = "0123456789abcdef"
	var b [8]byte
	for i := 7; i >= 0; i-- {
		b[i] = digits[v&0xf]
		v >>= 4
	}
	return string(b[:])
}
