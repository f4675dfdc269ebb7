// Package dockerv1client holds DockerImageConfig, the Go form of an image
// configuration document (the JSON blob a manifest's "config" descriptor
// points to), with the field names and JSON keys OpenShift's tooling uses.
// Labels live in Config.Labels for images built by current tools and in
// ContainerConfig.Labels for some older ones.
package dockerv1client
