package inspect

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"go.yaml.in/yaml/v3"
)

// Format is an output format of Render.
type Format string

// The output formats.
const (
	Table Format = "table"
	JSON  Format = "json"
	YAML  Format = "yaml"
)

// ParseFormat returns the Format named s, or an error listing the valid ones.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(s)); f {
	case Table, JSON, YAML:
		return f, nil
	}
	return "", fmt.Errorf("unknown output format %q: want table, json or yaml", s)
}

// Render writes r to w in format f.
func Render(w io.Writer, r *Report, f Format) error {
	switch f {
	case JSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	case YAML:
		return renderYAML(w, r)
	case Table, "":
		return renderTable(w, r)
	}
	return fmt.Errorf("unknown output format %q", f)
}

// renderYAML writes r as YAML with its keys in the order of the JSON schema
// (a plain YAML marshal would sort them). Each value is turned into YAML
// nodes from its JSON text, since nodes keep their order, and list items are
// written one at a time so that memory does not grow with the report.
func renderYAML(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	scalar := func(key string, v any) error {
		out, err := yamlOf(map[string]any{key: v})
		if err != nil {
			return err
		}
		_, err = bw.Write(out)
		return err
	}
	list := func(key string, n int, item func(i int) any) error {
		if n == 0 {
			return scalar(key, []any{})
		}
		fmt.Fprintf(bw, "%s:\n", key)
		for i := 0; i < n; i++ {
			out, err := yamlOf([]any{item(i)})
			if err != nil {
				return err
			}
			for _, line := range bytes.SplitAfter(out, []byte("\n")) {
				if len(line) > 0 {
					bw.WriteString("  ")
					bw.Write(line)
				}
			}
		}
		return nil
	}
	steps := []func() error{
		func() error { return scalar("schema", r.Schema) },
		func() error { return list("clusters", len(r.Clusters), func(i int) any { return r.Clusters[i] }) },
		func() error { return list("nodePools", len(r.NodePools), func(i int) any { return r.NodePools[i] }) },
		func() error { return scalar("skipped", r.Skipped) },
		func() error { return list("errors", len(r.Errors), func(i int) any { return r.Errors[i] }) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// yamlOf returns v as block-style YAML, its keys in the order of its JSON.
func yamlOf(v any) ([]byte, error) {
	js, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(js, &doc); err != nil {
		return nil, err
	}
	blockStyle(&doc)
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// blockStyle clears the flow and quoting styles that JSON text gives nodes;
// the encoder then quotes only the strings that need it.
func blockStyle(n *yaml.Node) {
	n.Style = 0
	for _, c := range n.Content {
		blockStyle(c)
	}
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func (o Origin) String() string {
	s := fmt.Sprintf("%s, document %d, line %d", o.Source, o.Document, o.Line)
	if o.Item > 0 {
		s += fmt.Sprintf(", item %d", o.Item)
	}
	return s
}

func renderTable(w io.Writer, r *Report) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	row := func(k, format string, args ...any) {
		fmt.Fprintf(tw, "  %s\t%s\n", k, fmt.Sprintf(format, args...))
	}
	for i, c := range r.Clusters {
		if i > 0 {
			fmt.Fprintln(tw)
		}
		fmt.Fprintf(tw, "%s %s/%s  (%s)\n", c.Kind, c.Namespace, c.Name, c.Origin)
		platform := orNone(c.Platform)
		if c.EndpointAccess != "" {
			platform += ", endpoint access " + c.EndpointAccess
		}
		row("Platform", "%s", platform)
		row("Control plane release image", "%s", orNone(c.ControlPlaneReleaseImage))
		row("Public / private", "%s / %s", yesNo(c.Visibility.Public), yesNo(c.Visibility.Private))
		row("Workers reach CP through internet", "%s", yesNo(c.Visibility.WorkersThroughInternet))
		row("KAS publishing", "%s (load balancer: %s, route: %s)", orNone(c.KAS.Publishing), yesNo(c.KAS.LoadBalancer), yesNo(c.KAS.Route))
		row("KAS pod port", "%d", c.KAS.PodPort)
		row("KAS port for local zone", "%d", c.KAS.LocalZonePort)
		row("KAS advertise address", "%s", orNone(c.KAS.AdvertiseAddress))
		row("KAS dedicated DNS", "%s (public with DNS: %s)", yesNo(c.KAS.DedicatedDNS), yesNo(c.KAS.PublicWithDNS))
		allowed := strings.Join(c.KAS.AllowedCIDRBlocks, ", ")
		if allowed == "" {
			allowed = "(any)"
		}
		row("KAS allowed CIDR blocks", "%s", allowed)
		row("OAuth enabled", "%s", yesNo(c.OAuthEnabled))
		for _, s := range c.Services {
			v := orNone(s.Type)
			if s.ExternalDNSHostname != "" {
				v += ", external DNS " + s.ExternalDNSHostname
			}
			row("Service "+s.Service, "%s", v)
		}
		for _, n := range []struct {
			name string
			nets []Network
		}{{"Cluster network", c.Networks.Cluster}, {"Service network", c.Networks.Service}, {"Machine network", c.Networks.Machine}} {
			if len(n.nets) == 0 {
				row(n.name, "(none)")
			}
			for _, net := range n.nets {
				if net.Error != "" {
					row(n.name, "%s (first usable IP: %s)", net.CIDR, net.Error)
				} else {
					row(n.name, "%s (first usable IP %s)", net.CIDR, net.FirstUsableIP)
				}
			}
		}
		writePause(row, c.Pause)
		for _, w := range c.Warnings {
			row("Warning", "%s", w)
		}
	}
	for i, np := range r.NodePools {
		if i > 0 || len(r.Clusters) > 0 {
			fmt.Fprintln(tw)
		}
		fmt.Fprintf(tw, "NodePool %s/%s  (%s)\n", np.Namespace, np.Name, np.Origin)
		in := "not in the input"
		if np.ClusterInInput {
			in = "in the input"
		}
		row("Cluster", "%s (%s)", orNone(np.ClusterName), in)
		if np.Replicas != nil {
			row("Replicas", "%d", *np.Replicas)
		} else {
			row("Replicas", "(unset)")
		}
		writePause(row, np.Pause)
	}
	if len(r.Clusters)+len(r.NodePools) == 0 {
		fmt.Fprintln(tw, "No HostedCluster, HostedControlPlane or NodePool found.")
	}
	if r.Skipped > 0 {
		fmt.Fprintf(tw, "\n%d document(s) of other kinds skipped.\n", r.Skipped)
	}
	return tw.Flush()
}

func writePause(row func(k, format string, args ...any), p Pause) {
	v := "unset"
	if p.PausedUntil != nil {
		v = fmt.Sprintf("%q", *p.PausedUntil)
	}
	state := "not paused"
	if p.Paused {
		state = "paused"
		if p.RequeueAfter != "" {
			state += " for " + p.RequeueAfter
		}
	}
	if p.Error != "" {
		state += "; " + p.Error
	}
	row("Paused until", "%s: %s", v, state)
	row("ReconciliationActive", "%s (%s: %s)", p.Condition.Status, p.Condition.Reason, p.Condition.Message)
}
