package podspec

import (
	"strings"

	corev1 "k8s.io/api/core/v1"
)

const (
	// CPOImageName is the name of the control-plane-operator image in the
	// release image.
	CPOImageName = "controlplane-operator"
	// CPPKIOImageName is the name of the control plane PKI operator image in
	// the release image.
	CPPKIOImageName = "controlplane-pki-operator"
	// AvailabilityProberImageName is the name of the availability prober image
	// in the release image.
	AvailabilityProberImageName = "availability-prober"
	// KubeconfigKey is the key under which secrets hold a kubeconfig.
	KubeconfigKey = "kubeconfig"
	// AWSCloudProviderName is the cloud provider name of AWS.
	AWSCloudProviderName = "aws"
)

// BuildContainer applies buildFn to container and returns a copy of the
// result. A nil container starts from an empty Container (the caller's nil
// stays nil); a nil buildFn changes nothing.
func BuildContainer(container *corev1.Container, buildFn func(*corev1.Container)) corev1.Container {
	if container == nil {
		container = &corev1.Container{}
	}
	if buildFn != nil {
		buildFn(container)
	}
	return *container
}

// FindContainer returns a pointer to the element of containers named name,
// or nil when there is none. The pointer aliases the slice, so changes
// through it change containers.
func FindContainer(name string, containers []corev1.Container) *corev1.Container {
	for i := range containers {
		if containers[i].Name == name {
			return &containers[i]
		}
	}
	return nil
}

// BuildVolume applies buildFn to volume and returns a copy of the result. A
// nil volume starts from an empty Volume; a nil buildFn changes nothing.
func BuildVolume(volume *corev1.Volume, buildFn func(*corev1.Volume)) corev1.Volume {
	if volume == nil {
		volume = &corev1.Volume{}
	}
	if buildFn != nil {
		buildFn(volume)
	}
	return *volume
}

// BuildProjectedVolume applies buildFn to volume and the given projections and
// returns a copy of the result. A nil volume starts from an empty Volume; a
// nil buildFn changes nothing.
func BuildProjectedVolume(volume *corev1.Volume, volumeProjection []corev1.VolumeProjection, buildFn func(*corev1.Volume, []corev1.VolumeProjection)) corev1.Volume {
	if volume == nil {
		volume = &corev1.Volume{}
	}
	if buildFn != nil {
		buildFn(volume, volumeProjection)
	}
	return *volume
}

// upsert replaces the element of s whose name (as given by name) equals v's,
// or appends v. Helpers that edit by name use it so that applying them twice
// equals applying them once.
func upsert[T any](s []T, v T, name func(*T) string) []T {
	for i := range s {
		if name(&s[i]) == name(&v) {
			s[i] = v
			return s
		}
	}
	return append(s, v)
}

func containerName(c *corev1.Container) string { return c.Name }
func volumeName(v *corev1.Volume) string       { return v.Name }
func mountName(m *corev1.VolumeMount) string   { return m.Name }
func envName(e *corev1.EnvVar) string          { return e.Name }

// setContainer replaces the container with c's name in cs, or appends c.
func setContainer(cs []corev1.Container, c corev1.Container) []corev1.Container {
	return upsert(cs, c, containerName)
}

// setVolume replaces the volume with v's name in vs, or appends v.
func setVolume(vs []corev1.Volume, v corev1.Volume) []corev1.Volume {
	return upsert(vs, v, volumeName)
}

// setMount replaces the mount of m's volume in ms, or appends m.
func setMount(ms []corev1.VolumeMount, m corev1.VolumeMount) []corev1.VolumeMount {
	return upsert(ms, m, mountName)
}

// setEnv replaces the variable with e's name in es, or appends e.
func setEnv(es []corev1.EnvVar, e corev1.EnvVar) []corev1.EnvVar {
	return upsert(es, e, envName)
}

// setFlag replaces the first argument of args that starts with prefix by
// prefix+value, or appends it.
func setFlag(args []string, prefix, value string) []string {
	for i := range args {
		if strings.HasPrefix(args[i], prefix) {
			args[i] = prefix + value
			return args
		}
	}
	return append(args, prefix+value)
}
