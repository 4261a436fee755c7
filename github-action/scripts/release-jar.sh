# shellcheck shell=bash
# Getting a released netlint.jar safely. Sourced (not run) by the Action's install.sh and by the
# pre-commit hook (pre-commit/netlint-hook); both run from a checkout of this repository at one ref.
#
# Trust comes from that checkout, never from the download: github-action/checksums.txt, written by
# the release process, pins each released version's jar SHA-256. A version without a pinned
# checksum is not downloaded at all. Downloads are https only; plain http is accepted only for a
# loopback host (127.0.0.0/8, localhost, [::1]) and only when NETLINT_TEST_ALLOW_LOOPBACK_HTTP=1,
# which the tests set for their local release server.

# The version pattern: digits, dots and a pre-release suffix; nothing that can act as a path.
netlint_valid_version() {
  [[ "$1" =~ ^[0-9]{1,9}\.[0-9]{1,9}\.[0-9]{1,9}(-[0-9A-Za-z]+([.-][0-9A-Za-z]+)*)?$ ]] && [ "${#1}" -le 64 ]
}

# The project version of a checkout: the first <version> of its pom.xml (the project's own).
netlint_checkout_version() {
  sed -n 's:^[[:space:]]*<version>\([^<]*\)</version>.*$:\1:p' "$1/pom.xml" 2>/dev/null | head -n 1
}

# The pinned SHA-256 of VERSION's jar in CHECKSUMS_FILE ("<version> <sha256>" lines), or nothing.
netlint_pinned_sha256() {
  [ -f "$1" ] || return 0
  awk -v v="$2" '$1 == v && length($2) == 64 && $2 !~ /[^0-9a-f]/ { print $2; exit }' "$1"
}

netlint_sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | awk '{print $1}'
  else
    shasum -a 256 "$1" | awk '{print $1}'
  fi
}

# Succeeds for an https URL, or an http URL to a loopback host under the test switch.
netlint_allowed_url() {
  case "$1" in
    https://*) return 0 ;;
    http://*)
      [ "${NETLINT_TEST_ALLOW_LOOPBACK_HTTP:-}" = 1 ] || return 1
      [[ "$1" =~ ^http://(127\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}|localhost|\[::1\])(:[0-9]{1,5})?(/|$) ]]
      ;;
    *) return 1 ;;
  esac
}

# netlint_fetch_jar URL DEST SHA256: downloads URL to DEST when DEST is missing or wrong, checks the
# checksum, and leaves DEST only when it matches. Prints one line of error and fails otherwise.
netlint_fetch_jar() {
  local url="$1" dest="$2" want="$3" got protos
  if [ -f "$dest" ] && [ "$(netlint_sha256_of "$dest")" = "$want" ]; then
    return 0
  fi
  if ! netlint_allowed_url "$url"; then
    echo "refusing to download $url: only https URLs are allowed" >&2
    return 1
  fi
  protos="=https"
  [ "${NETLINT_TEST_ALLOW_LOOPBACK_HTTP:-}" = 1 ] && case "$url" in http://*) protos="=http" ;; esac
  mkdir -p "$(dirname "$dest")"
  local part="$dest.part.$$"
  # Bounded: 200 MB at most, 5 minutes at most, no redirect to a non-https URL.
  if ! curl -fsSL --proto "$protos" --proto-redir "$protos" --max-filesize 200000000 --max-time 300 \
      --retry 3 --connect-timeout 20 -o "$part" "$url"; then
    rm -f "$part"
    echo "could not download $url" >&2
    return 1
  fi
  got="$(netlint_sha256_of "$part")"
  if [ "$got" != "$want" ]; then
    rm -f "$part"
    echo "checksum mismatch for $url: the pinned SHA-256 is $want, the download has $got" >&2
    return 1
  fi
  mv -f "$part" "$dest"
}

# netlint_check_jar JAVA JAR VERSION: the jar must run and print "netlint VERSION" before it is used.
netlint_check_jar() {
  local shown
  if ! shown="$("$1" -jar "$2" --version 2>&1 | head -n 1)" || [ "$shown" != "netlint $3" ]; then
    echo "$2 does not print 'netlint $3' for --version (it printed: ${shown:0:80})" >&2
    return 1
  fi
}
