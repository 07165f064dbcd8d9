#!/usr/bin/env bash
# Development server: installs what is missing, then serves the app with live reload at
# http://127.0.0.1:8080 (addresses and port are set in Trunk.toml; extra arguments go to trunk).
#
#   bash scripts/serve.sh
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/prepare.sh"
echo "serve: http://127.0.0.1:8080 (Ctrl-C stops)"
exec trunk serve --address 127.0.0.1 --port 8080 "$@"
