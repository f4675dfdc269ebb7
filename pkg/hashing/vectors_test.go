package hashing

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"hash/fnv"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"

	"github.com/hcpkit/hcpkit/internal/vectors"
)

// vectorFile holds the cases measured on HyperShift support/util v0.1.40.
const vectorFile = "testdata/legacy-v0.1.40.json"

// simpleValue rebuilds the Go value of a HashSimple case.
func simpleValue(t *testing.T, typ string, value json.RawMessage) any {
	t.Helper()
	switch typ {
	case "string":
		var v string
		vectors.DecodeStrict(t, value, &v)
		return v
	case "int":
		var v int
		vectors.DecodeStrict(t, value, &v)
		return v
	case "int32":
		var v int32
		vectors.DecodeStrict(t, value, &v)
		return v
	case "int64":
		var v int64
		vectors.DecodeStrict(t, value, &v)
		return v
	case "bool":
		var v bool
		vectors.DecodeStrict(t, value, &v)
		return v
	case "float64":
		var v float64
		vectors.DecodeStrict(t, value, &v)
		return v
	case "[]string":
		var v []string
		vectors.DecodeStrict(t, value, &v)
		return v
	case "map[string]string":
		var v map[string]string
		vectors.DecodeStrict(t, value, &v)
		return v
	case "nil":
		return nil
	}
	t.Fatalf("unknown type %q", typ)
	return nil
}

func TestSimpleVectors(t *testing.T) {
	for _, c := range vectors.Load(t, vectorFile, "HashSimple") {
		t.Run(c.Name, func(t *testing.T) {
			var in struct {
				Type  string          `json:"type"`
				Value json.RawMessage `json:"value"`
			}
			vectors.DecodeStrict(t, c.In, &in)
			var want string
			vectors.DecodeStrict(t, c.Out, &want)
			if got := Simple(simpleValue(t, in.Type, in.Value)); got != want {
				t.Errorf("Simple(%s %s) = %q, want %q", in.Type, in.Value, got, want)
			}
		})
	}
}

// structValue rebuilds the Go value of a HashStruct case.
func structValue(t *testing.T, typ string, raw json.RawMessage) any {
	t.Helper()
	switch typ {
	case "corev1.PodSpec":
		var v corev1.PodSpec
		vectors.DecodeStrict(t, raw, &v)
		return v
	case "corev1.ConfigMap":
		var v corev1.ConfigMap
		vectors.DecodeStrict(t, raw, &v)
		return v
	case "*corev1.ConfigMap":
		var v *corev1.ConfigMap
		vectors.DecodeStrict(t, raw, &v)
		return v
	case "map[string]interface{}":
		var v map[string]any
		vectors.DecodeStrict(t, raw, &v)
		return v
	case "nil":
		return nil
	}
	t.Fatalf("unknown type %q", typ)
	return nil
}

func fnvHex(b []byte) string {
	h := fnv.New32a()
	h.Write(b)
	return hex32(h.Sum32())
}

func TestStructVectors(t *testing.T) {
	for _, c := range vectors.Load(t, vectorFile, "HashStruct") {
		t.Run(c.Name, func(t *testing.T) {
			var in struct {
				Type string          `json:"type"`
				JSON json.RawMessage `json:"json"`
			}
			vectors.DecodeStrict(t, c.In, &in)
			var out struct {
				Hash string `json:"hash"`
				Err  bool   `json:"err"`
			}
			vectors.DecodeStrict(t, c.Out, &out)
			var aux struct {
				JSONMarshal string `json:"json_marshal"`
			}
			vectors.DecodeStrict(t, c.Aux, &aux)

			// The legacy hash is the hash of exactly the legacy JSON text.
			if got := fnvHex([]byte(aux.JSONMarshal)); got != out.Hash {
				t.Fatalf("vector inconsistent: fnv(aux) = %s, out = %s", got, out.Hash)
			}
			got, err := Struct(json.RawMessage(aux.JSONMarshal))
			if err != nil || got != out.Hash {
				t.Errorf("Struct(aux.json_marshal) = %q, %v; want %q", got, err, out.Hash)
			}

			v := structValue(t, in.Type, in.JSON)
			got, err = Struct(v)
			if (err != nil) != out.Err {
				t.Fatalf("Struct error = %v, want error %v", err, out.Err)
			}
			marshalled, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			if string(marshalled) == aux.JSONMarshal {
				if got != out.Hash {
					t.Errorf("Struct = %q, want %q", got, out.Hash)
				}
				return
			}
			// The type now marshals differently (newer Kubernetes types): the
			// hash must still be the hash of today's json.Marshal text.
			t.Logf("json.Marshal text differs from v0.1.40's: %s", marshalled)
			if want := fnvHex(marshalled); got != want {
				t.Errorf("Struct = %q, want fnv(json.Marshal) %q", got, want)
			}
		})
	}
}

