package mirror

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	distref "github.com/distribution/reference"

	"github.com/hcpkit/hcpkit/pkg/registry/reference"
)

// location is a normalised "host[/path]" with no tag or digest.
type location struct {
	host string // lower case; Docker Hub aliases folded into docker.io
	path string // may be empty for a whole-registry source or mirror
	raw  string // as given (trimmed)
}

// depth is the number of path components.
func (l location) depth() int {
	if l.path == "" {
		return 0
	}
	return strings.Count(l.path, "/") + 1
}

// String renders the location as "host[/path]".
func (l location) String() string {
	if l.path == "" {
		return l.host
	}
	return l.host + "/" + l.path
}

// ParseLocation checks that s is "host[/path]" with no tag or digest, the
// form sources and mirrors take, and returns it trimmed of surrounding
// white space.
func ParseLocation(s string) (string, error) {
	l, err := parseLocation(s)
	if err != nil {
		return "", err
	}
	return l.raw, nil
}

func parseLocation(s string) (location, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return location{}, errors.New("empty registry location")
	}
	host, path, _ := strings.Cut(s, "/")
	probe := s
	if path == "" {
		probe = s + "/x"
	}
	parsed, err := distref.Parse(probe)
	if err != nil {
		return location{}, fmt.Errorf("invalid registry location %q: %w", s, err)
	}
	named, ok := parsed.(distref.Named)
	if !ok || !distref.IsNameOnly(named) {
		return location{}, fmt.Errorf("invalid registry location %q: a tag or digest is not allowed", s)
	}
	if distref.Domain(named) != host {
		return location{}, fmt.Errorf("invalid registry location %q: %q is not a registry host", s, host)
	}
	return location{host: normalizeHost(host), path: path, raw: s}, nil
}

func normalizeHost(host string) string {
	host = strings.ToLower(host)
	if reference.IsRegistryDockerHub(host) {
		return reference.DockerDefaultRegistry
	}
	return host
}

// imageLocation returns where ref lives, with Docker Hub's defaults applied.
func imageLocation(ref reference.DockerImageReference) location {
	host := ref.Registry
	if host == "" {
		host = reference.DockerDefaultRegistry
	}
	l := location{host: normalizeHost(host), path: ref.Name}
	if ref.Namespace != "" {
		l.path = ref.Namespace + "/" + ref.Name
	} else if l.host == reference.DockerDefaultRegistry {
		l.path = reference.DockerDefaultNamespace + "/" + ref.Name
	}
	return l
}

// match reports whether the image at img lies under the source location l and
// returns the part of the image's path l covers. On Docker Hub a one-component
// source path also names the official image of that name
// ("docker.io/busybox" is "docker.io/library/busybox").
func (l location) match(img location) (string, bool) {
	if l.host != img.host {
		return "", false
	}
	if l.path == "" || img.path == l.path || strings.HasPrefix(img.path, l.path+"/") {
		return l.path, true
	}
	if l.host == reference.DockerDefaultRegistry && !strings.Contains(l.path, "/") {
		official := reference.DockerDefaultNamespace + "/" + l.path
		if img.path == official || strings.HasPrefix(img.path, official+"/") {
			return official, true
		}
	}
	return "", false
}

// rewrite moves img from under source to under mirror, keeping tag and
// digest, and returns the new reference.
func rewrite(ref reference.DockerImageReference, img location, covered string, source, mirror location) (reference.DockerImageReference, error) {
	rest := strings.TrimPrefix(strings.TrimPrefix(img.path, covered), "/")
	path := mirror.path
	if rest != "" {
		if path != "" {
			path += "/"
		}
		path += rest
	}
	if path == "" {
		return reference.DockerImageReference{}, fmt.Errorf("mirror %q of source %q leaves image %q without a repository", mirror.raw, source.raw, ref.Exact())
	}
	host, _, _ := strings.Cut(mirror.raw, "/")
	out := reference.DockerImageReference{Registry: host, Name: path, Tag: ref.Tag, ID: ref.ID}
	if ns, name, found := strings.Cut(path, "/"); found {
		out.Namespace, out.Name = ns, name
	}
	if _, err := distref.Parse(out.Exact()); err != nil {
		return reference.DockerImageReference{}, fmt.Errorf("mirror %q of source %q: %w", mirror.raw, source.raw, err)
	}
	return out, nil
}

// Rewrite applies one override to ref: when ref lies under source it returns
// ref moved under mirror (tag and digest kept) and true; otherwise ref
// unchanged and false. It returns an error when source or mirror is not a
// valid "host[/path]" or the result is not a valid reference.
func Rewrite(ref reference.DockerImageReference, source, mirror string) (reference.DockerImageReference, bool, error) {
	src, err := parseLocation(source)
	if err != nil {
		return ref, false, fmt.Errorf("source: %w", err)
	}
	dst, err := parseLocation(mirror)
	if err != nil {
		return ref, false, fmt.Errorf("mirror of source %q: %w", src.raw, err)
	}
	img := imageLocation(ref)
	covered, ok := src.match(img)
	if !ok {
		return ref, false, nil
	}
	out, err := rewrite(ref, img, covered, src, dst)
	if err != nil {
		return ref, false, err
	}
	return out, true, nil
}

