package pull

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/hcpkit/hcpkit/internal/registrytest"
)

func TestErrorsAreSingleLine(t *testing.T) {
	origin := registrytest.New(t, registrytest.NoAuth)
	down := registrytest.New(t, registrytest.NoAuth)
	broken := registrytest.New(t, registrytest.NoAuth)
	c := newClient(origin, down, broken)
	down.Close()
	broken.Fail(http.StatusInternalServerError)
	origin.Fail(http.StatusServiceUnavailable)
	set := mirrors(t, map[string][]string{origin.Host + "/ns": {down.Host + "/m", broken.Host + "/m"}})

	cases := []struct {
		name string
		call func() error
	}{
		{"Config by tag", func() error {
			_, err := c.Config(context.Background(), ref(t, origin.Host+"/ns/app:v1"), nil, set)
			return err
		}},
		{"Config by digest", func() error {
			_, err := c.Config(context.Background(), ref(t, origin.Host+"/ns/app@sha256:"+strings.Repeat("a", 64)), nil, set)
			return err
		}},
		{"Resolve", func() error {
			_, err := c.Resolve(context.Background(), ref(t, origin.Host+"/ns/app:v1"), nil, set)
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			var fe *FetchError
			if !errors.As(err, &fe) || len(fe.Tried) != 3 {
				t.Fatalf("error %v, want a FetchError with 3 locations", err)
			}
			if strings.ContainsAny(err.Error(), "\r\n") {
				t.Errorf("error has a line break: %q", err.Error())
			}
			if strings.Contains(err.Error(), "; ;") {
				t.Errorf("error has an empty part: %q", err.Error())
			}
			for _, le := range fe.Tried {
				if strings.ContainsAny(le.Error(), "\r\n") {
					t.Errorf("location error has a line break: %q", le.Error())
				}
			}
			if !strings.Contains(err.Error(), "; ") {
				t.Errorf("error %q does not join its parts with \"; \"", err.Error())
			}
		})
	}
}

func TestLocationErrorSingleLine(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"trailing line break", &LocationError{Location: "x", Err: errors.New("unexpected status code 500: injected failure\n")}, "x: unexpected status code 500: injected failure"},
		{"inner line breaks", &LocationError{Location: "x", Err: errors.New("GET x: 500: boom\nmore\n")}, "x: GET x: 500: boom; more"},
		{"FetchError", &FetchError{Image: "x", Tried: []*LocationError{{Location: "a", Err: errors.New("one\n")}, {Location: "b", Err: errors.New("two\r\nthree")}}}, "image x: no location could be read (2 tried); a: one; b: two; three"},
	}
	for _, tc := range cases {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("%s: Error() = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestOneLine(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"injected failure\n", "injected failure"},
		{"a\nb", "a; b"},
		{"a\r\n  b \n\n c", "a; b; c"},
		{"\n\n", ""},
		{"injected failure\n; Get x: refused", "injected failure; Get x: refused"},
		{"a;\n;b", "a; b"},
	}
	for _, tc := range cases {
		if got := oneLine(tc.in); got != tc.want {
			t.Errorf("oneLine(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
