package mirror

import (
	"reflect"
	"strings"
	"testing"

	"github.com/hcpkit/hcpkit/pkg/registry/reference"
)

const dgst = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

func mustParse(t *testing.T, s string) reference.DockerImageReference {
	t.Helper()
	r, err := reference.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func exacts(refs []reference.DockerImageReference) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = r.Exact()
	}
	return out
}

func TestRewrite(t *testing.T) {
	tests := []struct {
		name, image, source, mirror string
		want                        string
		ok                          bool
	}{
		{"tag kept (fault 4)", "quay.io/ns/repo:v1", "quay.io/ns/repo", "mirror.example/ns/repo", "mirror.example/ns/repo:v1", true},
		{"digest kept", "quay.io/ns/repo@" + dgst, "quay.io/ns/repo", "mirror.example/x", "mirror.example/x@" + dgst, true},
		{"tag and digest kept", "quay.io/ns/repo:v1@" + dgst, "quay.io/ns", "m.example", "m.example/repo:v1@" + dgst, true},
		{"host must match (fault 5)", "quay.io/ns/repo:v1", "registry.example.com/ns/repo", "mirror.example/ns/repo", "quay.io/ns/repo:v1", false},
		{"registry source (fault 6)", "quay.io/ns/repo:v1", "quay.io", "mirror.example", "mirror.example/ns/repo:v1", true},
		{"namespace source", "quay.io/openshift-release-dev/ocp-release:4.15", "quay.io/openshift-release-dev", "mirror.local/ocp", "mirror.local/ocp/ocp-release:4.15", true},
		{"whole components only", "quay.io/openshift-release-dev/ocp-release:4.15", "quay.io/openshift", "mirror.local", "quay.io/openshift-release-dev/ocp-release:4.15", false},
		{"deep path", "quay.io/a/b/c:t", "quay.io/a/b", "m.io/x/y", "m.io/x/y/c:t", true},
		{"host case-insensitive", "Registry.Example.COM/ns/app:1", "registry.example.com/ns", "m.io", "m.io/app:1", true},
		{"port is part of the host", "localhost:5000/ns/app:1", "localhost/ns", "m.io", "localhost:5000/ns/app:1", false},
		{"docker hub defaults", "ubuntu:22.04", "docker.io/library", "m.io/hub", "m.io/hub/ubuntu:22.04", true},
		{"docker hub alias", "index.docker.io/library/busybox", "docker.io/busybox", "m.io/bb", "m.io/bb", true},
		{"repository source to registry mirror", "quay.io/ns/repo:v1", "quay.io/ns/repo", "m.io/other", "m.io/other:v1", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok, err := Rewrite(mustParse(t, tt.image), tt.source, tt.mirror)
			if err != nil {
				t.Fatal(err)
			}
			if ok != tt.ok || got.Exact() != tt.want {
				t.Fatalf("Rewrite = %q, %v; want %q, %v", got.Exact(), ok, tt.want, tt.ok)
			}
		})
	}
}

func TestRewriteErrors(t *testing.T) {
	ref := mustParse(t, "quay.io/ns/repo:v1")
	tests := []struct{ source, mirror, mention string }{
		{"", "m.io", "empty"},
		{"quay.io", "", "empty"},
		{"quay.io", "m.io/UPPER", "m.io/UPPER"},
		{"quay.io/ns/repo:tag", "m.io", "tag or digest"},
		{"quay.io", "m.io@" + dgst, "m.io@"},
		{"quay.io/ns/repo", "m.io", "without a repository"},
		{"quay io", "m.io", "quay io"},
	}
	for _, tt := range tests {
		_, ok, err := Rewrite(ref, tt.source, tt.mirror)
		if err == nil || ok {
			t.Errorf("Rewrite(%q, %q) succeeded", tt.source, tt.mirror)
			continue
		}
		if !strings.Contains(err.Error(), tt.mention) {
			t.Errorf("Rewrite(%q, %q): error %q does not mention %q", tt.source, tt.mirror, err, tt.mention)
		}
	}
}

