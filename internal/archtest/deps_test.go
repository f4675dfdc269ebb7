package archtest

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/hcpkit/hcpkit"

type pkgInfo struct {
	ImportPath   string
	Imports      []string
	TestImports  []string
	XTestImports []string
}

// listPackages returns every package of the module with its imports.
func listPackages(t *testing.T) []pkgInfo {
	t.Helper()
	cmd := exec.Command("go", "list", "-json=ImportPath,Imports,TestImports,XTestImports", module+"/...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	var pkgs []pkgInfo
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var p pkgInfo
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) < 10 {
		t.Fatalf("go list found only %d packages", len(pkgs))
	}
	return pkgs
}

func under(path, dir string) bool {
	return path == module+"/"+dir || strings.HasPrefix(path, module+"/"+dir+"/")
}

// TestDependencyDirection checks DESIGN.md's rule: compat/util -> pkg/* ->
// pkg/api/*. Nothing under pkg/ other than the facade imports pkg/compat, and
// pkg/api imports nothing of hcpkit outside pkg/api. Test files count too,
// except the facade's own.
func TestDependencyDirection(t *testing.T) {
	for _, p := range listPackages(t) {
		imports := append(append(append([]string{}, p.Imports...), p.TestImports...), p.XTestImports...)
		for _, imp := range imports {
			if !strings.HasPrefix(imp, module+"/") {
				continue
			}
			switch {
			case under(p.ImportPath, "pkg") && !under(p.ImportPath, "pkg/compat") && under(imp, "pkg/compat"):
				t.Errorf("%s imports %s: nothing under pkg/ may import the facade", p.ImportPath, imp)
			case under(p.ImportPath, "pkg/api") && !under(imp, "pkg/api"):
				t.Errorf("%s imports %s: pkg/api imports nothing of hcpkit outside pkg/api", p.ImportPath, imp)
			}
		}
	}
}

// TestNoControllerRuntimeRoot keeps the root package of controller-runtime,
// which pulls in the manager and informers, out of the library.
func TestNoControllerRuntimeRoot(t *testing.T) {
	for _, p := range listPackages(t) {
		for _, imp := range p.Imports {
			if imp == "sigs.k8s.io/controller-runtime" {
				t.Errorf("%s imports sigs.k8s.io/controller-runtime; import its sub-packages instead", p.ImportPath)
			}
		}
	}
}
