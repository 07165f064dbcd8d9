# Sourced by serve.sh, test.sh and bench.sh: moves to the project root, installs what is missing
# (setup.sh) and puts the tools on PATH. wasm-opt (npm binaryen) and wasm-bindgen must be found
# there: Trunk runs offline and must never download tools.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
