package pull

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/docker/cli/cli/config/configfile"
	"github.com/google/go-containerregistry/pkg/authn"
	"github.com/google/go-containerregistry/pkg/name"

	"github.com/hcpkit/hcpkit/pkg/registry/reference"
)

// keychainEntry is one "auths" entry of a pull secret.
type keychainEntry struct {
	host string // normalised host[:port]
	path string // repository path prefix the entry is limited to; "" for the whole host
	cfg  authn.AuthConfig
}

// Keychain resolves credentials from a pull secret alone.
type Keychain struct {
	entries []keychainEntry // most specific first
}

// NewKeychain builds a Keychain from a pull secret: a docker config JSON
// document ({"auths": {"host[/path]": {"auth": "base64(user:password)"}}}).
// An empty secret gives a Keychain with no credentials. Keys may carry a
// scheme ("https://quay.io/v1/", whose path is then ignored) or a repository
// path ("quay.io/org", which then applies only to repositories under it).
func NewKeychain(pullSecret []byte) (*Keychain, error) {
	kc := &Keychain{}
	if len(bytes.TrimSpace(pullSecret)) == 0 {
		return kc, nil
	}
	cf := configfile.New("")
	if err := cf.LoadFromReader(bytes.NewReader(pullSecret)); err != nil {
		return nil, fmt.Errorf("reading pull secret: %w", err)
	}
	for key, ac := range cf.AuthConfigs {
		host, path := splitAuthKey(key)
		if host == "" {
			continue
		}
		kc.entries = append(kc.entries, keychainEntry{
			host: host,
			path: path,
			cfg: authn.AuthConfig{
				Username:      ac.Username,
				Password:      ac.Password,
				IdentityToken: ac.IdentityToken,
				RegistryToken: ac.RegistryToken,
			},
		})
	}
	sort.Slice(kc.entries, func(i, j int) bool {
		a, b := kc.entries[i], kc.entries[j]
		if a.host != b.host {
			return a.host < b.host
		}
		return len(a.path) > len(b.path)
	})
	return kc, nil
}

// splitAuthKey turns an "auths" key into a normalised host and a repository
// path prefix.
func splitAuthKey(key string) (string, string) {
	key = strings.TrimSpace(key)
	hadScheme := false
	for _, scheme := range []string{"https://", "http://"} {
		if strings.HasPrefix(strings.ToLower(key), scheme) {
			key = key[len(scheme):]
			hadScheme = true
		}
	}
	host, path, _ := strings.Cut(key, "/")
	if hadScheme {
		path = ""
	}
	return normalizeHost(host), strings.Trim(path, "/")
}

// normalizeHost lower-cases a registry host and folds Docker Hub's aliases.
func normalizeHost(host string) string {
	host = strings.ToLower(host)
	if reference.IsRegistryDockerHub(host) || host == name.DefaultRegistry {
		return reference.DockerDefaultRegistry
	}
	return host
}

// Resolve returns the credentials for target: those of the most specific
// entry written for the target's own host (and a path prefix of its
// repository, if the entry names one), or anonymous access (also for a nil
// Keychain or target).
func (k *Keychain) Resolve(target authn.Resource) (authn.Authenticator, error) {
	if k == nil || target == nil {
		return authn.Anonymous, nil
	}
	host := normalizeHost(target.RegistryStr())
	repo := ""
	if r, ok := target.(name.Repository); ok {
		repo = r.RepositoryStr()
	}
	for _, e := range k.entries {
		if e.host != host {
			continue
		}
		if e.path == "" || repo == e.path || strings.HasPrefix(repo, e.path+"/") {
			return authn.FromConfig(e.cfg), nil
		}
	}
	return authn.Anonymous, nil
}

// secretDigest is the cache identity of a pull secret.
func secretDigest(pullSecret []byte) string {
	if len(bytes.TrimSpace(pullSecret)) == 0 {
		return "anonymous"
	}
	sum := sha256.Sum256(pullSecret)
	return hex.EncodeToString(sum[:])
}
