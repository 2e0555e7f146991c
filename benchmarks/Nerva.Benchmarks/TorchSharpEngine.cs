using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Nerva.Benchmarks;

/// <summary>
/// TorchSharp with LibTorch's CPU build: nn.Sequential of Linear and ReLU modules, CrossEntropyLoss on class
/// indices (the mean over the batch, as Nerva's DY = ∇L / N) and optim.SGD. Each step gathers its batch with
/// index_select, as Nerva gathers its rows natively.
/// </summary>
internal sealed class TorchSharpEngine : IEngine
{
    private nn.Module<Tensor, Tensor>? _model;
    private optim.Optimizer? _optimizer;
    private CrossEntropyLoss? _loss;
    private Tensor? _inputs;
    private Tensor? _labels;
    private Tensor? _inferenceInputs;

    public string Name => "torchsharp";

    public void Prepare(BenchmarkCase benchmarkCase, SyntheticData data)
    {
        Release();
        torch.random.manual_seed(1);
        int[] sizes = benchmarkCase.Sizes;
        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (int l = 0; l + 1 < sizes.Length; l++)
        {
            modules.Add(($"linear{l + 1}", nn.Linear(sizes[l], sizes[l + 1])));
            if (l + 2 < sizes.Length)
            {
                modules.Add(($"relu{l + 1}", nn.ReLU()));
            }
        }

        Sequential model = nn.Sequential(modules);
        ScalarType type = benchmarkCase.ScalarType;
        torch.ScalarType torchType = type == ScalarType.Float32 ? torch.float32 : torch.float64;
        model.to(torchType);
        model.train();
        _model = model;
        _optimizer = benchmarkCase.Optimizer == OptimizerChoice.GradientDescent
            ? optim.SGD(model.parameters(), BenchmarkCase.LearningRate)
            : optim.SGD(model.parameters(), BenchmarkCase.LearningRate, momentum: BenchmarkCase.Momentum, nesterov: true);
        _loss = nn.CrossEntropyLoss();
        long[] shape = [data.Examples, data.InputSize];
        _inputs = type == ScalarType.Float32 ? torch.tensor(data.InputsSingle, shape) : torch.tensor(data.InputsDouble, shape);
        _labels = torch.tensor(data.Labels);
        _inferenceInputs = _inputs.narrow(0, 0, benchmarkCase.BatchSize).clone();
    }

    public void SetThreads(int threads) => torch.set_num_threads(threads);

    public double TrainStep(ReadOnlySpan<long> rows)
    {
        using DisposeScope scope = torch.NewDisposeScope();
        Tensor indices = torch.tensor(rows.ToArray());
        Tensor x = _inputs!.index_select(0, indices);
        Tensor t = _labels!.index_select(0, indices);
        _optimizer!.zero_grad();
        Tensor y = _model!.forward(x);
        Tensor loss = _loss!.forward(y, t);
        loss.backward();
        _optimizer.step();
        return loss.ToDouble();
    }

    public void Infer()
    {
        using DisposeScope scope = torch.NewDisposeScope();
        using IDisposable noGrad = torch.no_grad();
        _model!.eval();
        _model.forward(_inferenceInputs!);
    }

    public void Release()
    {
        _inputs?.Dispose();
        _labels?.Dispose();
        _inferenceInputs?.Dispose();
        _loss?.Dispose();
        _optimizer?.Dispose();
        _model?.Dispose();
        _inputs = _labels = _inferenceInputs = null;
        _loss = null;
        _optimizer = null;
        _model = null;
    }

    public void Dispose() => Release();
}
