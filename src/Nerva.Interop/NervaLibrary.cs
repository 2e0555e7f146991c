using Nerva.Interop;

namespace Nerva;

/// <summary>Facts about the loaded native library and its process-wide settings.</summary>
public static class NervaLibrary
{
    /// <summary>The ABI version that these bindings were generated for; the native library must report the same.</summary>
    public const int ExpectedAbiVersion = 1;

    private static readonly Lazy<int> s_abiVersion = new(LoadAndVerify, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The ABI version that the loaded native library reports.</summary>
    public static int AbiVersion => s_abiVersion.Value;

    /// <summary>
    /// The number of threads that MKL and OpenMP use for products. The default is the number of physical
    /// cores, or MKL_NUM_THREADS / OMP_NUM_THREADS when set. The setting is process-wide.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public static int Threads
    {
        get
        {
            EnsureLoaded();
            Status.Check(NativeMethods.nerva_threads_get(out int count));
            return count;
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            EnsureLoaded();
            Status.Check(NativeMethods.nerva_threads_set(value));
        }
    }

    /// <summary>Whether dense products use Intel MKL (true) or Eigen alone (false).</summary>
    public static bool UsesMkl
    {
        get
        {
            EnsureLoaded();
            Status.Check(NativeMethods.nerva_library_uses_mkl(out int usesMkl));
            return usesMkl != 0;
        }
    }

    /// <summary>
    /// The number of native objects (matrices, layers, models) that were created and not yet released.
    /// Useful to check that everything was disposed.
    /// </summary>
    public static long LiveObjectCount
    {
        get
        {
            EnsureLoaded();
            Status.Check(NativeMethods.nerva_library_count_objects(out long count));
            return count;
        }
    }

    /// <summary>Loads the native library once and throws when its ABI version differs from <see cref="ExpectedAbiVersion"/>.</summary>
    internal static void EnsureLoaded() => _ = s_abiVersion.Value;

    /// <summary>Throws a <see cref="NervaException"/> naming both versions when they differ.</summary>
    internal static void VerifyAbiVersion(int expected, int actual)
    {
        if (expected != actual)
        {
            throw new NervaException(
                NervaError.AbiMismatch,
                $"The native library {NativeMethods.LibraryName} has ABI version {actual}, but {typeof(NervaLibrary).Assembly.GetName().Name} " +
                $"expects ABI version {expected}. Use the native library that ships in the same Nerva.Interop package, or rebuild both with './build.sh build'.");
        }
    }

    private static int LoadAndVerify()
    {
        int actual = NativeMethods.nerva_abi_version();
        VerifyAbiVersion(ExpectedAbiVersion, actual);
        return actual;
    }
}
