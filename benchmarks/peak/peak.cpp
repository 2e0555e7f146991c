// Measures the peak fused multiply-add throughput of this machine, per core
// and for several threads, in float32 and float64, with AVX2 (256-bit) and
// AVX-512 (512-bit) instructions.
//
//   peak [--threads 1,2] [--seconds 0.5]
//
// Each thread runs a loop of independent FMAs on 12 vector registers, more
// than the FMA latency times the number of FMA pipes, so the loop is bound
// by FMA throughput alone. One FMA on a vector of W lanes counts as 2 W
// floating-point operations. Prints one line per case, in GFLOP/s, and the
// best of five repetitions.
#include <immintrin.h>
#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace
{

constexpr int accumulator_count = 12;

template <typename Vector, typename Fma>
double run_fma_loop(long iterations, Vector start, Vector a, Vector b, Fma fma)
{
    // Fully unrolled, so that the accumulators live in registers.
    Vector acc[accumulator_count];
#pragma GCC unroll 16
    for (auto& v : acc)
    {
        v = start;
    }
    for (long i = 0; i < iterations; ++i)
    {
#pragma GCC unroll 16
        for (auto& v : acc)
        {
            v = fma(v, a, b);
        }
        // Keeps the compiler from merging or removing iterations.
        asm volatile(""
                     : "+v"(acc[0]), "+v"(acc[1]), "+v"(acc[2]), "+v"(acc[3]), "+v"(acc[4]), "+v"(acc[5]), "+v"(acc[6]),
                       "+v"(acc[7]), "+v"(acc[8]), "+v"(acc[9]), "+v"(acc[10]), "+v"(acc[11]));
    }
    Vector sum = acc[0];
#pragma GCC unroll 16
    for (int i = 1; i < accumulator_count; ++i)
    {
        sum = fma(sum, a, acc[i]);
    }
    // Keeps the result, and so the whole loop, alive.
    asm volatile("" : : "v"(sum));
    return 0;
}

struct Kernel
{
    const char* name;
    int flops_per_fma; // 2 x lanes
    double (*run)(long iterations);
};

double fma_ps256(long n)
{
    return run_fma_loop(n, _mm256_set1_ps(1.0f), _mm256_set1_ps(0.999999f), _mm256_set1_ps(1e-7f),
                        [](__m256 c, __m256 a, __m256 b) { return _mm256_fmadd_ps(c, a, b); });
}

double fma_pd256(long n)
{
    return run_fma_loop(n, _mm256_set1_pd(1.0), _mm256_set1_pd(0.999999), _mm256_set1_pd(1e-7),
                        [](__m256d c, __m256d a, __m256d b) { return _mm256_fmadd_pd(c, a, b); });
}

double fma_ps512(long n)
{
    return run_fma_loop(n, _mm512_set1_ps(1.0f), _mm512_set1_ps(0.999999f), _mm512_set1_ps(1e-7f),
                        [](__m512 c, __m512 a, __m512 b) { return _mm512_fmadd_ps(c, a, b); });
}

double fma_pd512(long n)
{
    return run_fma_loop(n, _mm512_set1_pd(1.0), _mm512_set1_pd(0.999999), _mm512_set1_pd(1e-7),
                        [](__m512d c, __m512d a, __m512d b) { return _mm512_fmadd_pd(c, a, b); });
}

// Runs the kernel on `threads` threads at once for about `seconds` and
// returns the total GFLOP/s.
double measure(const Kernel& kernel, int threads, double seconds)
{
    // Calibrate the iteration count on one thread.
    long iterations = 1 << 16;
    for (;;)
    {
        const auto start = std::chrono::steady_clock::now();
        kernel.run(iterations);
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (elapsed > seconds / 4)
        {
            iterations = static_cast<long>(iterations * seconds / elapsed);
            break;
        }
        iterations *= 2;
    }

    double best = 0;
    for (int repetition = 0; repetition < 5; ++repetition)
    {
        const auto start = std::chrono::steady_clock::now();
#pragma omp parallel num_threads(threads)
        kernel.run(iterations);
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double flops = double(iterations) * accumulator_count * kernel.flops_per_fma * threads;
        best = std::max(best, flops / elapsed / 1e9);
    }
    return best;
}

std::vector<int> parse_list(const char* text)
{
    std::vector<int> values;
    std::string item;
    for (const char* p = text;; ++p)
    {
        if (*p == ',' || *p == '\0')
        {
            values.push_back(std::atoi(item.c_str()));
            item.clear();
            if (*p == '\0')
            {
                break;
            }
        }
        else
        {
            item += *p;
        }
    }
    return values;
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<int> thread_counts{1, 2};
    double seconds = 0.5;
    for (int i = 1; i < argc; ++i)
    {
        if (std::strcmp(argv[i], "--threads") == 0 && i + 1 < argc)
        {
            thread_counts = parse_list(argv[++i]);
        }
        else if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc)
        {
            seconds = std::atof(argv[++i]);
        }
        else
        {
            std::fprintf(stderr, "usage: peak [--threads 1,2] [--seconds 0.5]\n");
            return 2;
        }
    }

    const Kernel kernels[] = {
        {"avx2-float32", 16, fma_ps256},
        {"avx2-float64", 8, fma_pd256},
        {"avx512-float32", 32, fma_ps512},
        {"avx512-float64", 16, fma_pd512},
    };
    std::printf("kernel,threads,gflops\n");
    for (const Kernel& kernel : kernels)
    {
        for (int threads : thread_counts)
        {
            std::printf("%s,%d,%.1f\n", kernel.name, threads, measure(kernel, threads, seconds));
            std::fflush(stdout);
        }
    }
    return 0;
}
