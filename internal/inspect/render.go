package inspect

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"sigs.k8s.io/yaml"
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
		out, err := yaml.Marshal(r)
		if err != nil {
			return err
		}
		_, err = w.Write(out)
		return err
	case Table, "":
		return renderTable(w, r)
	}
	return fmt.Errorf("unknown output format %q", f)
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
