package util_test

import (
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

var updateMigration = flag.Bool("update-migration", false, "rewrite docs/migration.md from the facade's source")

const migrationDoc = "../../../docs/migration.md"

// home is where a facade symbol's behaviour lives.
type home struct {
	legacy string // the v0.1.40 name, "TYPE.METHOD" for methods
	kind   string // func, type, const
	pkg    string // import path of the domain package
	name   string // name in that package
}

// facadeHomes reads the facade's source and finds, for each exported
// symbol, the hcpkit identifier it aliases or forwards to: the right-hand
// side of an alias, or the first call of an hcpkit package in a forwarder.
func facadeHomes(t *testing.T) []home {
	t.Helper()
	var homes []home
	for fname, file := range facadeFiles(t) {
		imports := map[string]string{}
		for _, imp := range file.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			name := path[strings.LastIndex(path, "/")+1:]
			if imp.Name != nil {
				name = imp.Name.Name
			}
			imports[name] = path
		}
		target := func(e ast.Expr) (string, string, bool) {
			sel, ok := e.(*ast.SelectorExpr)
			if !ok {
				return "", "", false
			}
			id, ok := sel.X.(*ast.Ident)
			if !ok {
				return "", "", false
			}
			path := imports[id.Name]
			if !strings.HasPrefix(path, "github.com/hcpkit/hcpkit/") {
				return "", "", false
			}
			return path, sel.Sel.Name, true
		}
		// firstCall finds the first hcpkit call or selector in a body.
		firstCall := func(n ast.Node) (string, string, bool) {
			var path, name string
			found := false
			ast.Inspect(n, func(n ast.Node) bool {
				if found {
					return false
				}
				if call, ok := n.(*ast.CallExpr); ok {
					if p, nm, ok := target(call.Fun); ok {
						path, name, found = p, nm, true
						return false
					}
				}
				return true
			})
			return path, name, found
		}
		for _, decl := range file.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if !d.Name.IsExported() || d.Recv != nil {
					continue
				}
				path, name, ok := firstCall(d.Body)
				if !ok {
					t.Errorf("%s: %s forwards to no hcpkit function", fname, d.Name.Name)
					continue
				}
				homes = append(homes, home{legacy: d.Name.Name, kind: "func", pkg: path, name: name})
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.TypeSpec:
						if !s.Name.IsExported() {
							continue
						}
						path, name, ok := target(s.Type)
						if !ok {
							t.Errorf("%s: type %s is not an alias of an hcpkit type", fname, s.Name.Name)
							continue
						}
						homes = append(homes, home{legacy: s.Name.Name, kind: "type", pkg: path, name: name})
					case *ast.ValueSpec:
						for i, n := range s.Names {
							if !n.IsExported() {
								continue
							}
							kind := "const"
							if d.Tok == token.VAR {
								kind = "func"
							}
							var path, name string
							ok := false
							if i < len(s.Values) {
								path, name, ok = target(s.Values[i])
							}
							if !ok {
								t.Errorf("%s: %s is not an alias of an hcpkit identifier", fname, n.Name)
								continue
							}
							homes = append(homes, home{legacy: n.Name, kind: kind, pkg: path, name: name})
						}
					}
				}
			}
		}
	}
	sort.Slice(homes, func(i, j int) bool { return homes[i].legacy < homes[j].legacy })
	return homes
}

func renderMigration(homes []home) string {
	var b strings.Builder
	b.WriteString(`# Migrating from support/util

Every exported name of HyperShift's ` + "`support/util`" + ` v0.1.40 is in
` + "`github.com/hcpkit/hcpkit/pkg/compat/util`" + ` with its legacy signature: change
the import path and it builds. This table gives each name's home in hcpkit's
focused packages, for when you move on from the facade. Behaviour differences
from v0.1.40 are in [compat.md](compat.md).

This file is generated from the facade's source by
` + "`go test ./pkg/compat/util -run TestMigrationDoc -update-migration`" + `; a
test fails when it drifts from the code.

| v0.1.40 name | kind | hcpkit package | hcpkit name |
| --- | --- | --- | --- |
`)
	for _, h := range homes {
		rel := strings.TrimPrefix(h.pkg, "github.com/hcpkit/hcpkit/")
		fmt.Fprintf(&b, "| `%s` | %s | [`%s`](../%s) | `%s` |\n", h.legacy, h.kind, rel, rel, h.name)
	}
	b.WriteString(`
Methods come with their types: ` + "`PodVolumeMounts.Path`" + ` and
` + "`PodVolumeMounts.ContainerMounts`" + ` with ` + "`PodVolumeMounts`" + `,
` + "`RegistryClientImageMetadataProvider.ImageMetadata`" + ` with its type.

Types of HyperShift's other modules map as follows: ` + "`hyperv1`" + ` →
[` + "`pkg/api/hypershift/v1beta1`" + `](../pkg/api/hypershift/v1beta1),
` + "`releaseinfo`" + ` → [` + "`pkg/releaseinfo`" + `](../pkg/releaseinfo),
` + "`events`" + ` → [` + "`pkg/events`" + `](../pkg/events),
` + "`reference`" + ` → [` + "`pkg/registry/reference`" + `](../pkg/registry/reference),
` + "`dockerv1client`" + ` → [` + "`pkg/registry/dockerv1client`" + `](../pkg/registry/dockerv1client).
`)
	return b.String()
}

// TestMigrationDoc keeps docs/migration.md equal to what the facade's source
// says, and checks that it names every legacy identifier.
func TestMigrationDoc(t *testing.T) {
	homes := facadeHomes(t)
	legacy := legacyAPI(t)
	seen := map[string]bool{}
	for _, h := range homes {
		seen[h.kind+" "+h.legacy] = true
	}
	for entry := range legacy {
		if !strings.HasPrefix(entry, "method ") && !seen[entry] {
			t.Errorf("docs/migration.md would not name %s", entry)
		}
	}
	got := renderMigration(homes)
	if *updateMigration {
		if err := os.WriteFile(filepath.FromSlash(migrationDoc), []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(filepath.FromSlash(migrationDoc))
	if err != nil {
		t.Fatalf("%v (generate it with -update-migration)", err)
	}
	if string(want) != got {
		t.Errorf("docs/migration.md is stale: run go test ./pkg/compat/util -run TestMigrationDoc -update-migration")
	}
}
