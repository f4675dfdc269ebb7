package k8sutil_test

import (
	"maps"
	"strings"
	"testing"

	"k8s.io/apimachinery/pkg/types"

	"github.com/hcpkit/hcpkit/internal/vectors"
	"github.com/hcpkit/hcpkit/pkg/k8sutil"
)

// vectorFile holds the cases measured on the legacy code.
const vectorFile = "testdata/legacy-vectors.json"

func TestParseNamespacedNameVectors(t *testing.T) {
	// The corrected results of the cases v0.1.40 got wrong, by input.
	fixed := map[string]types.NamespacedName{
		" ns / name ": {Namespace: "ns", Name: "name"},
		"ns/name\n":   {Namespace: "ns", Name: "name"},
	}
	for _, c := range vectors.Load(t, vectorFile, "ParseNamespacedName") {
		t.Run(c.Name, func(t *testing.T) {
			var in struct{ S string }
			var out struct{ Namespace, Name string }
			vectors.Decode(t, c.In, &in)
			vectors.Decode(t, c.Out, &out)
			want := types.NamespacedName{Namespace: out.Namespace, Name: out.Name}
			if c.LegacyFault {
				w, ok := fixed[in.S]
				if !ok {
					t.Fatalf("legacy fault %q has no corrected expectation", c.Fault)
				}
				want = w
			}
			if got := k8sutil.ParseNamespacedName(in.S); got != want {
				t.Errorf("ParseNamespacedName(%q) = %#v, want %#v", in.S, got, want)
			}
		})
	}
}

func TestParseNamespacedNameTrims(t *testing.T) {
	tests := []struct {
		in   string
		want types.NamespacedName
	}{
		{"\tclusters/example ", types.NamespacedName{Namespace: "clusters", Name: "example"}},
		{"  example  ", types.NamespacedName{Name: "example"}},
		{" / ", types.NamespacedName{}},
		{"ns/ a/b ", types.NamespacedName{Namespace: "ns", Name: "a/b"}},
	}
	for _, tt := range tests {
		if got := k8sutil.ParseNamespacedName(tt.in); got != tt.want {
			t.Errorf("ParseNamespacedName(%q) = %#v, want %#v", tt.in, got, tt.want)
		}
	}
}

func TestParseNodeSelectorVectors(t *testing.T) {
	fixed := map[string]map[string]string{
		"role=infra, zone=a": {"role": "infra", "zone": "a"},
		" a = b ":            {"a": "b"},
	}
	for _, c := range vectors.Load(t, vectorFile, "ParseNodeSelector") {
		t.Run(c.Name, func(t *testing.T) {
			var in struct{ S string }
			vectors.Decode(t, c.In, &in)
			var want map[string]string
			vectors.Decode(t, c.Out, &want)
			if c.LegacyFault {
				w, ok := fixed[in.S]
				if !ok {
					t.Fatalf("legacy fault %q has no corrected expectation", c.Fault)
				}
				want = w
			}
			got := k8sutil.ParseNodeSelector(in.S)
			if (got == nil) != (want == nil) || !maps.Equal(got, want) {
				t.Errorf("ParseNodeSelector(%q) = %#v, want %#v", in.S, got, want)
			}
		})
	}
}

func TestParseNodeSelectorWhitespace(t *testing.T) {
	tests := []struct {
		in   string
		want map[string]string
	}{
		{"   ", nil},
		{"\n", nil},
		{"a=b,\t c = d \n", map[string]string{"a": "b", "c": "d"}},
		{" , ,a= ", map[string]string{}},
		{"k=v=w", map[string]string{"k": "v=w"}},
	}
	for _, tt := range tests {
		got := k8sutil.ParseNodeSelector(tt.in)
		if (got == nil) != (tt.want == nil) || !maps.Equal(got, tt.want) {
			t.Errorf("ParseNodeSelector(%q) = %#v, want %#v", tt.in, got, tt.want)
		}
	}
}

