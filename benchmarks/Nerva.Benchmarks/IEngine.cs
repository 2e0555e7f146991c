namespace Nerva.Benchmarks;

/// <summary>A library that trains and runs one benchmark network.</summary>
internal interface IEngine : IDisposable
{
    /// <summary>The name in the results: "nerva" or "torchsharp".</summary>
    string Name { get; }

    /// <summary>Builds the network, optimizer and data of a training or inference case.</summary>
    void Prepare(BenchmarkCase benchmarkCase, SyntheticData data);

    /// <summary>Sets the engine's thread count; called before each timed block, since the engines share the cores.</summary>
    void SetThreads(int threads);

    /// <summary>Runs one training step on the given rows of the data set and returns the mean loss of the batch.</summary>
    double TrainStep(ReadOnlySpan<long> rows);

    /// <summary>Runs one feedforward in evaluation mode on the first rows of the data set.</summary>
    void Infer();

    /// <summary>Releases the network of the last case.</summary>
    void Release();
}
