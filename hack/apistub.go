//go:build ignore

// apistub keeps the API baseline that hack/apidiff.sh compares against, in a
// reviewable text form instead of binary export data (which embeds the
// declarations of every dependency and is megabytes per package).
//
// The baseline of a package is its non-test Go source with every function
// body replaced by panic(0), comments removed and imports that only the
// bodies used dropped. That still type-checks, and it has exactly the API of
// the package, so apidiff can load it again. One file per package,
// api/baseline/<package dir>.txtar, in txtar form ("-- name.go --" headers).
//
// The gate subcommand reads apidiff's module report and decides which
// incompatible changes break the facade: changes to the facade package itself
// and changes to any hcpkit type reachable from its exported API (the facade
// re-exports types of pkg/... as aliases, and apidiff reports a change of such
// a type under the package that defines it). It loads the facade's types from
// the module in the current directory, so run it in the baseline module.
//
// Usage (run from the module root):
//
//	go run hack/apistub.go write DIR           # baseline of every package of ./... into DIR
//	go run hack/apistub.go expand DIR DEST     # lay the baseline out as a module tree under DEST
//	go run hack/apistub.go gate FACADE <REPORT # exit 1 if REPORT breaks package FACADE
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

func main() {
	var err error
	switch {
	case len(os.Args) == 3 && os.Args[1] == "write":
		err = write(os.Args[2])
	case len(os.Args) == 4 && os.Args[1] == "expand":
		err = expand(os.Args[2], os.Args[3])
	case len(os.Args) == 3 && os.Args[1] == "gate":
		var broken bool
		broken, err = gate(os.Args[2], os.Stdin, os.Stdout)
		if err == nil && broken {
			os.Exit(1)
		}
	default:
		err = errors.New("usage: apistub write DIR | apistub expand DIR DEST | apistub gate FACADE <REPORT")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "apistub:", err)
		os.Exit(1)
	}
}

type listedPackage struct {
	ImportPath string
	Name       string
	Dir        string
	GoFiles    []string
	Export     string
	Module     *struct{ Path, Dir string }
}

// write stores the baseline of every package of ./... under dir.
func write(dir string) error {
	pkgs, err := goList("./...")
	if err != nil {
		return err
	}
	// Names of every package the module's packages import, to tell which
	// imports a stripped file still uses.
	deps, err := goList("-deps", "./...")
	if err != nil {
		return err
	}
	names := map[string]string{}
	for _, p := range deps {
		names[p.ImportPath] = p.Name
	}
	for _, p := range pkgs {
		if p.Module == nil {
			return fmt.Errorf("%s: not in a module", p.ImportPath)
		}
		rel, err := filepath.Rel(p.Module.Dir, p.Dir)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		files := append([]string(nil), p.GoFiles...)
		sort.Strings(files)
		for _, f := range files {
			src, err := stub(filepath.Join(p.Dir, f), names)
			if err != nil {
				return err
			}
			fmt.Fprintf(&buf, "-- %s --\n", f)
			buf.Write(src)
		}
		out := filepath.Join(dir, filepath.FromSlash(rel)+".txtar")
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func goList(args ...string) ([]listedPackage, error) {
	cmd := exec.Command("go", append([]string{"list", "-json=ImportPath,Name,Dir,GoFiles,Export,Module"}, args...)...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list %s: %w", strings.Join(args, " "), err)
	}
	var pkgs []listedPackage
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listedPackage
		if err := dec.Decode(&p); err != nil {
			if errors.Is(err, io.EOF) {
				return pkgs, nil
			}
			return nil, err
		}
		pkgs = append(pkgs, p)
	}
}

var panicBody = &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: &ast.CallExpr{
	Fun:  ast.NewIdent("panic"),
	Args: []ast.Expr{&ast.BasicLit{Kind: token.INT, Value: "0"}},
}}}}

