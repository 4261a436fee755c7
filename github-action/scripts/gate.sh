#!/usr/bin/env bash
# Step "Apply fail-on" of the netlint GitHub Action (github-action/action.yml): fails the job when
# the "Run netlint" step found something at or above INPUT_FAIL_ON. It runs after the SARIF upload,
# so the alerts reach code scanning even when the job fails.
set -euo pipefail

fail_on="${INPUT_FAIL_ON:-error}"
case "${NETLINT_EXIT_CODE:-}" in
  0)
    echo "netlint: nothing at or above fail-on '$fail_on'"
    ;;
  1)
    echo "::error title=netlint::findings at or above fail-on '$fail_on' (see the 'Run netlint' step and the code scanning alerts)"
    exit 1
    ;;
  *)
    echo "::error title=netlint::no result from the 'Run netlint' step (exit code '${NETLINT_EXIT_CODE:-}')"
    exit 2
    ;;
esac
