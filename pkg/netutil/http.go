package netutil

import (
	"crypto/tls"
	"net/http"
	"net/url"

	"golang.org/x/net/http/httpproxy"
)

// InsecureHTTPClient returns an HTTP client that does NOT verify the server's
// TLS certificate chain or host name: anyone on the network path can read and
// change its traffic. Use it only for endpoints whose identity is checked in
// another way, or in tests.
//
// The client sends requests through the proxy that the environment variables
// HTTP_PROXY, HTTPS_PROXY and NO_PROXY (or their lowercase forms) name, as
// read when InsecureHTTPClient is called. Its other settings (timeouts,
// connection pooling, HTTP/2) are those of http.DefaultTransport.
func InsecureHTTPClient() *http.Client {
	var tr *http.Transport
	if def, ok := http.DefaultTransport.(*http.Transport); ok {
		tr = def.Clone()
	} else {
		tr = &http.Transport{}
	}
	proxy := httpproxy.FromEnvironment().ProxyFunc()
	tr.Proxy = func(req *http.Request) (*url.URL, error) { return proxy(req.URL) }
	if tr.TLSClientConfig == nil {
		tr.TLSClientConfig = &tls.Config{}
	}
	tr.TLSClientConfig.InsecureSkipVerify = true //nolint:gosec // the purpose of this client, documented above
	return &http.Client{Transport: tr}
}
