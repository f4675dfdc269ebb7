package podspec

import (
	"fmt"

	corev1 "k8s.io/api/core/v1"
)

// EnsurePullSecret adds secretName to the image pull secrets of
// serviceAccount unless it is already there. A nil service account or an
// empty secret name is an error and the service account is left unchanged.
func EnsurePullSecret(serviceAccount *corev1.ServiceAccount, secretName string) error {
	if serviceAccount == nil {
		return fmt.Errorf("pull secret: %w", ErrNilObject)
	}
	if secretName == "" {
		return fmt.Errorf("pull secret: secret %w", ErrEmptyName)
	}
	for _, ref := range serviceAccount.ImagePullSecrets {
		if ref.Name == secretName {
			return nil
		}
	}
	serviceAccount.ImagePullSecrets = append(serviceAccount.ImagePullSecrets, corev1.LocalObjectReference{Name: secretName})
	return nil
}
