#!/usr/bin/env bash
# Install Debian packages the test suite needs (as root directly, otherwise through sudo).
# usage: scripts/install-debian-packages.sh PACKAGE...
set -euo pipefail
run=()
[ "$(id -u)" = 0 ] || run=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -qq
"${run[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
