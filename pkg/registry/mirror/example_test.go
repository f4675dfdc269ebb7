package mirror_test

import (
	"fmt"

	"github.com/hcpkit/hcpkit/pkg/registry/mirror"
	"github.com/hcpkit/hcpkit/pkg/registry/reference"
)

func ExampleSet_Locations() {
	set, err := mirror.New(map[string][]string{
		"quay.io":                       {"mirror.example.com/quay"},
		"quay.io/openshift-release-dev": {"mirror.local/ocp", "backup.local/ocp"},
	})
	if err != nil {
		fmt.Println(err)
	}
	ref, _ := reference.Parse("quay.io/openshift-release-dev/ocp-release:4.15.0-x86_64")
	for _, loc := range set.Locations(ref) {
		fmt.Println(loc.Exact())
	}
	// Output:
	// mirror.local/ocp/ocp-release:4.15.0-x86_64
	// backup.local/ocp/ocp-release:4.15.0-x86_64
	// quay.io/openshift-release-dev/ocp-release:4.15.0-x86_64
}

func ExampleReplacePrefix() {
	image, ok := mirror.ReplacePrefix("quay.io/openshift-release-dev/ocp-release:4.15", map[string]string{
		"quay.io":                       "all.example",
		"quay.io/openshift":             "not.a.component.boundary",
		"quay.io/openshift-release-dev": "mirror.local/ocp",
	})
	fmt.Println(image, ok)
	// Output: mirror.local/ocp/ocp-release:4.15 true
}
