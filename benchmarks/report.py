"""Turns the CSV files of one benchmarks/run.sh into the Markdown tables of docs/benchmarks.md.

    python3 benchmarks/report.py build/bench-results/DATE-TIME

Each time is the median over the repetitions (the 'run' column) of the
per-run medians. Percent of peak divides the step's product FLOPs by the
time and by the measured FMA peak for the element type and thread count
(the faster of the AVX2 and AVX-512 probes).
"""

import csv
import statistics
import sys
from collections import defaultdict
from pathlib import Path


def read_csv(path):
    with open(path, newline="") as file:
        return list(csv.DictReader(file))


def main():
    folder = Path(sys.argv[1])
    peak = defaultdict(float)
    for row in read_csv(folder / "peak.csv"):
        dtype = row["kernel"].split("-")[1]
        key = (dtype, int(row["threads"]))
        peak[key] = max(peak[key], float(row["gflops"]))

    times = defaultdict(list)
    epochs = defaultdict(list)
    flops = {}
    for row in read_csv(folder / "results.csv"):
        key = (row["mode"], row["network"], row["type"], row["optimizer"], int(row["threads"]), int(row["batch"]))
        times[key, row["engine"]].append(float(row["median_ms"]))
        epochs[key, row["engine"]].append(float(row["median_epoch_ms"]))
        flops[key] = float(row["flops"])

    def median(values):
        return statistics.median(values) if values else float("nan")

    def percent(key, engine):
        ms = median(times[key, engine])
        return 100 * flops[key] / (ms * 1e-3) / (peak[key[2], key[4]] * 1e9)

    print("Peak FMA throughput (GFLOP/s): " + ", ".join(
        f"{dtype} {threads} thread{'s' if threads > 1 else ''}: {value:.1f}" for (dtype, threads), value in sorted(peak.items())))
    print()
    print("Training step, batch 100 (ms per step; epoch = 50 steps, ms; ratio = Nerva time / TorchSharp time)")
    print()
    print("| network | type | optimizer | threads | Nerva step | Nerva epoch | TorchSharp step | TorchSharp epoch"
          " | PyTorch step | Nerva/TorchSharp | Nerva % peak | TorchSharp % peak |")
    print("|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for key in sorted(k for k in flops if k[0] == "training"):
        _, network, dtype, optimizer, threads, _ = key
        nerva, torch_sharp, pytorch = (median(times[key, e]) for e in ("nerva", "torchsharp", "pytorch"))
        print(f"| {network} | {dtype} | {optimizer} | {threads} | {nerva:.2f} | {median(epochs[key, 'nerva']):.0f}"
              f" | {torch_sharp:.2f} | {median(epochs[key, 'torchsharp']):.0f} | {pytorch:.2f} | {nerva / torch_sharp:.2f}"
              f" | {percent(key, 'nerva'):.0f}% | {percent(key, 'torchsharp'):.0f}% |")
    print()
    print("Inference, feedforward only (ms per call; examples/s in brackets)")
    print()
    print("| network | type | threads | batch | Nerva | TorchSharp | PyTorch | Nerva/TorchSharp | Nerva % peak |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for key in sorted((k for k in flops if k[0] == "inference"), key=lambda k: (k[1], k[2], k[4], k[5])):
        _, network, dtype, _, threads, batch = key
        cells = []
        for engine in ("nerva", "torchsharp", "pytorch"):
            ms = median(times[key, engine])
            cells.append(f"{ms:.3f} ({batch / (ms * 1e-3):,.0f})")
        ratio = median(times[key, "nerva"]) / median(times[key, "torchsharp"])
        print(f"| {network} | {dtype} | {threads} | {batch} | {' | '.join(cells)} | {ratio:.2f} | {percent(key, 'nerva'):.0f}% |")

    interference = folder / "interference.csv"
    if interference.exists():
        print()
        print("Nerva beside TorchSharp (3072-1024-512-10, float32, Nesterov(0.9), ms per step)")
        print()
        print("| process | threads | Nerva step | Nerva epoch |")
        print("|---|---:|---:|---:|")
        for row in read_csv(interference):
            if row["engine"].startswith("nerva"):
                print(f"| {row['engine']} | {row['threads']} | {float(row['median_ms']):.2f} | {float(row['median_epoch_ms']):.0f} |")


if __name__ == "__main__":
    main()