func TestParseNodeSelectorStrict(t *testing.T) {
	tests := []struct {
		in      string
		want    map[string]string
		wantErr string
	}{
		{in: "", want: map[string]string{}},
		{in: "role=infra, zone=a,", want: map[string]string{"role": "infra", "zone": "a"}},
		{in: "kubernetes.io/os=linux,,kubernetes.io/arch=amd64", want: map[string]string{"kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64"}},
		{in: "a=b,c", wantErr: `item 2 "c": want key=value`},
		{in: "=b", wantErr: `item 1 "=b": invalid key ""`},
		{in: "a=", wantErr: `item 1 "a=": empty value for key "a"`},
		{in: "a b=c", wantErr: `invalid key "a b"`},
		{in: "a=b c", wantErr: `invalid value "b c"`},
		{in: "a=1,a=2", wantErr: `item 2 "a=2": key "a" repeats an earlier item`},
		{in: "a=b=c", wantErr: `invalid value "b=c"`},
	}
	for _, tt := range tests {
		got, err := k8sutil.ParseNodeSelectorStrict(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseNodeSelectorStrict(%q) error = %v, want one containing %q", tt.in, err, tt.wantErr)
			}
			if got != nil {
				t.Errorf("ParseNodeSelectorStrict(%q) = %#v with an error, want nil", tt.in, got)
			}
			continue
		}
		if err != nil || got == nil || !maps.Equal(got, tt.want) {
			t.Errorf("ParseNodeSelectorStrict(%q) = %#v, %v; want %#v", tt.in, got, err, tt.want)
		}
	}
}

func TestStringListContainsVectors(t *testing.T) {
	for _, c := range vectors.Load(t, vectorFile, "StringListContains") {
		t.Run(c.Name, func(t *testing.T) {
			var in struct{ List, S string }
			var want bool
			vectors.Decode(t, c.In, &in)
			vectors.Decode(t, c.Out, &want)
			if c.LegacyFault {
				// Every fault recorded for this function is an inverted
				// answer: a padded item missed, or "" counted as contained.
				want = !want
			}
			if got := k8sutil.StringListContains(in.List, in.S); got != want {
				t.Errorf("StringListContains(%q, %q) = %v, want %v", in.List, in.S, got, want)
			}
		})
	}
}

func TestStringListContainsEmptyNeverContained(t *testing.T) {
	for _, list := range []string{"", ",", " , ", "a,,b", "\t"} {
		if k8sutil.StringListContains(list, "") {
			t.Errorf("StringListContains(%q, \"\") = true", list)
		}
	}
	if !k8sutil.StringListContains("a,\r\nb\t", "b") {
		t.Error("an item padded with CR/LF/tab was missed")
	}
}

func FuzzParseNamespacedName(f *testing.F) {
	for _, s := range []string{"ns/name", "", "/", "//", " ns / name ", "a/b/c", "ün/ï"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := k8sutil.ParseNamespacedName(s)
		if got.Namespace != strings.TrimSpace(got.Namespace) || got.Name != strings.TrimSpace(got.Name) {
			t.Fatalf("untrimmed result %#v for %q", got, s)
		}
		if strings.Contains(got.Namespace, "/") {
			t.Fatalf("namespace %q holds a slash", got.Namespace)
		}
		if len(got.Namespace)+len(got.Name) > len(s) {
			t.Fatalf("result %#v longer than input %q", got, s)
		}
		if !strings.Contains(s, "/") && got.Namespace != "" {
			t.Fatalf("namespace %q from an input without a slash", got.Namespace)
		}
	})
}

func FuzzParseNodeSelector(f *testing.F) {
	for _, s := range []string{"", "a=b", "role=infra, zone=a", "a=,=b", ",,", "a=b=c", "kubernetes.io/os=linux", " a = b "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := k8sutil.ParseNodeSelector(s)
		for k, v := range got {
			if k == "" || v == "" || k != strings.TrimSpace(k) || v != strings.TrimSpace(v) {
				t.Fatalf("bad entry %q=%q from %q", k, v, s)
			}
			if strings.ContainsAny(k, ",=") || strings.Contains(v, ",") {
				t.Fatalf("entry %q=%q spans items of %q", k, v, s)
			}
		}
		strict, err := k8sutil.ParseNodeSelectorStrict(s)
		if err != nil {
			if strict != nil {
				t.Fatalf("strict result %#v with error %v", strict, err)
			}
			return
		}
		// Whatever the strict parser accepts, the lenient one reads the same.
		if len(strict) > 0 && !maps.Equal(strict, got) {
			t.Fatalf("strict %#v != lenient %#v for %q", strict, got, s)
		}
	})
}

func FuzzStringListContains(f *testing.F) {
	f.Add("a,b,c", "b")
	f.Add("", "")
	f.Add("a,\tb", "b")
	f.Fuzz(func(t *testing.T, list, s string) {
		got := k8sutil.StringListContains(list, s)
		if s == "" && got {
			t.Fatal("the empty string was contained")
		}
		if got && !strings.Contains(list, s) {
			t.Fatalf("%q reported in %q", s, list)
		}
	})
}
