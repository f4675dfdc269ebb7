package netutil

import (
	"encoding/json"
	"os"
	"testing"
)

// vectorCase is one measured case of HyperShift's support/util v0.1.40.
// Fixed, when present, is hcpkit's expected result for a case that records a
// legacy fault.
type vectorCase struct {
	Name        string          `json:"name"`
	In          json.RawMessage `json:"in"`
	Out         json.RawMessage `json:"out"`
	Fixed       json.RawMessage `json:"fixed"`
	LegacyFault bool            `json:"legacy_fault"`
	Panics      bool            `json:"panics"`
}

// want returns the expected result: Fixed for legacy-fault cases, Out
// otherwise.
func (c vectorCase) want() json.RawMessage {
	if c.LegacyFault || c.Panics {
		return c.Fixed
	}
	return c.Out
}

func loadVectors(t *testing.T, fn string) []vectorCase {
	t.Helper()
	b, err := os.ReadFile("testdata/legacy-v0.1.40.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Cases map[string][]vectorCase `json:"cases"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	cases := doc.Cases[fn]
	if len(cases) == 0 {
		t.Fatalf("no vectors for %s", fn)
	}
	for _, c := range cases {
		if (c.LegacyFault || c.Panics) && len(c.Fixed) == 0 {
			t.Fatalf("%s/%s: legacy fault without a fixed expectation", fn, c.Name)
		}
	}
	return cases
}

func decode(t *testing.T, raw json.RawMessage, v any) {
	t.Helper()
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatalf("decoding %s: %v", raw, err)
	}
}

type ipResult struct {
	IP         string `json:"ip"`
	Err        bool   `json:"err"`
	ErrMessage string `json:"err_message"`
}

type ipv4Result struct {
	IsIPv4     bool   `json:"isIPv4"`
	Err        bool   `json:"err"`
	ErrMessage string `json:"err_message"`
}

type cidrInput struct {
	CIDR string `json:"cidr"`
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestFirstUsableIPVectors(t *testing.T) {
	for _, c := range loadVectors(t, "FirstUsableIP") {
		t.Run(c.Name, func(t *testing.T) {
			var in cidrInput
			var want ipResult
			decode(t, c.In, &in)
			decode(t, c.want(), &want)
			ip, err := FirstUsableIP(in.CIDR)
			got := ipResult{IP: ip, Err: err != nil, ErrMessage: errText(err)}
			if got != want {
				t.Errorf("FirstUsableIP(%q) = %+v, want %+v", in.CIDR, got, want)
			}
		})
	}
}

func TestIsIPv4Vectors(t *testing.T) {
	for _, c := range loadVectors(t, "IsIPv4") {
		t.Run(c.Name, func(t *testing.T) {
			var in cidrInput
			var want ipv4Result
			decode(t, c.In, &in)
			decode(t, c.want(), &want)
			v4, err := IsIPv4(in.CIDR)
			got := ipv4Result{IsIPv4: v4, Err: err != nil, ErrMessage: errText(err)}
			if got != want {
				t.Errorf("IsIPv4(%q) = %+v, want %+v", in.CIDR, got, want)
			}
		})
	}
}