// Set is a compiled set of overrides, safe for concurrent use once built.
type Set struct {
	rules []rule
}

type rule struct {
	source  location
	mirrors []location
}

// New compiles overrides (source -> mirrors in order of preference). Entries
// whose source or mirror is empty or invalid are left out; each one left out
// is described in the returned error (nil when all are valid), so a caller
// may log it and go on with the Set, which is never nil.
func New(overrides map[string][]string) (*Set, error) {
	var errs []error
	bySource := map[string]*rule{}
	sources := make([]string, 0, len(overrides))
	for s := range overrides {
		sources = append(sources, s)
	}
	sort.Strings(sources)
	for _, s := range sources {
		src, err := parseLocation(s)
		if err != nil {
			errs = append(errs, fmt.Errorf("skipping source: %w", err))
			continue
		}
		key := src.String()
		r := bySource[key]
		if r == nil {
			r = &rule{source: src}
			bySource[key] = r
		}
		for _, m := range overrides[s] {
			dst, err := parseLocation(m)
			if err != nil {
				errs = append(errs, fmt.Errorf("skipping mirror %q of source %q: %w", m, src.raw, err))
				continue
			}
			if !containsLocation(r.mirrors, dst) {
				r.mirrors = append(r.mirrors, dst)
			}
		}
	}
	set := &Set{rules: make([]rule, 0, len(bySource))}
	for _, r := range bySource {
		if len(r.mirrors) > 0 {
			set.rules = append(set.rules, *r)
		}
	}
	sort.Slice(set.rules, func(i, j int) bool {
		a, b := set.rules[i].source, set.rules[j].source
		if a.depth() != b.depth() {
			return a.depth() > b.depth()
		}
		return a.String() < b.String()
	})
	return set, errors.Join(errs...)
}

func containsLocation(list []location, l location) bool {
	for _, x := range list {
		if x.host == l.host && x.path == l.path {
			return true
		}
	}
	return false
}

// Len returns the number of sources that have at least one mirror.
func (s *Set) Len() int {
	if s == nil {
		return 0
	}
	return len(s.rules)
}

// Match returns the most specific source that ref lies under and ref
// rewritten to each of its mirrors, in order. Mirrors that cannot hold ref
// are described in the error, which does not stop the others.
func (s *Set) Match(ref reference.DockerImageReference) (source string, mirrored []reference.DockerImageReference, err error) {
	if s == nil {
		return "", nil, nil
	}
	img := imageLocation(ref)
	for _, r := range s.rules {
		covered, ok := r.source.match(img)
		if !ok {
			continue
		}
		var errs []error
		for _, m := range r.mirrors {
			out, err := rewrite(ref, img, covered, r.source, m)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			mirrored = append(mirrored, out)
		}
		return r.source.raw, mirrored, errors.Join(errs...)
	}
	return "", nil, nil
}

// Locations returns where to look for ref, in order: its mirrors from the
// most specific matching source, then ref itself, each location once.
func (s *Set) Locations(ref reference.DockerImageReference) []reference.DockerImageReference {
	_, mirrored, _ := s.Match(ref)
	out := mirrored[:0]
	for _, m := range mirrored {
		if m != ref && !containsRef(out, m) {
			out = append(out, m)
		}
	}
	return append(out, ref)
}

func containsRef(list []reference.DockerImageReference, r reference.DockerImageReference) bool {
	for _, x := range list {
		if x == r {
			return true
		}
	}
	return false
}

// ReplacePrefix rewrites image with plain string overrides: the longest
// source (white space trimmed, empty ones ignored) that equals image or is
// followed in it by "/", ":" or "@" is replaced by its mirror, once. It
// returns the image unchanged and false when no source applies.
func ReplacePrefix(image string, overrides map[string]string) (string, bool) {
	best, bestMirror := "", ""
	for source, mirror := range overrides {
		source, mirror = strings.TrimSpace(source), strings.TrimSpace(mirror)
		if source == "" || mirror == "" || len(source) < len(best) {
			continue
		}
		if !strings.HasPrefix(image, source) {
			continue
		}
		if len(image) > len(source) && !strings.ContainsRune("/:@", rune(image[len(source)])) {
			continue
		}
		if len(source) == len(best) && mirror >= bestMirror {
			// Equal after trimming: pick one deterministically.
			continue
		}
		best, bestMirror = source, mirror
	}
	if best == "" {
		return image, false
	}
	return bestMirror + image[len(best):], true
}
