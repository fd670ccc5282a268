#!/usr/bin/env bash
# `npm run test:consumers`: packs the built package once (`npm run build`
# first), then runs test/consumers/*.test.ts one project at a time; each
# installs the tarball into a fresh folder (see test/consumers/harness.ts).
# Counts go to test-results/consumers-counts.json.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f dist/index.js ] || [ ! -f dist/cdn/autoloader.js ]; then
  echo "test:consumers: dist/ is not built; run npm run build first" >&2
  exit 1
fi
mkdir -p test-results/consumers
rm -f test-results/consumers/*.tgz
tarball=$(npm pack --silent --pack-destination test-results/consumers | tail -n 1)
export WBK_TARBALL="$PWD/test-results/consumers/$tarball"
echo "test:consumers: $(du -k "$WBK_TARBALL" | cut -f1) kB tarball $WBK_TARBALL"
exec node --import tsx --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=./scripts/count-reporter.mjs --test-reporter-destination=test-results/consumers-counts.json \
  'test/consumers/*.test.ts'
