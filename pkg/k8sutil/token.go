package k8sutil

import (
	"context"
	"errors"
	"fmt"

	authenticationv1 "k8s.io/api/authentication/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

// TokenAudience is the audience of the tokens CreateTokenForServiceAccount
// requests.
const TokenAudience = "openshift"

// CreateTokenForServiceAccount requests a bound token for serviceAccount
// through the TokenRequest API, with the audience TokenAudience and the
// server's default lifetime, and returns the token.
func CreateTokenForServiceAccount(ctx context.Context, serviceAccount *corev1.ServiceAccount, c kubernetes.Interface) (string, error) {
	if isNil(c) {
		return "", errors.New("creating a service account token: nil client")
	}
	if serviceAccount == nil {
		return "", errors.New("creating a service account token: nil service account")
	}
	if serviceAccount.Name == "" {
		return "", errors.New("creating a service account token: the service account has no name")
	}
	req := &authenticationv1.TokenRequest{
		Spec: authenticationv1.TokenRequestSpec{Audiences: []string{TokenAudience}},
	}
	resp, err := c.CoreV1().ServiceAccounts(serviceAccount.Namespace).CreateToken(ctx, serviceAccount.Name, req, metav1.CreateOptions{})
	if err != nil {
		return "", fmt.Errorf("creating a token for service account %s/%s: %w", serviceAccount.Namespace, serviceAccount.Name, err)
	}
	if resp == nil || resp.Status.Token == "" {
		return "", fmt.Errorf("creating a token for service account %s/%s: the server returned no token", serviceAccount.Namespace, serviceAccount.Name)
	}
	return resp.Status.Token, nil
}
