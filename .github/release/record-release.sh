#!/usr/bin/env bash
# The release commit's edits (release.yml, job prepare): record-release.sh VERSION JAR
#   - pom.xml and maven-plugin/pom.xml get <version>VERSION</version>;
#   - github-action/checksums.txt pins JAR's SHA-256 for VERSION (replacing an older line for it);
#   - .pre-commit-channel/netlint.json (the coursier hook) names dev.netlint:netlint:VERSION.
# The jar is built reproducibly (project.build.outputTimestamp), so the tagged commit's own build
# gives the same bytes; the release job checks that before publishing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=../../github-action/scripts/release-jar.sh
. "$root/github-action/scripts/release-jar.sh"

version="${1:?usage: record-release.sh VERSION JAR}"
jar="${2:?usage: record-release.sh VERSION JAR}"
netlint_valid_version "$version" || { echo "not a release version: $version" >&2; exit 2; }
[ -f "$jar" ] || { echo "no jar at $jar" >&2; exit 2; }
sha="$(netlint_sha256_of "$jar")"

for pom in "$root/pom.xml" "$root/maven-plugin/pom.xml"; do
  # the first <version> of each pom is the project's own
  sed -i "0,/<version>[^<]*<\/version>/s//<version>$version<\/version>/" "$pom"
done
checksums="$root/github-action/checksums.txt"
tmp="$checksums.tmp.$$"
awk -v v="$version" '$1 != v' "$checksums" >"$tmp"
echo "$version $sha" >>"$tmp"
mv "$tmp" "$checksums"
sed -i "s/\"dev\.netlint:netlint:[^\"]*\"/\"dev.netlint:netlint:$version\"/" "$root/.pre-commit-channel/netlint.json"
echo "netlint $version: $sha"
