#!/usr/bin/env bash
# Step "Run netlint" of the netlint GitHub Action (github-action/action.yml).
#
# Runs netlint twice over INPUT_PATHS from the workspace:
#   1. --format sarif --fail-on none into INPUT_SARIF_FILE, so the report exists whatever is found;
#   2. --format INPUT_FORMAT --fail-on INPUT_FAIL_ON into the job log, whose exit code decides.
# The step itself fails only when netlint cannot run (exit 2: bad option, unreadable path); the
# "Apply fail-on" step (gate.sh) fails the job on findings, after the SARIF upload.
# Outputs: sarif-file, exit-code, findings, errors, warnings, notes. Writes a job summary.
set -euo pipefail

: "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set: this script runs as a GitHub Actions step}"
: "${NETLINT_JAR:?NETLINT_JAR is not set: the 'Get netlint' step provides it}"
workspace="${GITHUB_WORKSPACE:-$PWD}"
cd "$workspace"

fail_on="${INPUT_FAIL_ON:-error}"
format="${INPUT_FORMAT:-text}"
sarif="${INPUT_SARIF_FILE:-netlint.sarif}"
config="${INPUT_CONFIG:-}"
config_from_base="${INPUT_CONFIG_FROM_BASE:-false}"

case "$fail_on" in
  error | warning | note | none) ;;
  *) echo "::error title=netlint::fail-on must be error, warning, note or none, not '$fail_on'"; exit 2 ;;
esac
case "$config_from_base" in
  true | false) ;;
  *) echo "::error title=netlint::config-from-base must be true or false, not '$config_from_base'"; exit 2 ;;
esac
case "$format" in
  text | json | sarif | github) ;;
  *) echo "::error title=netlint::format must be text, json, sarif or github, not '$format'"; exit 2 ;;
esac

# One path per line when the input has several lines (paths may then contain spaces), otherwise
# separated by blanks. No glob expansion: netlint searches directories itself.
paths=()
if [[ "${INPUT_PATHS:-}" == *$'\n'* ]]; then
  while IFS= read -r line; do
    line="${line#"${line%%[![:space:]]*}"}"
    line="${line%"${line##*[![:space:]]}"}"
    [ -n "$line" ] && paths+=("$line")
  done <<<"$INPUT_PATHS"
else
  set -f
  # shellcheck disable=SC2206  # split on blanks, globbing is off
  paths=(${INPUT_PATHS:-})
  set +f
fi
[ "${#paths[@]}" -gt 0 ] || paths=(.)

java_cmd="java"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java_cmd="$JAVA_HOME/bin/java"
fi
netlint=("$java_cmd" -jar "$NETLINT_JAR" lint)
options=()
if [ "$config_from_base" = "true" ]; then
  # The pull request must not decide what is checked: take the configuration from the base commit.
  base="${NETLINT_BASE_SHA:-}"
  if [ -z "$base" ] && [ -n "${GITHUB_BASE_REF:-}" ]; then
    base="origin/$GITHUB_BASE_REF"
  fi
  if [ -z "$base" ]; then
    echo "netlint: config-from-base: not a pull request, so the workspace's configuration is used"
    [ -z "$config" ] || options+=(--config "$config")
  else
    wanted="${config:-.netlint.yaml}"
    wanted="${wanted#./}"
    trusted="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/netlint-base-config.yaml"
    git cat-file -e "$base^{commit}" 2>/dev/null || git fetch --quiet --depth=1 origin "$base" 2>/dev/null || true
    if git show "$base:$wanted" >"$trusted" 2>/dev/null; then
      echo "netlint: configuration $wanted from the base commit $base"
      options+=(--config "$trusted")
    else
      echo "netlint: config-from-base: the base commit $base has no $wanted; linting without a configuration"
      options+=(--no-config)
    fi
  fi
elif [ -n "$config" ]; then
  options+=(--config "$config")
fi

mkdir -p "$(dirname "$sarif")"
set +e
"${netlint[@]}" --format sarif --output "$sarif" --fail-on none ${options[@]+"${options[@]}"} -- "${paths[@]}"
sarif_rc=$?
set -e
if [ "$sarif_rc" -ne 0 ] || [ ! -f "$sarif" ]; then
  echo "::error title=netlint::netlint could not lint ${paths[*]} (exit $sarif_rc)"
  exit 2
fi
echo "sarif-file=$sarif" >>"$GITHUB_OUTPUT"

# The log output quotes the pull request's files: no line of it may act as a workflow command.
# (The github format prints annotations, which are commands; netlint escapes their data.)
stop_token=""
if [ "$format" != "github" ]; then
  stop_token="netlint-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  echo "::stop-commands::$stop_token"
fi
set +e
"${netlint[@]}" --format "$format" --fail-on "$fail_on" ${options[@]+"${options[@]}"} -- "${paths[@]}"
rc=$?
set -e
[ -z "$stop_token" ] || echo "::$stop_token::"
if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
  echo "::error title=netlint::netlint failed (exit $rc)"
  exit 2
fi

# Counts from the SARIF report (jq on GitHub's runners, python3 otherwise).
count_levels() {
  if command -v jq >/dev/null 2>&1; then
    jq -r '[.runs[].results[]? | (.level // "warning")] as $l
           | "\($l | length) \([$l[] | select(. == "error")] | length) \([$l[] | select(. == "warning")] | length) \([$l[] | select(. == "note")] | length)"' "$sarif"
  else
    python3 - "$sarif" <<'PY'
import json, sys
levels = [r.get("level", "warning") for run in json.load(open(sys.argv[1], encoding="utf-8"))["runs"] for r in run.get("results", [])]
print(len(levels), levels.count("error"), levels.count("warning"), levels.count("note"))
PY
  fi
}
read -r total errors warnings notes < <(count_levels) || true
if ! [[ "${notes:-}" =~ ^[0-9]+$ ]]; then
  echo "::error title=netlint::could not read the SARIF report $sarif"
  exit 2
fi
{
  echo "exit-code=$rc"
  echo "findings=$total"
  echo "errors=$errors"
  echo "warnings=$warnings"
  echo "notes=$notes"
} >>"$GITHUB_OUTPUT"

if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  verdict="passed"
  [ "$rc" -eq 0 ] || verdict="failed"
  {
    echo "### netlint"
    echo
    echo "| findings | errors | warnings | notes | fail-on | result |"
    echo "|---:|---:|---:|---:|---|---|"
    echo "| $total | $errors | $warnings | $notes | \`$fail_on\` | $verdict |"
    echo
    echo "SARIF report: \`$sarif\`"
    if [ "$total" -gt 0 ] && command -v jq >/dev/null 2>&1; then
      echo
      # Messages and file names come from the pull request: HTML and Markdown are escaped.
      jq -r 'def md: tostring | gsub("[\r\n]+"; " ") | gsub("&"; "&amp;") | gsub("<"; "&lt;") | gsub(">"; "&gt;")
                    | gsub("(?<c>[\\\\`*_{}\\[\\]()#+!|~-])"; "\\\(.c)");
             [.runs[].results[]?] | .[:50][]
             | "- \(.locations[0].physicalLocation.artifactLocation.uri // "?" | md):\(.locations[0].physicalLocation.region.startLine // 0) \(.level // "warning" | md) **\(.ruleId | md)** \(.message.text | md)"' "$sarif"
      [ "$total" -le 50 ] || echo "- … and $((total - 50)) more in the SARIF report"
    fi
  } >>"$GITHUB_STEP_SUMMARY"
fi
echo "netlint: $total finding(s): $errors error(s), $warnings warning(s), $notes note(s); exit $rc under fail-on $fail_on"
