namespace Nerva.Benchmarks;

/// <summary>The command line of the harness; see <see cref="Usage"/>.</summary>
internal sealed class BenchmarkOptions
{
    public const string Usage = """
        usage: Nerva.Benchmarks [options]

          --engines LIST           nerva, torchsharp or both, alternating in one process (default: nerva,torchsharp)
          --networks LIST          layer sizes joined by '-' (default: 3072-1024-512-10,784-1024-512-10)
          --types LIST             float32, float64 (default: both)
          --optimizers LIST        gd, nesterov (default: both)
          --threads LIST           thread counts (default: 1,2)
          --modes LIST             training, inference (default: both)
          --steps N                training steps per epoch, each on a new batch of 100 rows (default: 50)
          --epochs N               timed epochs per engine and case; inference: timed rounds (default: 5)
          --warmup N               untimed steps or calls per engine and case first (default: 20)
          --inference-batches LIST batch sizes of the feedforward (default: 1,100)
          --inference-calls N      feedforward calls per round (default: 200)
          --run N                  a label for the 'run' column of the output (default: 1)

        Writes one CSV line per engine and case to stdout and progress to stderr.
        """;

    public List<string> Engines { get; private set; } = ["nerva", "torchsharp"];

    public List<int[]> Networks { get; private set; } = [[3072, 1024, 512, 10], [784, 1024, 512, 10]];

    public List<ScalarType> Types { get; private set; } = [ScalarType.Float32, ScalarType.Float64];

    public List<OptimizerChoice> Optimizers { get; private set; } = [OptimizerChoice.GradientDescent, OptimizerChoice.Nesterov];

    public List<int> Threads { get; private set; } = [1, 2];

    public List<string> Modes { get; private set; } = ["training", "inference"];

    public int Steps { get; private set; } = 50;

    public int Epochs { get; private set; } = 5;

    public int Warmup { get; private set; } = 20;

    public List<int> InferenceBatches { get; private set; } = [1, 100];

    public int InferenceCalls { get; private set; } = 200;

    public int Run { get; private set; } = 1;

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with the offending option.</summary>
    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"option '{name}' needs a value");
            }

            string value = args[++i];
            switch (name)
            {
                case "--engines":
                    options.Engines = List(value, x => x is "nerva" or "torchsharp" ? x : throw Invalid(name, x, "nerva, torchsharp"));
                    break;
                case "--networks":
                    options.Networks = List(value, x => x.Split('-').Select(int.Parse).ToArray());
                    break;
                case "--types":
                    options.Types = List(value, x => x switch
                    {
                        "float32" => ScalarType.Float32,
                        "float64" => ScalarType.Float64,
                        _ => throw Invalid(name, x, "float32, float64"),
                    });
                    break;
                case "--optimizers":
                    options.Optimizers = List(value, x => x switch
                    {
                        "gd" => OptimizerChoice.GradientDescent,
                        "nesterov" => OptimizerChoice.Nesterov,
                        _ => throw Invalid(name, x, "gd, nesterov"),
                    });
                    break;
                case "--threads":
                    options.Threads = List(value, int.Parse);
                    break;
                case "--modes":
                    options.Modes = List(value, x => x is "training" or "inference" ? x : throw Invalid(name, x, "training, inference"));
                    break;
                case "--steps":
                    options.Steps = int.Parse(value);
                    break;
                case "--epochs":
                    options.Epochs = int.Parse(value);
                    break;
                case "--warmup":
                    options.Warmup = int.Parse(value);
                    break;
                case "--inference-batches":
                    options.InferenceBatches = List(value, int.Parse);
                    break;
                case "--inference-calls":
                    options.InferenceCalls = int.Parse(value);
                    break;
                case "--run":
                    options.Run = int.Parse(value);
                    break;
                default:
                    throw new ArgumentException($"unknown option '{name}'");
            }
        }

        return options;
    }

    private static List<T> List<T>(string value, Func<string, T> parse) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(parse).ToList();

    private static ArgumentException Invalid(string option, string value, string choices) =>
        new($"invalid value '{value}' for {option}; valid values are {choices}");
}
