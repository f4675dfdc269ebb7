// Package mgmtcluster answers questions about the management cluster the
// process runs against, finding it the way controller-runtime does: the
// --kubeconfig flag, the KUBECONFIG environment variable, the in-cluster
// configuration, then ~/.kube/config.
//
// It is a package of its own because importing controller-runtime's config
// loader registers a --kubeconfig flag on the standard flag set; programs
// that only need pkg/k8sutil do not get that flag.
package mgmtcluster
