package registry

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/go-logr/logr"

	"github.com/hcpkit/hcpkit/pkg/registry/mirror"
	"github.com/hcpkit/hcpkit/pkg/registry/reference"
)

// emptyFlag is what the flag forms hold for "no overrides": the empty value
// of a string-to-string command line flag.
const emptyFlag = "="

// validFlagKey reports whether a trimmed source can be written into a flag
// string and read back: it is not empty and holds no "," or "=".
func validFlagKey(k string) bool {
	return k != "" && !strings.ContainsAny(k, ",=")
}

// validFlagValue reports whether a trimmed mirror can be written into a
// flag string and read back: it is not empty and holds no ",".
func validFlagValue(v string) bool {
	return v != "" && !strings.Contains(v, ",")
}

// ConvertRegistryOverridesToCommandLineFlag renders source -> mirror
// overrides as "source=mirror" items joined by ",", sorted on the item text,
// or "=" when there are none. Keys and values are trimmed of white space;
// entries that would not read back (empty, or holding "," or "=" in the
// source, or "," in the mirror) are left out.
func ConvertRegistryOverridesToCommandLineFlag(registryOverrides map[string]string) string {
	items := make([]string, 0, len(registryOverrides))
	for k, v := range registryOverrides {
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !validFlagKey(k) || !validFlagValue(v) {
			continue
		}
		items = append(items, k+"="+v)
	}
	if len(items) == 0 {
		return emptyFlag
	}
	sort.Strings(items)
	return strings.Join(items, ",")
}

// ConvertOpenShiftImageRegistryOverridesToCommandLineFlag renders source ->
// mirrors overrides as "source=mirror" items joined by ",": sources in byte
// order, each source's mirrors in their listed order, or "=" when there are
// none. Keys and values are trimmed; entries that would not read back are
// left out.
func ConvertOpenShiftImageRegistryOverridesToCommandLineFlag(registryOverrides map[string][]string) string {
	type source struct{ trimmed, raw string }
	sources := make([]source, 0, len(registryOverrides))
	for k := range registryOverrides {
		if t := strings.TrimSpace(k); validFlagKey(t) {
			sources = append(sources, source{t, k})
		}
	}
	sort.Slice(sources, func(i, j int) bool {
		if sources[i].trimmed != sources[j].trimmed {
			return sources[i].trimmed < sources[j].trimmed
		}
		return sources[i].raw < sources[j].raw
	})
	var b strings.Builder
	for _, s := range sources {
		for _, m := range registryOverrides[s.raw] {
			m = strings.TrimSpace(m)
			if !validFlagValue(m) {
				continue
			}
			if b.Len() > 0 {
				b.WriteByte(',')
			}
			b.WriteString(s.trimmed)
			b.WriteByte('=')
			b.WriteString(m)
		}
	}
	if b.Len() == 0 {
		return emptyFlag
	}
	return b.String()
}

// ConvertImageRegistryOverrideStringToMap reads a flag string of
// "source=mirror" items separated by "," back into source -> mirrors, with
// mirrors in order of appearance. It returns nil for "" and "=". Items and
// their parts are trimmed of white space; items without "=" or with an empty
// source or mirror are skipped.
func ConvertImageRegistryOverrideStringToMap(envVar string) map[string][]string {
	out, _ := parseOverrideString(envVar)
	return out
}

// ParseOverrideString is the strict form of
// ConvertImageRegistryOverrideStringToMap: it returns an error naming the
// first item that is not "source=mirror" with both parts non-empty.
func ParseOverrideString(s string) (map[string][]string, error) {
	return parseOverrideString(s)
}

func parseOverrideString(s string) (map[string][]string, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == emptyFlag {
		return nil, nil
	}
	out := map[string][]string{}
	var firstErr error
	for i, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		k, v, found := strings.Cut(item, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !found || k == "" || v == "" {
			if firstErr == nil {
				firstErr = fmt.Errorf("registry override item %d %q is not source=mirror", i+1, item)
			}
			continue
		}
		out[k] = append(out[k], v)
	}
	return out, firstErr
}

// GetRegistryOverrides applies one override to ref: when ref lies under
// source (by whole path components, host included) it returns ref moved
// under mirror with its tag and digest, and true; otherwise ref and false.
// It returns an error when source or mirror is not "host[/path]" or the
// rewritten reference is invalid. A nil ctx is treated as
// context.Background().
func GetRegistryOverrides(ctx context.Context, ref reference.DockerImageReference, source string, mirrorLocation string) (*reference.DockerImageReference, bool, error) {
	ctx = orBackground(ctx)
	out, ok, err := mirror.Rewrite(ref, source, mirrorLocation)
	if err != nil {
		return nil, false, err
	}
	if ok {
		logr.FromContextOrDiscard(ctx).V(4).Info("registry override applies", "image", ref.Exact(), "source", source, "mirror", out.Exact())
	}
	return &out, ok, nil
}
