package dockerv1client

import "testing"

func TestDeepCopyIntoNil(t *testing.T) {
	var nilConfig *DockerImageConfig
	filled := &DockerImageConfig{OSFeatures: []string{"f"}}
	cases := []struct {
		name     string
		in, out  *DockerImageConfig
		wantFeat []string
	}{
		{"nil receiver", nilConfig, &DockerImageConfig{}, nil},
		{"nil out", filled, nil, nil},
		{"both", filled, &DockerImageConfig{}, []string{"f"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("panicked: %v", r)
				}
			}()
			tc.in.DeepCopyInto(tc.out)
			if tc.out != nil && len(tc.out.OSFeatures) != len(tc.wantFeat) {
				t.Errorf("OSFeatures = %v, want %v", tc.out.OSFeatures, tc.wantFeat)
			}
		})
	}
}
