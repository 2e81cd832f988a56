#!/usr/bin/env bash
# The whole test suite, in the order a failure is cheapest to find:
# the browsers first (a missing one stops the run at once, or is installed), then
# types and lint, dataset freshness, unit and DOM tests, the build, then real browsers.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "browsers for the end-to-end tests"; bash scripts/ensure-browsers.sh
step "types"; npx tsc --noEmit
step "lint"; npx eslint .
step "dataset is up to date"; npm run --silent data -- --check
step "unit + DOM tests"; npx vitest run --project unit --project dom
step "build (Chrome MV3, Firefox MV2)"; npm run --silent build
step "store lint (web-ext, Firefox build)"; npx web-ext lint --source-dir .output/firefox-mv2 --self-hosted --output text --warnings-as-errors=false
step "end-to-end (real Chromium and Firefox)"; npx vitest run --project e2e
