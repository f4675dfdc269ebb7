// Package testenv gives integration tests a real kube-apiserver and etcd
// through controller-runtime's envtest, with hcpkit's CRDs installed.
//
// A package opts in with
//
//	func TestMain(m *testing.M) { os.Exit(testenv.Main(m)) }
//
// and each integration test calls Config (or Client). The control plane is
// started on first use, so unit tests and fuzzing never pay for it. Binaries
// come from KUBEBUILDER_ASSETS or, when unset, from the cache that
// hack/envtest-assets.sh fills (looked up without building). When they cannot
// be found the integration tests are skipped with a message saying how to get
// them, unless HCPKIT_REQUIRE_ENVTEST=1 (as in CI), where they fail. With
// go test -short the integration tests are always skipped.
package testenv
