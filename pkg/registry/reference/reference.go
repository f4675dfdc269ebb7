package reference

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"

	distref "github.com/distribution/reference"
	"github.com/opencontainers/go-digest"
)

// Docker Hub host names and the namespace Docker gives single-component names.
const (
	// DockerDefaultRegistry is the host name Docker clients use for Docker Hub.
	DockerDefaultRegistry = "docker.io"
	// DockerDefaultV1Registry is Docker Hub's legacy v1 index host.
	DockerDefaultV1Registry = "index." + DockerDefaultRegistry
	// DockerDefaultV2Registry is the host that serves Docker Hub's v2 API.
	DockerDefaultV2Registry = "registry-1." + DockerDefaultRegistry
	// DockerDefaultNamespace is the namespace of Docker Hub's official images.
	DockerDefaultNamespace = "library"
	// DefaultTag is the tag Docker clients assume when none is given.
	DefaultTag = "latest"
)

// DockerImageReference is a parsed image reference. Registry is the host
// (with an optional port), Namespace the first path component after it, Name
// the remaining path components, Tag the tag and ID the digest; any of them
// may be empty.
type DockerImageReference struct {
	// Registry is the registry host, with an optional port; empty for a bare name.
	Registry string
	// Namespace is the first path component after the registry.
	Namespace string
	// Name is the rest of the path.
	Name string
	// Tag is the tag, without ":".
	Tag string
	// ID is the digest ("sha256:…").
	ID string
}

// Parse splits an image reference such as
// "quay.io/openshift-release-dev/ocp-release:4.15.0-x86_64" into its parts.
// It returns an error when spec is not a valid reference.
func Parse(spec string) (DockerImageReference, error) {
	var ref DockerImageReference
	parsed, err := distref.Parse(spec)
	if err != nil {
		return ref, fmt.Errorf("invalid image reference %q: %w", spec, err)
	}
	named, ok := parsed.(distref.Named)
	if !ok {
		return ref, fmt.Errorf("invalid image reference %q: %w", spec, distref.ErrNameEmpty)
	}
	name := named.Name()
	if first, rest, found := strings.Cut(name, "/"); found && isRegistryComponent(first) {
		ref.Registry, name = first, rest
	}
	if ns, rest, found := strings.Cut(name, "/"); found {
		ref.Namespace, name = ns, rest
	}
	ref.Name = name
	if tagged, ok := parsed.(distref.Tagged); ok {
		ref.Tag = tagged.Tag()
	}
	if digested, ok := parsed.(distref.Digested); ok {
		ref.ID = digested.Digest().String()
	}
	return ref, nil
}

// isRegistryComponent reports whether the first component of a name is a
// registry host, by Docker's rule: it holds a dot or a port, is "localhost",
// or holds upper-case letters (which a repository path may not).
func isRegistryComponent(s string) bool {
	return strings.ContainsAny(s, ".:") || s == "localhost" || strings.ToLower(s) != s
}

// IsRegistryDockerHub reports whether registry is one of Docker Hub's host names.
func IsRegistryDockerHub(registry string) bool {
	switch registry {
	case DockerDefaultRegistry, DockerDefaultV1Registry, DockerDefaultV2Registry:
		return true
	}
	return false
}

// String renders the reference, adding the "library" namespace when the
// registry is a Docker Hub host and no namespace is set.
func (r DockerImageReference) String() string {
	if r.Namespace == "" && IsRegistryDockerHub(r.Registry) {
		r.Namespace = DockerDefaultNamespace
	}
	return r.Exact()
}

// Exact renders the reference exactly as its fields hold it; it returns ""
// when Name is empty.
func (r DockerImageReference) Exact() string {
	name := r.NameString()
	if name == "" {
		return ""
	}
	var b strings.Builder
	if r.Registry != "" {
		b.WriteString(r.Registry)
		b.WriteByte('/')
	}
	if r.Namespace != "" {
		b.WriteString(r.Namespace)
		b.WriteByte('/')
	}
	b.WriteString(name)
	return b.String()
}

// NameString renders the name with its tag and digest ("name:tag@digest"),
// without registry or namespace; it returns "" when Name is empty.
func (r DockerImageReference) NameString() string {
	switch {
	case r.Name == "":
		return ""
	case r.Tag != "" && r.ID != "":
		return r.Name + ":" + r.Tag + "@" + r.ID
	case r.ID != "":
		return r.Name + "@" + r.ID
	case r.Tag != "":
		return r.Name + ":" + r.Tag
	default:
		return r.Name
	}
}

