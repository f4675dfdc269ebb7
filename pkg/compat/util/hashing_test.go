package util_test

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"errors"
	"testing"

	util "github.com/hcpkit/hcpkit/pkg/compat/util"
	"github.com/hcpkit/hcpkit/pkg/hashing"
)

// Compile-time checks that the facade keeps the v0.1.40 signatures.
var (
	_ func(interface{}) string                    = util.HashSimple
	_ func(interface{}) (string, error)           = util.HashStruct
	_ func(string) string                         = util.ComputeHash
	_ func([]byte) (*bytes.Buffer, error)         = util.Compress
	_ func([]byte) (*bytes.Buffer, error)         = util.CompressAndEncode
	_ func(payload []byte) (*bytes.Buffer, error) = util.DecodeAndDecompress
)

func TestHashingFacadeGolden(t *testing.T) {
	// Values measured on v0.1.40 (../shared/vectors).
	if got := util.HashSimple("kube-apiserver"); got != "b51096c2" {
		t.Errorf("HashSimple = %s", got)
	}
	if got, err := util.HashStruct(map[string]interface{}{"2hGeLe": true}); err != nil || got != "484d6e6c" {
		t.Errorf("HashStruct = %s, %v", got, err)
	}
	if got := util.ComputeHash("hello world"); got != "5eb63bbbe01eeed093cb22bb8f5acdc3" {
		t.Errorf("ComputeHash = %s", got)
	}
	c, err := util.Compress([]byte("a"))
	if err != nil || base64.StdEncoding.EncodeToString(c.Bytes()) != "H4sIAAAAAAAC/0oEBAAA//9DvrfoAQAAAA==" {
		t.Errorf("Compress = %x, %v", c, err)
	}
	e, err := util.CompressAndEncode([]byte("hello world\n"))
	if err != nil || e.String() != "H4sIAAAAAAAC/8pIzcnJVyjPL8pJ4QIEAAD//y07CK8MAAAA" {
		t.Errorf("CompressAndEncode = %s, %v", e, err)
	}
	d, err := util.DecodeAndDecompress(e.Bytes())
	if err != nil || d.String() != "hello world\n" {
		t.Errorf("DecodeAndDecompress = %q, %v", d, err)
	}
	if d, err := util.DecodeAndDecompress(nil); err != nil || d.Len() != 0 {
		t.Errorf("DecodeAndDecompress(nil) = %v, %v", d, err)
	}
}

func TestDecodeAndDecompressDefaultLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("compresses 64 MiB")
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	zeros := make([]byte, 1<<20)
	for range hashing.DefaultMaxSize >> 20 {
		if _, err := zw.Write(zeros); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := zw.Write([]byte{0}); err != nil { // one byte past the limit
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	enc := []byte(base64.StdEncoding.EncodeToString(buf.Bytes()))
	if _, err := util.DecodeAndDecompress(enc); !errors.Is(err, hashing.ErrTooLarge) {
		t.Errorf("DecodeAndDecompress(limit+1 bytes) err = %v, want ErrTooLarge", err)
	}
}
