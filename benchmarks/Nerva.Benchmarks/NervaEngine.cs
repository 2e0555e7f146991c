using Nerva.Layers;
using Nerva.Model;

namespace Nerva.Benchmarks;

/// <summary>Nerva through its public C# API: one <see cref="MultilayerPerceptron.TrainBatch(Matrix, Matrix, ReadOnlySpan{long}, double)"/> call per step.</summary>
internal sealed class NervaEngine : IEngine
{
    private MultilayerPerceptron? _model;
    private Matrix? _inputs;
    private Matrix? _targets;
    private Matrix? _inferenceInputs;
    private Matrix? _inferenceOutputs;
    private int _batchSize;

    public string Name => "nerva";

    public void Prepare(BenchmarkCase benchmarkCase, SyntheticData data)
    {
        Release();
        ScalarType type = benchmarkCase.ScalarType;
        int[] sizes = benchmarkCase.Sizes;
        var layers = new List<Layer>();
        for (int l = 0; l + 1 < sizes.Length; l++)
        {
            Layer layer = l + 2 < sizes.Length
                ? new ActivationLayer(sizes[l], sizes[l + 1], Activation.ReLU, type)
                : new LinearLayer(sizes[l], sizes[l + 1], type);
            layer.InitializeWeights(new WeightInitializer(WeightInitializerKind.XavierNormalized), (ulong)(l + 1));
            layers.Add(layer);
        }

        Optimizer optimizer = benchmarkCase.Optimizer == OptimizerChoice.GradientDescent
            ? Optimizer.GradientDescent
            : Optimizer.Nesterov(BenchmarkCase.Momentum);
        _model = new MultilayerPerceptron(layers, LossKind.SoftmaxCrossEntropy, optimizer);
        _batchSize = benchmarkCase.BatchSize;
        int n = _batchSize;
        if (type == ScalarType.Float32)
        {
            _inputs = Matrix.Create<float>(data.InputsSingle, data.Examples, data.InputSize);
            _targets = Matrix.Create<float>(data.OneHotSingle, data.Examples, data.Classes);
            _inferenceInputs = Matrix.Create<float>(data.InputsSingle.AsSpan(0, n * data.InputSize), n, data.InputSize);
        }
        else
        {
            _inputs = Matrix.Create<double>(data.InputsDouble, data.Examples, data.InputSize);
            _targets = Matrix.Create<double>(data.OneHotDouble, data.Examples, data.Classes);
            _inferenceInputs = Matrix.Create<double>(data.InputsDouble.AsSpan(0, n * data.InputSize), n, data.InputSize);
        }

        _inferenceOutputs = new Matrix(n, data.Classes, type);
    }

    public void SetThreads(int threads) => NervaLibrary.Threads = threads;

    public double TrainStep(ReadOnlySpan<long> rows)
    {
        return _model!.TrainBatch(_inputs!, _targets!, rows, BenchmarkCase.LearningRate) / rows.Length;
    }

    public void Infer()
    {
        _model!.SetTraining(false);
        _model.Feedforward(_inferenceInputs!, _inferenceOutputs!);
    }

    public void Release()
    {
        _model?.Dispose();
        _inputs?.Dispose();
        _targets?.Dispose();
        _inferenceInputs?.Dispose();
        _inferenceOutputs?.Dispose();
        _model = null;
        _inputs = _targets = _inferenceInputs = _inferenceOutputs = null;
    }

    public void Dispose() => Release();
}
