namespace Nerva.Benchmarks;

/// <summary>The optimizer of a training case.</summary>
internal enum OptimizerChoice
{
    GradientDescent,
    Nesterov,
}

/// <summary>One network, element type, optimizer and thread count to time.</summary>
/// <param name="Sizes">The layer sizes from input to output, for example 3072-1024-512-10.</param>
/// <param name="ScalarType">float32 or float64.</param>
/// <param name="Optimizer">Gradient descent, or Nesterov with momentum 0.9.</param>
/// <param name="Threads">The thread count of both engines.</param>
/// <param name="BatchSize">The rows per batch.</param>
internal sealed record BenchmarkCase(int[] Sizes, ScalarType ScalarType, OptimizerChoice Optimizer, int Threads, int BatchSize)
{
    /// <summary>The momentum of the Nesterov optimizer.</summary>
    public const double Momentum = 0.9;

    /// <summary>The learning rate of every training case.</summary>
    public const double LearningRate = 0.01;

    /// <summary>The sizes joined by hyphens.</summary>
    public string Network => string.Join('-', Sizes);

    /// <summary>"float32" or "float64".</summary>
    public string TypeName => ScalarType == ScalarType.Float32 ? "float32" : "float64";

    /// <summary>"GD" or "Nesterov(0.9)".</summary>
    public string OptimizerName => Optimizer == OptimizerChoice.GradientDescent ? "GD" : $"Nesterov({Momentum})";

    /// <summary>
    /// The floating-point operations of the products in one training step: 2 N D K for each of the feedforward
    /// product, DW and DX of every layer, without the first layer's DX.
    /// </summary>
    public double TrainingStepFlops
    {
        get
        {
            double flops = 0;
            for (int l = 0; l + 1 < Sizes.Length; l++)
            {
                double product = 2.0 * BatchSize * Sizes[l] * Sizes[l + 1];
                flops += l == 0 ? 2 * product : 3 * product;
            }

            return flops;
        }
    }

    /// <summary>The floating-point operations of the products in one feedforward: 2 N D K per layer.</summary>
    public double FeedforwardFlops
    {
        get
        {
            double flops = 0;
            for (int l = 0; l + 1 < Sizes.Length; l++)
            {
                flops += 2.0 * BatchSize * Sizes[l] * Sizes[l + 1];
            }

            return flops;
        }
    }
}
