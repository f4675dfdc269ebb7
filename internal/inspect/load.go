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
	// Item is the position in a List document, from 1; 0 outside a List.
	Item int `json:"item,omitempty"`
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
	if e.Item > 0 {
		fmt.Fprintf(&b, ": item %d", e.Item)
	}
	b.WriteString(": ")
	b.WriteString(e.Message)
	return b.String()
}

// Load reads every argument: a file, a directory (its regular .yaml, .yml
// and .json files, recursively, in lexical order) or "-" for stdin. It hands
// documents and errors to visit as soon as they are parsed, so that only one
// input is held in memory at a time; when visit returns false, Load stops.
func Load(args []string, stdin io.Reader, visit func([]Document, []*DocError) bool) {
	stopped := false
	each := func(docs []Document, errs []*DocError) {
		if !stopped && !visit(docs, errs) {
			stopped = true
		}
	}
	split := func(source string, data []byte) {
		splitEach(source, data, func(d *Document, e *DocError) bool {
			if d != nil {
				each([]Document{*d}, nil)
			} else {
				each(nil, []*DocError{e})
			}
			return !stopped
		})
	}
	for _, arg := range args {
		if stopped {
			return
		}
		if arg == "-" {
			data, err := readLimited(stdin)
			if err != nil {
				each(nil, []*DocError{{Source: "-", Message: err.Error()}})
				continue
			}
			split("-", data)
			continue
		}
		files, errs := expand(arg)
		if len(errs) > 0 {
			each(nil, errs)
		}
		for _, f := range files {
			if stopped {
				return
			}
			data, err := readFile(f)
			if err != nil {
				each(nil, []*DocError{{Source: f, Message: err.Error()}})
				continue
			}
			split(f, data)
		}
	}
}

func expand(arg string) ([]string, []*DocError) {
	info, err := os.Stat(arg)
	if err != nil {
		return nil, []*DocError{{Source: arg, Message: cleanPathError(err).Error()}}
	}
	if !info.IsDir() {
		// A named file is read whatever it is, so that process substitution
		// (a pipe such as /dev/fd/63) works.
		return []string{arg}, nil
	}
	var files []string
	var errs []*DocError
	walkErr := filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			// Report the entry that failed and go on with the others.
			errs = append(errs, &DocError{Source: path, Message: cleanPathError(err).Error()})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		switch strings.ToLower(filepath.Ext(path)) {
		case ".yaml", ".yml", ".json":
		default:
			return nil
		}
		// Only regular files (or links to them): a FIFO or device found
		// while walking would block or never end.
		if !d.Type().IsRegular() {
			fi, err := os.Stat(path)
			if err != nil || !fi.Mode().IsRegular() {
				return nil //nolint:nilerr // an entry that cannot be stat'ed is skipped like any non-regular file
			}
		}
		files = append(files, path)
		return nil
	})
	if walkErr != nil {
		errs = append(errs, &DocError{Source: arg, Message: cleanPathError(walkErr).Error()})
	}
	sort.Strings(files)
	if len(files) == 0 && len(errs) == 0 {
		errs = append(errs, &DocError{Source: arg, Message: "directory holds no .yaml, .yml or .json file"})
	}
	return files, errs
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
// and returns them with their start lines. A chunk that is a stream of JSON
// values (JSON Lines, or several objects one after another) gives one
// document per value. Empty documents are dropped; documents that do not
// parse, or that repeat a key, are returned as errors with the line they
// fail at, and the others are still returned.
func Split(source string, data []byte) ([]Document, []*DocError) {
	var docs []Document
	var errs []*DocError
	splitEach(source, data, func(d *Document, e *DocError) bool {
		if d != nil {
			docs = append(docs, *d)
		} else {
			errs = append(errs, e)
		}
		return true
	})
	return docs, errs
}

// splitEach is Split handing each document or error to emit as it is found;
// it stops when emit returns false.
func splitEach(source string, data []byte, emit func(*Document, *DocError) bool) {
	sp := splitter{source: source, emit: emit}
	line := 1      // line number of the current line
	start := 0     // byte offset of the current document's first line
	startLine := 1 // its line number
	for off := 0; off < len(data) && !sp.stopped; {
		end := bytes.IndexByte(data[off:], '\n')
		next := len(data)
		if end >= 0 {
			next = off + end + 1
		}
		if separator.Match(bytes.TrimRight(data[off:next], "\r\n")) {
			sp.chunk(data[start:off], startLine)
			start, startLine = next, line+1
		}
		off = next
		line++
	}
	if !sp.stopped {
		sp.chunk(data[start:], startLine)
	}
}

