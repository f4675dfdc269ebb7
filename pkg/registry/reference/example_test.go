package reference_test

import (
	"fmt"

	"github.com/hcpkit/hcpkit/pkg/registry/reference"
)

func ExampleParse() {
	ref, err := reference.Parse("quay.io/openshift-release-dev/ocp-release:4.15.0-x86_64")
	if err != nil {
		panic(err)
	}
	fmt.Println(ref.Registry, ref.Namespace, ref.Name, ref.Tag)
	fmt.Println(ref.RepositoryName())

	hub, _ := reference.Parse("docker.io/busybox")
	fmt.Println(hub.String(), hub.DaemonMinimal().Exact())
	// Output:
	// quay.io openshift-release-dev ocp-release 4.15.0-x86_64
	// openshift-release-dev/ocp-release
	// docker.io/library/busybox docker.io/busybox
}
