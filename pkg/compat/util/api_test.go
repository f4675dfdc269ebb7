package util_test

import (
	"bufio"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/hcpkit/hcpkit/pkg/compat/util"
)

// legacyAPI reads testdata/legacy-api.txt into a set of "KIND NAME" entries.
func legacyAPI(t *testing.T) map[string]bool {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "legacy-api.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]bool{}
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := strings.TrimSpace(s.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		want[line] = true
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return want
}

// facadeFiles parses the facade's non-test Go files and returns them keyed
// by file name.
func facadeFiles(t *testing.T) map[string]*ast.File {
	t.Helper()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = f
	}
	if len(files) == 0 {
		t.Fatal("no facade source files found")
	}
	return files
}

// facadeAPI lists the exported top-level identifiers of the facade's
// non-test files. A function may be a func or a var holding one: both are
// reported as "func".
func facadeAPI(t *testing.T) map[string]bool {
	t.Helper()
	got := map[string]bool{}
	for _, file := range facadeFiles(t) {
		for _, decl := range file.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if !d.Name.IsExported() {
					continue
				}
				if d.Recv == nil {
					got["func "+d.Name.Name] = true
					continue
				}
				recv := d.Recv.List[0].Type
				if star, ok := recv.(*ast.StarExpr); ok {
					recv = star.X
				}
				if id, ok := recv.(*ast.Ident); ok {
					got["method "+id.Name+"."+d.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.TypeSpec:
						if s.Name.IsExported() {
							got["type "+s.Name.Name] = true
						}
					case *ast.ValueSpec:
						kind := "const"
						if d.Tok == token.VAR {
							kind = "func"
						}
						for _, n := range s.Names {
							if n.IsExported() {
								got[kind+" "+n.Name] = true
							}
						}
					}
				}
			}
		}
	}
	return got
}

// methodsOf lists, for each legacy type with methods, a value of the
// facade's type; aliases get their methods from the domain packages, which
// the AST of the facade does not show.
var methodsOf = map[string]reflect.Type{
	"PodVolumeMounts":                     reflect.TypeOf(util.PodVolumeMounts{}),
	"RegistryClientImageMetadataProvider": reflect.TypeOf(&util.RegistryClientImageMetadataProvider{}),
}

// TestFacadeMatchesLegacyAPI checks that the facade provides every
// identifier of the v0.1.40 API and exports nothing else.
func TestFacadeMatchesLegacyAPI(t *testing.T) {
	want := legacyAPI(t)
	got := facadeAPI(t)
	for entry := range want {
		kind, name, _ := strings.Cut(entry, " ")
		if kind != "method" {
			continue
		}
		typ, method, _ := strings.Cut(name, ".")
		rt, ok := methodsOf[typ]
		if !ok {
			t.Errorf("no value registered in methodsOf for legacy type %s", typ)
			continue
		}
		if _, ok := rt.MethodByName(method); ok {
			got[entry] = true
		}
	}
	var missing, extra []string
	for entry := range want {
		if !got[entry] {
			missing = append(missing, entry)
		}
	}
	for entry := range got {
		if !want[entry] {
			extra = append(extra, entry)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing) > 0 {
		t.Errorf("the facade lacks %d legacy identifiers:\n  %s", len(missing), strings.Join(missing, "\n  "))
	}
	if len(extra) > 0 {
		t.Errorf("the facade exports %d identifiers that v0.1.40 does not have:\n  %s", len(extra), strings.Join(extra, "\n  "))
	}
}
