package hashing_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"

	"github.com/hcpkit/hcpkit/pkg/hashing"
)

func ExampleSimple() {
	fmt.Println(hashing.Simple("kube-apiserver"))
	fmt.Println(hashing.Simple(42), hashing.Simple("42")) // same "%v" text, same hash
	// Output:
	// b51096c2
	// 87e38583 87e38583
}

func ExampleStruct() {
	h, err := hashing.Struct(map[string]any{"b": 1, "a": []any{true, nil, "x"}, "c": map[string]any{"d": 1.5}})
	fmt.Println(h, err)
	// Output: 89fd5bcb <nil>
}

func ExampleCompressAndEncode() {
	text, err := hashing.CompressAndEncode([]byte("hello world\n"))
	if err != nil {
		panic(err)
	}
	fmt.Println(text.String())

	payload, err := hashing.DecodeAndDecompress(text.Bytes())
	fmt.Printf("%q %v\n", payload.String(), err)
	// Output:
	// H4sIAAAAAAAC/8pIzcnJVyjPL8pJ4QIEAAD//y07CK8MAAAA
	// "hello world\n" <nil>
}

func ExampleDecodeAndDecompress_limit() {
	// 1 MiB of zeros compresses to about 1 KiB of base64 text.
	text, _ := hashing.CompressAndEncode(make([]byte, 1<<20))
	_, err := hashing.DecodeAndDecompress(text.Bytes(), hashing.WithMaxSize(64<<10))
	fmt.Println(errors.Is(err, hashing.ErrTooLarge))
	fmt.Println(err)
	// Output:
	// true
	// hashing: decompressed payload exceeds the size limit of 65536 bytes
}

func ExampleDecompressStream() {
	var compressed bytes.Buffer
	zw := gzip.NewWriter(&compressed)
	_, _ = zw.Write([]byte("streamed payload"))
	_ = zw.Close()

	var out bytes.Buffer
	n, err := hashing.DecompressStream(&out, &compressed)
	fmt.Println(n, err, out.String())
	// Output: 16 <nil> streamed payload
}
