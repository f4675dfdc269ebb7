package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// binary is the hcpinspect binary built once for the end-to-end tests.
var binary string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "hcpinspect-e2e")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "hcpinspect")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		os.RemoveAll(dir)
		panic("building hcpinspect: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runBinary runs the built binary and returns its stdout, stderr and exit
// code.
func runBinary(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	if stdin != "" {
		cmd.Stdin = strings.NewReader(stdin)
	} // else /dev/null, as from a terminal-less caller
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("running hcpinspect: %v", err)
	}
	return out.String(), errOut.String(), code
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden file (run go test ./cmd/hcpinspect -update to create it): %v", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run with -update after checking):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

const now = "--now=2026-01-01T00:00:00Z"

func TestEndToEnd(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		stdin    string
		golden   string
		wantCode int
		stderr   []string
	}{
		{name: "embedded example", args: []string{now}, golden: "example.table.golden"},
		{name: "embedded example as JSON", args: []string{now, "-o", "json"}, golden: "example.json.golden"},
		{name: "files, flags after inputs", args: []string{"testdata/mixed.yaml", "testdata/list.json", now, "-o", "yaml"}, golden: "mixed-list.yaml.golden"},
		{name: "table for files", args: []string{now, "testdata/mixed.yaml", "testdata/list.json"}, golden: "mixed-list.table.golden"},
		{
			name:     "bad documents are reported and the rest still inspected",
			args:     []string{now, "-o", "json", "testdata/bad.yaml"},
			golden:   "bad.json.golden",
			wantCode: 1,
			stderr: []string{
				"hcpinspect: testdata/bad.yaml: document 2 (line 15): invalid YAML: did not find expected ',' or ']'",
				"hcpinspect: testdata/bad.yaml: document 3 (line 17): decoding HostedCluster: invalid CIDR \"172.30.0.0/99\": want an address and a prefix length",
			},
		},
		{name: "stdin", args: []string{now, "-"}, stdin: "apiVersion: hypershift.openshift.io/v1beta1\nkind: NodePool\nmetadata: {name: np}\nspec: {clusterName: c}\n", golden: "stdin.table.golden"},
		{name: "lowercase --now", args: []string{"--now=2026-01-01t00:00:00z", "-o", "json"}, golden: "example.json.golden"},
		{name: "missing file", args: []string{"testdata/nope.yaml"}, wantCode: 1, stderr: []string{"hcpinspect: testdata/nope.yaml: no such file or directory"}},
		{name: "unknown format", args: []string{"-o", "xml"}, wantCode: 2, stderr: []string{`unknown output format "xml"`}},
		{name: "bad --now", args: []string{"--now", "tomorrow"}, wantCode: 2, stderr: []string{`--now "tomorrow" is not an RFC 3339 time`}},
		{name: "unknown flag", args: []string{"--frobnicate"}, wantCode: 2, stderr: []string{"flag provided but not defined: -frobnicate", "Usage: hcpinspect"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runBinary(t, tt.stdin, tt.args...)
			if len(tt.args) > 0 && tt.args[0] == now && len(tt.args) == 1 && errOut != "" {
				t.Errorf("unexpected stderr for the example: %s", errOut)
			}
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d; stderr:\n%s", code, tt.wantCode, errOut)
			}
			if strings.Contains(errOut, "goroutine ") || strings.Contains(errOut, "panic:") {
				t.Errorf("stderr holds a stack trace:\n%s", errOut)
			}
			for _, want := range tt.stderr {
				if !strings.Contains(errOut, want) {
					t.Errorf("stderr lacks %q:\n%s", want, errOut)
				}
			}
			if tt.golden != "" {
				golden(t, tt.golden, out)
			}
		})
	}
}

// TestPipedStdinWithoutDash checks that piping into hcpinspect without "-"
// says that the embedded example is shown instead.
func TestPipedStdinWithoutDash(t *testing.T) {
	out, errOut, code := runBinary(t, "kind: NodePool\n", now)
	if code != 0 || !strings.Contains(out, "(embedded example)") {
		t.Fatalf("exit %d, output:\n%s", code, out)
	}
	if !strings.Contains(errOut, "no input named, so showing the embedded example; use - to read standard input") {
		t.Errorf("stderr lacks the note about standard input: %q", errOut)
	}
}

// TestSharedFixtures runs the binary on the real manifests rendered by
// HyperShift's CLI, when the project's shared folder is beside the repo.
func TestSharedFixtures(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "fixtures")
	entries, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil || len(entries) == 0 {
		t.Skipf("no shared fixtures at %s: this test runs only beside the project's shared folder", dir)
	}
	out, errOut, code := runBinary(t, "", now, "-o", "json", dir)
	if code != 0 {
		t.Fatalf("exit code %d; stderr:\n%s", code, errOut)
	}
	var r struct {
		Clusters  []struct{ Kind, Name string }
		NodePools []struct {
			Name           string
			ClusterInInput bool
		}
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("JSON output: %v", err)
	}
	// Count the objects in the files to know what must be reported.
	var wantHC, wantNP int
	for _, f := range entries {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		wantHC += strings.Count(string(data), "\nkind: HostedCluster\n")
		wantNP += strings.Count(string(data), "\nkind: NodePool\n")
	}
	if len(r.Clusters) != wantHC || len(r.NodePools) != wantNP {
		t.Errorf("reported %d clusters and %d node pools, want %d and %d", len(r.Clusters), len(r.NodePools), wantHC, wantNP)
	}
	for _, np := range r.NodePools {
		if !np.ClusterInInput {
			t.Errorf("node pool %s: its HostedCluster is in the fixtures but was not matched", np.Name)
		}
	}
}
