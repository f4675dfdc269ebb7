package releaseinfo_test

import (
	"context"
	"fmt"

	imagev1 "github.com/openshift/api/image/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/hcpkit/hcpkit/pkg/releaseinfo"
)

func ExampleMirroredProvider() {
	release := &releaseinfo.ReleaseImage{ImageStream: &imagev1.ImageStream{
		ObjectMeta: metav1.ObjectMeta{Name: "4.15.3"},
		Spec: imagev1.ImageStreamSpec{Tags: []imagev1.TagReference{{
			Name: "hypershift",
			From: &corev1.ObjectReference{Kind: "DockerImage", Name: "quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:2222222222222222222222222222222222222222222222222222222222222222"},
		}}},
	}}
	provider := &releaseinfo.MirroredProvider{
		Delegate:  &releaseinfo.StaticProvider{Releases: map[string]*releaseinfo.ReleaseImage{"quay.io/openshift-release-dev/ocp-release:4.15.3-x86_64": release}},
		Overrides: map[string]string{"quay.io/openshift-release-dev": "mirror.example.com/ocp"},
	}
	r, err := provider.Lookup(context.Background(), "quay.io/openshift-release-dev/ocp-release:4.15.3-x86_64", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Version())
	fmt.Println(r.ComponentImages()["hypershift"])
	// Output:
	// 4.15.3
	// mirror.example.com/ocp/ocp-v4.0-art-dev@sha256:2222222222222222222222222222222222222222222222222222222222222222
}
