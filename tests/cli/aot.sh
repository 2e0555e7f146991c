#!/usr/bin/env bash
# Publishes the nerva CLI with NativeAOT and checks that the AOT binary trains exactly as the JIT-compiled
# nerva.dll: the same command line must print the same epoch table (loss and accuracies), apart from the
# seconds column. Needs the native library and the Release build ('./build.sh build') and the Fashion-MNIST
# package ('./build.sh setup'). Run from anywhere: tests/cli/aot.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
AOT_DIR="$ROOT/build/cli-aot"
JIT_DLL="$ROOT/src/Nerva.Cli/bin/Release/net10.0/nerva.dll"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

fail() { printf 'aot: error: %s\n' "$*" >&2; exit 1; }

[[ -f $JIT_DLL ]] || fail "'$JIT_DLL' does not exist; build it first with './build.sh build'"

echo "aot: publishing the CLI to $AOT_DIR"
dotnet publish "$ROOT/src/Nerva.Cli" -c Release -p:PublishAot=true -o "$AOT_DIR" >"$ROOT/build/cli-aot.log" 2>&1 \
    || fail "dotnet publish failed; see $ROOT/build/cli-aot.log"
[[ -x $AOT_DIR/nerva ]] || fail "the publish wrote no executable '$AOT_DIR/nerva'"
[[ -f $AOT_DIR/libnerva_native.so ]] || fail "the publish did not copy libnerva_native.so next to '$AOT_DIR/nerva'"

# Batch normalization, dropout, Nesterov and a step-based schedule, on one thread so that the run takes a few
# seconds even on a busy machine.
ARGS=(train --dataset fashion-mnist --layers "ReLU;BatchNormalization;ReLU;Linear" --layer-sizes "784;64;32;10"
      --dropouts "0.1;0;0" --optimizers "Nesterov(0.9)" --learning-rate "StepBased(0.05,0.5,1)"
      --batch-size 100 --epochs 2 --seed 3 --threads 1)

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

"$AOT_DIR/nerva" "${ARGS[@]}" >"$WORK/aot.out" 2>"$WORK/aot.err" || fail "the AOT binary exited with $?: $(cat "$WORK/aot.err")"
dotnet "$JIT_DLL" "${ARGS[@]}" >"$WORK/jit.out" 2>"$WORK/jit.err" || fail "nerva.dll exited with $?: $(cat "$WORK/jit.err")"

# The rows after the header line "epoch lr loss ..." up to the first empty line, without the last field (seconds).
table() { awk '/^ *epoch /{on=1; next} on && NF==0{exit} on{$NF=""; print}' "$1"; }
table "$WORK/aot.out" >"$WORK/aot.table"
table "$WORK/jit.out" >"$WORK/jit.table"

passed=0 failed=0
rows=$(wc -l <"$WORK/jit.table")
if [[ $rows -eq 3 ]] && cmp -s "$WORK/aot.table" "$WORK/jit.table"; then
    passed=$((passed + 1))
else
    failed=$((failed + 1))
    echo "aot: FAIL: the epoch tables differ (or do not have the 3 rows of epochs 0 to 2)" >&2
    diff "$WORK/jit.table" "$WORK/aot.table" | sed 's/^/  /' >&2 || true
fi

echo "aot: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
