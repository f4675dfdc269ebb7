//go:build ignore

// govulncheck-report reads the JSON stream of `govulncheck -format json` on
// standard input, prints a short summary and exits 1 when code of this module
// calls a vulnerable symbol of a module dependency. Findings in the standard
// library are printed as warnings only: they are fixed by a newer Go
// toolchain, which this project cannot install by itself.
//
// Usage (hack/govulncheck.sh does this):
//
//	govulncheck -format json ./... | go run hack/govulncheck-report.go
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// message is one object of govulncheck's JSON stream; only the parts read here.
type message struct {
	Config  *config  `json:"config"`
	OSV     *entry   `json:"osv"`
	Finding *finding `json:"finding"`
}

type config struct {
	ScannerVersion string `json:"scanner_version"`
	DB             string `json:"db"`
	GoVersion      string `json:"go_version"`
	ScanLevel      string `json:"scan_level"`
}

type entry struct {
	ID      string   `json:"id"`
	Summary string   `json:"summary"`
	Aliases []string `json:"aliases"`
}

type finding struct {
	OSV          string  `json:"osv"`
	FixedVersion string  `json:"fixed_version"`
	Trace        []frame `json:"trace"`
}

type frame struct {
	Module   string    `json:"module"`
	Version  string    `json:"version"`
	Package  string    `json:"package"`
	Function string    `json:"function"`
	Receiver string    `json:"receiver"`
	Position *position `json:"position"`
}

type position struct {
	Filename string `json:"filename"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
}

// Levels of a finding, from weakest to strongest.
const (
	levelModule  = iota // the module is required
	levelPackage        // a vulnerable package is imported
	levelSymbol         // a vulnerable symbol is reachable from this module's code
)

// result gathers the findings of one vulnerability in one module.
type result struct {
	id, module, found, fixed string
	level                    int
	example                  string
}

func main() {
	code, err := run(os.Stdin, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "govulncheck-report:", err)
		os.Exit(2)
	}
	os.Exit(code)
}

func run(in io.Reader, out io.Writer) (int, error) {
	dec := json.NewDecoder(bufio.NewReader(in))
	entries := map[string]*entry{}
	results := map[[2]string]*result{}
	var cfg *config
	for {
		var m message
		if err := dec.Decode(&m); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return 0, fmt.Errorf("reading govulncheck output: %w", err)
		}
		switch {
		case m.Config != nil:
			cfg = m.Config
		case m.OSV != nil:
			entries[m.OSV.ID] = m.OSV
		case m.Finding != nil && len(m.Finding.Trace) > 0:
			add(results, m.Finding)
		}
	}
	if cfg == nil {
		return 0, errors.New("no govulncheck config message in the input (did govulncheck fail?)")
	}
	fmt.Fprintf(out, "govulncheck %s, %s, database %s\n", cfg.ScannerVersion, cfg.GoVersion, cfg.DB)

	var std, mods, notCalled []*result
	for _, r := range results {
		switch {
		case r.level < levelSymbol:
			notCalled = append(notCalled, r)
		case r.module == "stdlib" || r.module == "toolchain":
			std = append(std, r)
		default:
			mods = append(mods, r)
		}
	}
	sortResults(std)
	sortResults(mods)
	sortResults(notCalled)

	if len(std) > 0 {
		fmt.Fprintf(out, "\nWARNING: %d standard-library vulnerabilities reachable (fixed by a newer Go toolchain; not failing):\n", len(std))
		for _, r := range std {
			printResult(out, r, entries[r.id])
		}
	}
	if len(mods) > 0 {
		fmt.Fprintf(out, "\nFAIL: %d vulnerabilities in module dependencies reachable from this module's code (upgrade to the fixed version):\n", len(mods))
		for _, r := range mods {
			printResult(out, r, entries[r.id])
		}
	}
	if len(notCalled) > 0 {
		fmt.Fprintf(out, "\n%d further findings only import or require vulnerable code without calling it (not failing):\n", len(notCalled))
		for _, r := range notCalled {
			fmt.Fprintf(out, "  %s %s@%s\n", r.id, r.module, r.found)
		}
	}
	if len(mods) > 0 {
		return 1, nil
	}
	fmt.Fprintln(out, "OK: no reachable vulnerability in module dependencies.")
	return 0, nil
}

// add records a finding, keeping the strongest level per vulnerability and module.
func add(results map[[2]string]*result, f *finding) {
	top := f.Trace[0]
	level := levelModule
	switch {
	case top.Function != "":
		level = levelSymbol
	case top.Package != "":
		level = levelPackage
	}
	key := [2]string{f.OSV, top.Module}
	r, ok := results[key]
	if !ok {
		r = &result{id: f.OSV, module: top.Module, found: top.Version, fixed: f.FixedVersion, level: -1}
		results[key] = r
	}
	if level > r.level {
		r.level = level
		r.example = ""
	}
	if level == levelSymbol && r.example == "" {
		r.example = example(f.Trace)
	}
}

// example renders a trace as "file:line: caller calls ... vulnerable symbol".
func example(trace []frame) string {
	last := trace[len(trace)-1]
	where := ""
	if p := last.Position; p != nil {
		where = fmt.Sprintf("%s:%d: ", p.Filename, p.Line)
	}
	if len(trace) == 1 {
		return where + symbol(last)
	}
	return fmt.Sprintf("%s%s calls ... %s", where, symbol(last), symbol(trace[0]))
}

func symbol(f frame) string {
	name := f.Function
	if f.Receiver != "" {
		name = strings.TrimPrefix(f.Receiver, "*") + "." + name
	}
	pkg := f.Package
	if i := strings.LastIndex(pkg, "/"); i >= 0 {
		pkg = pkg[i+1:]
	}
	return pkg + "." + name
}

func sortResults(rs []*result) {
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].module != rs[j].module {
			return rs[i].module < rs[j].module
		}
		return rs[i].id < rs[j].id
	})
}

func printResult(out io.Writer, r *result, e *entry) {
	summary, aliases := "", ""
	if e != nil {
		summary = e.Summary
		if len(e.Aliases) > 0 {
			aliases = " (" + strings.Join(e.Aliases, ", ") + ")"
		}
	}
	fixed := r.fixed
	if fixed == "" {
		fixed = "no fixed version"
	}
	fmt.Fprintf(out, "  %s%s %s@%s, fixed in %s: %s\n", r.id, aliases, r.module, r.found, fixed, summary)
	if r.example != "" {
		fmt.Fprintf(out, "      e.g. %s\n", r.example)
	}
}
