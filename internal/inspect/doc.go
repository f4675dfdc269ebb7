// Package inspect is the engine behind cmd/hcpinspect: it reads HyperShift
// manifests (files, directories or standard input; multi-document YAML or
// JSON; List kinds), derives from each HostedCluster, HostedControlPlane and
// NodePool what hcpkit's packages compute, and renders the result as a
// table, JSON or YAML.
//
// It is internal: the JSON and YAML schema it emits is documented in
// docs/hcpinspect.md and is the stable interface for scripts.
package inspect
