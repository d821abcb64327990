#!/usr/bin/env bash
# Runs every test: the unit tests (Vitest, Node) and the end-to-end tests (Playwright driving Debian's
# Chromium with the built extension loaded). Installs what is missing first. Ends with `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "0 passed, 1 failed"; exit 1; }
mkdir -p .tmp
rm -f .tmp/unit.json .tmp/e2e.json

npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/unit.json
unit=$?

# The end-to-end tests load the built extension (and read both browsers' manifests): build when stale.
stale=0
for m in .output/chrome-mv3/manifest.json .output/firefox-mv3/manifest.json; do
  if [ ! -f "$m" ] || [ -n "$(find entrypoints components lib public wxt.config.ts package-lock.json -newer "$m" -print -quit 2>/dev/null)" ]; then stale=1; fi
done
if [ $stale -eq 1 ]; then npm run build >/dev/null || echo "build failed"; fi
e2e=0
if compgen -G "tests/e2e/*.test.ts" >/dev/null; then
  npx vitest run -c vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json=.tmp/e2e.json
  e2e=$?
fi

node scripts/count-tests.mjs .tmp/unit.json .tmp/e2e.json
counted=$?
[ $unit -eq 0 ] && [ $e2e -eq 0 ] && [ $counted -eq 0 ]
