package netutil

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestInsecureHTTPClientSkipsVerification(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, "ok")
	}))
	defer srv.Close()
	t.Setenv("HTTPS_PROXY", "")
	t.Setenv("https_proxy", "")

	resp, err := InsecureHTTPClient().Get(srv.URL)
	if err != nil {
		t.Fatalf("GET over self-signed TLS: %v", err)
	}
	defer func() { _ = resp.Body.Close() }()
	body, _ := io.ReadAll(resp.Body)
	if string(body) != "ok" {
		t.Errorf("body = %q", body)
	}
	// A verifying client rejects the same server, so the test above proves
	// something.
	if resp, err := http.Get(srv.URL); err == nil {
		_ = resp.Body.Close()
		t.Error("default client accepted the self-signed certificate")
	}
}

func TestInsecureHTTPClientUsesProxyFromEnvironment(t *testing.T) {
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// A forward proxy receives the absolute URL.
		_, _ = io.WriteString(w, "via proxy: "+r.URL.String())
	}))
	defer proxy.Close()
	t.Setenv("HTTP_PROXY", proxy.URL)
	t.Setenv("http_proxy", proxy.URL)
	t.Setenv("NO_PROXY", "")
	t.Setenv("no_proxy", "")

	resp, err := InsecureHTTPClient().Get("http://hcpkit-test.invalid/path")
	if err != nil {
		t.Fatalf("GET through the proxy: %v", err)
	}
	defer func() { _ = resp.Body.Close() }()
	body, _ := io.ReadAll(resp.Body)
	if want := "via proxy: http://hcpkit-test.invalid/path"; string(body) != want {
		t.Errorf("body = %q, want %q", body, want)
	}

	t.Setenv("NO_PROXY", "hcpkit-test.invalid")
	t.Setenv("no_proxy", "hcpkit-test.invalid")
	if resp, err := InsecureHTTPClient().Get("http://hcpkit-test.invalid/path"); err == nil {
		_ = resp.Body.Close()
		t.Error("NO_PROXY host was sent through the proxy")
	}
}
