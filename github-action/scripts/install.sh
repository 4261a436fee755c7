#!/usr/bin/env bash
# Step "Get netlint" of the netlint GitHub Action (github-action/action.yml).
#
# INPUT_VERSION empty: use netlint built from the action's own checkout (the ref in `uses:`),
#   i.e. target/netlint.jar at the repository root above this action, building it with Maven
#   when it is not there yet.
# INPUT_VERSION set (e.g. 0.1.0 or v0.1.0): download netlint.jar and netlint.jar.sha256 from the
#   release v<version> of the action's repository and check the checksum. NETLINT_DOWNLOAD_BASE
#   overrides the download location (any URL curl reads, e.g. a mirror or file://).
# Writes the step outputs `jar` and `version` to $GITHUB_OUTPUT.
set -euo pipefail

: "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set: this script runs as a GitHub Actions step}"
: "${RUNNER_TEMP:?RUNNER_TEMP is not set: this script runs as a GitHub Actions step}"

action_dir="${GITHUB_ACTION_PATH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
repo_root="$(cd "$action_dir/.." && pwd)"
version="${INPUT_VERSION:-}"
version="${version#v}"

java_cmd="java"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java_cmd="$JAVA_HOME/bin/java"
fi

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | awk '{print $1}'
  else
    shasum -a 256 "$1" | awk '{print $1}'
  fi
}

if [ -z "$version" ]; then
  jar="$repo_root/target/netlint.jar"
  if [ -f "$jar" ]; then
    echo "Using $jar"
  else
    if [ ! -f "$repo_root/pom.xml" ]; then
      echo "::error title=netlint::no netlint sources at $repo_root to build from; set the 'version' input to download a release"
      exit 2
    fi
    echo "Building netlint from $repo_root (mvn package, tests skipped)"
    log="$RUNNER_TEMP/netlint-build.log"
    # shellcheck disable=SC2086  # NETLINT_MVN_ARGS is a list of arguments
    if ! "${NETLINT_MVN:-mvn}" -B -q -Dmaven.test.skip=true ${NETLINT_MVN_ARGS:-} -f "$repo_root/pom.xml" package >"$log" 2>&1; then
      tail -n 60 "$log"
      echo "::error title=netlint::building netlint with Maven failed (log above)"
      exit 2
    fi
    if [ ! -f "$jar" ]; then
      echo "::error title=netlint::the Maven build did not produce $jar"
      exit 2
    fi
  fi
else
  repository="${NETLINT_ACTION_REPOSITORY:-${GITHUB_ACTION_REPOSITORY:-}}"
  if [ -z "$repository" ]; then
    # github.action_repository can be empty inside composite actions; the runner keeps the action
    # at .../_actions/OWNER/REPO/REF/github-action, which names it too.
    if [[ "$action_dir" =~ /_actions/([^/]+)/([^/]+)/[^/]+/github-action/?$ ]]; then
      repository="${BASH_REMATCH[1]}/${BASH_REMATCH[2]}"
    fi
  fi
  base="${NETLINT_DOWNLOAD_BASE:-}"
  if [ -z "$base" ]; then
    if [ -z "$repository" ]; then
      echo "::error title=netlint::cannot tell which repository to download release v$version from"
      exit 2
    fi
    base="https://github.com/$repository/releases/download/v$version"
  fi
  dir="$RUNNER_TEMP/netlint-$version"
  mkdir -p "$dir"
  jar="$dir/netlint.jar"
  echo "Downloading netlint $version from $base"
  if ! curl -fsSL --retry 3 -o "$jar" "$base/netlint.jar" \
      || ! curl -fsSL --retry 3 -o "$jar.sha256" "$base/netlint.jar.sha256"; then
    echo "::error title=netlint::could not download netlint.jar and netlint.jar.sha256 of version $version from $base"
    exit 2
  fi
  expected="$(awk 'NR == 1 {print $1}' "$jar.sha256")"
  actual="$(sha256_of "$jar")"
  if [ "$expected" != "$actual" ]; then
    rm -f "$jar"
    echo "::error title=netlint::checksum mismatch for netlint.jar $version: expected $expected, got $actual"
    exit 2
  fi
fi

shown_version="$("$java_cmd" -jar "$jar" --version 2>/dev/null | head -n 1 || true)"
echo "netlint: ${shown_version:-version unknown} ($jar)"
{
  echo "jar=$jar"
  echo "version=${shown_version:-${version:-unknown}}"
} >>"$GITHUB_OUTPUT"