func TestComputeHashVectors(t *testing.T) {
	for _, c := range vectors.Load(t, vectorFile, "ComputeHash") {
		t.Run(c.Name, func(t *testing.T) {
			var in struct {
				S string `json:"s"`
			}
			vectors.DecodeStrict(t, c.In, &in)
			var want string
			vectors.DecodeStrict(t, c.Out, &want)
			if got := ComputeHash(in.S); got != want {
				t.Errorf("ComputeHash(%q) = %q, want %q", in.S, got, want)
			}
		})
	}
}

// payloadInput is the "in" of Compress and CompressAndEncode cases.
type payloadInput struct {
	PayloadBase64 *string `json:"payload_base64"`
	Recipe        *recipe `json:"recipe"`
}

type recipe struct {
	Kind         string   `json:"kind"`
	Text         string   `json:"text"`
	Times        int      `json:"times"`
	Seed         uint64   `json:"seed"`
	Words        []string `json:"words"`
	WordsPerLine int      `json:"words_per_line"`
	Bytes        int      `json:"bytes"`
}

// lcgWords builds the lcg_words recipe payload described in the vector notes.
func lcgWords(seed uint64, words []string, perLine, size int) []byte {
	out := make([]byte, 0, size+32)
	state := seed
	count := 0
	for len(out) < size {
		state = state*6364136223846793005 + 1442695040888963407
		out = append(out, words[(state>>33)%uint64(len(words))]...)
		count++
		if count%perLine == 0 {
			out = append(out, '\n')
		} else {
			out = append(out, ' ')
		}
	}
	return out[:size]
}

// benchWords is the word list of the lcg_words vectors, reused for
// benchmark payloads.
var benchWords = []string{"apiVersion", "kind", "metadata", "name", "namespace", "spec", "status", "hosted", "control", "plane", "cluster", "node", "pool", "release", "image", "quay.io", "openshift", "v1beta1", "true", "false", "0", "42", "etcd", "kube-apiserver", "-", ":", "{", "}"}

