package podspec

import (
	"fmt"

	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/utils/ptr"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
)

// ReconcilePodDisruptionBudget sets the disruption limits of pdb for a
// component run with the given availability policy:
//
//   - hyperv1.SingleReplica: minAvailable 1 and no maxUnavailable;
//   - hyperv1.HighlyAvailable: maxUnavailable 1 and no minAvailable;
//   - any other value (empty included): neither limit.
//
// The rest of the spec (selector, unhealthyPodEvictionPolicy) and the
// metadata are kept. A nil pdb is an error.
func ReconcilePodDisruptionBudget(pdb *policyv1.PodDisruptionBudget, availability hyperv1.AvailabilityPolicy) error {
	if pdb == nil {
		return fmt.Errorf("pod disruption budget: %w", ErrNilObject)
	}
	pdb.Spec.MinAvailable = nil
	pdb.Spec.MaxUnavailable = nil
	switch availability {
	case hyperv1.SingleReplica:
		pdb.Spec.MinAvailable = ptr.To(intstr.FromInt32(1))
	case hyperv1.HighlyAvailable:
		pdb.Spec.MaxUnavailable = ptr.To(intstr.FromInt32(1))
	}
	return nil
}
