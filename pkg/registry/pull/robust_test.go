package pull

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-containerregistry/pkg/authn"
	"github.com/google/go-containerregistry/pkg/name"

	"github.com/hcpkit/hcpkit/internal/registrytest"
)

// mustNotPanic runs f and turns a panic into a test failure.
func mustNotPanic(t *testing.T, f func() error) (err error) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("panicked: %v", r)
			err = nil
		}
	}()
	return f()
}

func TestNilContextIsBackground(t *testing.T) {
	srv := registrytest.New(t, registrytest.NoAuth)
	img := registrytest.Image(t, map[string]string{"k": "v"}, nil)
	srv.Push(t, "ns/app:v1", img)
	c := newClient(srv)
	r := ref(t, srv.Host+"/ns/app:v1")

	cases := []struct {
		name string
		call func() error
	}{
		{"Config", func() error {
			cfg, err := c.Config(nil, r, nil, nil) //nolint:staticcheck // a nil context is what is tested
			if err == nil && cfg.Labels()["k"] != "v" {
				return errors.New("wrong labels")
			}
			return err
		}},
		{"Resolve", func() error {
			res, err := c.Resolve(nil, r, nil, nil) //nolint:staticcheck // a nil context is what is tested
			if err == nil && res.Digest == "" {
				return errors.New("no digest")
			}
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := mustNotPanic(t, tc.call); err != nil {
				t.Errorf("error %v, want the image as with context.Background()", err)
			}
		})
	}
}

func TestNilAndZeroClient(t *testing.T) {
	r := ref(t, "quay.io/ns/app:v1")
	var nilClient *Client
	zero := &Client{}
	cases := []struct {
		name string
		call func() error
	}{
		{"nil Config", func() error { _, err := nilClient.Config(context.Background(), r, nil, nil); return err }},
		{"nil Resolve", func() error { _, err := nilClient.Resolve(context.Background(), r, nil, nil); return err }},
		{"nil Image", func() error { _, _, err := nilClient.Image(&Resolved{}); return err }},
		{"zero Config", func() error { _, err := zero.Config(context.Background(), r, nil, nil); return err }},
		{"zero Resolve", func() error { _, err := zero.Resolve(context.Background(), r, nil, nil); return err }},
		{"Image of nil Resolved", func() error { _, _, err := New().Image(nil); return err }},
		{"Image without descriptor", func() error { _, _, err := New().Image(&Resolved{}); return err }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := mustNotPanic(t, tc.call); err == nil {
				t.Error("no error")
			}
		})
	}

	// The accessors answer for an unusable client without panicking.
	_ = mustNotPanic(t, func() error {
		if p := nilClient.Platform(); p.OS != DefaultPlatform.OS || p.Architecture != DefaultPlatform.Architecture {
			t.Errorf("Platform() = %v, want %v", p, DefaultPlatform)
		}
		if n := nilClient.CacheLen(); n != 0 {
			t.Errorf("CacheLen() = %d", n)
		}
		if n := zero.CacheLen(); n != 0 {
			t.Errorf("CacheLen() = %d", n)
		}
		nilClient.Purge()
		zero.Purge()
		nilClient.CloseIdleConnections()
		zero.CloseIdleConnections()
		New(nil, WithRetries(0)).Purge()
		return nil
	})
}

func TestErrorTypesNilSafe(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"LocationError without reason", &LocationError{Location: "quay.io/a:b"}, "quay.io/a:b: unknown failure"},
		{"FetchError with a nil entry", &FetchError{Image: "x", Tried: []*LocationError{nil, {Location: "y", Err: errors.New("e")}}}, "image x: no location could be read (2 tried); y: e"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got string
			_ = mustNotPanic(t, func() error { got = tc.err.Error(); return nil })
			if got != tc.want {
				t.Errorf("Error() = %q, want %q", got, tc.want)
			}
		})
	}
	fe := &FetchError{Tried: []*LocationError{nil}}
	_ = mustNotPanic(t, func() error {
		for _, e := range fe.Unwrap() {
			if e == nil {
				t.Error("Unwrap returned a nil error")
			}
		}
		return nil
	})
}

func TestKeychainNil(t *testing.T) {
	var nilKeychain *Keychain
	empty, err := NewKeychain(nil)
	if err != nil {
		t.Fatal(err)
	}
	repo, err := name.NewRepository("quay.io/ns/app")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		k      *Keychain
		target authn.Resource
	}{
		{"nil keychain", nilKeychain, repo},
		{"nil target", empty, nil},
		{"both nil", nilKeychain, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var auth authn.Authenticator
			err := mustNotPanic(t, func() error {
				var err error
				auth, err = tc.k.Resolve(tc.target)
				return err
			})
			if err != nil || auth != authn.Anonymous {
				t.Errorf("Resolve = %v, %v; want anonymous", auth, err)
			}
		})
	}
}
