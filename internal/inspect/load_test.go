package inspect

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// splitCase is one input of Split and what it must give.
type splitCase struct {
	name      string
	in        string
	wantLines []int
	wantJSON  []string
	wantErrs  []string
}

// runSplitCases checks Split on each case: the documents' start lines and
// JSON, and the errors' text by prefix.
func runSplitCases(t *testing.T, tests []splitCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := Split("src", []byte(tt.in))
			var lines []int
			var js []string
			for _, d := range docs {
				lines = append(lines, d.Line)
				js = append(js, string(d.JSON))
			}
			if !equal(lines, tt.wantLines) || !equal(js, tt.wantJSON) {
				t.Errorf("Split() lines %v json %q, want %v %q", lines, js, tt.wantLines, tt.wantJSON)
			}
			if len(errs) != len(tt.wantErrs) {
				t.Fatalf("Split() errors %v, want %d", errs, len(tt.wantErrs))
			}
			for i, e := range errs {
				if !strings.HasPrefix(e.Error(), tt.wantErrs[i]) {
					t.Errorf("error %d = %q, want prefix %q", i, e.Error(), tt.wantErrs[i])
				}
			}
		})
	}
}

func TestSplit(t *testing.T) {
	tests := []splitCase{
		{
			name:      "single document",
			in:        "kind: A\n",
			wantLines: []int{1},
			wantJSON:  []string{`{"kind":"A"}`},
		},
		{
			name:      "leading separator, comments and empty documents",
			in:        "# header\n---\nkind: A\n---\n\n---   # trailing comment\nkind: B\n...\n",
			wantLines: []int{3, 7},
			wantJSON:  []string{`{"kind":"A"}`, `{"kind":"B"}`},
		},
		{
			name:      "null document is dropped",
			in:        "null\n---\nkind: A",
			wantLines: []int{3},
			wantJSON:  []string{`{"kind":"A"}`},
		},
		{
			name:      "JSON document",
			in:        `{"kind": "A", "spec": {"x": 1}}`,
			wantLines: []int{1},
			wantJSON:  []string{`{"kind":"A","spec":{"x":1}}`},
		},
		{
			name:      "invalid YAML reports its line and keeps the others",
			in:        "kind: A\n---\nkind: B\nspec:\n  x: [unclosed\n---\nkind: C\n",
			wantLines: []int{1, 7},
			wantJSON:  []string{`{"kind":"A"}`, `{"kind":"C"}`},
			wantErrs:  []string{"src: document 2 (line 5): invalid YAML: "},
		},
		{
			name:      "CRLF line endings",
			in:        "kind: A\r\n---\r\nkind: B\r\n",
			wantLines: []int{1, 3},
			wantJSON:  []string{`{"kind":"A"}`, `{"kind":"B"}`},
		},
	}
	runSplitCases(t, tests)
}

func equal[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// loadAll collects what Load hands over.
func loadAll(args []string, stdin io.Reader) ([]Document, []*DocError) {
	var docs []Document
	var errs []*DocError
	Load(args, stdin, func(d []Document, e []*DocError) bool {
		docs = append(docs, d...)
		errs = append(errs, e...)
		return true
	})
	return docs, errs
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("b/two.yml", "kind: Two\n")
	write("a.yaml", "kind: One\n---\nkind: OneB\n")
	write("c.json", `{"kind":"Three"}`)
	write("ignored.txt", "kind: Nope\n")
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}

	docs, errs := loadAll([]string{dir, "-", filepath.Join(dir, "missing.yaml"), empty}, strings.NewReader("kind: Stdin\n"))
	var kinds []string
	for _, d := range docs {
		kinds = append(kinds, string(d.JSON))
	}
	want := []string{`{"kind":"One"}`, `{"kind":"OneB"}`, `{"kind":"Two"}`, `{"kind":"Three"}`, `{"kind":"Stdin"}`}
	if !equal(kinds, want) {
		t.Errorf("Load() = %q, want %q", kinds, want)
	}
	if len(errs) != 2 {
		t.Fatalf("Load() errors = %v, want 2", errs)
	}
	if got := errs[0].Error(); !strings.HasSuffix(got, "missing.yaml: no such file or directory") {
		t.Errorf("missing file error = %q", got)
	}
	if got := errs[1].Error(); !strings.HasSuffix(got, "empty: directory holds no .yaml, .yml or .json file") {
		t.Errorf("empty dir error = %q", got)
	}
}

