package util

import (
	"context"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
	"github.com/hcpkit/hcpkit/pkg/podspec"
)

const (
	// CPOImageName is the name of the control-plane-operator image in the
	// release image.
	// See podspec.CPOImageName.
	CPOImageName = podspec.CPOImageName
	// CPPKIOImageName is the name of the control plane PKI operator image in
	// the release image.
	// See podspec.CPPKIOImageName.
	CPPKIOImageName = podspec.CPPKIOImageName
	// AvailabilityProberImageName is the name of the availability prober image
	// in the release image.
	// See podspec.AvailabilityProberImageName.
	AvailabilityProberImageName = podspec.AvailabilityProberImageName
	// KubeconfigKey is the key under which secrets hold a kubeconfig.
	// See podspec.KubeconfigKey.
	KubeconfigKey = podspec.KubeconfigKey
	// AWSCloudProviderName is the cloud provider name of AWS.
	// See podspec.AWSCloudProviderName.
	AWSCloudProviderName = podspec.AWSCloudProviderName
)

// AvailabilityProberOpts configures AvailabilityProber.
// See podspec.AvailabilityProberOpts.
type AvailabilityProberOpts = podspec.AvailabilityProberOpts

// AvailabilityProberOpt sets fields of AvailabilityProberOpts.
// See podspec.AvailabilityProberOpt.
type AvailabilityProberOpt = podspec.AvailabilityProberOpt

// ContainerVolumeMounts maps a volume name to its mount path in a container.
// See podspec.ContainerVolumeMounts.
type ContainerVolumeMounts = podspec.ContainerVolumeMounts

// PodVolumeMounts maps a container name to its ContainerVolumeMounts. Path
// panics on an unknown container or volume; Lookup returns an error instead.
// See podspec.VolumeMounts.
type PodVolumeMounts = podspec.VolumeMounts

// BuildContainer applies buildFn to container and returns the result; a nil
// container starts from an empty one, a nil buildFn changes nothing.
// See podspec.BuildContainer.
var BuildContainer = podspec.BuildContainer

// FindContainer returns the container named name in containers, or nil.
// See podspec.FindContainer.
var FindContainer = podspec.FindContainer

// BuildVolume applies buildFn to volume and returns the result; a nil volume
// starts from an empty one, a nil buildFn changes nothing.
// See podspec.BuildVolume.
var BuildVolume = podspec.BuildVolume

// BuildProjectedVolume applies buildFn to volume and volumeProjection and
// returns the resulting volume; a nil volume starts from an empty one, a nil
// buildFn changes nothing.
// See podspec.BuildProjectedVolume.
var BuildProjectedVolume = podspec.BuildProjectedVolume

// AvailabilityProber makes the availability prober for target the single
// first init container of spec (idempotent). A nil spec is left alone.
// See podspec.AddAvailabilityProber.
func AvailabilityProber(target string, image string, spec *corev1.PodSpec, o ...AvailabilityProberOpt) {
	_ = podspec.AddAvailabilityProber(target, image, spec, o...)
}

// ApplyCloudProviderCreds mounts the cloud provider credentials into the
// named container and, for AWS, adds the token minter (idempotent). A nil pod
// spec or a missing container leaves the pod spec unchanged.
// See podspec.ApplyCloudProviderCreds.
func ApplyCloudProviderCreds(podSpec *corev1.PodSpec, cloudProvider string, cloudProviderCreds *corev1.LocalObjectReference, tokenMinterImage string, containerName string) {
	_ = podspec.ApplyCloudProviderCreds(podSpec, cloudProvider, cloudProviderCreds, tokenMinterImage, containerName)
}

// DeploymentAddTrustBundleVolume mounts the trust bundle config map into the
// deployment's first container (idempotent). A nil reference, a nil
// deployment or one without containers is left unchanged.
// See podspec.AddTrustBundleVolume.
func DeploymentAddTrustBundleVolume(trustBundleConfigMap *corev1.LocalObjectReference, deployment *appsv1.Deployment) {
	_ = podspec.AddTrustBundleVolume(trustBundleConfigMap, deployment)
}

// DeploymentAddKubevirtInfraCredentials mounts the KubeVirt infra credentials
// into the deployment's first container and sets its flag (idempotent). A nil
// deployment or one without containers is left unchanged.
// See podspec.AddKubevirtInfraCredentials.
func DeploymentAddKubevirtInfraCredentials(deployment *appsv1.Deployment) {
	_ = podspec.AddKubevirtInfraCredentials(deployment)
}

// DeploymentAddOpenShiftTrustedCABundleConfigMap mounts the OpenShift trusted
// CA bundle config map into the deployment's first container (idempotent). A
// nil deployment or one without containers is left unchanged.
// See podspec.AddOpenShiftTrustedCABundleConfigMap.
func DeploymentAddOpenShiftTrustedCABundleConfigMap(deployment *appsv1.Deployment) {
	_ = podspec.AddOpenShiftTrustedCABundleConfigMap(deployment)
}

// IsDeploymentReady reports whether the deployment has fully rolled out; a
// nil deployment is not ready. ctx is not used.
// See podspec.DeploymentReady.
func IsDeploymentReady(_ context.Context, deployment *appsv1.Deployment) bool {
	return podspec.DeploymentReady(deployment)
}

// IsStatefulSetReady reports whether the stateful set has fully rolled out; a
// nil stateful set is not ready.
// See podspec.StatefulSetReady.
var IsStatefulSetReady = podspec.StatefulSetReady

// ReconcilePodDisruptionBudget sets the pdb's minAvailable/maxUnavailable for
// the availability policy. A nil pdb is left alone.
// See podspec.ReconcilePodDisruptionBudget.
func ReconcilePodDisruptionBudget(pdb *policyv1.PodDisruptionBudget, availability hyperv1.AvailabilityPolicy) {
	_ = podspec.ReconcilePodDisruptionBudget(pdb, availability)
}

// EnsurePullSecret adds secretName to the service account's image pull
// secrets unless present. A nil service account or an empty name is left
// unchanged.
// See podspec.EnsurePullSecret.
func EnsurePullSecret(serviceAccount *corev1.ServiceAccount, secretName string) {
	_ = podspec.EnsurePullSecret(serviceAccount, secretName)
}