func buildPayload(t *testing.T, c vectors.Case) []byte {
	t.Helper()
	var in payloadInput
	vectors.DecodeStrict(t, c.In, &in)
	var payload []byte
	switch {
	case in.PayloadBase64 != nil:
		var err error
		payload, err = base64.StdEncoding.DecodeString(*in.PayloadBase64)
		if err != nil {
			t.Fatal(err)
		}
	case in.Recipe != nil && in.Recipe.Kind == "repeat":
		payload = []byte(strings.Repeat(in.Recipe.Text, in.Recipe.Times))
	case in.Recipe != nil && in.Recipe.Kind == "lcg_words":
		r := in.Recipe
		payload = lcgWords(r.Seed, r.Words, r.WordsPerLine, r.Bytes)
	default:
		t.Fatalf("unknown input %s", c.In)
	}
	var aux struct {
		PayloadLen    int    `json:"payload_len"`
		PayloadSHA256 string `json:"payload_sha256"`
	}
	vectors.DecodeStrict(t, c.Aux, &aux)
	if len(payload) != aux.PayloadLen || sha256Hex(payload) != aux.PayloadSHA256 {
		t.Fatalf("rebuilt payload does not match: len %d sha %s", len(payload), sha256Hex(payload))
	}
	return payload
}

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func TestCompressVectors(t *testing.T) {
	for _, c := range vectors.Load(t, vectorFile, "Compress") {
		t.Run(c.Name, func(t *testing.T) {
			payload := buildPayload(t, c)
			var want struct {
				Len    int     `json:"len"`
				SHA256 string  `json:"sha256"`
				Base64 *string `json:"base64"`
				Err    bool    `json:"err"`
			}
			vectors.DecodeStrict(t, c.Out, &want)
			got, err := Compress(payload)
			if (err != nil) != want.Err {
				t.Fatalf("Compress error = %v, want error %v", err, want.Err)
			}
			check := func(what string, b []byte) {
				t.Helper()
				if len(b) != want.Len || sha256Hex(b) != want.SHA256 {
					t.Errorf("%s: len %d sha %s, want len %d sha %s", what, len(b), sha256Hex(b), want.Len, want.SHA256)
				}
				if want.Base64 != nil && base64.StdEncoding.EncodeToString(b) != *want.Base64 {
					t.Errorf("%s: bytes %x differ from vector", what, b)
				}
			}
			check("Compress", got.Bytes())

			var streamed bytes.Buffer
			if err := CompressStream(&streamed, bytes.NewReader(payload)); err != nil {
				t.Fatal(err)
			}
			check("CompressStream", streamed.Bytes())

			// Written in small pieces through the writer form.
			var chunked bytes.Buffer
			w := NewCompressWriter(&chunked)
			for rest := payload; len(rest) > 0; {
				n := min(len(rest), 777)
				if _, err := w.Write(rest[:n]); err != nil {
					t.Fatal(err)
				}
				rest = rest[n:]
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			check("NewCompressWriter", chunked.Bytes())

			back, err := Decompress(got.Bytes())
			if err != nil || !bytes.Equal(back.Bytes(), payload) {
				t.Errorf("Decompress round trip: err %v, equal %v", err, bytes.Equal(back.Bytes(), payload))
			}
		})
	}
}

func TestCompressAndEncodeVectors(t *testing.T) {
	for _, c := range vectors.Load(t, vectorFile, "CompressAndEncode") {
		t.Run(c.Name, func(t *testing.T) {
			payload := buildPayload(t, c)
			var want struct {
				Len    int     `json:"len"`
				SHA256 string  `json:"sha256"`
				Text   *string `json:"text"`
				Err    bool    `json:"err"`
			}
			vectors.DecodeStrict(t, c.Out, &want)
			got, err := CompressAndEncode(payload)
			if (err != nil) != want.Err {
				t.Fatalf("CompressAndEncode error = %v, want error %v", err, want.Err)
			}
			check := func(what string, b []byte) {
				t.Helper()
				if len(b) != want.Len || sha256Hex(b) != want.SHA256 {
					t.Errorf("%s: len %d sha %s, want len %d sha %s", what, len(b), sha256Hex(b), want.Len, want.SHA256)
				}
				if want.Text != nil && string(b) != *want.Text {
					t.Errorf("%s: %q, want %q", what, b, *want.Text)
				}
			}
			check("CompressAndEncode", got.Bytes())

			var streamed bytes.Buffer
			if err := CompressAndEncodeStream(&streamed, bytes.NewReader(payload)); err != nil {
				t.Fatal(err)
			}
			check("CompressAndEncodeStream", streamed.Bytes())

			back, err := DecodeAndDecompress(got.Bytes())
			if err != nil || !bytes.Equal(back.Bytes(), payload) {
				t.Errorf("DecodeAndDecompress round trip: err %v, equal %v", err, bytes.Equal(back.Bytes(), payload))
			}
			var out bytes.Buffer
			n, err := DecodeAndDecompressStream(&out, bytes.NewReader(got.Bytes()))
			if err != nil || n != int64(len(payload)) || !bytes.Equal(out.Bytes(), payload) {
				t.Errorf("DecodeAndDecompressStream round trip: n %d err %v", n, err)
			}
		})
	}
}

// marshalReference is the legacy way to get the JSON text that is hashed.
func marshalReference(v any) ([]byte, error) { return json.Marshal(v) }
