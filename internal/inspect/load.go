package inspect

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"sigs.k8s.io/yaml"
)

// MaxInputBytes bounds how much is read from one file or from standard input.
const MaxInputBytes = 32 << 20

// Document is one YAML or JSON document of an input, converted to JSON.
type Document struct {
	// Source names the input: a file path, or "-" for standard input.
	Source string
	// Index is the position of the document in its source, from 1.
	Index int
	// Line is the line of the source where the document starts, from 1.
	Line int
	// JSON is the document as JSON; nil for an empty document.
	JSON []byte
}

// DocError is an input that could not be read or a document that could not
// be parsed or decoded.
type DocError struct {
	// Source names the input.
	Source string `json:"source"`
	// Index is the document's position in its source, from 1; 0 when the
	// whole source failed.
	Index int `json:"document,omitempty"`
	// Line is the line of the source the error points at, from 1; 0 when not
	// known.
	Line int `json:"line,omitempty"`
	// Message says what is wrong.
	Message string `json:"message"`
}

// Error returns "source: document N (line L): message".
func (e *DocError) Error() string {
	var b strings.Builder
	b.WriteString(e.Source)
	if e.Index > 0 {
		fmt.Fprintf(&b, ": document %d", e.Index)
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, " (line %d)", e.Line)
	}
	b.WriteString(": ")
	b.WriteString(e.Message)
	return b.String()
}

// Load reads every argument: a file, a directory (its .yaml, .yml and .json
// files, recursively, in lexical order) or "-" for stdin. It returns the
// documents it could read and an error for each input or document it could
// not.
func Load(args []string, stdin io.Reader) ([]Document, []*DocError) {
	var docs []Document
	var errs []*DocError
	for _, arg := range args {
		if arg == "-" {
			data, err := readLimited(stdin)
			if err != nil {
				errs = append(errs, &DocError{Source: "-", Message: err.Error()})
				continue
			}
			d, e := Split("-", data)
			docs, errs = append(docs, d...), append(errs, e...)
			continue
		}
		files, err := expand(arg)
		if err != nil {
			errs = append(errs, &DocError{Source: arg, Message: err.Error()})
			continue
		}
		for _, f := range files {
			data, err := readFile(f)
			if err != nil {
				errs = append(errs, &DocError{Source: f, Message: err.Error()})
				continue
			}
			d, e := Split(f, data)
			docs, errs = append(docs, d...), append(errs, e...)
		}
	}
	return docs, errs
}

func expand(arg string) ([]string, error) {
	info, err := os.Stat(arg)
	if err != nil {
		return nil, cleanPathError(err)
	}
	if !info.IsDir() {
		return []string{arg}, nil
	}
	var files []string
	err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		switch strings.ToLower(filepath.Ext(path)) {
		case ".yaml", ".yml", ".json":
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return nil, cleanPathError(err)
	}
	sort.Strings(files)
	if len(files) == 0 {
		return nil, errors.New("directory holds no .yaml, .yml or .json file")
	}
	return files, nil
}

// cleanPathError drops the operation and path that an fs.PathError repeats,
// since the caller already names the input.
func cleanPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, cleanPathError(err)
	}
	// Read-only: a failed close loses nothing, so its error is not reported.
	defer func() { _ = f.Close() }()
	return readLimited(f)
}

func readLimited(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxInputBytes+1))
	if err != nil {
		return nil, cleanPathError(err)
	}
	if len(data) > MaxInputBytes {
		return nil, fmt.Errorf("input is larger than %d MiB", MaxInputBytes>>20)
	}
	return data, nil
}

// separator matches a YAML document separator line ("---", optionally with
// trailing blanks or a comment).
var separator = regexp.MustCompile(`^---\s*(#.*)?$`)

// yamlLine finds the line number in a YAML parser's message.
var yamlLine = regexp.MustCompile(`line (\d+)`)

// yamlPrefix matches the "yaml: line N: " a parser's message starts with.
var yamlPrefix = regexp.MustCompile(`^yaml: (line \d+: )?`)

// Split cuts data into documents on YAML "---" lines, converts each to JSON
// and returns them with their start lines. Empty documents are dropped;
// documents that do not parse are returned as errors with the line they fail
// at, and the others are still returned.
func Split(source string, data []byte) ([]Document, []*DocError) {
	var docs []Document
	var errs []*DocError
	lines := bytes.SplitAfter(data, []byte("\n"))
	index := 0
	start := 0 // index into lines of the current document's first line
	flush := func(end int) {
		chunk := bytes.Join(lines[start:end], nil)
		if isBlank(chunk) {
			return
		}
		index++
		first := start + 1 + leadingBlankLines(chunk)
		js, err := yaml.YAMLToJSON(chunk)
		if err != nil {
			line := first
			msg := err.Error()
			if m := yamlLine.FindStringSubmatch(msg); m != nil {
				if n, convErr := strconv.Atoi(m[1]); convErr == nil {
					line = start + n
				}
			}
			msg = strings.TrimPrefix(msg, "error converting YAML to JSON: ")
			// The parser counts lines from the document's start; Line
			// already holds the line in the source, so drop its count.
			msg = yamlPrefix.ReplaceAllString(msg, "")
			errs = append(errs, &DocError{Source: source, Index: index, Line: line, Message: "invalid YAML: " + msg})
			return
		}
		if bytes.Equal(bytes.TrimSpace(js), []byte("null")) {
			return
		}
		docs = append(docs, Document{Source: source, Index: index, Line: first, JSON: js})
	}
	for i, l := range lines {
		if separator.Match(bytes.TrimRight(l, "\r\n")) {
			flush(i)
			start = i + 1
		}
	}
	flush(len(lines))
	return docs, errs
}

// leadingBlankLines counts the blank and comment lines at the start of chunk.
func leadingBlankLines(chunk []byte) int {
	n := 0
	for _, l := range bytes.Split(chunk, []byte("\n")) {
		t := bytes.TrimSpace(l)
		if len(t) > 0 && t[0] != '#' {
			break
		}
		n++
	}
	return n
}

// isBlank reports whether chunk holds only blank lines and comments.
func isBlank(chunk []byte) bool {
	for _, l := range bytes.Split(chunk, []byte("\n")) {
		t := bytes.TrimSpace(l)
		if len(t) > 0 && t[0] != '#' {
			return false
		}
	}
	return true
}

// object is the part of every Kubernetes object that says what it is.
type object struct {
	APIVersion string            `json:"apiVersion"`
	Kind       string            `json:"kind"`
	Items      []json.RawMessage `json:"items"`
}
