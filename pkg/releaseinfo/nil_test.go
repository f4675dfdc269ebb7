package releaseinfo

import (
	"context"
	"strings"
	"testing"
)

// TestLookupNilInputs checks that no provider panics on a nil context or a
// nil or unbuilt provider.
func TestLookupNilInputs(t *testing.T) {
	static := &StaticProvider{Releases: map[string]*ReleaseImage{}}
	tests := []struct {
		name    string
		p       Provider
		ctx     context.Context
		wantErr string
	}{
		{"static, nil context", static, nil, `release image "img" is not known`},
		{"nil static", (*StaticProvider)(nil), nil, `release image "img" is not known`},
		{"nil registry provider", (*RegistryProvider)(nil), context.Background(), "not built with NewRegistryProvider"},
		{"unbuilt registry provider", &RegistryProvider{}, nil, "not built with NewRegistryProvider"},
		{"mirrored without delegate", &MirroredProvider{}, nil, "has no delegate"},
		{"mirrored, nil context", &MirroredProvider{Delegate: static}, nil, `release image "img" is not known`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.p.Lookup(tt.ctx, "img", nil)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Lookup() error = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}
