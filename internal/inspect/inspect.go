package inspect

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
	"github.com/hcpkit/hcpkit/pkg/kasutil"
	"github.com/hcpkit/hcpkit/pkg/netutil"
	"github.com/hcpkit/hcpkit/pkg/pause"
)

// The advertise address defaults HyperShift uses when a cluster sets none.
const (
	DefaultAdvertiseIPv4Address = "172.20.0.1"
	DefaultAdvertiseIPv6Address = "fd00::1"
)

// MaxObjects bounds how many HostedClusters, HostedControlPlanes and
// NodePools one run reports, so that memory stays bounded however many
// inputs it is given.
const MaxObjects = 10000

// MaxErrors bounds how many errors one run reports, for the same reason.
const MaxErrors = 1000

// Inspector builds a Report from documents handed to it one input at a
// time. The zero value is not usable; use NewInspector.
type Inspector struct {
	now      time.Time
	report   *Report
	clusters map[string]bool
	capped   bool
}

// NewInspector returns an Inspector that evaluates pausedUntil dates at now.
func NewInspector(now time.Time) *Inspector {
	return &Inspector{
		now:      now,
		report:   &Report{Schema: SchemaVersion, Clusters: []Cluster{}, NodePools: []NodePool{}, Errors: []*DocError{}},
		clusters: map[string]bool{},
	}
}

// Add inspects docs and records errs. It reports false once MaxObjects
// objects are reported, after which it ignores what it is given and a
// caller may stop reading.
func (in *Inspector) Add(docs []Document, errs []*DocError) bool {
	for _, e := range errs {
		if in.capped {
			break
		}
		in.addError(e)
	}
	for _, d := range docs {
		if in.capped {
			break
		}
		in.inspectDoc(d, 0, d.JSON)
	}
	return !in.capped
}

// addError records e, or, at MaxErrors, an error saying that reading stops.
func (in *Inspector) addError(e *DocError) {
	r := in.report
	if len(r.Errors) < MaxErrors {
		r.Errors = append(r.Errors, e)
		return
	}
	in.capped = true
	r.Errors = append(r.Errors, &DocError{Source: e.Source, Index: e.Index, Line: e.Line,
		Message: fmt.Sprintf("more than %d errors: this and later documents are not read", MaxErrors)})
}

// Report returns the report of everything added so far.
func (in *Inspector) Report() *Report {
	for i := range in.report.NodePools {
		np := &in.report.NodePools[i]
		np.ClusterInInput = in.clusters[np.Namespace+"/"+np.ClusterName]
	}
	return in.report
}

// Inspect derives a Report from documents, evaluating pausedUntil dates at
// now. Documents of other kinds are counted as skipped; documents that do not
// decode become errors.
func Inspect(docs []Document, now time.Time) *Report {
	in := NewInspector(now)
	in.Add(docs, nil)
	return in.Report()
}

// full reports whether the report holds MaxObjects objects, recording an
// error the first time.
func (in *Inspector) full(d Document) bool {
	r := in.report
	if len(r.Clusters)+len(r.NodePools) < MaxObjects {
		return false
	}
	if !in.capped {
		in.capped = true
		r.Errors = append(r.Errors, &DocError{Source: d.Source, Index: d.Index, Line: d.Line,
			Message: fmt.Sprintf("more than %d objects: this and later documents are not read", MaxObjects)})
	}
	return true
}

