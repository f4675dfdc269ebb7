package dockerv1client

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"
	"time"
)

func load(t *testing.T, name string) *DockerImageConfig {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func TestParseAndLabels(t *testing.T) {
	tests := []struct {
		file   string
		labels map[string]string
		arch   string
	}{
		{"config-labels.json", map[string]string{"io.openshift.release.operator": "true", "vendor": "Example"}, "amd64"},
		{"config-container-config.json", map[string]string{"old": "builder"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			cfg := load(t, tt.file)
			if got := cfg.Labels(); !reflect.DeepEqual(got, tt.labels) {
				t.Errorf("Labels() = %v, want %v", got, tt.labels)
			}
			if cfg.Architecture != tt.arch {
				t.Errorf("Architecture = %q, want %q", cfg.Architecture, tt.arch)
			}
		})
	}
	cfg := load(t, "config-labels.json")
	if want := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC); !cfg.Created.Equal(want) {
		t.Errorf("Created = %v", cfg.Created)
	}
	if cfg.RootFS == nil || len(cfg.RootFS.DiffIDs) != 1 || cfg.History[0].CreatedBy != "COPY . /" {
		t.Errorf("rootfs/history not decoded: %+v %+v", cfg.RootFS, cfg.History)
	}
}

func TestRoundTrip(t *testing.T) {
	cfg := load(t, "config-labels.json")
	data, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cfg, again) {
		t.Fatalf("round trip differs:\n%+v\n%+v", cfg, again)
	}
}

func TestParseError(t *testing.T) {
	for _, in := range []string{"", "{", `{"created": "yesterday"}`, `[]`} {
		if _, err := Parse([]byte(in)); err == nil {
			t.Errorf("Parse(%q) succeeded", in)
		}
	}
}

func TestNilAndDeepCopy(t *testing.T) {
	var nilCfg *DockerImageConfig
	if nilCfg.Labels() != nil || nilCfg.DeepCopy() != nil {
		t.Fatal("nil receiver")
	}
	cfg := load(t, "config-labels.json")
	cp := cfg.DeepCopy()
	if !reflect.DeepEqual(cfg, cp) {
		t.Fatal("copy differs")
	}
	cp.Config.Labels["vendor"] = "changed"
	cp.RootFS.DiffIDs[0] = "x"
	cp.History[0].Author = "x"
	cp.OSFeatures[0] = "x"
	cp.ContainerConfig.Labels["stale"] = "x"
	if cfg.Config.Labels["vendor"] != "Example" || cfg.RootFS.DiffIDs[0] == "x" || cfg.History[0].Author == "x" || cfg.OSFeatures[0] == "x" || cfg.ContainerConfig.Labels["stale"] != "yes" {
		t.Fatal("DeepCopy shares memory with the original")
	}
}
