using BenchmarkDotNet.Attributes;
using Nerva.Layers;
using Nerva.Model;

namespace Nerva.MicroBenchmarks;

/// <summary>
/// The hot calls through the C ABI, so that the interop overhead can be stated as a share of a training step:
/// a P/Invoke round trip that does no work, one 3072-to-1024 ReLU layer's feedforward and backpropagation at
/// batch 100, and the whole training step of 3072-1024-512-10 at batch 100, all float32.
/// </summary>
[MemoryDiagnoser]
public class InteropBenchmarks
{
    private const int BatchSize = 100;
    private static readonly int[] s_sizes = [3072, 1024, 512, 10];

    private ActivationLayer? _layer;
    private Matrix? _x;
    private Matrix? _y;
    private Matrix? _dy;
    private Matrix? _inputs;
    private Matrix? _targets;
    private MultilayerPerceptron? _model;
    private long[] _rows = [];

    /// <summary>The thread count of MKL and OpenMP.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        NervaLibrary.Threads = Threads;
        var random = new Random(1);
        float[] RandomValues(int count) => Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();

        _layer = new ActivationLayer(s_sizes[0], s_sizes[1], Activation.ReLU, ScalarType.Float32);
        _layer.InitializeWeights(new WeightInitializer(WeightInitializerKind.XavierNormalized), 1);
        _x = Matrix.Create<float>(RandomValues(BatchSize * s_sizes[0]), BatchSize, s_sizes[0]);
        _y = new Matrix(BatchSize, s_sizes[1], ScalarType.Float32);
        _dy = Matrix.Create<float>(RandomValues(BatchSize * s_sizes[1]), BatchSize, s_sizes[1]);
        _layer.Feedforward(_x, _y);

        var layers = new List<Layer>
        {
            new ActivationLayer(s_sizes[0], s_sizes[1], Activation.ReLU, ScalarType.Float32),
            new ActivationLayer(s_sizes[1], s_sizes[2], Activation.ReLU, ScalarType.Float32),
            new LinearLayer(s_sizes[2], s_sizes[3], ScalarType.Float32),
        };
        for (int l = 0; l < layers.Count; l++)
        {
            layers[l].InitializeWeights(new WeightInitializer(WeightInitializerKind.XavierNormalized), (ulong)(l + 1));
        }

        _model = new MultilayerPerceptron(layers, LossKind.SoftmaxCrossEntropy, Optimizer.Nesterov(0.9));
        const int examples = 50 * BatchSize;
        float[] targets = new float[examples * s_sizes[3]];
        for (int i = 0; i < examples; i++)
        {
            targets[(i * s_sizes[3]) + random.Next(s_sizes[3])] = 1;
        }

        _inputs = Matrix.Create<float>(RandomValues(examples * s_sizes[0]), examples, s_sizes[0]);
        _targets = Matrix.Create<float>(targets, examples, s_sizes[3]);
        _rows = Enumerable.Range(0, BatchSize).Select(i => (long)(i * 37 % examples)).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _model?.Dispose();
        _layer?.Dispose();
        _x?.Dispose();
        _y?.Dispose();
        _dy?.Dispose();
        _inputs?.Dispose();
        _targets?.Dispose();
    }

    /// <summary>nerva_library_count_objects: one P/Invoke call, a status check and no work.</summary>
    [Benchmark]
    public long RoundTrip() => NervaLibrary.LiveObjectCount;

    /// <summary>Y = ReLU(X Wᵀ + 1_N b) of the 3072-to-1024 layer at batch 100.</summary>
    [Benchmark]
    public void LayerFeedforward() => _layer!.Feedforward(_x!, _y!);

    /// <summary>DW, Db and DZ of the same layer, without DX (as for a first layer).</summary>
    [Benchmark]
    public void LayerBackpropagate() => _layer!.Backpropagate(_x!, _y!, _dy!, null);

    /// <summary>One training step of 3072-1024-512-10 at batch 100 with Nesterov(0.9), rows gathered natively.</summary>
    [Benchmark]
    public double TrainingStep() => _model!.TrainBatch(_inputs!, _targets!, _rows, 0.001);
}
