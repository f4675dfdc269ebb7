package k8sutil

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/duration"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
	"github.com/hcpkit/hcpkit/pkg/events"
)

// AWSLoadBalancerSubnetsServiceAnnotation on a Service of type LoadBalancer
// lists the subnets the AWS cloud provider places the load balancer in.
const AWSLoadBalancerSubnetsServiceAnnotation = "service.beta.kubernetes.io/aws-load-balancer-subnets"

// CollectLBMessageIfNotProvisioned is CollectLBMessageIfNotProvisionedAt at
// the current time.
func CollectLBMessageIfNotProvisioned(svc *corev1.Service, messageCollector events.MessageCollector) (string, error) {
	return CollectLBMessageIfNotProvisionedAt(svc, messageCollector, time.Now())
}

// CollectLBMessageIfNotProvisionedAt returns "" when svc's load balancer has
// an ingress point. Otherwise, when messageCollector finds warning messages
// for the service, it returns "<name> load balancer is not provisioned: "
// followed by those messages, sorted, without duplicates, joined with "; ";
// without messages (or with a nil collector) it returns "<name> load balancer
// is not provisioned; <age> since creation." where age is the time from the
// service's creation to now in kubectl's short form. When the collector fails
// the message without events is returned together with the error.
func CollectLBMessageIfNotProvisionedAt(svc *corev1.Service, messageCollector events.MessageCollector, now time.Time) (string, error) {
	if svc == nil {
		return "", errors.New("load balancer message: nil service")
	}
	if len(svc.Status.LoadBalancer.Ingress) > 0 {
		return "", nil
	}
	message := fmt.Sprintf("%s load balancer is not provisioned.", svc.Name)
	if created := svc.CreationTimestamp.Time; !created.IsZero() {
		message = fmt.Sprintf("%s load balancer is not provisioned; %s since creation.", svc.Name, duration.ShortHumanDuration(max(now.Sub(created), 0)))
	}
	if isNil(messageCollector) {
		return message, nil
	}
	messages, err := messageCollector.ErrorMessages(svc)
	if err != nil {
		return message, fmt.Errorf("failed to get events for service %s/%s: %w", svc.Namespace, svc.Name, err)
	}
	messages = slices.Compact(slices.Sorted(slices.Values(messages)))
	messages = slices.DeleteFunc(messages, func(m string) bool { return m == "" })
	if len(messages) > 0 {
		message = fmt.Sprintf("%s load balancer is not provisioned: %s", svc.Name, strings.Join(messages, "; "))
	}
	return message, nil
}

// ApplyAWSLoadBalancerSubnetsAnnotation copies the subnets named by the
// AWSLoadBalancerSubnetsAnnotation of an AWS hosted control plane to svc's
// AWSLoadBalancerSubnetsServiceAnnotation. It changes nothing when either
// argument is nil, the platform is not AWS, or the control plane's annotation
// is absent or blank.
func ApplyAWSLoadBalancerSubnetsAnnotation(svc *corev1.Service, hcp *hyperv1.HostedControlPlane) {
	if svc == nil || hcp == nil || hcp.Spec.Platform.Type != hyperv1.AWSPlatform {
		return
	}
	subnets := strings.TrimSpace(hcp.Annotations[hyperv1.AWSLoadBalancerSubnetsAnnotation])
	if subnets == "" {
		return
	}
	if svc.Annotations == nil {
		svc.Annotations = map[string]string{}
	}
	svc.Annotations[AWSLoadBalancerSubnetsServiceAnnotation] = subnets
}
