package k8sutil_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"k8s.io/client-go/rest"

	"github.com/hcpkit/hcpkit/pkg/k8sutil"
)

func TestCPUArchFromPlatform(t *testing.T) {
	tests := []struct {
		in, want string
		wantErr  bool
	}{
		{in: "linux/amd64", want: "amd64"},
		{in: "linux/arm64", want: "arm64"},
		{in: " linux/s390x\n", want: "s390x"},
		{in: "", wantErr: true},
		{in: "linux", wantErr: true},
		{in: "linux/", wantErr: true},
		{in: "linux/arm/v7", wantErr: true},
	}
	for _, tt := range tests {
		got, err := k8sutil.CPUArchFromPlatform(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("CPUArchFromPlatform(%q) = %q, %v; want %q (error %v)", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

// versionServer serves /version with the given platform over real HTTP.
func versionServer(t *testing.T, status int, platform string) *rest.Config {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/version" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		fmt.Fprintf(w, `{"major":"1","minor":"37","gitVersion":"v1.37.2","platform":%q}`, platform)
	}))
	t.Cleanup(srv.Close)
	return &rest.Config{Host: srv.URL}
}

func TestClusterCPUArchForConfig(t *testing.T) {
	ctx := context.Background()
	got, err := k8sutil.ClusterCPUArchForConfig(ctx, versionServer(t, http.StatusOK, "linux/ppc64le"))
	if err != nil || got != "ppc64le" {
		t.Errorf("= %q, %v; want ppc64le", got, err)
	}
	if _, err := k8sutil.ClusterCPUArchForConfig(ctx, versionServer(t, http.StatusOK, "")); err == nil || !strings.Contains(err.Error(), `platform ""`) {
		t.Errorf("empty platform: error = %v", err)
	}
	if _, err := k8sutil.ClusterCPUArchForConfig(ctx, versionServer(t, http.StatusInternalServerError, "linux/amd64")); err == nil {
		t.Error("server error: no error")
	}
	if _, err := k8sutil.ClusterCPUArchForConfig(ctx, nil); err == nil {
		t.Error("nil config: no error")
	}
	if _, err := k8sutil.ClusterCPUArch(ctx, nil); err == nil {
		t.Error("nil discovery client: no error")
	}
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := k8sutil.ClusterCPUArchForConfig(canceled, versionServer(t, http.StatusOK, "linux/amd64")); err == nil {
		t.Error("canceled context: no error")
	}
}

func TestDoesMgmtClusterAndNodePoolCPUArchMatch(t *testing.T) {
	tests := []struct {
		mgmt, np string
		ok       bool
	}{
		{"amd64", "amd64", true},
		{"arm64", "arm64", true},
		{"amd64", "arm64", false},
		{"amd64", "", false},
		{"", "", false},
		{"amd64", "AMD64", false},
	}
	for _, tt := range tests {
		err := k8sutil.DoesMgmtClusterAndNodePoolCPUArchMatch(tt.mgmt, tt.np)
		if (err == nil) != tt.ok {
			t.Errorf("(%q, %q) = %v, want ok=%v", tt.mgmt, tt.np, err, tt.ok)
		}
		if err != nil && !strings.Contains(err.Error(), "management cluster cpu arch: "+tt.mgmt+", nodepool cpu arch: "+tt.np) {
			t.Errorf("error %q does not name both architectures", err)
		}
	}
}
