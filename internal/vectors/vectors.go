package vectors

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
)

// Case is one measured call of a legacy function. It holds the union of the
// fields the vector files use; a file leaves out what it does not need.
type Case struct {
	// Name identifies the case; tests use it as the subtest name.
	Name string `json:"name"`
	// In holds the call's inputs, usually an object keyed by parameter.
	In json.RawMessage `json:"in"`
	// Out is the result measured on v0.1.40, compacted by Load.
	Out json.RawMessage `json:"out"`
	// Fixed is hcpkit's expected result for a legacy-fault or panics case,
	// compacted by Load.
	Fixed json.RawMessage `json:"fixed,omitempty"`
	// Corrected is the name some files use for Fixed, compacted by Load.
	Corrected json.RawMessage `json:"corrected,omitempty"`
	// Aux holds extra measured values a test may check besides Out.
	Aux json.RawMessage `json:"aux,omitempty"`
	// OutEncoding names how Out is encoded when it is not plain JSON
	// (for example "base64").
	OutEncoding string `json:"out_encoding,omitempty"`
	// LegacyFault marks a result recorded as measured but known to be wrong.
	LegacyFault bool `json:"legacy_fault,omitempty"`
	// Panics marks a call that panicked on v0.1.40.
	Panics bool `json:"panics,omitempty"`
	// PanicMessage is the value the legacy panic was recovered with.
	PanicMessage string `json:"panic_message,omitempty"`
	// Fault says what is wrong with a legacy-fault case.
	Fault string `json:"fault,omitempty"`
	// Note is free-form commentary on the case.
	Note string `json:"note,omitempty"`
}

// Target reports whether the case's measured output is one hcpkit must
// reproduce: it records neither a legacy fault nor a panic.
func (c Case) Target() bool { return !c.LegacyFault && !c.Panics }

// Want returns the expected result of the case: Out for a target case, and
// for a legacy-fault or panics case the fixed expectation (Fixed, or
// Corrected in files that use that name), which is empty when the file has
// none.
func (c Case) Want() json.RawMessage {
	if c.Target() {
		return c.Out
	}
	if len(c.Fixed) > 0 {
		return c.Fixed
	}
	return c.Corrected
}

// Arg returns the input named key of a case whose In is an object, failing
// the test when In is not an object or has no such key.
func (c Case) Arg(t testing.TB, key string) json.RawMessage {
	t.Helper()
	var in map[string]json.RawMessage
	if err := json.Unmarshal(c.In, &in); err != nil {
		t.Fatalf("%s: inputs %s are not an object: %v", c.Name, c.In, err)
	}
	raw, ok := in[key]
	if !ok {
		t.Fatalf("%s: no input %q in %s", c.Name, key, c.In)
	}
	return raw
}

// Option changes what Load checks.
type Option func(*options)

type options struct {
	requireFixed bool
}

// RequireFixed makes Load fail the test when a legacy-fault or panics case
// carries no fixed (or corrected) expectation. Use it for files whose
// convention is that every such case has one.
func RequireFixed() Option {
	return func(o *options) { o.requireFixed = true }
}

// cache holds parsed files by absolute path; a package's tests often load
// the same file once per function.
var cache struct {
	sync.Mutex
	files map[string]map[string][]Case
}

// Load returns the cases for the legacy function fn in the vector file at
// path, with Out, Fixed and Corrected compacted (the files are indented for
// reading; compacting restores the bytes json.Marshal wrote, key order
// kept). It fails the test when the file cannot be read or parsed or holds
// no case for fn. Each call returns a fresh slice; the JSON bytes in it are
// shared between calls and must not be modified.
func Load(t testing.TB, path, fn string, opts ...Option) []Case {
	t.Helper()
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	all, err := loadFile(path)
	if err != nil {
		t.Fatalf("loading vectors: %v", err)
	}
	cases := slices.Clone(all[fn])
	if len(cases) == 0 {
		t.Fatalf("%s: no vectors for %s", path, fn)
	}
	if o.requireFixed {
		for _, c := range cases {
			if !c.Target() && len(c.Want()) == 0 {
				t.Fatalf("%s/%s: legacy fault without a fixed expectation", fn, c.Name)
			}
		}
	}
	return cases
}

func loadFile(path string) (map[string][]Case, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	cache.Lock()
	defer cache.Unlock()
	if all, ok := cache.files[abs]; ok {
		return all, nil
	}
	b, err := os.ReadFile(abs)
	if err != nil {
		return nil, err
	}
	all, err := parse(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if cache.files == nil {
		cache.files = make(map[string]map[string][]Case)
	}
	cache.files[abs] = all
	return all, nil
}

// parse reads either file layout and compacts the expected results.
func parse(b []byte) (map[string][]Case, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		return nil, err
	}
	all := make(map[string][]Case)
	if raw, ok := top["cases"]; ok {
		if err := json.Unmarshal(raw, &all); err != nil {
			return nil, fmt.Errorf("cases: %w", err)
		}
	} else {
		for fn, raw := range top {
			var set struct {
				Cases []Case `json:"cases"`
			}
			// Entries other than function objects (such as "_source")
			// carry no cases and are skipped.
			if json.Unmarshal(raw, &set) != nil || set.Cases == nil {
				continue
			}
			all[fn] = set.Cases
		}
	}
	for fn, cases := range all {
		for i := range cases {
			c := &cases[i]
			for _, raw := range []*json.RawMessage{&c.Out, &c.Fixed, &c.Corrected} {
				if len(*raw) == 0 {
					continue
				}
				compact, err := compact(*raw)
				if err != nil {
					return nil, fmt.Errorf("%s/%s: %w", fn, c.Name, err)
				}
				*raw = compact
			}
		}
	}
	return all, nil
}

func compact(raw []byte) (json.RawMessage, error) {
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Compact returns raw with insignificant white space removed, failing the
// test when raw is not valid JSON.
func Compact(t testing.TB, raw []byte) json.RawMessage {
	t.Helper()
	b, err := compact(raw)
	if err != nil {
		t.Fatalf("compacting %s: %v", raw, err)
	}
	return b
}

// Decode unmarshals raw into v with encoding/json's usual rules, failing the
// test on error.
func Decode(t testing.TB, raw []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatalf("decoding %s: %v", raw, err)
	}
}

// DecodeStrict unmarshals raw into v as the vectors were built: unknown
// fields and trailing data are rejected, and JSON null leaves a nil pointer.
// It fails the test on error.
func DecodeStrict(t testing.TB, raw []byte, v any) {
	t.Helper()
	if err := decodeStrict(raw, v); err != nil {
		t.Fatalf("decoding %s: %v", raw, err)
	}
}

func decodeStrict(raw []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errors.New("trailing data after the value")
	}
	return nil
}

// Expected decodes the case's expected result (Want) into a T with
// DecodeStrict and returns it.
func Expected[T any](t testing.TB, c Case) T {
	t.Helper()
	var want T
	DecodeStrict(t, c.Want(), &want)
	return want
}
