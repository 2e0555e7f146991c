using Nerva.Interop;
using Nerva.Layers;
using Nerva.Specification;
using Nerva.Training;

namespace Nerva.Model;

/// <summary>Builds the layers of a <see cref="NetworkSpecification"/> and a model from them.</summary>
public static class NetworkBuilder
{
    /// <summary>
    /// Creates the model that <paramref name="network"/> describes, with initialized weights. Every random
    /// stream (the weights of each layer, the dropout masks of each layer) gets its own seed derived from
    /// <paramref name="seed"/>, so the same seed gives the same model.
    /// </summary>
    /// <param name="network">The layers, sizes, initializers, optimizers and dropout rates.</param>
    /// <param name="loss">The loss function.</param>
    /// <param name="scalarType">The element type of every layer.</param>
    /// <param name="seed">The seed of the weights and the dropout masks.</param>
    public static MultilayerPerceptron Build(NetworkSpecification network, LossKind loss, ScalarType scalarType, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(network);
        var layers = new List<Layer>();
        try
        {
            int weighted = 0;
            for (int i = 0; i < network.Layers.Count; i++)
            {
                LayerSpecification specification = network.Layers[i];
                LayerShape shape = network.LayerShapes[i];
                if (!specification.HasWeights)
                {
                    layers.Add(new BatchNormalizationLayer(shape.InputSize, scalarType));
                    continue;
                }

                double dropRate = network.Dropouts[weighted];
                Layer layer = CreateWeightedLayer(specification, shape, i, dropRate, SplitMix64.DeriveSeed(seed, 2 * (ulong)i + 1), scalarType);
                layers.Add(layer);
                layer.InitializeWeights(network.WeightInitializers[weighted], SplitMix64.DeriveSeed(seed, 2 * (ulong)i));
                weighted++;
            }

            var model = new MultilayerPerceptron(layers, loss, network.Optimizers[0]);
            for (int i = 0; i < network.Optimizers.Count; i++)
            {
                if (network.Optimizers[i] != network.Optimizers[0])
                {
                    model.SetLayerOptimizer(i, network.Optimizers[i]);
                }
            }

            return model;
        }
        catch
        {
            foreach (Layer layer in layers)
            {
                layer.Dispose();
            }

            throw;
        }
    }

    private static Layer CreateWeightedLayer(LayerSpecification specification, LayerShape shape, int index, double dropRate, ulong maskSeed, ScalarType scalarType)
    {
        (int D, int K) = (shape.InputSize, shape.OutputSize);
        switch (specification.Kind)
        {
            case LayerKind.Linear:
                return dropRate > 0 ? new LinearDropoutLayer(D, K, dropRate, maskSeed, scalarType) : new LinearLayer(D, K, scalarType);
            case LayerKind.Softmax:
                RequireNoDropout(specification, dropRate, index);
                return new SoftmaxLayer(D, K, scalarType);
            case LayerKind.LogSoftmax:
                RequireNoDropout(specification, dropRate, index);
                return new LogSoftmaxLayer(D, K, scalarType);
            case LayerKind.Activation:
                Activation activation = AlternateAllReLU(specification.Activation!.Value, index);
                if (dropRate > 0)
                {
                    if (activation.Kind == ActivationKind.SReLU)
                    {
                        throw new NotSupportedException($"Layer {index + 1} is SReLU with dropout {dropRate}; dropout is not available for SReLU layers, so set its dropout rate to 0.");
                    }

                    return new ActivationDropoutLayer(D, K, activation, dropRate, maskSeed, scalarType);
                }

                return new ActivationLayer(D, K, activation, scalarType);
            default:
                throw new ArgumentOutOfRangeException(nameof(specification), specification.Kind, "Unknown layer kind.");
        }
    }

    // The specification alternates the sign of AllReLU's α over the layers of a network: layers 2, 3, 4, ...
    // use −α, α, −α, ...
    private static Activation AlternateAllReLU(Activation activation, int index)
    {
        if (activation.Kind != ActivationKind.AllReLU)
        {
            return activation;
        }

        Status.Check(NativeMethods.nerva_activation_all_relu_alpha(out double alpha, activation.Alpha, index + 1));
        return activation with { Alpha = alpha };
    }

    private static void RequireNoDropout(LayerSpecification specification, double dropRate, int index)
    {
        if (dropRate > 0)
        {
            throw new NotSupportedException($"Layer {index + 1} is {specification} with dropout {dropRate}; dropout is available for Linear and activation layers only, so set its dropout rate to 0.");
        }
    }
}
