package pull

import (
	"testing"

	"github.com/google/go-containerregistry/pkg/authn"
	"github.com/google/go-containerregistry/pkg/name"
)

func TestKeychain(t *testing.T) {
	secret := []byte(`{"auths":{
		"quay.io":{"auth":"cXVheTpxcHc="},
		"quay.io/private":{"auth":"cHJpdjpwcHc="},
		"https://index.docker.io/v1/":{"auth":"aHViOmhwdw=="},
		"Registry.Example.COM:5000":{"username":"ex","password":"epw"}
	}}`)
	kc, err := NewKeychain(secret)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		repo, user, pass string
	}{
		{"quay.io/ns/repo", "quay", "qpw"},
		{"quay.io/private/repo", "priv", "ppw"},
		{"quay.io/private-not/repo", "quay", "qpw"},
		{"busybox", "hub", "hpw"},
		{"docker.io/library/busybox", "hub", "hpw"},
		{"registry.example.com:5000/a/b", "ex", "epw"},
		{"registry.example.com/a/b", "", ""},
		{"mirror.example/quay.io/ns/repo", "", ""},
		{"quay.io.evil.example/ns/repo", "", ""},
	}
	for _, tt := range tests {
		repo, err := name.NewRepository(tt.repo)
		if err != nil {
			t.Fatal(err)
		}
		for _, target := range []authn.Resource{repo, repo.Registry} {
			if target == repo.Registry && tt.repo == "quay.io/private/repo" {
				continue // a registry-wide request cannot use a path-scoped entry
			}
			auth, err := kc.Resolve(target)
			if err != nil {
				t.Fatal(err)
			}
			cfg, err := auth.Authorization()
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Username != tt.user || cfg.Password != tt.pass {
				t.Errorf("Resolve(%s) = %q/%q, want %q/%q", target, cfg.Username, cfg.Password, tt.user, tt.pass)
			}
		}
	}
}

func TestKeychainEmptyAndInvalid(t *testing.T) {
	for _, s := range []string{"", "  ", "{}", `{"auths":{}}`} {
		kc, err := NewKeychain([]byte(s))
		if err != nil {
			t.Fatalf("NewKeychain(%q): %v", s, err)
		}
		auth, _ := kc.Resolve(name.MustParseReference("quay.io/a/b").Context())
		if auth != authn.Anonymous {
			t.Errorf("NewKeychain(%q) gave credentials", s)
		}
	}
	for _, s := range []string{"{", `{"auths":{"quay.io":{"auth":"%%%"}}}`, `{"auths":{"quay.io":{"auth":"bm9jb2xvbg=="}}}`, `[]`} {
		if _, err := NewKeychain([]byte(s)); err == nil {
			t.Errorf("NewKeychain(%q) succeeded", s)
		}
	}
}

func TestSecretDigest(t *testing.T) {
	a, b := secretDigest([]byte(`{"auths":{"a":{}}}`)), secretDigest([]byte(`{"auths":{"b":{}}}`))
	if a == b || secretDigest(nil) != secretDigest([]byte(" ")) {
		t.Fatalf("secret digests: %s %s", a, b)
	}
}

func FuzzNewKeychain(f *testing.F) {
	f.Add([]byte(`{"auths":{"quay.io":{"auth":"dTpw"}}}`))
	f.Add([]byte(`{"auths":{"https://x/v1/":{"username":"u"}}}`))
	f.Add([]byte(`{`))
	f.Fuzz(func(t *testing.T, secret []byte) {
		kc, err := NewKeychain(secret)
		if err != nil {
			return
		}
		if _, err := kc.Resolve(name.MustParseReference("quay.io/a/b").Context()); err != nil {
			t.Fatal(err)
		}
	})
}
