#!/usr/bin/env bash
# `npm run test:dates`: the node tests again with the machine's clock moved (Debian's faketime), at dates
# far apart, one of them a second before New Year's Eve midnight in Beijing, with a Beijing-time machine.
# A test that reads the wall clock to decide what it expects fails here. CI runs it after `npm test`.
# Needs faketime: `apt-get install faketime` (Debian/Ubuntu).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v faketime >/dev/null 2>&1; then
  echo "faketime is not installed: apt-get install -y faketime" >&2
  exit 1
fi
run() {
  local tz="$1" at="$2"
  echo "== node tests at ${at} (${tz})"
  TZ="$tz" faketime "$at" npx jest --selectProjects node --silent
}
run UTC '2027-02-10 10:00:00'
run Asia/Shanghai '2028-12-31 23:59:30'
run UTC '2031-01-01 00:00:30'