// RepositoryName renders namespace and name without registry, tag or digest.
func (r DockerImageReference) RepositoryName() string {
	r.Registry, r.Tag, r.ID = "", "", ""
	return r.Exact()
}

// AsRepository returns the reference without its tag and digest.
func (r DockerImageReference) AsRepository() DockerImageReference {
	r.Tag, r.ID = "", ""
	return r
}

// AsV2 returns the reference with Docker Hub's host names replaced by the
// host that serves its v2 API.
func (r DockerImageReference) AsV2() DockerImageReference {
	switch r.Registry {
	case DockerDefaultRegistry, DockerDefaultV1Registry:
		r.Registry = DockerDefaultV2Registry
	}
	return r
}

// RegistryURL returns the HTTPS URL of the reference's registry (its v2 host
// for Docker Hub).
func (r DockerImageReference) RegistryURL() *url.URL {
	return &url.URL{Scheme: "https", Host: r.AsV2().Registry}
}

// RegistryHostPort returns the registry's host and port; without an explicit
// port it is 443, or 80 when insecure is true.
func (r DockerImageReference) RegistryHostPort(insecure bool) (string, string) {
	host := r.AsV2().Registry
	if h, p, err := net.SplitHostPort(host); err == nil {
		return h, p
	}
	if insecure {
		return host, "80"
	}
	return host, "443"
}

// DockerClientDefaults returns the reference with the defaults a Docker
// client applies: registry docker.io, namespace "library" on Docker Hub and
// tag "latest".
func (r DockerImageReference) DockerClientDefaults() DockerImageReference {
	if r.Registry == "" {
		r.Registry = DockerDefaultRegistry
	}
	if r.Namespace == "" && IsRegistryDockerHub(r.Registry) {
		r.Namespace = DockerDefaultNamespace
	}
	if r.Tag == "" {
		r.Tag = DefaultTag
	}
	return r
}

// Minimal returns the reference without the tag "latest".
func (r DockerImageReference) Minimal() DockerImageReference {
	if r.Tag == DefaultTag {
		r.Tag = ""
	}
	return r
}

// DaemonMinimal returns the shortest form a Docker daemon accepts for the
// reference: Docker Hub hosts become docker.io, its "library" namespace and
// the tag "latest" are dropped.
func (r DockerImageReference) DaemonMinimal() DockerImageReference {
	switch r.Registry {
	case DockerDefaultV1Registry, DockerDefaultV2Registry:
		r.Registry = DockerDefaultRegistry
	}
	if IsRegistryDockerHub(r.Registry) && r.Namespace == DockerDefaultNamespace {
		r.Namespace = ""
	}
	return r.Minimal()
}

// MostSpecific returns the reference that pins the image most exactly: a
// valid digest wins over the tag; an ID that is not a digest is treated as a
// tag when no tag is set.
func (r DockerImageReference) MostSpecific() DockerImageReference {
	if r.ID == "" {
		return r
	}
	if _, err := digest.Parse(r.ID); err == nil {
		r.Tag = ""
		return r
	}
	if r.Tag == "" {
		r.Tag, r.ID = r.ID, ""
	}
	return r
}

// Equal reports whether both references name the same image once Docker
// client defaults are applied to each.
func (r DockerImageReference) Equal(other DockerImageReference) bool {
	return r.DockerClientDefaults() == other.DockerClientDefaults()
}

// Validate reports whether the reference renders to a string that Parse
// accepts, returning the parse error otherwise.
func (r DockerImageReference) Validate() error {
	s := r.Exact()
	if s == "" {
		return errors.New("image reference has no name")
	}
	_, err := Parse(s)
	return err
}

// DeepCopyInto copies the receiver into out. It does nothing when the
// receiver or out is nil.
func (r *DockerImageReference) DeepCopyInto(out *DockerImageReference) {
	if r == nil || out == nil {
		return
	}
	*out = *r
}

// DeepCopy returns a copy of the receiver, or nil for a nil receiver.
func (r *DockerImageReference) DeepCopy() *DockerImageReference {
	if r == nil {
		return nil
	}
	out := new(DockerImageReference)
	r.DeepCopyInto(out)
	return out
}
