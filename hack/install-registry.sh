#!/usr/bin/env bash
# Installs the distribution registry (Debian package docker-registry) that the
# registry integration test (pkg/registry, TestIntegration*) starts on
# 127.0.0.1. Does nothing when the binary is already there. The test itself
# skips, saying why, when the binary is missing.
set -euo pipefail

if command -v docker-registry >/dev/null 2>&1 || [ -x /usr/bin/docker-registry ]; then
	exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "install-registry: apt-get not found; install the distribution registry (docker-registry) by hand" >&2
	exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
	sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
if ! apt-cache policy docker-registry | grep -q 'Candidate: [0-9]'; then
	echo "install-registry: no docker-registry package in the configured apt sources" >&2
	exit 1
fi
# The package enables a systemd service on port 5000; the test never uses it,
# so keep the service from starting where a service manager is running.
$sudo apt-get install -y -qq --no-install-recommends docker-registry
if command -v systemctl >/dev/null 2>&1 && systemctl is-system-running >/dev/null 2>&1; then
	$sudo systemctl disable --now docker-registry >/dev/null 2>&1 || true
fi
