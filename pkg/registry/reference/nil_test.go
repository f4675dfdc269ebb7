package reference

import "testing"

func TestDeepCopyIntoNil(t *testing.T) {
	var nilRef *DockerImageReference
	full := &DockerImageReference{Registry: "quay.io", Name: "app"}
	cases := []struct {
		name    string
		in, out *DockerImageReference
		want    string
	}{
		{"nil receiver", nilRef, &DockerImageReference{}, ""},
		{"nil out", full, nil, ""},
		{"both", full, &DockerImageReference{}, "quay.io/app"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("panicked: %v", r)
				}
			}()
			tc.in.DeepCopyInto(tc.out)
			if tc.out != nil && tc.out.Exact() != tc.want {
				t.Errorf("copy = %q, want %q", tc.out.Exact(), tc.want)
			}
		})
	}
}
