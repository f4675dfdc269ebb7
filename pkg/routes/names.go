package routes

import (
	"errors"
	"fmt"
	"hash/fnv"
	"strings"

	"k8s.io/apimachinery/pkg/util/validation"
)

// routeHostPrefixLength is how many bytes of "<name>-<namespace>" a
// shortened route host keeps before "-<hash>": 53 + 1 + 8 = 62 bytes.
const routeHostPrefixLength = 53

// ErrInvalidLength is returned by [ShortenDNSLabel] for a maximum length that
// leaves no room for a label.
var ErrInvalidLength = errors.New("routes: maximum length must be at least 1")

// ShortenName joins base and suffix with '-' and, when the result is longer
// than maxLength bytes, shortens it the way HyperShift v0.1.40 does (after
// openshift/origin's namer):
//
//   - if maxLength <= 0 the result is "";
//   - if "base-suffix" fits, it is returned as is;
//   - if suffix leaves room for base's hash, the result is
//     base[:maxLength-10-len(suffix)] + "-" + hash(base) + "-" + suffix;
//   - otherwise it is base[:maxLength-9] + "-" + hash("base-suffix"),
//     cut to maxLength bytes.
//
// hash is the 32-bit FNV-1a hash in 8 hex digits. Lengths are in bytes, so a
// multi-byte character may be split; the result is not necessarily a valid
// DNS label (see [ShortenDNSLabel]).
func ShortenName(base, suffix string, maxLength int) string {
	if maxLength <= 0 {
		return ""
	}
	name := base + "-" + suffix
	if len(name) <= maxLength {
		return name
	}
	baseLength := maxLength - 10 - len(suffix) // 10 = len("-") + 8 hex digits + len("-")
	if baseLength < 0 {
		prefix := base[:min(len(base), max(0, maxLength-9))]
		short := prefix + "-" + fnvHex(name)
		return short[:min(maxLength, len(short))]
	}
	return base[:baseLength] + "-" + fnvHex(base) + "-" + suffix
}

// ShortenRouteHostnameIfNeeded returns the host to use for a route named name
// in namespace under baseDomain when the default host's first label,
// "<name>-<namespace>", would be 63 bytes or longer: the first 53 bytes of
// that label, '-', its 8-hex-digit FNV-1a hash, '.', baseDomain. It returns ""
// (use the router's default host) when the label is shorter than 63 bytes or
// baseDomain is empty. This is HyperShift v0.1.40's rule, byte for byte.
func ShortenRouteHostnameIfNeeded(name, namespace string, baseDomain string) string {
	if baseDomain == "" {
		return ""
	}
	label := name + "-" + namespace
	if len(label) < validation.DNS1123LabelMaxLength {
		return ""
	}
	return label[:routeHostPrefixLength] + "-" + fnvHex(label) + "." + baseDomain
}

// ShortenDNSLabel joins base and suffix with '-' into a name that is always a
// valid RFC 1123 DNS label (lower-case letters, digits and '-', starting and
// ending with a letter or digit) no longer than maxLength bytes (and never
// longer than 63). A joined name that already is such a label and fits is
// returned unchanged; any other is rebuilt from the valid characters of base
// and suffix, lower-cased, around the 8-hex-digit FNV-1a hash of the original
// "base-suffix" text, so that distinct inputs stay distinct:
// "<base>-<hash>-<suffix>" when the suffix fits, else "<base-suffix>-<hash>",
// or a prefix of the hash when maxLength is under 10. An empty suffix means
// no suffix (no trailing '-'). It fails only when maxLength < 1.
func ShortenDNSLabel(base, suffix string, maxLength int) (string, error) {
	if maxLength < 1 {
		return "", fmt.Errorf("%w, got %d", ErrInvalidLength, maxLength)
	}
	maxLength = min(maxLength, validation.DNS1123LabelMaxLength)
	joined := base
	if suffix != "" {
		joined = base + "-" + suffix
	}
	if len(joined) <= maxLength && len(validation.IsDNS1123Label(joined)) == 0 {
		return joined, nil
	}
	h := fnvHex(joined)
	if maxLength < len(h)+2 {
		return h[:min(len(h), maxLength)], nil
	}
	b, s := sanitizeLabel(base), sanitizeLabel(suffix)
	if s != "" && len(s)+len(h)+1 <= maxLength {
		room := maxLength - len(s) - len(h) - 2
		if p := cutLabel(b, room); p != "" {
			return p + "-" + h + "-" + s, nil
		}
		return h + "-" + s, nil
	}
	if p := cutLabel(sanitizeLabel(joined), maxLength-len(h)-1); p != "" {
		return p + "-" + h, nil
	}
	return h, nil
}

// sanitizeLabel lower-cases s, replaces every byte that may not appear in a
// DNS label by '-', and trims '-' from both ends.
func sanitizeLabel(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b.WriteByte(c)
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + ('a' - 'A'))
		default:
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

// cutLabel returns the first n bytes of the sanitized s without trailing '-'.
func cutLabel(s string, n int) string {
	if n <= 0 {
		return ""
	}
	return strings.TrimRight(s[:min(len(s), n)], "-")
}

// fnvHex returns the 32-bit FNV-1a hash of s as 8 lowercase hex digits.
func fnvHex(s string) string {
	h := fnv.New32a()
	_, _ = h.Write([]byte(s))
	return fmt.Sprintf("%08x", h.Sum32())
}
