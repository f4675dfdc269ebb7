package k8sutil_test

import (
	"fmt"
	"maps"
	"slices"

	"github.com/hcpkit/hcpkit/pkg/k8sutil"
)

func ExampleParseNodeSelector() {
	sel := k8sutil.ParseNodeSelector("node-role.kubernetes.io/infra=true, zone = us-east-1a,,broken")
	for _, k := range slices.Sorted(maps.Keys(sel)) {
		fmt.Printf("%s=%s\n", k, sel[k])
	}
	// Output:
	// node-role.kubernetes.io/infra=true
	// zone=us-east-1a
}

func ExampleParseNodeSelectorStrict() {
	_, err := k8sutil.ParseNodeSelectorStrict("zone=a,broken")
	fmt.Println(err)
	// Output:
	// node selector item 2 "broken": want key=value
}

func ExampleStringListContains() {
	fmt.Println(k8sutil.StringListContains("kube-apiserver, etcd", "etcd"))
	fmt.Println(k8sutil.StringListContains("kube-apiserver, etcd", "etc"))
	fmt.Println(k8sutil.StringListContains("a,,b", ""))
	// Output:
	// true
	// false
	// false
}

func ExampleParseNamespacedName() {
	fmt.Println(k8sutil.ParseNamespacedName("clusters/example"))
	fmt.Printf("%q\n", k8sutil.ParseNamespacedName("example").Namespace)
	// Output:
	// clusters/example
	// ""
}
