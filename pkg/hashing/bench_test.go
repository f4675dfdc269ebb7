package hashing

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"io"
	"os"
	"runtime"
	"sync"
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
)

// The legacy* functions are the straightforward standard-library versions
// (what HyperShift v0.1.40 does) that the benchmarks compare against; the
// tests also use them as the reference for identical output.

func legacySimple(o any) string {
	h := fnv.New32a()
	fmt.Fprintf(h, "%v", o)
	return fmt.Sprintf("%08x", h.Sum32())
}

func legacyStruct(data any) (string, error) {
	b, err := json.Marshal(data)
	if err != nil {
		return "", err
	}
	h := fnv.New32a()
	h.Write(b)
	return fmt.Sprintf("%08x", h.Sum32()), nil
}

func legacyCompress(payload []byte) (*bytes.Buffer, error) {
	out := bytes.NewBuffer(nil)
	if len(payload) == 0 {
		return out, nil
	}
	w, err := gzip.NewWriterLevel(out, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(payload); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out, nil
}

func legacyCompressAndEncode(payload []byte) (*bytes.Buffer, error) {
	c, err := legacyCompress(payload)
	if err != nil || c.Len() == 0 {
		return c, err
	}
	out := bytes.NewBuffer(nil)
	enc := base64.NewEncoder(base64.StdEncoding, out)
	if _, err := enc.Write(c.Bytes()); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return out, nil
}

func legacyDecodeAndDecompress(payload []byte) (*bytes.Buffer, error) {
	if len(payload) == 0 {
		return bytes.NewBuffer(nil), nil
	}
	decoded := make([]byte, base64.StdEncoding.DecodedLen(len(payload)))
	n, err := base64.StdEncoding.Decode(decoded, payload)
	if err != nil {
		return nil, err
	}
	r, err := gzip.NewReader(bytes.NewReader(decoded[:n]))
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return bytes.NewBuffer(data), nil
}

var benchSizes = []struct {
	name string
	size int
}{{"1KB", 1 << 10}, {"64KB", 64 << 10}, {"1MB", 1 << 20}}

type bufFunc func([]byte) (*bytes.Buffer, error)

func benchBufFunc(b *testing.B, impls map[string]bufFunc, input func(payload []byte) []byte) {
	for _, sz := range benchSizes {
		payload := lcgWords(42, benchWords, 12, sz.size)
		in := input(payload)
		var want []byte
		for _, impl := range []string{"legacy", "hcpkit"} {
			f := impls[impl]
			out, err := f(in)
			if err != nil {
				b.Fatal(err)
			}
			if want == nil {
				want = bytes.Clone(out.Bytes())
			} else if !bytes.Equal(out.Bytes(), want) {
				b.Fatalf("%s output differs from legacy", impl)
			}
			b.Run("size="+sz.name+"/impl="+impl, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(payload)))
				for b.Loop() {
					if _, err := f(in); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func BenchmarkCompress(b *testing.B) {
	benchBufFunc(b, map[string]bufFunc{"legacy": legacyCompress, "hcpkit": Compress},
		func(p []byte) []byte { return p })
}

func BenchmarkCompressAndEncode(b *testing.B) {
	benchBufFunc(b, map[string]bufFunc{"legacy": legacyCompressAndEncode, "hcpkit": CompressAndEncode},
		func(p []byte) []byte { return p })
}

func BenchmarkDecodeAndDecompress(b *testing.B) {
	benchBufFunc(b, map[string]bufFunc{
		"legacy": legacyDecodeAndDecompress,
		"hcpkit": func(p []byte) (*bytes.Buffer, error) { return DecodeAndDecompress(p) },
	}, func(p []byte) []byte {
		enc, err := legacyCompressAndEncode(p)
		if err != nil {
			panic(err)
		}
		return enc.Bytes()
	})
}

// benchPodSpec is a control-plane-like pod spec for struct hashing.
func benchPodSpec() corev1.PodSpec {
	spec := corev1.PodSpec{
		PriorityClassName: "hypershift-control-plane",
		NodeSelector:      map[string]string{"kubernetes.io/os": "linux", "role": "control-plane"},
		Tolerations:       []corev1.Toleration{{Key: "hypershift.openshift.io/control-plane", Operator: corev1.TolerationOpExists, Effect: corev1.TaintEffectNoSchedule}},
	}
	for i := range 4 {
		spec.Containers = append(spec.Containers, corev1.Container{
			Name:    fmt.Sprintf("container-%d", i),
			Image:   "quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
			Command: []string{"/usr/bin/kube-apiserver"},
			Args:    []string{"--openshift-config=/etc/kubernetes/config.json", "-v=2", "--secure-port=6443"},
			Env:     []corev1.EnvVar{{Name: "HTTPS_PROXY", Value: "http://proxy.example.com:3128"}, {Name: "NO_PROXY", Value: "<internal>&cluster.local"}},
			Resources: corev1.ResourceRequirements{Requests: corev1.ResourceList{
				corev1.ResourceCPU: resource.MustParse("350m"), corev1.ResourceMemory: resource.MustParse("2Gi"),
			}},
			VolumeMounts: []corev1.VolumeMount{{Name: "config", MountPath: "/etc/kubernetes"}, {Name: "certs", MountPath: "/etc/certs", ReadOnly: true}},
		})
	}
	return spec
}

func BenchmarkStruct(b *testing.B) {
	spec := benchPodSpec()
	want, _ := legacyStruct(spec)
	for impl, f := range map[string]func(any) (string, error){"legacy": legacyStruct, "hcpkit": Struct} {
		if got, err := f(spec); err != nil || got != want {
			b.Fatalf("%s = %q, %v; want %q", impl, got, err, want)
		}
		b.Run("impl="+impl, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := f(spec); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkSimple(b *testing.B) {
	in := map[string]string{"a": "1", "b": "2", "kube-apiserver": "quay.io/openshift/kas:v4.18"}
	for impl, f := range map[string]func(any) string{"legacy": legacySimple, "hcpkit": Simple} {
		if f(in) != legacySimple(in) {
			b.Fatalf("%s differs", impl)
		}
		b.Run("impl="+impl, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				f(in)
			}
		})
	}
}

// bombs caches gzip bombs by size in MiB.
var bombs sync.Map

// gzipBomb returns a single-member gzip stream of mib MiB of zeros whose
// trailer states the true size (mod 2^32) and checksum. Compressing 1 GiB
// takes seconds (a minute under the race detector), so the stream is built
// from the steady state of the compressor instead: once its window holds only
// zeros, every further MiB of zeros written and sync-flushed yields the same
// bytes, which are repeated; an empty final block and the trailer close the
// stream. TestGzipBombIsValid checks the construction against the standard
// library decoder.
func gzipBomb(tb testing.TB, mib int) []byte {
	tb.Helper()
	if v, ok := bombs.Load(mib); ok {
		return v.([]byte)
	}
	const warmup = 3 // MiB written for real before the output repeats
	if mib < warmup+1 {
		tb.Fatalf("bomb of %d MiB is too small", mib)
	}
	zeros := make([]byte, 1<<20)
	var out bytes.Buffer
	w, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		tb.Fatal(err)
	}
	var unit []byte
	for range warmup {
		start := out.Len()
		if _, err := w.Write(zeros); err != nil {
			tb.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			tb.Fatal(err)
		}
		unit = bytes.Clone(out.Bytes()[start:])
	}
	crc := crc32.NewIEEE()
	for range mib {
		crc.Write(zeros)
	}
	bomb := bytes.NewBuffer(bytes.Clone(out.Bytes()))
	bomb.Grow((mib-warmup)*len(unit) + 10)
	for range mib - warmup {
		bomb.Write(unit)
	}
	bomb.Write([]byte{0x03, 0x00}) // final fixed-Huffman block holding only end-of-block
	var trailer [8]byte
	binary.LittleEndian.PutUint32(trailer[:4], crc.Sum32())
	binary.LittleEndian.PutUint32(trailer[4:], uint32(int64(mib)<<20))
	bomb.Write(trailer[:])
	bombs.Store(mib, bomb.Bytes())
	return bomb.Bytes()
}

func TestGzipBombIsValid(t *testing.T) {
	bomb := gzipBomb(t, 24)
	zr, err := gzip.NewReader(bytes.NewReader(bomb))
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("standard decoder rejects the bomb: %v", err)
	}
	if len(data) != 24<<20 || bytes.ContainsFunc(data, func(r rune) bool { return r != 0 }) {
		t.Fatalf("bomb holds %d bytes, want %d zeros", len(data), 24<<20)
	}
	got, err := Decompress(bomb, WithMaxSize(24<<20))
	if err != nil || got.Len() != 24<<20 {
		t.Fatalf("Decompress at exactly the limit: len %d, err %v", blen(got), err)
	}
}

// allocated returns the bytes allocated on the heap while f runs.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestBombMemory decompresses 1 GiB of zeros (about 1 MiB of gzip) and checks
// that the bytes allocated stay near the limit.
func TestBombMemory(t *testing.T) {
	bomb := gzipBomb(t, 1024)
	multi := bytes.Repeat(gzipBomb(t, 16), 64) // 64 members of 16 MiB: the trailer understates the size
	const slack = 1 << 20
	tests := []struct {
		name  string
		limit int64
		run   func(limit int64) error
	}{
		{"Decompress/default limit", DefaultMaxSize, func(int64) error { _, err := Decompress(bomb); return err }},
		{"Decompress/8 MiB", 8 << 20, func(l int64) error { _, err := Decompress(bomb, WithMaxSize(l)); return err }},
		{"Decompress/multi-member", DefaultMaxSize, func(l int64) error { _, err := Decompress(multi, WithMaxSize(l)); return err }},
		{"DecompressStream/default limit", 0, func(int64) error { _, err := DecompressStream(io.Discard, bytes.NewReader(bomb)); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			got := allocated(func() { err = tt.run(tt.limit) })
			if !errorsIsTooLarge(err) {
				t.Fatalf("err %v, want ErrTooLarge", err)
			}
			t.Logf("allocated %d bytes (%.1f MiB) for limit %d", got, float64(got)/(1<<20), tt.limit)
			if got > uint64(tt.limit)+slack {
				t.Errorf("allocated %d bytes, more than the limit %d + %d", got, tt.limit, slack)
			}
		})
	}
}

// BenchmarkBomb reports the bytes allocated to reject a 1 GiB gzip bomb.
// The legacy version (which inflates everything) runs only when
// HCPKIT_BENCH_LEGACY_BOMB=1, as it allocates several GiB.
func BenchmarkBomb(b *testing.B) {
	bomb := gzipBomb(b, 1024)
	b.Run("impl=hcpkit", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Decompress(bomb); !errorsIsTooLarge(err) {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=hcpkit-stream", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := DecompressStream(io.Discard, bytes.NewReader(bomb)); !errorsIsTooLarge(err) {
				b.Fatal(err)
			}
		}
	})
	if os.Getenv("HCPKIT_BENCH_LEGACY_BOMB") != "1" {
		return
	}
	enc := []byte(base64.StdEncoding.EncodeToString(bomb))
	b.Run("impl=legacy", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := legacyDecodeAndDecompress(enc); err != nil {
				b.Fatal(err)
			}
		}
	})
}
