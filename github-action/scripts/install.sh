#!/usr/bin/env bash
# Steps "Resolve netlint version" (install.sh resolve) and "Get netlint" (install.sh install) of the
# netlint GitHub Action (github-action/action.yml).
#
# INPUT_VERSION:
#   empty     the version of the action's own checkout (pom.xml at the ref in `uses:`): its release
#             when checksums.txt pins one, else built from that checkout (an unreleased ref);
#   X.Y.Z     that release (a leading v is dropped); it must be pinned in this action's checksums.txt;
#   source    built with Maven from the action's own checkout.
# A release's netlint.jar is downloaded over https from the action repository's GitHub release vX.Y.Z
# (NETLINT_DOWNLOAD_BASE overrides the directory URL), checked against the SHA-256 that
# checksums.txt pins for X.Y.Z (never against a checksum from the download), cached by the
# actions/cache step between the two, and must print "netlint X.Y.Z" for --version before it is used.
# resolve writes the step outputs source (release|source), version, sha256 and cache-dir;
# install writes jar and version.
set -euo pipefail

: "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set: this script runs as a GitHub Actions step}"
: "${RUNNER_TEMP:?RUNNER_TEMP is not set: this script runs as a GitHub Actions step}"

action_dir="${GITHUB_ACTION_PATH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
repo_root="$(cd "$action_dir/.." && pwd)"
# shellcheck source=release-jar.sh
. "$action_dir/scripts/release-jar.sh"

fail() {
  echo "::error title=netlint::$*"
  exit 2
}

java_cmd="java"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java_cmd="$JAVA_HOME/bin/java"
fi

# Sets source, version and sha256 from INPUT_VERSION and the checkout.
resolve() {
  local requested="${INPUT_VERSION:-}"
  requested="${requested#v}"
  sha256=""
  if [ "$requested" = source ]; then
    source=source
    version="$(netlint_checkout_version "$repo_root")"
    return
  fi
  if [ -z "$requested" ]; then
    version="$(netlint_checkout_version "$repo_root")"
    netlint_valid_version "$version" || fail "cannot read the netlint version of the action's checkout ($repo_root/pom.xml)"
    sha256="$(netlint_pinned_sha256 "$action_dir/checksums.txt" "$version")"
    if [ -n "$sha256" ]; then source=release; else source=source; fi
    return
  fi
  netlint_valid_version "$requested" \
    || fail "version must be a release such as 1.2.3, 'source', or empty (the action's own version), not '${requested:0:40}'"
  version="$requested"
  sha256="$(netlint_pinned_sha256 "$action_dir/checksums.txt" "$version")"
  [ -n "$sha256" ] \
    || fail "netlint $version is not pinned in this action's checksums.txt: use the action of that release (uses: OWNER/netlint/github-action@v$version), or version: source"
  source=release
}

# Sets jar (functions set globals: fail must print to the step's stdout, not into a $(...)).
build_from_source() {
  jar="$repo_root/target/netlint.jar"
  if [ -f "$jar" ]; then
    echo "Using $jar"
  else
    [ -f "$repo_root/pom.xml" ] || fail "no netlint sources at $repo_root to build from; set the 'version' input to a release"
    echo "Building netlint from $repo_root (mvn package, tests skipped)"
    local log="$RUNNER_TEMP/netlint-build.log"
    # shellcheck disable=SC2086  # NETLINT_MVN_ARGS is a list of arguments
    if ! "${NETLINT_MVN:-mvn}" -B -q -Dmaven.test.skip=true ${NETLINT_MVN_ARGS:-} -f "$repo_root/pom.xml" package >"$log" 2>&1; then
      tail -n 60 "$log"
      fail "building netlint with Maven failed (log above)"
    fi
    [ -f "$jar" ] || fail "the Maven build did not produce $jar"
  fi
}

download_release() {
  jar="$cache_dir/netlint.jar"
  local base repository="${NETLINT_ACTION_REPOSITORY:-${GITHUB_ACTION_REPOSITORY:-}}"
  if [ -z "$repository" ] && [[ "$action_dir" =~ /_actions/([^/]+)/([^/]+)/[^/]+/github-action/?$ ]]; then
    # github.action_repository can be empty inside composite actions; the runner keeps the action
    # at .../_actions/OWNER/REPO/REF/github-action, which names it too.
    repository="${BASH_REMATCH[1]}/${BASH_REMATCH[2]}"
  fi
  base="${NETLINT_DOWNLOAD_BASE:-}"
  if [ -z "$base" ]; then
    [[ "$repository" =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]] || fail "cannot tell which repository to download release v$version from"
    base="https://github.com/$repository/releases/download/v$version"
  fi
  if [ -f "$jar" ] && [ "$(netlint_sha256_of "$jar")" = "$sha256" ]; then
    echo "Using cached netlint $version ($jar)"
  else
    echo "Downloading netlint $version from $base"
  fi
  local why
  why="$(netlint_fetch_jar "$base/netlint.jar" "$jar" "$sha256" 2>&1)" || fail "netlint $version: $why"
}

resolve
cache_dir="$RUNNER_TEMP/netlint-jar/$version"
case "${1:-install}" in
  resolve)
    echo "netlint $version from ${source}"
    {
      echo "source=$source"
      echo "version=$version"
      echo "sha256=$sha256"
      echo "cache-dir=$cache_dir"
    } >>"$GITHUB_OUTPUT"
    ;;
  install)
    if [ "$source" = release ]; then
      download_release
      why="$(netlint_check_jar "$java_cmd" "$jar" "$version" 2>&1)" || fail "$why"
    else
      build_from_source
      "$java_cmd" -jar "$jar" --version >/dev/null 2>&1 || fail "$jar does not run (java -jar $jar --version failed)"
    fi
    shown_version="$("$java_cmd" -jar "$jar" --version 2>/dev/null | head -n 1)"
    echo "netlint: $shown_version ($jar)"
    {
      echo "jar=$jar"
      echo "version=$shown_version"
    } >>"$GITHUB_OUTPUT"
    ;;
  *) fail "usage: install.sh resolve|install" ;;
esac
