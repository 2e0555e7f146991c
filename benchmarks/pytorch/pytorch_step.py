"""Times the benchmark networks in Debian 12's PyTorch (python3-torch 1.13).

Runs the same cases as Nerva.Benchmarks (training steps of batch 100 on
5,000 random examples, 50 steps an epoch, and feedforward at batch sizes
1 and 100) and prints CSV lines in its format with engine 'pytorch'. The
inputs are standard normal and the classes uniform, drawn with PyTorch's
own generator, so the values differ from the .NET harness's but not their
distribution or shapes.

Run it with /usr/bin/python3, which has Debian's torch; benchmarks/run.sh
also points LD_LIBRARY_PATH at OpenBLAS (see benchmarks/setup.sh).
"""

import argparse
import statistics
import time

import torch


def build(sizes, dtype):
    modules = []
    for index, (d, k) in enumerate(zip(sizes, sizes[1:])):
        modules.append(torch.nn.Linear(d, k))
        if index + 2 < len(sizes):
            modules.append(torch.nn.ReLU())
    return torch.nn.Sequential(*modules).to(dtype)


def flops(sizes, batch, training):
    total = 0.0
    for index, (d, k) in enumerate(zip(sizes, sizes[1:])):
        product = 2.0 * batch * d * k
        total += product if not training else (2 * product if index == 0 else 3 * product)
    return total


def report(mode, network, dtype_name, optimizer, threads, batch, run, median_ms, epoch_ms, flop_count, loss):
    print(f"{mode},pytorch,{network},{dtype_name},{optimizer},{threads},{batch},{run},"
          f"{median_ms:.4f},{epoch_ms:.3f},{flop_count:.0f},{loss:.6g}", flush=True)


def time_training(args, sizes, dtype, dtype_name, nesterov, threads):
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    examples = args.steps * 100
    inputs = torch.randn(examples, sizes[0], dtype=dtype)
    labels = torch.randint(0, sizes[-1], (examples,))
    model = build(sizes, dtype)
    model.train()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9 if nesterov else 0.0, nesterov=nesterov)
    loss_function = torch.nn.CrossEntropyLoss()

    def step(rows):
        x = inputs.index_select(0, rows)
        t = labels.index_select(0, rows)
        optimizer.zero_grad()
        loss = loss_function(model(x), t)
        loss.backward()
        optimizer.step()
        return loss.item()

    order = torch.randperm(examples)
    for s in range(args.warmup):
        step(order[(s % args.steps) * 100:(s % args.steps + 1) * 100])
    step_times, epoch_times, loss = [], [], float("nan")
    for _ in range(args.epochs):
        order = torch.randperm(examples)
        epoch_start = time.perf_counter()
        for s in range(args.steps):
            start = time.perf_counter()
            loss = step(order[s * 100:(s + 1) * 100])
            step_times.append((time.perf_counter() - start) * 1e3)
        epoch_times.append((time.perf_counter() - epoch_start) * 1e3)
    name = "Nesterov(0.9)" if nesterov else "GD"
    report("training", "-".join(map(str, sizes)), dtype_name, name, threads, 100, args.run,
           statistics.median(step_times), statistics.median(epoch_times), flops(sizes, 100, True), loss)


def time_inference(args, sizes, dtype, dtype_name, threads, batch):
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    model = build(sizes, dtype)
    model.eval()
    x = torch.randn(batch, sizes[0], dtype=dtype)
    times = []
    with torch.no_grad():
        for _ in range(args.warmup):
            model(x)
        for _ in range(args.epochs * args.inference_calls):
            start = time.perf_counter()
            model(x)
            times.append((time.perf_counter() - start) * 1e3)
    report("inference", "-".join(map(str, sizes)), dtype_name, "GD", threads, batch, args.run,
           statistics.median(times), float("nan"), flops(sizes, batch, False), float("nan"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--networks", default="3072-1024-512-10,784-1024-512-10")
    parser.add_argument("--types", default="float32,float64")
    parser.add_argument("--optimizers", default="gd,nesterov")
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--modes", default="training,inference")
    parser.add_argument("--steps", type=int, default=50, help="training steps per epoch")
    parser.add_argument("--epochs", type=int, default=5, help="timed epochs; inference: timed rounds")
    parser.add_argument("--warmup", type=int, default=20, help="untimed steps or calls first")
    parser.add_argument("--inference-batches", default="1,100")
    parser.add_argument("--inference-calls", type=int, default=200, help="feedforward calls per round")
    parser.add_argument("--run", type=int, default=1, help="a label for the 'run' column")
    args = parser.parse_args()

    networks = [[int(size) for size in network.split("-")] for network in args.networks.split(",")]
    types = {"float32": torch.float32, "float64": torch.float64}
    type_names = args.types.split(",")
    thread_counts = [int(t) for t in args.threads.split(",")]
    modes = args.modes.split(",")
    with torch.inference_mode(False):
        if "training" in modes:
            for sizes in networks:
                for name in type_names:
                    for optimizer in args.optimizers.split(","):
                        for threads in thread_counts:
                            time_training(args, sizes, types[name], name, optimizer == "nesterov", threads)
        if "inference" in modes:
            for sizes in networks:
                for name in type_names:
                    for threads in thread_counts:
                        for batch in [int(b) for b in args.inference_batches.split(",")]:
                            time_inference(args, sizes, types[name], name, threads, batch)


if __name__ == "__main__":
    main()