func (in *Inspector) inspectDoc(d Document, item int, raw []byte) {
	if in.capped {
		return
	}
	r, now := in.report, in.now
	fail := func(format string, args ...any) {
		in.addError(&DocError{Source: d.Source, Index: d.Index, Line: d.Line, Item: item, Message: fmt.Sprintf(format, args...)})
	}
	var obj object
	if err := json.Unmarshal(raw, &obj); err != nil {
		fail("not a Kubernetes object: want a mapping with apiVersion and kind")
		return
	}
	origin := Origin{Source: d.Source, Document: d.Index, Line: d.Line, Item: item}
	group := obj.APIVersion
	if i := strings.IndexByte(group, '/'); i >= 0 {
		group = group[:i]
	}
	if item == 0 && (obj.Kind == "List" || (strings.HasSuffix(obj.Kind, "List") && obj.Items != nil)) {
		for i, it := range obj.Items {
			in.inspectDoc(d, i+1, it)
		}
		return
	}
	if group != hyperv1.GroupName {
		r.Skipped++
		return
	}
	switch obj.Kind {
	case "HostedCluster", "HostedControlPlane", "NodePool":
		if in.full(d) {
			return
		}
	}
	switch obj.Kind {
	case "HostedCluster":
		var hc hyperv1.HostedCluster
		if err := json.Unmarshal(raw, &hc); err != nil {
			fail("decoding HostedCluster: %v", trimJSONError(err))
			return
		}
		c := fromHostedCluster(&hc, origin, now)
		key := hc.Namespace + "/" + hc.Name
		if in.clusters[key] {
			c.Warnings = append(c.Warnings, "a HostedCluster of the same namespace and name appears earlier in the input")
		}
		in.clusters[key] = true
		r.Clusters = append(r.Clusters, c)
	case "HostedControlPlane":
		var hcp hyperv1.HostedControlPlane
		if err := json.Unmarshal(raw, &hcp); err != nil {
			fail("decoding HostedControlPlane: %v", trimJSONError(err))
			return
		}
		r.Clusters = append(r.Clusters, fromHostedControlPlane(&hcp, origin, now))
	case "NodePool":
		var np hyperv1.NodePool
		if err := json.Unmarshal(raw, &np); err != nil {
			fail("decoding NodePool: %v", trimJSONError(err))
			return
		}
		r.NodePools = append(r.NodePools, NodePool{
			Namespace:   np.Namespace,
			Name:        np.Name,
			Origin:      origin,
			ClusterName: np.Spec.ClusterName,
			Replicas:    np.Spec.Replicas,
			Pause:       pauseState(np.Spec.PausedUntil, np.Generation, now),
		})
	default:
		r.Skipped++
	}
}

// trimJSONError drops the Go type names encoding/json puts in its messages,
// which mean nothing to someone reading a manifest.
func trimJSONError(err error) string {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "json: ")
	return msg
}

// controlPlaneOf projects a HostedCluster onto the HostedControlPlane that
// HyperShift would create for it, for the derivations that exist only for
// control planes.
func controlPlaneOf(hc *hyperv1.HostedCluster) *hyperv1.HostedControlPlane {
	hcp := &hyperv1.HostedControlPlane{ObjectMeta: *hc.ObjectMeta.DeepCopy()}
	spec := hc.Spec.DeepCopy()
	hcp.Spec.ReleaseImage = spec.Release.Image
	if spec.ControlPlaneRelease != nil {
		img := spec.ControlPlaneRelease.Image
		hcp.Spec.ControlPlaneReleaseImage = &img
	}
	hcp.Spec.Networking = spec.Networking
	hcp.Spec.Services = spec.Services
	hcp.Spec.Platform = spec.Platform
	hcp.Spec.Configuration = spec.Configuration
	hcp.Spec.PausedUntil = spec.PausedUntil
	hcp.Spec.ControllerAvailabilityPolicy = spec.ControllerAvailabilityPolicy
	return hcp
}

func fromHostedCluster(hc *hyperv1.HostedCluster, origin Origin, now time.Time) Cluster {
	hcp := controlPlaneOf(hc)
	c := fromHostedControlPlane(hcp, origin, now)
	c.Kind = "HostedCluster"
	c.Pause = pauseState(hc.Spec.PausedUntil, hc.Generation, now)
	// Where the SDK has a HostedCluster form, use it.
	c.ControlPlaneReleaseImage = kasutil.ControlPlaneReleaseImageHC(hc)
	c.KAS.PodPort = kasutil.PodPortHC(hc)
	c.KAS.LoadBalancer = kasutil.IsLBKASHC(hc)
	c.KAS.LocalZonePort = kasutil.APIPortForLocalZone(c.KAS.LoadBalancer)
	c.KAS.DedicatedDNS = kasutil.UseDedicatedDNSHC(hc)
	c.Visibility.Public = kasutil.IsPublicHC(hc)
	c.Visibility.Private = kasutil.IsPrivateHC(hc)
	c.OAuthEnabled = kasutil.OAuthEnabledHC(hc)
	for i := range c.Services {
		c.Services[i].ExternalDNSHostname = kasutil.ServiceExternalDNSHostnameHC(hc, hyperv1.ServiceType(c.Services[i].Service))
	}
	return c
}

