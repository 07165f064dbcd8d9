#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test Kommunkompass självskattning, and
# nothing that is already there at the right version. Safe to run any number of times.
#
#   bash scripts/setup.sh
#
# Steps (one output line each):
#   1. Rust target wasm32-unknown-unknown, rustfmt   (rustup)
#   2. Chromium + ChromeDriver for browser tests      (Debian apt: chromium, chromium-driver)
#      nginx + its brotli module, to test deploy/nginx (Debian apt: nginx-light,
#                                                      libnginx-mod-http-brotli-static)
#   3. trunk 0.21.14                                  (cargo install --locked)
#   4. wasm-bindgen-cli == wasm-bindgen in Cargo.lock (cargo install; provides the test runner)
#   4a. wasm-split-cli 0.2.4                         (cargo install --locked wasm_split_cli_support;
#                                                      splits the release WebAssembly into chunks:
#                                                      scripts/build-wasm.mjs)
#   4b. static-web-server 2.44.1                      (cargo install --locked; serves the release
#                                                      build like production: scripts/serve-release.sh)
#   5. npm packages, dependencies and devDependencies (pinned; wasm-opt comes from binaryen)   (npm ci)
#   6. reduced ECharts bundle -> public/vendor/echarts/              (node tools/echarts/build.mjs)
#   7. crates for offline builds                      (cargo fetch; Trunk.toml has offline = true)
#
# Nothing is ever downloaded from outside the package registries (crates.io, npm, Debian).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
SWS_VERSION="2.44.1"
WASM_SPLIT_VERSION="0.2.4"
export PATH="$HOME/.cargo/bin:$PATH"
# Belt and braces: no tool may fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

step() { printf 'setup: %-34s %s\n' "$1" "$2"; }
die() { printf '\nsetup: FAILED: %s\n' "$*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "'$1' is not installed. $2"; }

need cargo "Install Rust with rustup (https://rustup.rs) first."
need rustup "Install Rust with rustup (https://rustup.rs) first."
need node "Install Node.js 20 or newer first."
need npm "Install npm (comes with Node.js) first."
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || die "Node.js 20 or newer is needed, found $(node --version)."

# Runs a command quietly; on failure shows its output and stops.
quiet() {
  local log
  log="$(mktemp)"
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    die "command failed: $*"
  fi
  rm -f "$log"
}

# --- 1. Rust target --------------------------------------------------------------------------
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rust target wasm32-unknown-unknown" "present"
else
  step "rust target wasm32-unknown-unknown" "installing (rustup target add)"
  quiet rustup target add wasm32-unknown-unknown
fi

if rustup component list --installed 2>/dev/null | grep -q '^rustfmt'; then
  step "rust component rustfmt" "present"
else
  step "rust component rustfmt" "installing (rustup component add; cargo fmt --check needs it)"
  quiet rustup component add rustfmt
fi

# --- 2. Chromium and ChromeDriver (Debian packages) ------------------------------------------
NGINX_BROTLI=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && [ -x /usr/sbin/nginx ] && [ -f "$NGINX_BROTLI" ]; then
  step "chromium + chromium-driver" "present ($(/usr/bin/chromium --version 2>/dev/null | grep -o 'Chromium [0-9.]*'))"
  step "nginx + brotli_static" "present ($(/usr/sbin/nginx -v 2>&1 | grep -o 'nginx/[0-9.]*'))"
else
  step "chromium, chromedriver, nginx" "installing (apt-get install)"
  need apt-get "Chromium must come from Debian's packages (chromium, chromium-driver)."
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "installing chromium needs root (or sudo)."
    SUDO="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  # nginx only for the tests of deploy/nginx: they start their own instance on a loopback port.
  apt_install() {
    $SUDO apt-get install -y --no-install-recommends chromium chromium-driver nginx-light libnginx-mod-http-brotli-static
  }
  # Refresh the package lists only when installing from the present lists does not work.
  apt_log="$(mktemp)"
  if ! { apt-cache show chromium chromium-driver nginx-light libnginx-mod-http-brotli-static >/dev/null 2>&1 && apt_install >"$apt_log" 2>&1; }; then
    step "  apt package lists" "updating (apt-get update), then installing again"
    quiet $SUDO apt-get update
    quiet apt_install
  fi
  rm -f "$apt_log"
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || die "chromium/chromedriver still missing after apt-get install."
  [ -x /usr/sbin/nginx ] && [ -f "$NGINX_BROTLI" ] || die "nginx or its brotli module still missing after apt-get install."
fi

# --- 3. trunk --------------------------------------------------------------------------------
have_trunk="$(trunk --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_trunk" = "$TRUNK_VERSION" ]; then
  step "trunk $TRUNK_VERSION" "present"