func TestSetLocations(t *testing.T) {
	set, err := New(map[string][]string{
		"quay.io":                       {"down.example", "up.example"},
		"quay.io/openshift-release-dev": {"mirror.local/ocp", "mirror.local/ocp", " backup.local/ocp "},
		"quay.io/openshift-release-dev/ocp-v4.0-x":   {"bad mirror"},
		"registry.example.com/openshift-release-dev": {"other.example"},
		"":          {"skipped.example"},
		"gcr.io/ns": {},
	})
	if err == nil || !strings.Contains(err.Error(), `"bad mirror"`) || !strings.Contains(err.Error(), "empty registry location") {
		t.Errorf("New error does not describe what was skipped: %v", err)
	}
	if set.Len() != 3 {
		t.Errorf("Len() = %d, want 3", set.Len())
	}
	tests := []struct {
		image string
		want  []string
	}{
		{"quay.io/openshift-release-dev/ocp-release:4.15@" + dgst, []string{
			"mirror.local/ocp/ocp-release:4.15@" + dgst,
			"backup.local/ocp/ocp-release:4.15@" + dgst,
			"quay.io/openshift-release-dev/ocp-release:4.15@" + dgst,
		}},
		{"quay.io/other/x:1", []string{"down.example/other/x:1", "up.example/other/x:1", "quay.io/other/x:1"}},
		{"quay.io/openshift-release-dev/ocp-v4.0-x@" + dgst, []string{
			"mirror.local/ocp/ocp-v4.0-x@" + dgst,
			"backup.local/ocp/ocp-v4.0-x@" + dgst,
			"quay.io/openshift-release-dev/ocp-v4.0-x@" + dgst,
		}},
		{"gcr.io/ns/x:1", []string{"gcr.io/ns/x:1"}},
		{"docker.io/library/busybox", []string{"docker.io/library/busybox"}},
	}
	for _, tt := range tests {
		if got := exacts(set.Locations(mustParse(t, tt.image))); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Locations(%s) = %q, want %q", tt.image, got, tt.want)
		}
	}
	var nilSet *Set
	if got := exacts(nilSet.Locations(mustParse(t, "quay.io/a/b"))); !reflect.DeepEqual(got, []string{"quay.io/a/b"}) {
		t.Errorf("nil Set Locations = %q", got)
	}
}

func TestSetDeterministic(t *testing.T) {
	// Two sources equal once normalised: their mirrors merge in source order.
	in := map[string][]string{"QUAY.io/ns": {"a.example"}, "quay.io/ns": {"b.example"}}
	for i := 0; i < 50; i++ {
		set, err := New(in)
		if err != nil {
			t.Fatal(err)
		}
		got := exacts(set.Locations(mustParse(t, "quay.io/ns/x:1")))
		want := []string{"a.example/x:1", "b.example/x:1", "quay.io/ns/x:1"}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("run %d: %q, want %q", i, got, want)
		}
	}
}

func TestReplacePrefix(t *testing.T) {
	overrides := map[string]string{
		"quay.io/openshift":             "wrong.example",
		"quay.io/openshift-release-dev": "mirror.local/ocp",
		"quay.io":                       "all.example",
		"registry.example.com/app":      "m.example/app",
		" ":                             "ignored",
		"empty.example":                 "",
	}
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"quay.io/openshift-release-dev/ocp-release:4.15", "mirror.local/ocp/ocp-release:4.15", true},
		{"quay.io/openshift/origin:1", "wrong.example/origin:1", true},
		{"quay.io/other@" + dgst, "all.example/other@" + dgst, true},
		{"registry.example.com/app:1", "m.example/app:1", true},
		{"registry.example.com/app@" + dgst, "m.example/app@" + dgst, true},
		{"registry.example.com/apps:1", "registry.example.com/apps:1", false},
		{"quay.iox/a", "quay.iox/a", false},
		{"empty.example/a", "empty.example/a", false},
	}
	for _, tt := range tests {
		got, ok := ReplacePrefix(tt.in, overrides)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ReplacePrefix(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	// Applied once: a mirror that itself matches a source is not rewritten again.
	if got, _ := ReplacePrefix("a.io/x", map[string]string{"a.io": "b.io", "b.io": "c.io"}); got != "b.io/x" {
		t.Errorf("chained rewrite: %q", got)
	}
}

func TestParseLocation(t *testing.T) {
	if got, err := ParseLocation("  quay.io/ns "); err != nil || got != "quay.io/ns" {
		t.Errorf("ParseLocation = %q, %v", got, err)
	}
	for _, bad := range []string{"", "quay.io/ns:tag", "quay.io/", "/ns", "a b"} {
		if _, err := ParseLocation(bad); err == nil {
			t.Errorf("ParseLocation(%q) succeeded", bad)
		}
	}
}

func FuzzRewrite(f *testing.F) {
	f.Add("quay.io/ns/repo:v1", "quay.io", "m.io/x")
	f.Add("ubuntu", "docker.io", "m.io")
	f.Add("localhost:5000/a/b@"+dgst, "localhost:5000/a", "m.io")
	f.Fuzz(func(t *testing.T, image, source, mirror string) {
		ref, err := reference.Parse(image)
		if err != nil {
			return
		}
		out, ok, err := Rewrite(ref, source, mirror)
		if err != nil || !ok {
			return
		}
		if out.Tag != ref.Tag || out.ID != ref.ID {
			t.Fatalf("tag/digest lost: %+v -> %+v", ref, out)
		}
		if _, err := reference.Parse(out.Exact()); err != nil {
			t.Fatalf("result %q does not parse: %v", out.Exact(), err)
		}
	})
}

func TestLocationsOnce(t *testing.T) {
	set, err := New(map[string][]string{"quay.io": {"quay.io", "m.io", "M.io"}})
	if err != nil {
		t.Fatal(err)
	}
	got := exacts(set.Locations(mustParse(t, "quay.io/a/b:1")))
	want := []string{"m.io/a/b:1", "quay.io/a/b:1"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Locations = %q, want %q", got, want)
	}
}
