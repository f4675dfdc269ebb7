package testenv

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"k8s.io/client-go/rest"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/envtest"

	"github.com/hcpkit/hcpkit/pkg/k8sutil"
)

// RequireEnv names the environment variable that turns a missing control
// plane from a skip into a failure when it is "1".
const RequireEnv = "HCPKIT_REQUIRE_ENVTEST"

var (
	once    sync.Once
	env     *envtest.Environment
	cfg     *rest.Config
	cl      client.Client
	started bool
	errUp   error
)

// Main runs the tests of a package and stops the control plane afterwards if
// a test started it. It returns the exit code for os.Exit.
func Main(m *testing.M) int {
	code := m.Run()
	if started {
		if err := env.Stop(); err != nil {
			fmt.Fprintf(os.Stderr, "testenv: stopping the control plane: %v\n", err)
		}
	}
	return code
}

// Config returns the rest config of the shared control plane, starting it
// on first use. It skips the test in -short mode or when the envtest
// binaries are missing (unless RequireEnv is "1"), and fails it when the
// binaries are missing while RequireEnv is "1" or the control plane does not
// start.
func Config(t testing.TB) *rest.Config {
	t.Helper()
	if testing.Short() {
		t.Skip("integration test skipped in -short mode")
	}
	once.Do(start)
	if errUp != nil {
		var missing *missingAssetsError
		if errors.As(errUp, &missing) && os.Getenv(RequireEnv) != "1" {
			t.Skipf("integration test skipped: %v (set KUBEBUILDER_ASSETS, or run hack/envtest-assets.sh once to build them; %s=1 turns this skip into a failure)", errUp, RequireEnv)
		}
		t.Fatalf("integration test: %v", errUp)
	}
	return rest.CopyConfig(cfg)
}

// Client returns a controller-runtime client of the shared control plane
// that reads directly from the API server and knows k8sutil's scheme.
func Client(t testing.TB) client.Client {
	t.Helper()
	Config(t)
	return cl
}

type missingAssetsError struct{ reason string }

func (e *missingAssetsError) Error() string { return "no envtest binaries: " + e.reason }

func start() {
	root, err := repoRoot()
	if err != nil {
		errUp = err
		return
	}
	dir, err := assets(root)
	if err != nil {
		errUp = err
		return
	}
	env = &envtest.Environment{
		BinaryAssetsDirectory:    dir,
		CRDDirectoryPaths:        []string{filepath.Join(root, "config", "crd")},
		ErrorIfCRDPathMissing:    true,
		ControlPlaneStartTimeout: 2 * time.Minute,
		ControlPlaneStopTimeout:  time.Minute,
	}
	c, err := env.Start()
	if err != nil {
		errUp = fmt.Errorf("starting kube-apiserver and etcd from %s: %w", dir, err)
		return
	}
	started = true
	cfg = c
	scheme, err := k8sutil.NewScheme()
	if err != nil {
		errUp = err
		return
	}
	cl, err = client.New(rest.CopyConfig(c), client.Options{Scheme: scheme})
	if err != nil {
		errUp = fmt.Errorf("creating a client: %w", err)
	}
}

// assets returns the directory holding kube-apiserver and etcd.
func assets(root string) (string, error) {
	if dir := os.Getenv("KUBEBUILDER_ASSETS"); dir != "" {
		for _, bin := range []string{"kube-apiserver", "etcd"} {
			if _, err := os.Stat(filepath.Join(dir, bin)); err != nil {
				return "", &missingAssetsError{reason: fmt.Sprintf("KUBEBUILDER_ASSETS=%s lacks %s", dir, bin)}
			}
		}
		return dir, nil
	}
	script := filepath.Join(root, "hack", "envtest-assets.sh")
	var stdout, stderr bytes.Buffer
	cmd := exec.Command("bash", script, "--no-build")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", &missingAssetsError{reason: fmt.Sprintf("KUBEBUILDER_ASSETS is unset and %s found no cached build (%s)", script, strings.TrimSpace(stderr.String()))}
	}
	return strings.TrimSpace(stdout.String()), nil
}

// repoRoot finds the module root above the working directory.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "hack", "envtest-assets.sh")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("cannot find the repository root (hack/envtest-assets.sh) above the working directory")
		}
		dir = parent
	}
}
