package podspec

import (
	appsv1 "k8s.io/api/apps/v1"
	"k8s.io/utils/ptr"
)

// DeploymentReady reports whether deployment has finished rolling out: its
// controller has observed the current generation, and the desired number of
// replicas (spec.replicas, 1 when unset as the API server defaults it) all
// exist, are updated, ready and available, with none unavailable. A nil
// deployment is not ready.
func DeploymentReady(deployment *appsv1.Deployment) bool {
	if deployment == nil {
		return false
	}
	want := ptr.Deref(deployment.Spec.Replicas, 1)
	s := deployment.Status
	return s.ObservedGeneration == deployment.Generation &&
		s.Replicas == want &&
		s.UpdatedReplicas == want &&
		s.ReadyReplicas == want &&
		s.AvailableReplicas == want &&
		s.UnavailableReplicas == 0
}

// StatefulSetReady reports whether statefulSet has finished rolling out: its
// controller has observed the current generation, and the desired number of
// replicas (spec.replicas, 1 when unset) all exist, are updated, ready and
// available. A nil stateful set is not ready.
func StatefulSetReady(statefulSet *appsv1.StatefulSet) bool {
	if statefulSet == nil {
		return false
	}
	want := ptr.Deref(statefulSet.Spec.Replicas, 1)
	s := statefulSet.Status
	return s.ObservedGeneration == statefulSet.Generation &&
		s.Replicas == want &&
		s.UpdatedReplicas == want &&
		s.ReadyReplicas == want &&
		s.AvailableReplicas == want
}
