package reference

import (
	"strings"
	"testing"
)

const testDigest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want DockerImageReference
	}{
		{"ubuntu", DockerImageReference{Name: "ubuntu"}},
		{"ubuntu:22.04", DockerImageReference{Name: "ubuntu", Tag: "22.04"}},
		{"library/ubuntu", DockerImageReference{Namespace: "library", Name: "ubuntu"}},
		{"docker.io/ubuntu", DockerImageReference{Registry: "docker.io", Name: "ubuntu"}},
		{"localhost/app", DockerImageReference{Registry: "localhost", Name: "app"}},
		{"localhost:5000/app:v1", DockerImageReference{Registry: "localhost:5000", Name: "app", Tag: "v1"}},
		{"quay.io/openshift-release-dev/ocp-release:4.15.0-x86_64",
			DockerImageReference{Registry: "quay.io", Namespace: "openshift-release-dev", Name: "ocp-release", Tag: "4.15.0-x86_64"}},
		{"quay.io/ns/repo@" + testDigest,
			DockerImageReference{Registry: "quay.io", Namespace: "ns", Name: "repo", ID: testDigest}},
		{"quay.io/ns/repo:v1@" + testDigest,
			DockerImageReference{Registry: "quay.io", Namespace: "ns", Name: "repo", Tag: "v1", ID: testDigest}},
		{"registry.example.com:8443/a/b/c:t",
			DockerImageReference{Registry: "registry.example.com:8443", Namespace: "a", Name: "b/c", Tag: "t"}},
		{"Registry.Example.COM/a/b", DockerImageReference{Registry: "Registry.Example.COM", Namespace: "a", Name: "b"}},
		{"[fd00::1]:5000/ns/app", DockerImageReference{Registry: "[fd00::1]:5000", Namespace: "ns", Name: "app"}},
		{"foo/bar/baz", DockerImageReference{Namespace: "foo", Name: "bar/baz"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Fatalf("Parse(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
			if got.Exact() != tt.in {
				t.Errorf("Exact() = %q, want %q", got.Exact(), tt.in)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{"", " ", "upper/Case", "quay.io/UP", "a:b:c", "repo@sha256:short", ":tag", "@" + testDigest, "quay.io/", strings.Repeat("a", 300)} {
		if ref, err := Parse(in); err == nil {
			t.Errorf("Parse(%q) = %+v, want an error", in, ref)
		}
	}
}

func TestMethods(t *testing.T) {
	hub := DockerImageReference{Registry: "docker.io", Name: "ubuntu"}
	if got := hub.String(); got != "docker.io/library/ubuntu" {
		t.Errorf("String() = %q", got)
	}
	if got := hub.Exact(); got != "docker.io/ubuntu" {
		t.Errorf("Exact() = %q", got)
	}
	bare := DockerImageReference{Name: "ubuntu"}
	if got := bare.String(); got != "ubuntu" {
		t.Errorf("String() of bare = %q", got)
	}
	if got := bare.DockerClientDefaults(); got != (DockerImageReference{Registry: "docker.io", Namespace: "library", Name: "ubuntu", Tag: "latest"}) {
		t.Errorf("DockerClientDefaults() = %+v", got)
	}
	if !bare.Equal(DockerImageReference{Registry: "docker.io", Namespace: "library", Name: "ubuntu", Tag: "latest"}) {
		t.Error("Equal: bare name and its defaulted form differ")
	}
	if bare.Equal(DockerImageReference{Registry: "quay.io", Name: "ubuntu"}) {
		t.Error("Equal: different registries compare equal")
	}
	full := DockerImageReference{Registry: "quay.io", Namespace: "ns", Name: "repo", Tag: "v1", ID: testDigest}
	if got := full.RepositoryName(); got != "ns/repo" {
		t.Errorf("RepositoryName() = %q", got)
	}
	if got := full.AsRepository(); got != (DockerImageReference{Registry: "quay.io", Namespace: "ns", Name: "repo"}) {
		t.Errorf("AsRepository() = %+v", got)
	}
	if got := full.NameString(); got != "repo:v1@"+testDigest {
		t.Errorf("NameString() = %q", got)
	}
	if got := full.MostSpecific(); got.Tag != "" || got.ID != testDigest {
		t.Errorf("MostSpecific() = %+v", got)
	}
	if got := (DockerImageReference{Name: "a", ID: "v2"}).MostSpecific(); got.Tag != "v2" || got.ID != "" {
		t.Errorf("MostSpecific() with a non-digest ID = %+v", got)
	}
	if got := (DockerImageReference{Name: "a", Tag: "t", ID: "v2"}).MostSpecific(); got.Tag != "t" || got.ID != "v2" {
		t.Errorf("MostSpecific() with tag and non-digest ID = %+v", got)
	}
	if got := (DockerImageReference{}).Exact(); got != "" {
		t.Errorf("Exact() of empty = %q", got)
	}
	if got := (DockerImageReference{Name: "a", Tag: "latest"}).Minimal().Tag; got != "" {
		t.Errorf("Minimal() kept tag %q", got)
	}
	dm := DockerImageReference{Registry: "registry-1.docker.io", Namespace: "library", Name: "busybox", Tag: "latest"}.DaemonMinimal()
	if dm != (DockerImageReference{Registry: "docker.io", Name: "busybox"}) {
		t.Errorf("DaemonMinimal() = %+v", dm)
	}
	for reg, want := range map[string]string{"docker.io": "registry-1.docker.io", "index.docker.io": "registry-1.docker.io", "quay.io": "quay.io"} {
		if got := (DockerImageReference{Registry: reg, Name: "x"}).AsV2().Registry; got != want {
			t.Errorf("AsV2(%s) = %q, want %q", reg, got, want)
		}
	}
	if u := (DockerImageReference{Registry: "docker.io", Name: "x"}).RegistryURL(); u.String() != "https://registry-1.docker.io" {
		t.Errorf("RegistryURL() = %s", u)
	}
	hostPorts := []struct {
		reg      string
		insecure bool
		h, p     string
	}{
		{"quay.io", false, "quay.io", "443"},
		{"quay.io", true, "quay.io", "80"},
		{"localhost:5000", false, "localhost", "5000"},
		{"[fd00::1]:5000", false, "fd00::1", "5000"},
	}
	for _, hp := range hostPorts {
		h, p := DockerImageReference{Registry: hp.reg, Name: "x"}.RegistryHostPort(hp.insecure)
		if h != hp.h || p != hp.p {
			t.Errorf("RegistryHostPort(%s, %v) = %s, %s", hp.reg, hp.insecure, h, p)
		}
	}
	if err := full.Validate(); err != nil {
		t.Errorf("Validate(): %v", err)
	}
	if err := (DockerImageReference{Name: "UP"}).Validate(); err == nil {
		t.Error("Validate() accepted an upper-case name")
	}
}

func TestDeepCopy(t *testing.T) {
	var nilRef *DockerImageReference
	if nilRef.DeepCopy() != nil {
		t.Fatal("DeepCopy of nil is not nil")
	}
	in := &DockerImageReference{Registry: "r.io", Name: "n", Tag: "t"}
	out := in.DeepCopy()
	out.Tag = "changed"
	if in.Tag != "t" {
		t.Fatal("DeepCopy shares state")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"ubuntu", "docker.io/ubuntu:1", "quay.io/a/b/c@" + testDigest, "localhost:5000/x:y", "Registry.Example.COM/a", "", "::"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ref, err := Parse(s)
		if err != nil {
			return
		}
		again, err := Parse(ref.String())
		if err != nil {
			t.Fatalf("Parse(%q).String() = %q does not parse: %v", s, ref.String(), err)
		}
		if again.String() != ref.String() || !again.Equal(ref) {
			t.Fatalf("round trip of %q: %+v then %+v", s, ref, again)
		}
		if exact, err := Parse(ref.Exact()); err != nil || exact != ref {
			t.Fatalf("Parse(Exact()) of %q = %+v, %v; want %+v", s, exact, err, ref)
		}
	})
}
