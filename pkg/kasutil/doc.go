// Package kasutil answers the questions controllers ask about a hosted
// cluster's kube-apiserver (KAS) and published services: which port the KAS
// binds in its pod, which address it advertises, how each service is
// published, whether the cluster is public or private, whether a service has
// a dedicated external DNS name, whether the integrated OAuth server runs, and
// which release image the control plane uses.
//
// Every function takes a *HostedControlPlane or, in its HC form, a
// *HostedCluster, and none panics: a nil object answers as an object with an
// empty spec would (port 6443, public, not private, OAuth enabled, no
// publishing strategy, the IPv4 default address).
//
// Visibility follows the API default: an AWS cluster with no aws block, or an
// empty endpointAccess, is Public, and every function of this package agrees
// on that. Compared with HyperShift's support/util v0.1.40 this changes the
// answer for such clusters; docs/compat.md lists every difference. The KAS
// ports stay exactly as v0.1.40 computes them.
package kasutil
