package podspec

import (
	"fmt"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/utils/ptr"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
)

// Names and paths used by the deployment helpers.
const (
	// TrustBundleVolumeName is the volume AddTrustBundleVolume adds.
	TrustBundleVolumeName = "trusted-ca"
	// TrustBundleMountPath is where AddTrustBundleVolume mounts the bundle.
	TrustBundleMountPath = "/etc/pki/tls/certs"
	// KubevirtInfraKubeconfigVolumeName is the volume
	// AddKubevirtInfraCredentials adds.
	KubevirtInfraKubeconfigVolumeName = "kubevirt-infra-kubeconfig"
	// KubevirtInfraKubeconfigMountPath is where AddKubevirtInfraCredentials
	// mounts the infra cluster credentials.
	KubevirtInfraKubeconfigMountPath = "/etc/kubernetes/kubevirt-infra-kubeconfig"
	// KubevirtInfraKubeconfigFlag is the flag AddKubevirtInfraCredentials
	// sets, followed by "=" and the kubeconfig path.
	KubevirtInfraKubeconfigFlag = "--kubevirt-infra-kubeconfig"
	// OpenShiftTrustedCABundleName names both the config map and the volume
	// AddOpenShiftTrustedCABundleConfigMap adds.
	OpenShiftTrustedCABundleName = "openshift-config-managed-trusted-ca-bundle"
	// OpenShiftTrustedCABundleMountPath is where
	// AddOpenShiftTrustedCABundleConfigMap mounts the bundle.
	OpenShiftTrustedCABundleMountPath = "/etc/pki/ca-trust/extracted/pem"

	caBundleKey = "ca-bundle.crt"
)

// firstContainer returns the first container of the deployment's pod
// template, or an error naming what is missing.
func firstContainer(what string, deployment *appsv1.Deployment) (*corev1.Container, error) {
	if deployment == nil {
		return nil, fmt.Errorf("%s: %w", what, ErrNilObject)
	}
	if len(deployment.Spec.Template.Spec.Containers) == 0 {
		return nil, fmt.Errorf("%s: deployment %q: %w", what, deployment.Name, ErrNoContainers)
	}
	return &deployment.Spec.Template.Spec.Containers[0], nil
}

// AddTrustBundleVolume mounts the "ca-bundle.crt" key of the config map
// trustBundleConfigMap as user-ca-bundle.pem under TrustBundleMountPath in
// the first container of deployment. A nil reference, a nil deployment or a
// deployment without containers is an error and the deployment is left
// unchanged. Applying it twice equals applying it once.
func AddTrustBundleVolume(trustBundleConfigMap *corev1.LocalObjectReference, deployment *appsv1.Deployment) error {
	const what = "trust bundle volume"
	if trustBundleConfigMap == nil {
		return fmt.Errorf("%s: config map reference: %w", what, ErrNilObject)
	}
	c, err := firstContainer(what, deployment)
	if err != nil {
		return err
	}
	mountReadOnly(deployment, c, TrustBundleMountPath, corev1.Volume{
		Name: TrustBundleVolumeName,
		VolumeSource: corev1.VolumeSource{
			ConfigMap: &corev1.ConfigMapVolumeSource{
				LocalObjectReference: *trustBundleConfigMap,
				Items:                []corev1.KeyToPath{{Key: caBundleKey, Path: "user-ca-bundle.pem"}},
			},
		},
	})
	return nil
}

// AddKubevirtInfraCredentials mounts the KubeVirt infra cluster credentials
// secret (hyperv1.KubeVirtInfraCredentialsSecretName) read-only in the first
// container of deployment and sets its KubevirtInfraKubeconfigFlag command
// flag to the kubeconfig inside it. A nil deployment or one without containers
// is an error and the deployment is left unchanged. Applying it twice equals
// applying it once.
func AddKubevirtInfraCredentials(deployment *appsv1.Deployment) error {
	c, err := firstContainer("kubevirt infra credentials", deployment)
	if err != nil {
		return err
	}
	mountReadOnly(deployment, c, KubevirtInfraKubeconfigMountPath, corev1.Volume{
		Name: KubevirtInfraKubeconfigVolumeName,
		VolumeSource: corev1.VolumeSource{
			Secret: &corev1.SecretVolumeSource{SecretName: hyperv1.KubeVirtInfraCredentialsSecretName},
		},
	})
	c.Command = setFlag(c.Command, KubevirtInfraKubeconfigFlag+"=", KubevirtInfraKubeconfigMountPath+"/"+KubeconfigKey)
	return nil
}

// AddOpenShiftTrustedCABundleConfigMap mounts the optional config map
// OpenShiftTrustedCABundleName (its "ca-bundle.crt" as tls-ca-bundle.pem)
// read-only under OpenShiftTrustedCABundleMountPath in the first container of
// deployment. A nil deployment or one without containers is an error and the
// deployment is left unchanged. Applying it twice equals applying it once.
func AddOpenShiftTrustedCABundleConfigMap(deployment *appsv1.Deployment) error {
	c, err := firstContainer("openshift trusted CA bundle", deployment)
	if err != nil {
		return err
	}
	mountReadOnly(deployment, c, OpenShiftTrustedCABundleMountPath, corev1.Volume{
		Name: OpenShiftTrustedCABundleName,
		VolumeSource: corev1.VolumeSource{
			ConfigMap: &corev1.ConfigMapVolumeSource{
				LocalObjectReference: corev1.LocalObjectReference{Name: OpenShiftTrustedCABundleName},
				Items:                []corev1.KeyToPath{{Key: caBundleKey, Path: "tls-ca-bundle.pem"}},
				Optional:             ptr.To(true),
			},
		},
	})
	return nil
}

// mountReadOnly adds (or updates) volume in deployment's pod spec and mounts
// it read-only at path in c, both by name.
func mountReadOnly(deployment *appsv1.Deployment, c *corev1.Container, path string, volume corev1.Volume) {
	c.VolumeMounts = setMount(c.VolumeMounts, corev1.VolumeMount{Name: volume.Name, MountPath: path, ReadOnly: true})
	spec := &deployment.Spec.Template.Spec
	spec.Volumes = setVolume(spec.Volumes, volume)
}
