package registry

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/hcpkit/hcpkit/internal/vectors"
	"github.com/hcpkit/hcpkit/pkg/registry/reference"
)

// vectorFile holds the cases measured on the legacy code; each legacy fault
// carries hcpkit's corrected answer.
const vectorFile = "testdata/flag-vectors.json"

func TestConvertRegistryOverridesToCommandLineFlagVectors(t *testing.T) {
	for _, c := range vectors.Load(t, vectorFile, "ConvertRegistryOverridesToCommandLineFlag", vectors.RequireFixed()) {
		t.Run(c.Name, func(t *testing.T) {
			var in struct {
				Map map[string]string `json:"map"`
			}
			var want string
			vectors.Decode(t, c.In, &in)
			vectors.Decode(t, c.Want(), &want)
			if got := ConvertRegistryOverridesToCommandLineFlag(in.Map); got != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

func TestConvertOpenShiftImageRegistryOverridesToCommandLineFlagVectors(t *testing.T) {
	for _, c := range vectors.Load(t, vectorFile, "ConvertOpenShiftImageRegistryOverridesToCommandLineFlag", vectors.RequireFixed()) {
		t.Run(c.Name, func(t *testing.T) {
			var in struct {
				Map map[string][]string `json:"map"`
			}
			var want string
			vectors.Decode(t, c.In, &in)
			vectors.Decode(t, c.Want(), &want)
			if got := ConvertOpenShiftImageRegistryOverridesToCommandLineFlag(in.Map); got != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

func TestConvertImageRegistryOverrideStringToMapVectors(t *testing.T) {
	for _, c := range vectors.Load(t, vectorFile, "ConvertImageRegistryOverrideStringToMap", vectors.RequireFixed()) {
		t.Run(c.Name, func(t *testing.T) {
			var in struct {
				S string `json:"s"`
			}
			var want map[string][]string
			vectors.Decode(t, c.In, &in)
			vectors.Decode(t, c.Want(), &want)
			got := ConvertImageRegistryOverrideStringToMap(in.S)
			if !reflect.DeepEqual(got, want) || (got == nil) != (want == nil) {
				t.Errorf("got %#v, want %#v", got, want)
			}
		})
	}
}

func TestFlagRoundTrip(t *testing.T) {
	in := map[string][]string{
		"quay.io/openshift-release-dev": {"mirror.local/ocp", "backup.local/ocp"},
		"registry.redhat.io":            {"mirror.local/rh"},
		" padded.io ":                   {" m.local "},
	}
	got := ConvertImageRegistryOverrideStringToMap(ConvertOpenShiftImageRegistryOverridesToCommandLineFlag(in))
	want := map[string][]string{
		"quay.io/openshift-release-dev": {"mirror.local/ocp", "backup.local/ocp"},
		"registry.redhat.io":            {"mirror.local/rh"},
		"padded.io":                     {"m.local"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("round trip = %v, want %v", got, want)
	}
}

func TestParseOverrideString(t *testing.T) {
	if _, err := ParseOverrideString("a=b,broken,c=d"); err == nil || !strings.Contains(err.Error(), `"broken"`) {
		t.Errorf("error does not name the bad item: %v", err)
	}
	if m, err := ParseOverrideString(" a = b ,\tc=d\t"); err != nil || !reflect.DeepEqual(m, map[string][]string{"a": {"b"}, "c": {"d"}}) {
		t.Errorf("got %v, %v", m, err)
	}
	if m, err := ParseOverrideString(" = "); err != nil || m != nil {
		t.Errorf("got %v, %v for the empty flag", m, err)
	}
}

func FuzzOverrideString(f *testing.F) {
	for _, s := range []string{"", "=", "quay.io=m1,quay.io=m2", "a=b=c", " a = b ,,", "=,=", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m := ConvertImageRegistryOverrideStringToMap(s)
		for k, vs := range m {
			if k == "" || k != strings.TrimSpace(k) {
				t.Fatalf("bad key %q from %q", k, s)
			}
			for _, v := range vs {
				if v == "" || v != strings.TrimSpace(v) {
					t.Fatalf("bad mirror %q from %q", v, s)
				}
			}
		}
		// What the flag form renders reads back to itself.
		flag := ConvertOpenShiftImageRegistryOverridesToCommandLineFlag(m)
		again := ConvertImageRegistryOverrideStringToMap(flag)
		if ConvertOpenShiftImageRegistryOverridesToCommandLineFlag(again) != flag {
			t.Fatalf("flag %q of %q does not read back", flag, s)
		}
	})
}

func TestGetRegistryOverrides(t *testing.T) {
	ctx := context.Background()
	ref, _ := reference.Parse("quay.io/ns/repo:v1")
	tests := []struct {
		source, mirror string
		want           string
		ok, err        bool
	}{
		{"quay.io/ns/repo", "mirror.example/ns/repo", "mirror.example/ns/repo:v1", true, false},
		{"quay.io/ns", "mirror.example/m", "mirror.example/m/repo:v1", true, false},
		{"quay.io", "mirror.example", "mirror.example/ns/repo:v1", true, false},
		{"registry.example.com/ns/repo", "mirror.example/ns/repo", "quay.io/ns/repo:v1", false, false},
		{"quay.io/n", "mirror.example", "quay.io/ns/repo:v1", false, false},
		{"", "mirror.example", "", false, true},
		{"quay.io", "", "", false, true},
		{"quay.io", "Bad Mirror", "", false, true},
	}
	for _, tt := range tests {
		got, ok, err := GetRegistryOverrides(ctx, ref, tt.source, tt.mirror)
		if (err != nil) != tt.err || ok != tt.ok {
			t.Errorf("(%q, %q): ok=%v err=%v", tt.source, tt.mirror, ok, err)
			continue
		}
		if err == nil && got.Exact() != tt.want {
			t.Errorf("(%q, %q) = %q, want %q", tt.source, tt.mirror, got.Exact(), tt.want)
		}
	}
}
