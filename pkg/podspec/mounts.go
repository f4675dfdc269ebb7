package podspec

import (
	"fmt"
	"maps"
	"slices"

	corev1 "k8s.io/api/core/v1"
)

// ContainerVolumeMounts maps a volume name to its mount path in one
// container.
type ContainerVolumeMounts map[string]string

// VolumeMounts declares where each container of a pod mounts its volumes:
// container name to ContainerVolumeMounts. The zero value (nil) declares no
// mounts.
type VolumeMounts map[string]ContainerVolumeMounts

// Lookup returns the path at which container mounts volume, or an error
// wrapping ErrContainerNotFound or ErrVolumeNotFound.
func (m VolumeMounts) Lookup(container, volume string) (string, error) {
	mounts, ok := m[container]
	if !ok {
		return "", fmt.Errorf("%w: %q has no declared volume mounts", ErrContainerNotFound, container)
	}
	path, ok := mounts[volume]
	if !ok {
		return "", fmt.Errorf("%w: %q is not mounted in container %q", ErrVolumeNotFound, volume, container)
	}
	return path, nil
}

// Path returns the path at which container mounts volume.
//
// Path panics when the container or the volume is not declared in m: the
// declarations are fixed in the program, so a miss is a programming error
// (like an invalid pattern passed to regexp.MustCompile). Use Lookup to get
// an error instead.
func (m VolumeMounts) Path(container, volume string) string {
	path, err := m.Lookup(container, volume)
	if err != nil {
		panic(err)
	}
	return path
}

// ContainerMounts returns the volume mounts declared for container, sorted by
// volume name in byte order. It returns an empty, non-nil slice when the
// container has none or is not declared.
func (m VolumeMounts) ContainerMounts(container string) []corev1.VolumeMount {
	mounts := m[container]
	result := make([]corev1.VolumeMount, 0, len(mounts))
	for _, name := range slices.Sorted(maps.Keys(mounts)) {
		result = append(result, corev1.VolumeMount{Name: name, MountPath: mounts[name]})
	}
	return result
}
