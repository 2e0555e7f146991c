// The end-to-end harness: trains and runs the same networks with Nerva and TorchSharp on the same synthetic
// data, alternating engines epoch by epoch, and writes the median times as CSV. See docs/benchmarks.md.
using System.Diagnostics;
using Nerva;
using Nerva.Benchmarks;

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"Nerva.Benchmarks: {e.Message}");
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

var engines = new List<IEngine>();
foreach (string name in options.Engines)
{
    engines.Add(name == "nerva" ? new NervaEngine() : CreateTorchSharpEngine());
}

Console.Error.WriteLine($"Nerva.Benchmarks {string.Join(' ', args)}");
Console.WriteLine("mode,engine,network,type,optimizer,threads,batch,run,median_ms,median_epoch_ms,flops,final_loss");
if (options.Modes.Contains("training"))
{
    foreach (int[] sizes in options.Networks)
    {
        var data = new SyntheticData(options.Steps * 100, sizes[0], sizes[^1], seed: 1);
        foreach (ScalarType type in options.Types)
        {
            foreach (OptimizerChoice optimizer in options.Optimizers)
            {
                foreach (int threads in options.Threads)
                {
                    TimeTraining(new BenchmarkCase(sizes, type, optimizer, threads, 100), data);
                }
            }
        }
    }
}

if (options.Modes.Contains("inference"))
{
    foreach (int[] sizes in options.Networks)
    {
        var data = new SyntheticData(Math.Max(options.InferenceBatches.Max(), 100), sizes[0], sizes[^1], seed: 1);
        foreach (ScalarType type in options.Types)
        {
            foreach (int threads in options.Threads)
            {
                foreach (int batch in options.InferenceBatches)
                {
                    TimeInference(new BenchmarkCase(sizes, type, OptimizerChoice.GradientDescent, threads, batch), data);
                }
            }
        }
    }
}

foreach (IEngine engine in engines)
{
    engine.Dispose();
}

return 0;

// Warms up every engine, then times `Epochs` epochs per engine, alternating which engine goes first.
void TimeTraining(BenchmarkCase benchmarkCase, SyntheticData data)
{
    int batch = benchmarkCase.BatchSize;
    var stepTimes = engines.ToDictionary(e => e, _ => new List<double>());
    var epochTimes = engines.ToDictionary(e => e, _ => new List<double>());
    var lastLoss = engines.ToDictionary(e => e, _ => double.NaN);
    foreach (IEngine engine in engines)
    {
        engine.Prepare(benchmarkCase, data);
        engine.SetThreads(benchmarkCase.Threads);
        long[] warmupRows = data.ShuffledRows(seed: 0);
        for (int s = 0; s < options.Warmup; s++)
        {
            engine.TrainStep(warmupRows.AsSpan((s % options.Steps) * batch, batch));
        }
    }

    for (int epoch = 0; epoch < options.Epochs; epoch++)
    {
        long[] rows = data.ShuffledRows(seed: epoch + 1);
        foreach (IEngine engine in Alternate(engines, epoch))
        {
            engine.SetThreads(benchmarkCase.Threads);
            long epochStart = Stopwatch.GetTimestamp();
            for (int s = 0; s < options.Steps; s++)
            {
                long start = Stopwatch.GetTimestamp();
                lastLoss[engine] = engine.TrainStep(rows.AsSpan(s * batch, batch));
                stepTimes[engine].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            epochTimes[engine].Add(Stopwatch.GetElapsedTime(epochStart).TotalMilliseconds);
        }
    }

    foreach (IEngine engine in engines)
    {
        Report("training", engine, benchmarkCase, Median(stepTimes[engine]), Median(epochTimes[engine]), benchmarkCase.TrainingStepFlops, lastLoss[engine]);
        engine.Release();
    }
}

// Warms up every engine, then times `Epochs` rounds of `InferenceCalls` feedforward calls per engine.
void TimeInference(BenchmarkCase benchmarkCase, SyntheticData data)
{
    var callTimes = engines.ToDictionary(e => e, _ => new List<double>());
    foreach (IEngine engine in engines)
    {
        engine.Prepare(benchmarkCase, data);
        engine.SetThreads(benchmarkCase.Threads);
        for (int i = 0; i < options.Warmup; i++)
        {
            engine.Infer();
        }
    }

    for (int round = 0; round < options.Epochs; round++)
    {
        foreach (IEngine engine in Alternate(engines, round))
        {
            engine.SetThreads(benchmarkCase.Threads);
            for (int i = 0; i < options.InferenceCalls; i++)
            {
                long start = Stopwatch.GetTimestamp();
                engine.Infer();
                callTimes[engine].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
    }

    foreach (IEngine engine in engines)
    {
        Report("inference", engine, benchmarkCase, Median(callTimes[engine]), double.NaN, benchmarkCase.FeedforwardFlops, double.NaN);
        engine.Release();
    }
}

void Report(string mode, IEngine engine, BenchmarkCase c, double medianMs, double medianEpochMs, double flops, double loss)
{
    string line = FormattableString.Invariant(
        $"{mode},{engine.Name},{c.Network},{c.TypeName},{c.OptimizerName},{c.Threads},{c.BatchSize},{options.Run},{medianMs:F4},{medianEpochMs:F3},{flops:F0},{loss:G6}");
    Console.WriteLine(line);
    Console.Error.WriteLine(line);
}

static IEnumerable<IEngine> Alternate(List<IEngine> engines, int round) =>
    round % 2 == 0 ? engines : Enumerable.Reverse(engines);

static double Median(List<double> values)
{
    if (values.Count == 0)
    {
        return double.NaN;
    }

    double[] sorted = [.. values];
    Array.Sort(sorted);
    int middle = sorted.Length / 2;
    return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// A separate method, so that TorchSharp's assembly and native libraries load only when that engine is used.
static IEngine CreateTorchSharpEngine() => new TorchSharpEngine();
