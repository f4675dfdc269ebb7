package routes_test

import (
	"fmt"

	routev1 "github.com/openshift/api/route/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/hcpkit/hcpkit/pkg/routes"
)

func ExampleShortenName() {
	fmt.Println(routes.ShortenName("deployment-5", "deploy", 63))
	fmt.Println(routes.ShortenName("ignition-server-proxy-with-a-long-name", "clusters-some-very-long-namespace-name-x", 63))
	// Output:
	// deployment-5-deploy
	// ignition-serv-9e74f243-clusters-some-very-long-namespace-name-x
}

func ExampleShortenRouteHostnameIfNeeded() {
	fmt.Printf("%q\n", routes.ShortenRouteHostnameIfNeeded("kube-apiserver", "clusters-example", "apps.example.com"))
	fmt.Println(routes.ShortenRouteHostnameIfNeeded("kube-apiserver", "clusters-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "apps.example.com"))
	// Output:
	// ""
	// kube-apiserver-clusters-xxxxxxxxxxxxxxxxxxxxxxxxxxxxx-6ecd5a77.apps.example.com
}

func ExampleShortenDNSLabel() {
	label, err := routes.ShortenDNSLabel("My.Route", "clusters-example", 63)
	fmt.Println(label, err)
	// Output: my-route-6fda7fe7-clusters-example <nil>
}

func ExampleReconcileExternalRoute() {
	route := &routev1.Route{ObjectMeta: metav1.ObjectMeta{Name: "oauth", Namespace: "clusters-example"}}
	if err := routes.ReconcileExternalRoute(route, "oauth.example.com", "apps.mgmt.example.com", "oauth-openshift", true); err != nil {
		panic(err)
	}
	fmt.Println(route.Spec.Host, route.Labels[routes.HCPRouteLabel], route.Spec.To.Name, route.Spec.TLS.Termination)
	// Output: oauth.example.com clusters-example oauth-openshift passthrough
}
