namespace Nerva.Specification;

/// <summary>The kinds of layer in a layer list such as <c>ReLU;ReLU;Linear</c>.</summary>
public enum LayerKind
{
    /// <summary>A linear layer Y = X·Wᵀ + 1_N·b.</summary>
    Linear,

    /// <summary>A linear layer followed by an activation function, Y = act(X·Wᵀ + 1_N·b).</summary>
    Activation,

    /// <summary>A linear layer followed by softmax.</summary>
    Softmax,

    /// <summary>A linear layer followed by log-softmax.</summary>
    LogSoftmax,

    /// <summary>A batch-normalization layer: it has no weight matrix and keeps the width of its input.</summary>
    BatchNormalization,
}

/// <summary>One layer of a layer list, as parsed from names such as <c>ReLU</c> or <c>LeakyReLU(0.1)</c>.</summary>
public sealed record LayerSpecification
{
    /// <summary>Creates a layer specification.</summary>
    /// <param name="kind">The kind of layer.</param>
    /// <param name="activation">The activation function, which <see cref="LayerKind.Activation"/> requires and every other kind leaves null.</param>
    /// <exception cref="ArgumentException">The activation is missing for an activation layer, or given for another kind.</exception>
    public LayerSpecification(LayerKind kind, Activation? activation = null)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown layer kind");
        }

        if ((kind == LayerKind.Activation) != activation.HasValue)
        {
            throw new ArgumentException(
                kind == LayerKind.Activation
                    ? "an activation layer needs an activation function"
                    : $"a {kind} layer takes no activation function, but got {activation}",
                nameof(activation));
        }

        Kind = kind;
        Activation = activation;
    }

    /// <summary>The kind of layer.</summary>
    public LayerKind Kind { get; }

    /// <summary>The activation function of an <see cref="LayerKind.Activation"/> layer, or null for other kinds.</summary>
    public Activation? Activation { get; }

    /// <summary>Whether the layer has a weight matrix W and a bias b, as every kind but batch normalization has.</summary>
    public bool HasWeights => Kind != LayerKind.BatchNormalization;

    /// <summary>A plain linear layer.</summary>
    public static LayerSpecification Linear { get; } = new(LayerKind.Linear);

    /// <summary>A linear layer followed by softmax.</summary>
    public static LayerSpecification Softmax { get; } = new(LayerKind.Softmax);

    /// <summary>A linear layer followed by log-softmax.</summary>
    public static LayerSpecification LogSoftmax { get; } = new(LayerKind.LogSoftmax);

    /// <summary>A batch-normalization layer.</summary>
    public static LayerSpecification BatchNormalization { get; } = new(LayerKind.BatchNormalization);

    /// <summary>A linear layer followed by <paramref name="activation"/>.</summary>
    public static LayerSpecification WithActivation(Activation activation) => new(LayerKind.Activation, activation);

    /// <summary>Returns the canonical specification string, for example "Linear", "ReLU" or "LeakyReLU(0.1)".</summary>
    public override string ToString() => Activation?.ToString() ?? Kind.ToString();
}
