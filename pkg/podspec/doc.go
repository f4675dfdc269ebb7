// Package podspec builds and edits the pod specifications of hosted control
// plane components: containers and volumes, the availability prober init
// container, cloud provider credentials, trust bundle volumes, declared
// volume mounts, workload readiness and pod disruption budgets.
//
// The editing functions are idempotent: applying one twice gives the same
// object as applying it once. Volumes, volume mounts, environment variables,
// containers and command-line flags are updated by name instead of being
// appended again, and the availability prober is always the single first
// init container.
//
// Bad input (a nil object, a missing container, a deployment without
// containers) yields an error and leaves the object unchanged; nothing in
// this package panics except VolumeMounts.Path, which documents its panic on
// an unknown container or volume as a programming error (use
// VolumeMounts.Lookup to get an error instead).
package podspec
