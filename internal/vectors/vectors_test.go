package vectors

import (
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// recorder is a testing.TB whose Fatalf records the message and ends the
// calling goroutine, as testing.T's does.
type recorder struct {
	testing.TB
	msg string
}

func (r *recorder) Helper() {}

func (r *recorder) Fatalf(format string, args ...any) {
	r.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// fatal calls f with a recorder on its own goroutine and returns the message
// f failed the test with, or "" when it did not fail.
func fatal(f func(tb testing.TB)) string {
	r := &recorder{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
	return r.msg
}

func TestLoadMapLayout(t *testing.T) {
	cases := Load(t, "testdata/cases.json", "Add", RequireFixed())
	if len(cases) != 3 {
		t.Fatalf("got %d cases, want 3", len(cases))
	}
	tests := []struct {
		name   string
		target bool
		out    string
		want   string
	}{
		{"one plus one", true, `{"sum":2,"err":false}`, `{"sum":2,"err":false}`},
		{"overflow", false, `{"sum":-9223372036854775808,"err":false}`, `{"sum":0,"err":true}`},
		{"nil", false, `null`, `{"sum":0,"err":true}`},
	}
	for i, tt := range tests {
		c := cases[i]
		if c.Name != tt.name || c.Target() != tt.target || string(c.Out) != tt.out || string(c.Want()) != tt.want {
			t.Errorf("case %d = {%q target %v out %s want %s}, want {%q target %v out %s want %s}",
				i, c.Name, c.Target(), c.Out, c.Want(), tt.name, tt.target, tt.out, tt.want)
		}
	}
	if c := cases[1]; !c.LegacyFault || c.Fault != "wraps around" {
		t.Errorf("overflow case lost its fault: %+v", c)
	}
	if c := cases[2]; !c.Panics || c.PanicMessage != "nil dereference" {
		t.Errorf("nil case lost its panic: %+v", c)
	}
}

func TestLoadNestedLayout(t *testing.T) {
	cases := Load(t, "testdata/nested.json", "Split", RequireFixed())
	if len(cases) != 2 {
		t.Fatalf("got %d cases, want 2", len(cases))
	}
	if got := string(cases[0].Want()); got != `["a","b"]` {
		t.Errorf("target case Want = %s", got)
	}
	if got := string(cases[1].Want()); got != `["a"]` {
		t.Errorf("corrected case Want = %s", got)
	}
}

func TestLoadReturnsFreshSlices(t *testing.T) {
	a := Load(t, "testdata/cases.json", "Add")
	a[0].Name = "changed"
	if b := Load(t, "testdata/cases.json", "Add"); b[0].Name != "one plus one" {
		t.Errorf("a caller's change reached the next Load: %q", b[0].Name)
	}
}

func TestLoadFails(t *testing.T) {
	tests := []struct {
		name string
		f    func(tb testing.TB)
		want string
	}{
		{"missing file", func(tb testing.TB) { Load(tb, "testdata/nope.json", "Add") }, "no such file"},
		{"unknown function", func(tb testing.TB) { Load(tb, "testdata/cases.json", "Sub") }, "no vectors for Sub"},
		{"no cases", func(tb testing.TB) { Load(tb, "testdata/cases.json", "Empty") }, "no vectors for Empty"},
		{"nested, unknown function", func(tb testing.TB) { Load(tb, "testdata/nested.json", "_source") }, "no vectors for _source"},
		{"fault without fixed", func(tb testing.TB) { Load(tb, "testdata/cases.json", "Unfixed", RequireFixed()) }, "Unfixed/fault without fixed: legacy fault without a fixed expectation"},
		{"not JSON", func(tb testing.TB) { Load(tb, "vectors.go", "Add") }, "vectors.go"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if msg := fatal(tt.f); !strings.Contains(msg, tt.want) {
				t.Errorf("failure message %q does not contain %q", msg, tt.want)
			}
		})
	}
	// Without RequireFixed a fault case need not carry a fixed result.
	if msg := fatal(func(tb testing.TB) { Load(tb, "testdata/cases.json", "Unfixed") }); msg != "" {
		t.Errorf("Load without RequireFixed failed: %s", msg)
	}
}

func TestArg(t *testing.T) {
	c := Load(t, "testdata/cases.json", "Add")[0]
	var a int
	DecodeStrict(t, c.Arg(t, "a"), &a)
	if a != 1 {
		t.Errorf("a = %d, want 1", a)
	}
	if msg := fatal(func(tb testing.TB) { c.Arg(tb, "z") }); !strings.Contains(msg, `no input "z"`) {
		t.Errorf("missing input: %q", msg)
	}
	c.In = json.RawMessage(`[1]`)
	if msg := fatal(func(tb testing.TB) { c.Arg(tb, "a") }); !strings.Contains(msg, "not an object") {
		t.Errorf("array input: %q", msg)
	}
}

func TestDecode(t *testing.T) {
	type pair struct {
		A int `json:"a"`
	}
	var p pair
	Decode(t, []byte(`{"a": 1, "extra": true}`), &p)
	if p.A != 1 {
		t.Errorf("Decode = %+v", p)
	}
	var ptr *pair
	DecodeStrict(t, []byte(` null `), &ptr)
	if ptr != nil {
		t.Errorf("null decoded to %+v, want a nil pointer", ptr)
	}
	tests := []struct {
		name string
		f    func(tb testing.TB)
		want string
	}{
		{"lenient, invalid", func(tb testing.TB) { Decode(tb, []byte(`{`), &p) }, "decoding {"},
		{"strict, unknown field", func(tb testing.TB) { DecodeStrict(tb, []byte(`{"a":1,"b":2}`), &p) }, `unknown field "b"`},
		{"strict, trailing data", func(tb testing.TB) { DecodeStrict(tb, []byte(`{"a":1} 2`), &p) }, "trailing data"},
		{"strict, empty", func(tb testing.TB) { DecodeStrict(tb, nil, &p) }, "EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if msg := fatal(tt.f); !strings.Contains(msg, tt.want) {
				t.Errorf("failure message %q does not contain %q", msg, tt.want)
			}
		})
	}
}

func TestExpected(t *testing.T) {
	type result struct {
		Sum int  `json:"sum"`
		Err bool `json:"err"`
	}
	cases := Load(t, "testdata/cases.json", "Add")
	if got := Expected[result](t, cases[0]); got != (result{Sum: 2}) {
		t.Errorf("target case: %+v", got)
	}
	if got := Expected[result](t, cases[1]); got != (result{Err: true}) {
		t.Errorf("fault case: %+v", got)
	}
	if msg := fatal(func(tb testing.TB) { Expected[int](tb, cases[0]) }); !strings.Contains(msg, "cannot unmarshal") {
		t.Errorf("wrong type: %q", msg)
	}
}

func TestCompact(t *testing.T) {
	if got := string(Compact(t, []byte("{\n  \"b\": [1, 2],\n  \"a\": \"x y\"\n}\n"))); got != `{"b":[1,2],"a":"x y"}` {
		t.Errorf("Compact = %s", got)
	}
	if msg := fatal(func(tb testing.TB) { Compact(tb, []byte(`{"a":`)) }); !strings.Contains(msg, "compacting") {
		t.Errorf("invalid JSON: %q", msg)
	}
}
