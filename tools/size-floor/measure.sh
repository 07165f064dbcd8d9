#!/usr/bin/env bash
# Builds the three size-floor steps with the app's release profile and tools and prints their
# WebAssembly size after wasm-bindgen and wasm-opt, raw and gzip -9. See README.md.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# The same flag as the app (.cargo/config.toml), given explicitly so only this one applies.
export RUSTFLAGS="--cfg erase_components"
cd "$HERE"
printf '%-46s %10s %10s\n' "step (features)" "raw" "gzip -9"
declare -A LABEL=([a]="A  Leptos, one component" [b]="B  A + leptos_router, four routes" [c]="C  B + serde_json round trip")
declare -A FEATURES=([a]="" [b]="router" [c]="json")
for step in a b c; do
  out="target/measure/$step"
  rm -rf "$out" && mkdir -p "$out"
  cargo build --quiet --release --target wasm32-unknown-unknown --features "${FEATURES[$step]}"
  wasm-bindgen --target web --out-name "$step" --out-dir "$out" target/wasm32-unknown-unknown/release/size-floor.wasm
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int "$out/${step}_bg.wasm" -o "$out/opt.wasm"
  awk -v l="${LABEL[$step]}" -v r="$(stat -c %s "$out/opt.wasm")" -v g="$(gzip -9c "$out/opt.wasm" | wc -c)" \
    'BEGIN { printf "%-46s %8.1f KB %7.1f KB\n", l, r / 1024, g / 1024 }'
done