func fromHostedControlPlane(hcp *hyperv1.HostedControlPlane, origin Origin, now time.Time) Cluster {
	spec := &hcp.Spec
	c := Cluster{
		Kind:                     "HostedControlPlane",
		Namespace:                hcp.Namespace,
		Name:                     hcp.Name,
		Origin:                   origin,
		Platform:                 string(spec.Platform.Type),
		ControlPlaneReleaseImage: kasutil.ControlPlaneReleaseImage(hcp),
		OAuthEnabled:             kasutil.OAuthEnabled(hcp),
		Services:                 []Service{},
		Pause:                    pauseState(spec.PausedUntil, hcp.Generation, now),
	}
	if spec.Platform.AWS != nil {
		c.EndpointAccess = string(spec.Platform.AWS.EndpointAccess)
	}
	lb := kasutil.IsLBKAS(hcp)
	c.KAS = KAS{
		PodPort:           kasutil.PodPort(hcp),
		LocalZonePort:     kasutil.APIPortForLocalZone(lb),
		AdvertiseAddress:  kasutil.DefaultedAdvertiseAddress(hcp, DefaultAdvertiseIPv4Address, DefaultAdvertiseIPv6Address),
		AllowedCIDRBlocks: []string{},
		LoadBalancer:      lb,
		Route:             kasutil.IsRouteKAS(hcp),
		DedicatedDNS:      kasutil.UseDedicatedDNS(hcp),
		PublicWithDNS:     kasutil.IsPublicKASWithDNS(hcp),
	}
	for _, b := range kasutil.AllowedCIDRBlocks(hcp) {
		c.KAS.AllowedCIDRBlocks = append(c.KAS.AllowedCIDRBlocks, string(b))
	}
	if s := kasutil.ServicePublishingStrategy(hcp, hyperv1.APIServer); s != nil {
		c.KAS.Publishing = string(s.Type)
	}
	for _, m := range spec.Services {
		c.Services = append(c.Services, Service{
			Service:             string(m.Service),
			Type:                string(m.Type),
			ExternalDNSHostname: kasutil.ServiceExternalDNSHostname(hcp, m.Service),
		})
	}
	c.Visibility = Visibility{
		Public:                 kasutil.IsPublic(hcp),
		Private:                kasutil.IsPrivate(hcp),
		WorkersThroughInternet: kasutil.ConnectsThroughInternet(spec.Platform),
	}
	c.Warnings = warnings(hcp)
	c.Networks = Networks{
		Cluster: networks(netutil.ClusterCIDRs(spec.Networking.ClusterNetwork)),
		Service: networks(netutil.ServiceCIDRs(spec.Networking.ServiceNetwork)),
		Machine: networks(netutil.MachineCIDRs(spec.Networking.MachineNetwork)),
	}
	return c
}

// warnings lists what in hcp looks wrong or is easy to misread.
func warnings(hcp *hyperv1.HostedControlPlane) []string {
	var w []string
	if api := hcp.Spec.Networking.APIServer; api != nil && api.Port != nil && (*api.Port < 1 || *api.Port > 65535) {
		w = append(w, fmt.Sprintf("networking.apiServer.port %d is not a valid port", *api.Port))
	}
	seen := map[hyperv1.ServiceType]bool{}
	for _, m := range hcp.Spec.Services {
		if seen[m.Service] {
			w = append(w, fmt.Sprintf("service %s is listed more than once; the first entry is used", m.Service))
		}
		seen[m.Service] = true
	}
	if t := hcp.Spec.Platform.Type; t != hyperv1.AWSPlatform {
		w = append(w, fmt.Sprintf("platform %s always counts as public (as in support/util v0.1.40): only AWS endpoint access is read", orNone(string(t))))
	}
	return w
}

func networks(cidrs []string) []Network {
	out := make([]Network, 0, len(cidrs))
	for _, cidr := range cidrs {
		n := Network{CIDR: cidr}
		if ip, err := netutil.FirstUsableIP(cidr); err != nil {
			n.Error = err.Error()
		} else {
			n.FirstUsableIP = ip
		}
		out = append(out, n)
	}
	return out
}

// fixedClock is a clock that always reads the same instant.
type fixedClock time.Time

// Now returns the fixed instant.
func (c fixedClock) Now() time.Time { return time.Time(c) }

// Since returns the time elapsed from t to the fixed instant.
func (c fixedClock) Since(t time.Time) time.Duration { return time.Time(c).Sub(t) }

func pauseState(field *string, generation int64, now time.Time) Pause {
	p := Pause{PausedUntil: field}
	paused, after, err := pause.Until(field, now)
	p.Paused = paused
	if err != nil {
		p.Error = err.Error()
	}
	if after > 0 {
		p.RequeueAfter = after.String()
	}
	cond := pause.Condition(field, generation, fixedClock(now))
	p.Condition = condition(cond)
	return p
}

func condition(c metav1.Condition) Condition {
	return Condition{Type: c.Type, Status: string(c.Status), Reason: c.Reason, Message: c.Message}
}
