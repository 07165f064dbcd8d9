#!/usr/bin/env bash
# Serves the release build the way IT would (static-web-server with deploy/static-web-server.toml:
# precompressed brotli/gzip, index.html for the app's routes, application/wasm, immutable caching
# of hashed files, the Content-Security-Policy as a header). Builds first.
#
#   bash scripts/serve-release.sh                              # http://127.0.0.1:8080/
#   bash scripts/serve-release.sh /styrning/kommunkompassen/   # built for and served at that path
#
# KK_PORT (default 8080) and KK_HOST (default 127.0.0.1) choose where it listens.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/prepare.sh"
base="${1:-/}"
echo "serve-release: trunk build --release --public-url $base"
trunk build --release --public-url "$base"
exec node scripts/serve-release.mjs --port "${KK_PORT:-8080}" --host "${KK_HOST:-127.0.0.1}"