// stub returns the file's declarations without bodies, comments or unused imports.
func stub(path string, names map[string]string) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution) // no comments
	if err != nil {
		return nil, err
	}
	var decls []ast.Decl
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok {
			if fn.Recv == nil && fn.Name.Name == "init" {
				continue
			}
			if fn.Body != nil {
				fn.Body = panicBody
			}
		}
		decls = append(decls, d)
	}
	f.Decls = decls

	// Package names still referenced as X in X.Sel.
	used := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})
	decls = decls[:0]
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			decls = append(decls, d)
			continue
		}
		var specs []ast.Spec
		for _, s := range gd.Specs {
			is := s.(*ast.ImportSpec)
			p, err := strconv.Unquote(is.Path.Value)
			if err != nil {
				return nil, err
			}
			name := names[p]
			if is.Name != nil {
				name = is.Name.Name
			}
			if name == "" {
				return nil, fmt.Errorf("%s: no package name known for import %q", path, p)
			}
			if name != "_" && name != "." && used[name] {
				specs = append(specs, is)
			}
		}
		if len(specs) > 0 {
			gd.Specs = specs
			decls = append(decls, gd)
		}
	}
	f.Decls = decls
	f.Comments = nil

	var buf bytes.Buffer
	if err := format.Node(&buf, fset, f); err != nil {
		return nil, err
	}
	// A second pass normalises spacing left by the removed nodes.
	out, err := format.Source(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// expand writes every baseline file under dir into dest, keeping the layout.
func expand(dir, dest string) error {
	return filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txtar") {
			return err
		}
		rel, err := filepath.Rel(dir, strings.TrimSuffix(path, ".txtar"))
		if err != nil {
			return err
		}
		pkgDir := filepath.Join(dest, rel)
		if err := os.MkdirAll(pkgDir, 0o755); err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var name string
		var body bytes.Buffer
		flush := func() error {
			if name == "" {
				return nil
			}
			return os.WriteFile(filepath.Join(pkgDir, name), body.Bytes(), 0o644)
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "-- ") && strings.HasSuffix(line, " --") {
				if err := flush(); err != nil {
					return err
				}
				name = strings.TrimSuffix(strings.TrimPrefix(line, "-- "), " --")
				if name != filepath.Base(name) {
					return fmt.Errorf("%s: bad file name %q", path, name)
				}
				body.Reset()
				continue
			}
			body.WriteString(line)
			body.WriteByte('\n')
		}
		if err := sc.Err(); err != nil {
			return err
		}
		return flush()
	})
}

