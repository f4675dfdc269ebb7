package util_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/blang/semver/v4"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
	util "github.com/hcpkit/hcpkit/pkg/compat/util"
	"github.com/hcpkit/hcpkit/pkg/registry/dockerv1client"
	"github.com/hcpkit/hcpkit/pkg/registry/reference"
	"github.com/hcpkit/hcpkit/pkg/releaseinfo"
)

// Compile-time checks that the registry part of the facade keeps the
// v0.1.40 signatures.
var (
	_ func(*dockerv1client.DockerImageConfig) map[string]string                                                                   = util.ImageLabels
	_ func(map[string]string) string                                                                                              = util.ConvertRegistryOverridesToCommandLineFlag
	_ func(map[string][]string) string                                                                                            = util.ConvertOpenShiftImageRegistryOverridesToCommandLineFlag
	_ func(string) map[string][]string                                                                                            = util.ConvertImageRegistryOverrideStringToMap
	_ func(context.Context, reference.DockerImageReference, string, string) (*reference.DockerImageReference, bool, error)        = util.GetRegistryOverrides
	_ func(context.Context, releaseinfo.Provider, *hyperv1.HostedCluster, string, []byte) (string, error)                         = util.GetPayloadImage
	_ func(context.Context, releaseinfo.Provider, *hyperv1.HostedCluster, []byte) (*semver.Version, error)                        = util.GetPayloadVersion
	_ func(*util.RegistryClientImageMetadataProvider, context.Context, string, []byte) (*dockerv1client.DockerImageConfig, error) = (*util.RegistryClientImageMetadataProvider).ImageMetadata
	_ util.ImageMetadataProvider                                                                                                  = &util.RegistryClientImageMetadataProvider{OpenShiftImageRegistryOverrides: map[string][]string{}}
)

func TestRegistryFacade(t *testing.T) {
	if got := util.ConvertRegistryOverridesToCommandLineFlag(map[string]string{"a": "x", "a-b": "y"}); got != "a-b=y,a=x" {
		t.Errorf("ConvertRegistryOverridesToCommandLineFlag = %q", got)
	}
	if got := util.ConvertOpenShiftImageRegistryOverridesToCommandLineFlag(map[string][]string{"quay.io": {"m2", "m1"}}); got != "quay.io=m2,quay.io=m1" {
		t.Errorf("ConvertOpenShiftImageRegistryOverridesToCommandLineFlag = %q", got)
	}
	if got := util.ConvertImageRegistryOverrideStringToMap("a=b, c=d"); !reflect.DeepEqual(got, map[string][]string{"a": {"b"}, "c": {"d"}}) {
		t.Errorf("ConvertImageRegistryOverrideStringToMap = %v", got)
	}
	if util.ImageLabels(nil) != nil {
		t.Error("ImageLabels(nil)")
	}
	ref, _ := reference.Parse("quay.io/ns/repo:v1")
	got, ok, err := util.GetRegistryOverrides(context.Background(), ref, "quay.io/ns/repo", "mirror.example/ns/repo")
	if err != nil || !ok || got.Exact() != "mirror.example/ns/repo:v1" {
		t.Errorf("GetRegistryOverrides = %v, %v, %v", got, ok, err)
	}
	if _, err := util.GetPayloadVersion(context.Background(), nil, nil, nil); err == nil {
		t.Error("GetPayloadVersion(nil provider, nil cluster) gave no error")
	}
	if _, err := (&util.RegistryClientImageMetadataProvider{}).ImageMetadata(context.Background(), "", nil); err == nil {
		t.Error("ImageMetadata(\"\") gave no error")
	}
}
