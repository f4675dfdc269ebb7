package registry_test

import (
	"context"
	"crypto/x509"
	"fmt"
	"io"
	"log"
	"net/http/httptest"
	"strings"

	"github.com/google/go-containerregistry/pkg/name"
	ggcrregistry "github.com/google/go-containerregistry/pkg/registry"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/random"
	"github.com/google/go-containerregistry/pkg/v1/remote"

	"github.com/hcpkit/hcpkit/pkg/registry"
	"github.com/hcpkit/hcpkit/pkg/registry/pull"
	"github.com/hcpkit/hcpkit/pkg/registry/reference"
)

func ExampleConvertOpenShiftImageRegistryOverridesToCommandLineFlag() {
	flag := registry.ConvertOpenShiftImageRegistryOverridesToCommandLineFlag(map[string][]string{
		"registry.redhat.io":            {"mirror.example.com/rh"},
		"quay.io/openshift-release-dev": {"mirror.example.com/ocp", "backup.example.com/ocp"},
	})
	fmt.Println(flag)
	fmt.Println(registry.ConvertImageRegistryOverrideStringToMap(flag))
	fmt.Println(registry.ConvertRegistryOverridesToCommandLineFlag(map[string]string{"quay.io": "mirror.example.com", "a": "b"}))
	fmt.Println(registry.ConvertRegistryOverridesToCommandLineFlag(nil))
	// Output:
	// quay.io/openshift-release-dev=mirror.example.com/ocp,quay.io/openshift-release-dev=backup.example.com/ocp,registry.redhat.io=mirror.example.com/rh
	// map[quay.io/openshift-release-dev:[mirror.example.com/ocp backup.example.com/ocp] registry.redhat.io:[mirror.example.com/rh]]
	// a=b,quay.io=mirror.example.com
	// =
}

func ExampleGetRegistryOverrides() {
	ref, _ := reference.Parse("quay.io/openshift-release-dev/ocp-release:4.15.0-x86_64")
	mirrored, ok, err := registry.GetRegistryOverrides(context.Background(), ref, "quay.io/openshift-release-dev", "mirror.example.com/ocp")
	fmt.Println(mirrored.Exact(), ok, err)
	_, ok, _ = registry.GetRegistryOverrides(context.Background(), ref, "quay.io/openshift", "mirror.example.com/ocp")
	fmt.Println(ok)
	// Output:
	// mirror.example.com/ocp/ocp-release:4.15.0-x86_64 true <nil>
	// false
}

func ExampleOverridesMetadataProvider_ImageMetadata() {
	// An in-process registry behind TLS holding one image with a label.
	srv := httptest.NewUnstartedServer(ggcrregistry.New(ggcrregistry.Logger(log.New(io.Discard, "", 0))))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.StartTLS()
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "https://")
	img, _ := random.Image(128, 1)
	cf, _ := img.ConfigFile()
	cf.Config.Labels = map[string]string{"io.openshift.release": "4.15.0"}
	img, _ = mutate.ConfigFile(img, cf)
	tag, _ := name.NewTag(host + "/ocp/release:4.15.0")
	if err := remote.Write(tag, img, remote.WithTransport(srv.Client().Transport)); err != nil {
		fmt.Println(err)
		return
	}

	// Trust the registry's certificate in the client the facade shares.
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	registry.SetDefaultClient(pull.New(pull.WithRootCAs(pool)))
	defer registry.SetDefaultClient(nil)

	provider := &registry.OverridesMetadataProvider{}
	cfg, err := provider.ImageMetadata(context.Background(), host+"/ocp/release:4.15.0", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(registry.ImageLabels(cfg)["io.openshift.release"])
	// Output: 4.15.0
}
