// Package depsprobe pins, during development, the dependencies that hcpkit's
// packages are being built on. It is removed once every one is imported by a
// real package.
package depsprobe

import (
	_ "github.com/blang/semver/v4"
	_ "github.com/distribution/reference"
	_ "github.com/docker/cli/cli/config/configfile"
	_ "github.com/go-logr/logr"
	_ "github.com/google/go-containerregistry/pkg/authn"
	_ "github.com/google/go-containerregistry/pkg/registry"
	_ "github.com/google/go-containerregistry/pkg/v1/remote"
	_ "github.com/hashicorp/golang-lru/v2"
	_ "github.com/onsi/gomega"
	_ "github.com/openshift/api/config/v1"
	_ "github.com/openshift/api/image/v1"
	_ "github.com/openshift/api/route/v1"
	_ "github.com/prometheus-operator/prometheus-operator/pkg/apis/monitoring/v1"
	_ "golang.org/x/sync/singleflight"
	_ "k8s.io/api/core/v1"
	_ "k8s.io/apimachinery/pkg/runtime"
	_ "k8s.io/client-go/kubernetes"
	_ "sigs.k8s.io/controller-runtime/pkg/client"
	_ "sigs.k8s.io/controller-runtime/pkg/client/config"
	_ "sigs.k8s.io/controller-runtime/pkg/envtest"
	_ "sigs.k8s.io/controller-runtime/pkg/predicate"
	_ "sigs.k8s.io/yaml"
)
