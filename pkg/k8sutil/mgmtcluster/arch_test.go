package mgmtcluster_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"

	"github.com/hcpkit/hcpkit/internal/testenv"
	"github.com/hcpkit/hcpkit/pkg/k8sutil/mgmtcluster"
)

func TestMain(m *testing.M) { os.Exit(testenv.Main(m)) }

func TestCPUArchFromKubeconfig(t *testing.T) {
	cfg := testenv.Config(t)
	kc := clientcmdapi.NewConfig()
	kc.Clusters["envtest"] = &clientcmdapi.Cluster{Server: cfg.Host, CertificateAuthorityData: cfg.CAData}
	kc.AuthInfos["envtest"] = &clientcmdapi.AuthInfo{ClientCertificateData: cfg.CertData, ClientKeyData: cfg.KeyData, Token: cfg.BearerToken}
	kc.Contexts["envtest"] = &clientcmdapi.Context{Cluster: "envtest", AuthInfo: "envtest"}
	kc.CurrentContext = "envtest"
	path := filepath.Join(t.TempDir(), "kubeconfig")
	if err := clientcmd.WriteToFile(*kc, path); err != nil {
		t.Fatal(err)
	}
	t.Setenv("KUBECONFIG", path)

	got, err := mgmtcluster.CPUArch(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got != runtime.GOARCH {
		t.Errorf("CPUArch = %q, want %q", got, runtime.GOARCH)
	}
}

func TestCPUArchWithoutCluster(t *testing.T) {
	t.Setenv("KUBECONFIG", filepath.Join(t.TempDir(), "missing"))
	t.Setenv("HOME", t.TempDir())
	t.Setenv("KUBERNETES_SERVICE_HOST", "")
	if _, err := mgmtcluster.CPUArch(context.Background()); err == nil {
		t.Error("no cluster config: no error")
	}
}