// splitter collects the documents and errors of one source.
type splitter struct {
	source  string
	index   int
	emit    func(*Document, *DocError) bool
	stopped bool
}

func (sp *splitter) fail(line int, msg string) {
	if !sp.stopped && !sp.emit(nil, &DocError{Source: sp.source, Index: sp.index, Line: line, Message: msg}) {
		sp.stopped = true
	}
}

func (sp *splitter) doc(line int, js []byte) {
	if !sp.stopped && !sp.emit(&Document{Source: sp.source, Index: sp.index, Line: line, JSON: js}, nil) {
		sp.stopped = true
	}
}

// chunk converts the text between two separators, which starts at line
// startLine of the source.
func (sp *splitter) chunk(chunk []byte, startLine int) {
	if isBlank(chunk) {
		return
	}
	first := startLine + leadingBlankLines(chunk)
	if t := bytes.TrimSpace(chunk); len(t) > 0 && (t[0] == '{' || t[0] == '[') {
		if sp.jsonStream(chunk, startLine) {
			return
		}
	}
	sp.index++
	js, err := yaml.YAMLToJSONStrict(chunk)
	if err != nil {
		sp.fail(yamlErrorLine(err, startLine, first), "invalid YAML: "+yamlMessage(err))
		return
	}
	if bytes.Equal(bytes.TrimSpace(js), []byte("null")) {
		return
	}
	sp.doc(first, js)
}

// jsonStream splits chunk into JSON values when it holds two or more. It
// reports false, having added nothing, when chunk is a single value or is not
// JSON at all, so that the YAML path handles it.
func (sp *splitter) jsonStream(chunk []byte, startLine int) bool {
	dec := json.NewDecoder(bytes.NewReader(chunk))
	var values []json.RawMessage
	var starts []int64
	for {
		var v json.RawMessage
		before := dec.InputOffset()
		if err := dec.Decode(&v); err != nil {
			if err == io.EOF && len(values) > 1 {
				break
			}
			if err == io.EOF || len(values) == 0 {
				return false
			}
			// A stream that goes wrong after its first values: keep those
			// and report the rest as one bad document.
			values = append(values, nil)
			starts = append(starts, before)
			break
		}
		values = append(values, v)
		starts = append(starts, before)
	}
	for i, v := range values {
		sp.index++
		off := int(starts[i])
		for off < len(chunk) && (chunk[off] == ' ' || chunk[off] == '\t' || chunk[off] == '\r' || chunk[off] == '\n') {
			off++
		}
		line := startLine + bytes.Count(chunk[:off], []byte("\n"))
		if v == nil {
			sp.fail(line, "invalid JSON value in a stream of JSON values")
			continue
		}
		// Through the strict converter too, to catch repeated keys.
		js, err := yaml.YAMLToJSONStrict(v)
		if err != nil {
			sp.fail(line, "invalid JSON: "+yamlMessage(err))
			continue
		}
		sp.doc(line, js)
	}
	return true
}

// yamlErrorLine turns the document-relative line in a parser's message into
// a line of the source; without one, it is the document's first line.
func yamlErrorLine(err error, startLine, first int) int {
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		if n, convErr := strconv.Atoi(m[1]); convErr == nil {
			return startLine + n - 1
		}
	}
	return first
}

// yamlMessage drops the converter's prefix and the parser's line count (the
// caller reports the line in the source instead).
func yamlMessage(err error) string {
	msg := strings.TrimPrefix(err.Error(), "error converting YAML to JSON: ")
	return yamlPrefix.ReplaceAllString(msg, "")
}

// leadingBlankLines counts the blank and comment lines at the start of chunk.
func leadingBlankLines(chunk []byte) int {
	n := 0
	for len(chunk) > 0 {
		line, rest, _ := bytes.Cut(chunk, []byte("\n"))
		if t := bytes.TrimSpace(line); len(t) > 0 && t[0] != '#' {
			break
		}
		n++
		chunk = rest
	}
	return n
}

// isBlank reports whether chunk holds only blank lines and comments.
func isBlank(chunk []byte) bool {
	for len(chunk) > 0 {
		line, rest, _ := bytes.Cut(chunk, []byte("\n"))
		if t := bytes.TrimSpace(line); len(t) > 0 && t[0] != '#' {
			return false
		}
		chunk = rest
	}
	return true
}

// object is the part of every Kubernetes object that says what it is.
type object struct {
	APIVersion string            `json:"apiVersion"`
	Kind       string            `json:"kind"`
	Items      []json.RawMessage `json:"items"`
}
