package podspec

import "errors"

var (
	// ErrNilObject is returned when a required object (pod spec, deployment,
	// service account, reference) is nil.
	ErrNilObject = errors.New("podspec: nil object")
	// ErrNoContainers is returned when a pod spec has no containers but the
	// operation edits its first container.
	ErrNoContainers = errors.New("podspec: pod spec has no containers")
	// ErrContainerNotFound is returned when a named container does not exist.
	ErrContainerNotFound = errors.New("podspec: container not found")
	// ErrVolumeNotFound is returned when a named volume mount does not exist.
	ErrVolumeNotFound = errors.New("podspec: volume not found")
	// ErrEmptyName is returned when a required name is empty.
	ErrEmptyName = errors.New("podspec: empty name")
)
