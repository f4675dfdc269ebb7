package podspec

import (
	"fmt"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
)

// Names and paths used by ApplyCloudProviderCreds.
const (
	// CloudCredsVolumeName is the volume holding the cloud provider
	// credentials secret.
	CloudCredsVolumeName = "cloud-creds"
	// CloudCredsMountPath is where the credentials secret is mounted.
	CloudCredsMountPath = "/etc/kubernetes/secrets/cloud-provider"
	// CloudTokenVolumeName is the in-memory volume holding the service
	// account token minted for AWS.
	CloudTokenVolumeName = "cloud-token"
	// CloudTokenMountPath is where the minted token volume is mounted.
	CloudTokenMountPath = "/var/run/secrets/openshift/serviceaccount"
	// TokenMinterContainerName is the name of the sidecar that mints the
	// service account token for AWS.
	TokenMinterContainerName = "token-minter"

	awsCredentialsKey         = "credentials"
	tokenMinterKubeconfigVol  = "kubeconfig"
	tokenMinterKubeconfigPath = "/etc/kubernetes"
)

// tokenMinterRequests are the resource requests of the token minter sidecar.
var tokenMinterRequests = corev1.ResourceList{
	corev1.ResourceCPU:    resource.MustParse("10m"),
	corev1.ResourceMemory: resource.MustParse("10Mi"),
}

// ApplyCloudProviderCreds mounts the cloud provider credentials secret named
// by cloudProviderCreds into the container containerName of podSpec.
//
// For AWSCloudProviderName (compared exactly, lowercase) it also points the
// AWS SDK at the credentials file, adds an in-memory token volume mounted by
// the container, and adds the token-minter sidecar (run from
// tokenMinterImage) that writes a kube-controller-manager service account
// token into it, using the pod volume "kubeconfig" the caller provides.
//
// A nil or unnamed cloudProviderCreds changes nothing. A nil podSpec or a
// missing container is an error and podSpec is left unchanged. Volumes,
// mounts, environment variables and the sidecar are updated by name, so
// applying it twice equals applying it once.
func ApplyCloudProviderCreds(podSpec *corev1.PodSpec, cloudProvider string, cloudProviderCreds *corev1.LocalObjectReference, tokenMinterImage string, containerName string) error {
	if cloudProviderCreds == nil || cloudProviderCreds.Name == "" {
		return nil
	}
	if podSpec == nil {
		return fmt.Errorf("cloud provider credentials: %w", ErrNilObject)
	}
	container := FindContainer(containerName, podSpec.Containers)
	if container == nil {
		return fmt.Errorf("cloud provider credentials: %w: %q", ErrContainerNotFound, containerName)
	}

	podSpec.Volumes = setVolume(podSpec.Volumes, corev1.Volume{
		Name: CloudCredsVolumeName,
		VolumeSource: corev1.VolumeSource{
			Secret: &corev1.SecretVolumeSource{SecretName: cloudProviderCreds.Name},
		},
	})
	container.VolumeMounts = setMount(container.VolumeMounts, corev1.VolumeMount{
		Name: CloudCredsVolumeName, MountPath: CloudCredsMountPath,
	})
	if cloudProvider != AWSCloudProviderName {
		return nil
	}

	for _, e := range []corev1.EnvVar{
		{Name: "AWS_SHARED_CREDENTIALS_FILE", Value: CloudCredsMountPath + "/" + awsCredentialsKey},
		{Name: "AWS_SDK_LOAD_CONFIG", Value: "true"},
		{Name: "AWS_EC2_METADATA_DISABLED", Value: "true"},
	} {
		container.Env = setEnv(container.Env, e)
	}
	podSpec.Volumes = setVolume(podSpec.Volumes, corev1.Volume{
		Name: CloudTokenVolumeName,
		VolumeSource: corev1.VolumeSource{
			EmptyDir: &corev1.EmptyDirVolumeSource{Medium: corev1.StorageMediumMemory},
		},
	})
	container.VolumeMounts = setMount(container.VolumeMounts, corev1.VolumeMount{
		Name: CloudTokenVolumeName, MountPath: CloudTokenMountPath,
	})
	// container aliases podSpec.Containers; it is not used after this append.
	podSpec.Containers = setContainer(podSpec.Containers, tokenMinterContainer(tokenMinterImage))
	return nil
}

// tokenMinterContainer returns the sidecar that mints a service account token
// for the AWS SDK.
func tokenMinterContainer(image string) corev1.Container {
	return corev1.Container{
		Name:            TokenMinterContainerName,
		Image:           image,
		ImagePullPolicy: corev1.PullIfNotPresent,
		Command:         []string{"/usr/bin/control-plane-operator", "token-minter"},
		Args: []string{
			"--service-account-namespace=kube-system",
			"--service-account-name=kube-controller-manager",
			"--token-audience=openshift",
			"--token-file=" + CloudTokenMountPath + "/token",
			"--kubeconfig=" + tokenMinterKubeconfigPath + "/" + KubeconfigKey,
		},
		Resources: corev1.ResourceRequirements{Requests: tokenMinterRequests.DeepCopy()},
		VolumeMounts: []corev1.VolumeMount{
			{Name: CloudTokenVolumeName, MountPath: CloudTokenMountPath},
			{Name: tokenMinterKubeconfigVol, MountPath: tokenMinterKubeconfigPath},
		},
	}
}
