using System.Runtime.CompilerServices;
using Nerva.Layers;

namespace Nerva.Interop.Tests;

public class LifetimeTests
{
    [Fact]
    public void Dispose_ReturnsLiveObjectCountToBaseline()
    {
        long before = NervaLibrary.LiveObjectCount;
        var matrix = new Matrix(3, 3, ScalarType.Float64);
        var layer = new LinearLayer(3, 2, ScalarType.Float64);

        Assert.Equal(before + 2, NervaLibrary.LiveObjectCount);

        matrix.Dispose();
        layer.Dispose();
        Assert.Equal(before, NervaLibrary.LiveObjectCount);
    }

    [Fact]
    public void Dispose_Twice_IsHarmless()
    {
        long before = NervaLibrary.LiveObjectCount;
        var matrix = new Matrix(1, 1, ScalarType.Float32);

        matrix.Dispose();
        matrix.Dispose();

        Assert.Equal(before, NervaLibrary.LiveObjectCount);
    }

    [Fact]
    public void UseAfterDispose_ThrowsObjectDisposed()
    {
        var matrix = new Matrix(2, 2, ScalarType.Float32);
        var layer = new LinearLayer(2, 2, ScalarType.Float32);
        using var output = new Matrix(1, 1, ScalarType.Float32);
        matrix.Dispose();
        layer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => matrix.Shape);
        Assert.Throws<ObjectDisposedException>(() => matrix.ToArray<float>());
        Assert.Throws<ObjectDisposedException>(() => layer.InputSize);
        using var input = new Matrix(1, 2, ScalarType.Float32);
        Assert.Throws<ObjectDisposedException>(() => layer.Feedforward(input, output));
    }

    [Fact]
    public void DisposedArgument_ThrowsObjectDisposedNamingIt()
    {
        using var layer = new LinearLayer(2, 2, ScalarType.Float32);
        using var output = new Matrix(1, 1, ScalarType.Float32);
        var input = new Matrix(1, 2, ScalarType.Float32);
        input.Dispose();

        var exception = Assert.Throws<ObjectDisposedException>(() => layer.Feedforward(input, output));

        Assert.Contains("'X'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Finalizer_ReleasesForgottenObjects()
    {
        long before = NervaLibrary.LiveObjectCount;

        CreateAndForget(10);
        Assert.True(NervaLibrary.LiveObjectCount >= before, "objects were released before the collection");
        for (int attempt = 0; attempt < 10 && NervaLibrary.LiveObjectCount != before; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.Equal(before, NervaLibrary.LiveObjectCount);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CreateAndForget(int count)
    {
        for (int i = 0; i < count; i++)
        {
            _ = new Matrix(4, 4, ScalarType.Float32);
            _ = new LinearLayer(4, 4, ScalarType.Float64);
        }
    }
}
