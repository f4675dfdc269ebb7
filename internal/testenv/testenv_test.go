package testenv

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestAssetsFromEnvironment(t *testing.T) {
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "config", "crd")); err != nil {
		t.Errorf("repo root %s has no config/crd: %v", root, err)
	}

	empty := t.TempDir()
	t.Setenv("KUBEBUILDER_ASSETS", empty)
	var missing *missingAssetsError
	if _, err := assets(root); !errors.As(err, &missing) {
		t.Errorf("empty KUBEBUILDER_ASSETS: error = %v, want a missing-assets error", err)
	}

	for _, bin := range []string{"kube-apiserver", "etcd"} {
		if err := os.WriteFile(filepath.Join(empty, bin), []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if dir, err := assets(root); err != nil || dir != empty {
		t.Errorf("assets() = %q, %v; want %q", dir, err, empty)
	}
}

func TestAssetsScriptWithoutCache(t *testing.T) {
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("KUBEBUILDER_ASSETS", "")
	t.Setenv("HCPKIT_ENVTEST_CACHE", t.TempDir())
	var missing *missingAssetsError
	if _, err := assets(root); !errors.As(err, &missing) {
		t.Errorf("empty cache: error = %v, want a missing-assets error", err)
	}
}
