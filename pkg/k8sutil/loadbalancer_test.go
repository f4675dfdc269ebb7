package k8sutil_test

import (
	"errors"
	"maps"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"

	hyperv1 "github.com/hcpkit/hcpkit/pkg/api/hypershift/v1beta1"
	"github.com/hcpkit/hcpkit/pkg/k8sutil"
)

// staticMessages is a MessageCollector that returns fixed messages.
type staticMessages struct {
	messages []string
	err      error
}

func (s staticMessages) ErrorMessages(client.Object) ([]string, error) {
	return append([]string(nil), s.messages...), s.err
}

func TestCollectLBMessageIfNotProvisionedAt(t *testing.T) {
	created := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	now := created.Add(90 * time.Minute)
	pending := &corev1.Service{ObjectMeta: metav1.ObjectMeta{Name: "kube-apiserver", Namespace: "hcp", CreationTimestamp: metav1.NewTime(created)}}
	ready := pending.DeepCopy()
	ready.Status.LoadBalancer.Ingress = []corev1.LoadBalancerIngress{{Hostname: "lb.example.com"}}
	noTime := &corev1.Service{ObjectMeta: metav1.ObjectMeta{Name: "oauth"}}

	tests := []struct {
		name      string
		svc       *corev1.Service
		collector staticMessages
		want      string
		wantErr   bool
	}{
		{name: "provisioned", svc: ready, collector: staticMessages{messages: []string{"ignored"}}, want: ""},
		{name: "no events", svc: pending, want: "kube-apiserver load balancer is not provisioned; 1h since creation."},
		{name: "no creation time", svc: noTime, want: "oauth load balancer is not provisioned."},
		{
			name:      "events sorted and deduplicated",
			svc:       pending,
			collector: staticMessages{messages: []string{"quota exceeded", "", "access denied", "quota exceeded"}},
			want:      "kube-apiserver load balancer is not provisioned: access denied; quota exceeded",
		},
		{
			name:      "collector fails",
			svc:       pending,
			collector: staticMessages{err: errors.New("boom")},
			want:      "kube-apiserver load balancer is not provisioned; 1h since creation.",
			wantErr:   true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := k8sutil.CollectLBMessageIfNotProvisionedAt(tt.svc, tt.collector, now)
			if got != tt.want || (err != nil) != tt.wantErr {
				t.Errorf("= %q, %v; want %q (error %v)", got, err, tt.want, tt.wantErr)
			}
		})
	}

	// The order the collector reports does not matter.
	a, _ := k8sutil.CollectLBMessageIfNotProvisionedAt(pending, staticMessages{messages: []string{"b", "a", "c"}}, now)
	b, _ := k8sutil.CollectLBMessageIfNotProvisionedAt(pending, staticMessages{messages: []string{"c", "b", "a"}}, now)
	if a != b {
		t.Errorf("order-dependent messages: %q vs %q", a, b)
	}

	if got, err := k8sutil.CollectLBMessageIfNotProvisionedAt(pending, nil, created.Add(-time.Hour)); err != nil || got != "kube-apiserver load balancer is not provisioned; 0s since creation." {
		t.Errorf("nil collector, clock behind creation: %q, %v", got, err)
	}
	if _, err := k8sutil.CollectLBMessageIfNotProvisioned(nil, nil); err == nil {
		t.Error("nil service: no error")
	}
}

func TestApplyAWSLoadBalancerSubnetsAnnotation(t *testing.T) {
	hcp := func(platform hyperv1.PlatformType, annotations map[string]string) *hyperv1.HostedControlPlane {
		h := &hyperv1.HostedControlPlane{ObjectMeta: metav1.ObjectMeta{Annotations: annotations}}
		h.Spec.Platform.Type = platform
		return h
	}
	subnets := map[string]string{hyperv1.AWSLoadBalancerSubnetsAnnotation: "subnet-1,subnet-2"}
	tests := []struct {
		name    string
		svcAnns map[string]string
		hcp     *hyperv1.HostedControlPlane
		want    map[string]string
	}{
		{"aws copies", nil, hcp(hyperv1.AWSPlatform, subnets), map[string]string{k8sutil.AWSLoadBalancerSubnetsServiceAnnotation: "subnet-1,subnet-2"}},
		{"aws overwrites and keeps others", map[string]string{"x": "y", k8sutil.AWSLoadBalancerSubnetsServiceAnnotation: "old"}, hcp(hyperv1.AWSPlatform, subnets), map[string]string{"x": "y", k8sutil.AWSLoadBalancerSubnetsServiceAnnotation: "subnet-1,subnet-2"}},
		{"aws without annotation", nil, hcp(hyperv1.AWSPlatform, nil), nil},
		{"aws blank annotation", map[string]string{"x": "y"}, hcp(hyperv1.AWSPlatform, map[string]string{hyperv1.AWSLoadBalancerSubnetsAnnotation: " "}), map[string]string{"x": "y"}},
		{"not aws", nil, hcp(hyperv1.AzurePlatform, subnets), nil},
		{"nil hcp", map[string]string{"x": "y"}, nil, map[string]string{"x": "y"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc := &corev1.Service{ObjectMeta: metav1.ObjectMeta{Annotations: maps.Clone(tt.svcAnns)}}
			k8sutil.ApplyAWSLoadBalancerSubnetsAnnotation(svc, tt.hcp)
			if !maps.Equal(svc.Annotations, tt.want) || (tt.want == nil) != (svc.Annotations == nil) {
				t.Errorf("annotations = %#v, want %#v", svc.Annotations, tt.want)
			}
		})
	}
	k8sutil.ApplyAWSLoadBalancerSubnetsAnnotation(nil, hcp(hyperv1.AWSPlatform, subnets))
}
