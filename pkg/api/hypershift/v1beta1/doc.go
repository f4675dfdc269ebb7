// Package v1beta1 holds the HyperShift API types that hcpkit reads:
// HostedCluster, HostedControlPlane and NodePool of the group
// hypershift.openshift.io/v1beta1, with the fields and constants that the
// SDK's functions use.
//
// These types model what the SDK reads, not the whole HyperShift API. Their Go
// and JSON field names are HyperShift's, so real manifests decode into them
// (fields that are not modelled are ignored by a non-strict decoder) and code
// written against HyperShift's API compiles after an import change. The CRD
// manifests generated from them (config/crd) keep unmodelled fields under
// spec and status, so an API server stores real manifests whole.
//
// +kubebuilder:object:generate=true
// +groupName=hypershift.openshift.io
// +kubebuilder:validation:Optional
package v1beta1