// gate classifies the incompatible changes of an apidiff module report (read
// from in) and reports whether any of them breaks the facade package.
func gate(facade string, in io.Reader, out io.Writer) (bool, error) {
	pkgs, err := goList("-export", "-deps", facade)
	if err != nil {
		return false, err
	}
	exports := map[string]string{}
	for _, p := range pkgs {
		exports[p.ImportPath] = p.Export
	}
	// With -deps, go list prints the named package last.
	if len(pkgs) == 0 || pkgs[len(pkgs)-1].Module == nil {
		return false, fmt.Errorf("cannot find package %s in this module", facade)
	}
	self := pkgs[len(pkgs)-1]
	modPath := self.Module.Path
	imp := importer.ForCompiler(token.NewFileSet(), "gc", func(path string) (io.ReadCloser, error) {
		f, ok := exports[path]
		if !ok || f == "" {
			return nil, fmt.Errorf("no export data for %s", path)
		}
		return os.Open(f)
	})
	pkg, err := imp.Import(self.ImportPath)
	if err != nil {
		return false, err
	}
	facadeRel := "./" + strings.TrimPrefix(self.ImportPath, modPath+"/")

	// Every type of this module that the facade's exported API exposes,
	// as "./rel/path.Name", the way apidiff names objects.
	reach := map[string]bool{}
	seen := map[types.Type]bool{}
	var visit func(t types.Type)
	visit = func(t types.Type) {
		if t == nil || seen[t] {
			return
		}
		seen[t] = true
		switch t := t.(type) {
		case *types.Alias:
			visit(types.Unalias(t))
		case *types.Named:
			for i := 0; i < t.TypeArgs().Len(); i++ {
				visit(t.TypeArgs().At(i))
			}
			obj := t.Obj()
			if obj.Pkg() == nil || !strings.HasPrefix(obj.Pkg().Path(), modPath+"/") {
				return
			}
			reach["./"+strings.TrimPrefix(obj.Pkg().Path(), modPath+"/")+"."+obj.Name()] = true
			visit(t.Underlying())
			for i := 0; i < t.NumMethods(); i++ {
				if m := t.Method(i); m.Exported() {
					visit(m.Type())
				}
			}
		case *types.Pointer:
			visit(t.Elem())
		case *types.Slice:
			visit(t.Elem())
		case *types.Array:
			visit(t.Elem())
		case *types.Chan:
			visit(t.Elem())
		case *types.Map:
			visit(t.Key())
			visit(t.Elem())
		case *types.Signature:
			for _, tup := range []*types.Tuple{t.Params(), t.Results()} {
				for i := 0; i < tup.Len(); i++ {
					visit(tup.At(i).Type())
				}
			}
		case *types.Struct:
			for i := 0; i < t.NumFields(); i++ {
				if f := t.Field(i); f.Exported() || f.Embedded() {
					visit(f.Type())
				}
			}
		case *types.Interface:
			for i := 0; i < t.NumEmbeddeds(); i++ {
				visit(t.EmbeddedType(i))
			}
			for i := 0; i < t.NumExplicitMethods(); i++ {
				visit(t.ExplicitMethod(i).Type())
			}
		case *types.TypeParam:
			visit(t.Constraint())
		case *types.Union:
			for i := 0; i < t.Len(); i++ {
				visit(t.Term(i).Type())
			}
		}
	}
	for _, name := range pkg.Scope().Names() {
		if obj := pkg.Scope().Lookup(name); obj.Exported() {
			visit(obj.Type())
		}
	}

	var breaking, other, compatible []string
	section := ""
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "Incompatible changes:" || line == "Compatible changes:":
			section = line
			continue
		case !strings.HasPrefix(line, "- "):
			continue
		}
		msg := strings.TrimPrefix(line, "- ")
		if section == "Compatible changes:" {
			compatible = append(compatible, msg)
			continue
		}
		if breaksFacade(msg, self.ImportPath, facadeRel, reach) {
			breaking = append(breaking, msg)
		} else {
			other = append(other, msg)
		}
	}
	if err := sc.Err(); err != nil {
		return false, err
	}
	printList(out, fmt.Sprintf("FAIL: %d incompatible changes to the API of %s (its own symbols or the hcpkit types it exposes):", len(breaking), self.ImportPath), breaking)
	printList(out, fmt.Sprintf("Incompatible changes in other packages (reported, not failing): %d", len(other)), other)
	printList(out, fmt.Sprintf("Compatible changes: %d", len(compatible)), compatible)
	return len(breaking) > 0, nil
}

// breaksFacade reports whether an apidiff message is about the facade package
// or about a type it exposes.
func breaksFacade(msg, facadePath, facadeRel string, reach map[string]bool) bool {
	if strings.HasPrefix(msg, "package ") {
		return strings.HasPrefix(msg, "package "+facadePath+":")
	}
	subject, _, _ := strings.Cut(msg, ": ")
	if !strings.HasPrefix(subject, "./") {
		return false
	}
	// Split "./rel/path.Rest" at the first dot after the last slash.
	slash := strings.LastIndex(subject, "/")
	dot := strings.Index(subject[slash+1:], ".")
	if dot < 0 {
		return false
	}
	rel, rest := subject[:slash+1+dot], subject[slash+1+dot+1:]
	if rel == facadeRel {
		return true
	}
	// rest is Name, Name.Field, Name.Method, (*Name).Method or Name[T]...
	rest = strings.TrimPrefix(rest, "(*")
	name := strings.FieldsFunc(rest, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_')
	})
	return len(name) > 0 && reach[rel+"."+name[0]]
}

func printList(out io.Writer, header string, lines []string) {
	if len(lines) == 0 {
		return
	}
	fmt.Fprintln(out, header)
	for _, l := range lines {
		fmt.Fprintln(out, "  - "+l)
	}
}
