package util_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// TestFacadeDocNamesHome checks that the doc comment of every exported
// symbol of the facade files listed here names the symbol's domain home with
// "See <pkg>.<Name>". (Files of other areas are checked by their owners.)
func TestFacadeDocNamesHome(t *testing.T) {
	files := []string{"hashing.go", "k8sutil.go", "kasutil.go", "monitoring.go", "netutil.go", "podspec.go", "registry.go", "routes.go"}
	for _, file := range files {
		t.Run(file, func(t *testing.T) {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, file, nil, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			check := func(name *ast.Ident, doc *ast.CommentGroup) {
				if !name.IsExported() {
					return
				}
				text := strings.Join(strings.Fields(doc.Text()), " ")
				if !strings.Contains(text, "See ") {
					t.Errorf("%s: the doc comment of %s does not name its domain home (\"See pkg.Name.\"): %q", fset.Position(name.Pos()), name.Name, text)
				}
			}
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					check(d.Name, d.Doc)
				case *ast.GenDecl:
					for _, s := range d.Specs {
						switch s := s.(type) {
						case *ast.ValueSpec:
							doc := s.Doc
							if doc == nil && len(d.Specs) == 1 {
								doc = d.Doc
							}
							for _, n := range s.Names {
								check(n, doc)
							}
						case *ast.TypeSpec:
							doc := s.Doc
							if doc == nil && len(d.Specs) == 1 {
								doc = d.Doc
							}
							check(s.Name, doc)
						}
					}
				}
			}
		})
	}
}
