#!/usr/bin/env bash
# Runs every test layer of Kommunkompass självskattning and fails if any of them fails.
#
#   bash scripts/test.sh
#
# Layers:
#   1. format   cargo fmt --check                          (counted as one check)
#   2. clippy   cargo clippy --all-targets -- -D warnings, natively and for wasm32
#               (counted as one check per target)
#   3. native   cargo test                                 (domain core and workspace, tests/domain)
#   4. wasm     cargo test --target wasm32-unknown-unknown --test web
#               (wasm-bindgen-test in headless Chromium via chromedriver; tests/web)
#   5. build    trunk build --release                      (counted as one check), and the same
#               for the sub-path /styrning/kommunkompassen/ into target/dist-subpath (one check)
#   6. e2e      node --test tests/e2e/                     (Playwright + Chromium against dist/ and
#               target/dist-subpath, served by tests/e2e/serve.mjs or static-web-server)
#
# Every layer runs even when an earlier one failed (except e2e, which needs the build). The last
# line is always "N passed, N failed", summed over all layers. Logs: target/test-logs/.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/prepare.sh"
export CARGO_TERM_COLOR=never
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/tests/web/webdriver.json"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"

LOGS="$ROOT/target/test-logs"
mkdir -p "$LOGS"

total_passed=0
total_failed=0
summary=()

# record LAYER PASSED FAILED SECONDS
record() {
  total_passed=$((total_passed + $2))
  total_failed=$((total_failed + $3))
  local verdict="ok"
  [ "$3" -eq 0 ] || verdict="FAILED"
  summary+=("$(printf '  %-8s %4d passed %4d failed  %4ds  %s' "$1" "$2" "$3" "$4" "$verdict")")
}

# run_logged NAME CMD... : runs CMD with its output shown and saved to $LOGS/NAME.log;
# returns CMD's exit status.
run_logged() {
  local name="$1"
  shift
  printf '\n=== %s: %s\n' "$name" "$*"
  set +e
  "$@" 2>&1 | tee "$LOGS/$name.log"
  local status="${PIPESTATUS[0]}"
  set -e
  return "$status"
}

# Sums "test result: ... N passed; M failed" lines of cargo's test harnesses in a log.
# Prints "PASSED FAILED"; a failed run without any result line counts as one failure.
cargo_counts() {
  local log="$1" status="$2"
  local counts
  counts="$({ grep -Eo '[0-9]+ passed; [0-9]+ failed' "$log" || true; } | awk '{p += $1; f += $3} END {print p + 0, f + 0}')"
  read -r p f <<<"$counts"
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  echo "$p $f"
}

# --- 1. format --------------------------------------------------------------------------------
start=$SECONDS
if run_logged fmt cargo fmt --all --check; then
  record fmt 1 0 $((SECONDS - start))
else
  record fmt 0 1 $((SECONDS - start))
fi

# --- 2. lints ---------------------------------------------------------------------------------
start=$SECONDS
p=0
f=0
for target in native wasm32-unknown-unknown; do
  target_args=()
  [ "$target" = native ] || target_args=(--target "$target")
  if run_logged "clippy-$target" cargo clippy --all-targets "${target_args[@]}" -- -D warnings; then
    p=$((p + 1))
  else
    f=$((f + 1))
  fi
done
record clippy "$p" "$f" $((SECONDS - start))

# --- 3. native tests ------------------------------------------------------------------------
start=$SECONDS
status=0
run_logged native cargo test || status=$?
read -r p f <<<"$(cargo_counts "$LOGS/native.log" "$status")"
record native "$p" "$f" $((SECONDS - start))

# --- 4. wasm browser tests --------------------------------------------------------------------
start=$SECONDS
status=0
run_logged wasm cargo test --target wasm32-unknown-unknown --test web || status=$?
read -r p f <<<"$(cargo_counts "$LOGS/wasm.log" "$status")"
record wasm "$p" "$f" $((SECONDS - start))

# --- 5. release build -----------------------------------------------------------------------
start=$SECONDS
if run_logged build trunk build --release &&
  run_logged build-subpath trunk build --release --public-url /styrning/kommunkompassen/ --dist target/dist-subpath; then
  record build 2 0 $((SECONDS - start))
  built=1
else
  record build 0 1 $((SECONDS - start))
  built=0
fi

# --- 6. end-to-end tests --------------------------------------------------------------------
start=$SECONDS
if [ "$built" -eq 1 ]; then
  status=0
  : >"$LOGS/e2e.tap"
  # Human-readable progress on the console, TAP (with "# pass N" / "# fail N") in a file.
  run_logged e2e node --test --test-concurrency=1 \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$LOGS/e2e.tap" \
    tests/e2e/ || status=$?
  p="$(awk '/^# pass /{print $3}' "$LOGS/e2e.tap" | tail -n 1)"
  f="$(awk '/^# (fail|cancelled) /{s += $3} END {print s + 0}' "$LOGS/e2e.tap")"
  p="${p:-0}"
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  record e2e "$p" "$f" $((SECONDS - start))
else
  printf '\n=== e2e: skipped, the release build failed\n'
  record e2e 0 1 0
fi

printf '\n=== summary\n'
printf '%s\n' "${summary[@]}"
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