func TestLoadTooLarge(t *testing.T) {
	big := strings.NewReader(strings.Repeat("#", MaxInputBytes+10))
	docs, errs := loadAll([]string{"-"}, big)
	if len(docs) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Message, "larger than 32 MiB") {
		t.Fatalf("Load(huge stdin) = %v, %v", docs, errs)
	}
}

func FuzzSplit(f *testing.F) {
	f.Add([]byte("kind: A\n---\nkind: B\n"))
	f.Add([]byte("a: [\n---\n{\"kind\": 1}"))
	f.Add([]byte("---\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, errs := Split("fuzz", data)
		for _, d := range docs {
			if d.Line < 1 || d.Index < 1 {
				t.Fatalf("bad position %+v", d)
			}
		}
		for _, e := range errs {
			if e.Line < 1 || e.Index < 1 {
				t.Fatalf("bad error position %+v", e)
			}
		}
		// Whatever parsed must also inspect without a panic.
		Inspect(docs, fixedNow)
	})
}

func TestSplitJSONStreamsAndStrictKeys(t *testing.T) {
	tests := []splitCase{
		{
			name:      "JSON Lines give one document per value",
			in:        "{\"kind\":\"A\"}\n{\"kind\":\"B\"}\n\n  {\"kind\":\"C\"}\n",
			wantLines: []int{1, 2, 4},
			wantJSON:  []string{`{"kind":"A"}`, `{"kind":"B"}`, `{"kind":"C"}`},
		},
		{
			name:      "a List followed by an object",
			in:        "{\"kind\":\"List\",\"items\":[]}\n{\"kind\":\"B\"}",
			wantLines: []int{1, 2},
			wantJSON:  []string{`{"items":[],"kind":"List"}`, `{"kind":"B"}`},
		},
		{
			name:      "a stream that breaks keeps its first values",
			in:        "{\"kind\":\"A\"}\n{\"kind\": oops}\n",
			wantLines: []int{1},
			wantJSON:  []string{`{"kind":"A"}`},
			wantErrs:  []string{"src: document 2 (line 2): invalid JSON value"},
		},
		{
			name:      "YAML flow mapping is still YAML",
			in:        "{kind: A}\n",
			wantLines: []int{1},
			wantJSON:  []string{`{"kind":"A"}`},
		},
		{
			name:     "repeated YAML key",
			in:       "metadata:\n  name: a\n  name: b\n",
			wantErrs: []string{"src: document 1 (line 3): invalid YAML: "},
		},
		{
			name:     "repeated JSON key in a stream",
			in:       "{\"kind\":\"A\"}\n{\"kind\":\"B\",\"kind\":\"C\"}\n",
			wantErrs: []string{"src: document 2 (line 2): invalid JSON: "},
			// The first value still counts.
			wantLines: []int{1},
			wantJSON:  []string{`{"kind":"A"}`},
		},
	}
	runSplitCases(t, tests)
}

func TestLoadSkipsNonRegularFilesInDirectories(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.yaml"), []byte("kind: A\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	if err := os.Symlink("nowhere.yaml", filepath.Join(dir, "dangling.yaml")); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var docs []Document
	var errs []*DocError
	go func() {
		docs, errs = loadAll([]string{dir}, nil)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("Load blocked on a FIFO found in a directory")
	}
	if len(docs) != 1 || len(errs) != 0 {
		t.Errorf("Load() = %v, %v; want the one regular file and no error", docs, errs)
	}
}

func TestSplitMemoryIsLinearInInput(t *testing.T) {
	// 8 MiB of newlines used to cost a slice header per line (about 24
	// times the input); now only the input itself and small documents.
	data := bytes.Repeat([]byte("\n"), 8<<20)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	docs, errs := Split("big", data)
	runtime.ReadMemStats(&after)
	if len(docs)+len(errs) != 0 {
		t.Fatalf("Split(newlines) = %d docs, %d errors", len(docs), len(errs))
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
		t.Errorf("Split allocated %d bytes for 8 MiB of blank lines; want under 1 MiB", alloc)
	}
}
