#!/usr/bin/env bash
# Builds and runs every benchmark of docs/benchmarks.md and writes the
# results to build/bench-results/<date-time>/ (report.md is the table).
#
#   benchmarks/run.sh [RUNS]      RUNS: repetitions of the whole set (default 3)
#
# Needs './build.sh setup' and 'benchmarks/setup.sh' first. Environment:
#   EPOCHS=3   timed epochs of 50 steps per case and process (inference: rounds of 200 calls)
#   MICRO=1    also run the BenchmarkDotNet micro-benchmarks (several minutes)
#   FILTER="--networks 3072-1024-512-10 --types float32 --threads 2"
#              options passed to the .NET harness and to the PyTorch script alike, to
#              time a subset of the cases (both accept --networks, --types,
#              --optimizers, --threads and --modes)
#
# Nerva, TorchSharp and PyTorch run in separate processes, one after the
# other in each repetition: TorchSharp needs the private runtime of
# setup.sh, and libtorch brings a second OpenMP runtime (see the doc). A
# short in-process run of both engines checks that loading TorchSharp
# does not change Nerva's times.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=${1:-3}
EPOCHS=${EPOCHS:-3}
read -r -a FILTER_OPTIONS <<<"${FILTER:-}"
RESULTS="$ROOT/build/bench-results/$(date +%Y%m%d-%H%M%S)"
HARNESS="$ROOT/benchmarks/Nerva.Benchmarks/bin/Release/net10.0/Nerva.Benchmarks"
OPENBLAS="$ROOT/build/bench-runtime/openblas/usr/lib/x86_64-linux-gnu/openblas-pthread"

step() { printf '\n==> %s\n' "$*" >&2; }
fail() { printf 'run.sh: error: %s\n' "$*" >&2; exit 1; }

[[ -d $OPENBLAS ]] || fail "the private runtime is missing: run benchmarks/setup.sh first"
mkdir -p "$RESULTS"

step "build: native library (Release, MKL), native benchmarks, .NET harnesses"
cmake -S "$ROOT/native" -B "$ROOT/build/native" -DCMAKE_BUILD_TYPE=Release -DNERVA_USE_MKL=ON >/dev/null
cmake --build "$ROOT/build/native" -j "$(nproc)" >/dev/null
cmake -S "$ROOT/benchmarks" -B "$ROOT/build/bench-native" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$ROOT/build/bench-native" -j "$(nproc)" --target peak step_benchmark >/dev/null
dotnet build "$ROOT/benchmarks/Nerva.Benchmarks.sln" -c Release -nologo -v quiet >/dev/null

step "machine -> $RESULTS/machine.txt"
{
    echo "command: EPOCHS=$EPOCHS FILTER='${FILTER:-}' benchmarks/run.sh $RUNS"
    echo "git: $(git -C "$ROOT" rev-parse --short HEAD) $(git -C "$ROOT" status --porcelain | wc -l) changed files"
    echo "start: $(date -Is) $(uptime)"
    lscpu
    grep -m1 -E '^flags' /proc/cpuinfo
    grep -m1 -E '^cpu MHz' /proc/cpuinfo
} >"$RESULTS/machine.txt"

step "peak FMA throughput -> peak.csv"
"$ROOT/build/bench-native/peak" --threads 1,2 | tee "$RESULTS/peak.csv"

step "does loading TorchSharp change Nerva's times? -> interference.csv"
CHECK=(--networks 3072-1024-512-10 --types float32 --optimizers nesterov --modes training --epochs "$EPOCHS")
"$ROOT/benchmarks/launch-with-runtime.sh" "$HARNESS" "${CHECK[@]}" --engines nerva --run 0 | sed 's/^training,nerva,/training,nerva-alone-trixie,/' >"$RESULTS/interference.csv"
"$ROOT/benchmarks/launch-with-runtime.sh" "$HARNESS" "${CHECK[@]}" --engines nerva,torchsharp --run 0 | sed 's/^training,nerva,/training,nerva-beside-torchsharp,/' | tail -n +2 >>"$RESULTS/interference.csv"
"$HARNESS" "${CHECK[@]}" --engines nerva --run 0 | sed "s/^training,nerva,/training,nerva-alone-system,/" | tail -n +2 >>"$RESULTS/interference.csv"
cat "$RESULTS/interference.csv"

echo "mode,engine,network,type,optimizer,threads,batch,run,median_ms,median_epoch_ms,flops,final_loss" >"$RESULTS/results.csv"
for run in $(seq 1 "$RUNS"); do
    step "run $run of $RUNS: Nerva, TorchSharp, PyTorch (load: $(cut -d' ' -f1-3 /proc/loadavg))"
    "$HARNESS" --engines nerva --epochs "$EPOCHS" --run "$run" "${FILTER_OPTIONS[@]}" | tail -n +2 >>"$RESULTS/results.csv"
    "$ROOT/benchmarks/launch-with-runtime.sh" "$HARNESS" --engines torchsharp --epochs "$EPOCHS" --run "$run" "${FILTER_OPTIONS[@]}" | tail -n +2 >>"$RESULTS/results.csv"
    LD_LIBRARY_PATH="$OPENBLAS" /usr/bin/python3 "$ROOT/benchmarks/pytorch/pytorch_step.py" --epochs "$EPOCHS" --run "$run" "${FILTER_OPTIONS[@]}" >>"$RESULTS/results.csv"
done
echo "end: $(date -Is) $(uptime)" >>"$RESULTS/machine.txt"

if [[ ${MICRO:-0} == 1 ]]; then
    step "BenchmarkDotNet micro-benchmarks -> micro/"
    # BenchmarkDotNet builds its own runner from the project, so it starts in the project's folder.
    (cd "$ROOT/benchmarks/Nerva.MicroBenchmarks" && dotnet run -c Release --no-build -- \
        --filter '*' --artifacts "$RESULTS/micro" >"$RESULTS/micro.log")
    cat "$RESULTS"/micro/results/*-report-github.md
fi

step "report -> $RESULTS/report.md"
python3 "$ROOT/benchmarks/report.py" "$RESULTS" | tee "$RESULTS/report.md"