else
  step "trunk $TRUNK_VERSION" "installing (cargo install --locked, ~10 min; found '${have_trunk:-none}')"
  quiet cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# --- 4. wasm-bindgen-cli, exactly the version in Cargo.lock ----------------------------------
[ -f Cargo.lock ] || die "Cargo.lock is missing; it pins wasm-bindgen."
WBG_VERSION="$(awk '
  /^\[\[package\]\]/ { name = "" }
  /^name = / { name = $3; gsub(/"/, "", name) }
  /^version = / && name == "wasm-bindgen" { v = $3; gsub(/"/, "", v); print v; exit }
' Cargo.lock)"
[ -n "$WBG_VERSION" ] || die "could not find the wasm-bindgen version in Cargo.lock."
have_wbg="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
have_runner="$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_wbg" = "$WBG_VERSION" ] && [ "$have_runner" = "$WBG_VERSION" ]; then
  step "wasm-bindgen-cli $WBG_VERSION" "present"
else
  # No --locked: wasm-bindgen-cli's own lock file does not build with this toolchain.
  step "wasm-bindgen-cli $WBG_VERSION" "installing (cargo install, ~4 min; found '${have_wbg:-none}')"
  quiet cargo install wasm-bindgen-cli --version "=$WBG_VERSION" --force
fi

# --- 4a. wasm-split-cli -----------------------------------------------------------------------
# It has no --version; cargo's list of installed packages says which version it is.
if command -v wasm-split-cli >/dev/null 2>&1 &&
  cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  step "wasm-split-cli $WASM_SPLIT_VERSION" "present"
else
  step "wasm-split-cli $WASM_SPLIT_VERSION" "installing (cargo install --locked, ~3 min)"
  quiet cargo install wasm_split_cli_support --version "=$WASM_SPLIT_VERSION" --locked --features build-binary
fi

# --- 4b. static-web-server ------------------------------------------------------------------
have_sws="$(static-web-server --version 2>/dev/null | awk '/^Version:/ {print $2}' || true)"
if [ "$have_sws" = "$SWS_VERSION" ]; then
  step "static-web-server $SWS_VERSION" "present"
else
  # Only what serving the release build needs: precompressed files, the fallback page, headers.
  step "static-web-server $SWS_VERSION" "installing (cargo install --locked, ~5 min; found '${have_sws:-none}')"
  quiet cargo install static-web-server --version "$SWS_VERSION" --locked --no-default-features \
    --features compression,fallback-page
fi

# --- 5. npm packages -------------------------------------------------------------------------
# Up to date when every pinned devDependency is installed at exactly its pinned version.
npm_ok="$(node -e '
  const fs = require("fs");
  const pkg = require("./package.json");
  const deps = { ...(pkg.dependencies || {}), ...(pkg.devDependencies || {}) };
  const bad = Object.entries(deps).filter(([n, v]) => {
    try { return JSON.parse(fs.readFileSync(`node_modules/${n}/package.json`, "utf8")).version !== v; }
    catch { return true; }
  });
  process.stdout.write(bad.length ? bad.map(([n]) => n).join(",") : "ok");
')"
if [ "$npm_ok" = "ok" ] && [ -x node_modules/.bin/wasm-opt ]; then
  step "npm packages" "present"
elif [ -f package-lock.json ]; then
  step "npm packages" "installing (npm ci; missing or stale: $npm_ok)"
  quiet npm ci --no-audit --no-fund
else
  step "npm packages" "installing (npm install; no package-lock.json)"
  quiet npm install --no-audit --no-fund
fi
[ -x node_modules/.bin/wasm-opt ] || die "node_modules/.bin/wasm-opt missing after npm (binaryen)."

# --- 6. ECharts bundle ------------------------------------------------------------------------
step "echarts bundle" "$(node tools/echarts/build.mjs 2>&1 | tail -n 1)"

# --- 7. crates ------------------------------------------------------------------------------
step "cargo fetch" "fetching crates named in Cargo.lock"
quiet cargo fetch

step "done" "node_modules/.bin must be on PATH for trunk (wasm-opt); scripts/*.sh do that"
