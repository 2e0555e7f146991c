namespace Nerva.Interop;

/// <summary>Converts the public descriptor types into the blittable structs and enums of the C ABI.</summary>
internal static class NativeDescriptors
{
    internal static NervaActivation ToNative(Activation activation) => new()
    {
        Kind = (int)(activation.Kind switch
        {
            ActivationKind.ReLU => NervaActivationKind.Relu,
            ActivationKind.LeakyReLU => NervaActivationKind.LeakyRelu,
            ActivationKind.AllReLU => NervaActivationKind.AllRelu,
            ActivationKind.SReLU => NervaActivationKind.Srelu,
            ActivationKind.HyperbolicTangent => NervaActivationKind.HyperbolicTangent,
            ActivationKind.Sigmoid => NervaActivationKind.Sigmoid,
            _ => throw new ArgumentOutOfRangeException(nameof(activation), activation.Kind, "Unknown activation kind."),
        }),
        Alpha = activation.Alpha,
        Al = activation.LeftSlope,
        Tl = activation.LeftThreshold,
        Ar = activation.RightSlope,
        Tr = activation.RightThreshold,
    };

    internal static NervaLossKind ToNative(LossKind loss) => loss switch
    {
        LossKind.SquaredError => NervaLossKind.SquaredError,
        LossKind.MeanSquaredError => NervaLossKind.MeanSquaredError,
        LossKind.CrossEntropy => NervaLossKind.CrossEntropy,
        LossKind.SoftmaxCrossEntropy => NervaLossKind.SoftmaxCrossEntropy,
        LossKind.LogisticCrossEntropy => NervaLossKind.LogisticCrossEntropy,
        LossKind.NegativeLogLikelihood => NervaLossKind.NegativeLogLikelihood,
        _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, "Unknown loss kind."),
    };

    internal static NervaSoftmaxKind ToNative(SoftmaxKind softmax) => softmax switch
    {
        SoftmaxKind.Softmax => NervaSoftmaxKind.Plain,
        SoftmaxKind.StableSoftmax => NervaSoftmaxKind.Stable,
        SoftmaxKind.LogSoftmax => NervaSoftmaxKind.Log,
        SoftmaxKind.StableLogSoftmax => NervaSoftmaxKind.LogStable,
        _ => throw new ArgumentOutOfRangeException(nameof(softmax), softmax, "Unknown softmax kind."),
    };

    internal static NervaOptimizer ToNative(Optimizer optimizer) => new()
    {
        Kind = (int)(optimizer.Kind switch
        {
            OptimizerKind.GradientDescent => NervaOptimizerKind.GradientDescent,
            OptimizerKind.Momentum => NervaOptimizerKind.Momentum,
            OptimizerKind.Nesterov => NervaOptimizerKind.Nesterov,
            _ => throw new ArgumentOutOfRangeException(nameof(optimizer), optimizer.Kind, "Unknown optimizer kind."),
        }),
        Momentum = optimizer.Momentum,
    };

    internal static NervaInitializer ToNative(WeightInitializer initializer) => new()
    {
        Kind = (int)(initializer.Kind switch
        {
            WeightInitializerKind.Zero => NervaInitializerKind.Zero,
            WeightInitializerKind.Uniform => NervaInitializerKind.Uniform,
            WeightInitializerKind.Normal => NervaInitializerKind.Normal,
            WeightInitializerKind.Xavier => NervaInitializerKind.Xavier,
            WeightInitializerKind.XavierNormalized => NervaInitializerKind.XavierNormalized,
            WeightInitializerKind.XavierNormal => NervaInitializerKind.XavierNormal,
            WeightInitializerKind.He => NervaInitializerKind.He,
            WeightInitializerKind.HeUniform => NervaInitializerKind.HeUniform,
            _ => throw new ArgumentOutOfRangeException(nameof(initializer), initializer.Kind, "Unknown initializer kind."),
        }),
        A = initializer.A,
        B = initializer.B,
    };
}
