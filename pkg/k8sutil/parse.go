package k8sutil

import (
	"fmt"
	"strings"

	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/util/validation"
)

// ParseNamespacedName splits "namespace/name" at its first slash into a
// NamespacedName, trimming whitespace around both parts. A string without a
// slash is a name with an empty namespace; everything after the first slash,
// further slashes included, is the name.
func ParseNamespacedName(name string) types.NamespacedName {
	ns, n, found := strings.Cut(name, string(types.Separator))
	if !found {
		return types.NamespacedName{Name: strings.TrimSpace(name)}
	}
	return types.NamespacedName{Namespace: strings.TrimSpace(ns), Name: strings.TrimSpace(n)}
}

// ParseNodeSelector parses a comma-separated list of key=value pairs into a
// map. Whitespace around items, keys and values is trimmed; items that are
// empty, lack "=", or have an empty key or value are skipped; a later
// duplicate key wins. A blank string yields a nil map, any other string a
// non-nil one.
func ParseNodeSelector(str string) map[string]string {
	if strings.TrimSpace(str) == "" {
		return nil
	}
	result := map[string]string{}
	for item := range strings.SplitSeq(str, ",") {
		k, v, ok := strings.Cut(item, "=")
		if !ok {
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if k == "" || v == "" {
			continue
		}
		result[k] = v
	}
	return result
}

// ParseNodeSelectorStrict parses a comma-separated list of key=value pairs
// like ParseNodeSelector but returns an error naming the first bad item: one
// without "=", with a key that is not a valid label key, with a value that is
// not a valid label value (an empty value is rejected too), or repeating a key.
// Empty items (",,", a trailing comma) are skipped; a blank string yields an
// empty, non-nil map.
func ParseNodeSelectorStrict(str string) (map[string]string, error) {
	result := map[string]string{}
	for i, item := range strings.Split(str, ",") {
		if strings.TrimSpace(item) == "" {
			continue
		}
		k, v, ok := strings.Cut(item, "=")
		if !ok {
			return nil, fmt.Errorf("node selector item %d %q: want key=value", i+1, item)
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if errs := validation.IsQualifiedName(k); len(errs) > 0 {
			return nil, fmt.Errorf("node selector item %d %q: invalid key %q: %s", i+1, item, k, strings.Join(errs, "; "))
		}
		if v == "" {
			return nil, fmt.Errorf("node selector item %d %q: empty value for key %q", i+1, item, k)
		}
		if errs := validation.IsValidLabelValue(v); len(errs) > 0 {
			return nil, fmt.Errorf("node selector item %d %q: invalid value %q: %s", i+1, item, v, strings.Join(errs, "; "))
		}
		if _, dup := result[k]; dup {
			return nil, fmt.Errorf("node selector item %d %q: key %q repeats an earlier item", i+1, item, k)
		}
		result[k] = v
	}
	return result, nil
}

// StringListContains reports whether the comma-separated list holds s as one
// of its items, comparing each item with surrounding whitespace trimmed. The
// empty string is never contained.
func StringListContains(list string, s string) bool {
	if s == "" {
		return false
	}
	for item := range strings.SplitSeq(list, ",") {
		if strings.TrimSpace(item) == s {
			return true
		}
	}
	return false
}
