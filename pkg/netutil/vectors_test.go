package netutil

import (
	"testing"

	"github.com/hcpkit/hcpkit/internal/vectors"
)

// vectorFile holds the cases measured on HyperShift support/util v0.1.40; each
// legacy fault carries its fixed expectation.
const vectorFile = "testdata/legacy-v0.1.40.json"

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
	for _, c := range vectors.Load(t, vectorFile, "FirstUsableIP", vectors.RequireFixed()) {
		t.Run(c.Name, func(t *testing.T) {
			var in cidrInput
			var want ipResult
			vectors.Decode(t, c.In, &in)
			vectors.Decode(t, c.Want(), &want)
			ip, err := FirstUsableIP(in.CIDR)
			got := ipResult{IP: ip, Err: err != nil, ErrMessage: errText(err)}
			if got != want {
				t.Errorf("FirstUsableIP(%q) = %+v, want %+v", in.CIDR, got, want)
			}
		})
	}
}

func TestIsIPv4Vectors(t *testing.T) {
	for _, c := range vectors.Load(t, vectorFile, "IsIPv4", vectors.RequireFixed()) {
		t.Run(c.Name, func(t *testing.T) {
			var in cidrInput
			var want ipv4Result
			vectors.Decode(t, c.In, &in)
			vectors.Decode(t, c.Want(), &want)
			v4, err := IsIPv4(in.CIDR)
			got := ipv4Result{IsIPv4: v4, Err: err != nil, ErrMessage: errText(err)}
			if got != want {
				t.Errorf("IsIPv4(%q) = %+v, want %+v", in.CIDR, got, want)
			}
		})
	}
}
