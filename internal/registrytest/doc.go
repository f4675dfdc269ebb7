// Package registrytest runs go-containerregistry's in-memory registry in an
// httptest TLS server for hcpkit's tests, with optional basic or token
// authentication, injected failures and a request counter, and pushes test
// images (with labels, files, or as manifest lists) into it.
package registrytest
