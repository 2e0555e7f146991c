// Times the training step of a multilayer perceptron on the numeric core
// directly (no C ABI, no .NET), and the step's dense products alone. Used to
// profile the step (valgrind --tool=callgrind) and to measure native changes.
//
//   step_benchmark [--sizes 3072,1024,512,10] [--batch 100] [--type float32|float64]
//                  [--optimizer gd|nesterov] [--threads 2] [--steps 50] [--epochs 5]
//                  [--warmup 20] [--no-cnr]
//
// The network has ReLU on every layer but the last, which is linear, and the
// softmax cross-entropy loss. The data are M = steps x batch random examples
// with one-hot targets; each epoch trains every batch once in a shuffled order.
// Prints the median milliseconds per step and per epoch, then the same for
// the products alone (feedforward, DW and DX of every layer; DX of the
// first layer is skipped as in the step).
#include "core/gemm.h"
#include "core/layers/activation_layer.h"
#include "core/layers/linear_layer.h"
#include "core/model.h"
#include "core/reproducibility.h"

#include <omp.h>
#ifdef NERVA_USE_MKL
#include <mkl_service.h>
#endif

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <numeric>
#include <random>
#include <string>
#include <vector>

namespace
{

using Clock = std::chrono::steady_clock;

struct Options
{
    std::vector<nerva::Index> sizes{3072, 1024, 512, 10};
    nerva::Index batch = 100;
    bool float64 = false;
    bool nesterov = false;
    int threads = 2;
    int steps = 50;
    int epochs = 5;
    int warmup = 20;
    bool cnr = true;
};

double milliseconds_since(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

template <typename T>
void fill_random(nerva::Matrix<T>& A, std::mt19937_64& engine, T scale)
{
    std::normal_distribution<T> normal(T(0), scale);
    for (nerva::Index i = 0; i < A.size(); ++i)
    {
        A.data()[i] = normal(engine);
    }
}

template <typename T>
void run(const Options& options)
{
    using namespace nerva;
    std::mt19937_64 engine(1);
    const Index L = static_cast<Index>(options.sizes.size()) - 1;
    const Index N = options.batch;
    const Index M = N * options.steps;

    // The network: ReLU layers, then a linear layer; He-scaled random weights.
    MultilayerPerceptron<T> model;
    std::vector<Matrix<T>*> weights;
    for (Index l = 0; l < L; ++l)
    {
        const Index D = options.sizes[l];
        const Index K = options.sizes[l + 1];
        if (l + 1 < L)
        {
            auto layer = std::make_shared<ActivationLayer<T>>(D, K, Activation{ActivationKind::ReLU});
            fill_random(layer->W, engine, T(std::sqrt(2.0 / D)));
            weights.push_back(&layer->W);
            model.add_layer(layer);
        }
        else
        {
            auto layer = std::make_shared<LinearLayer<T>>(D, K);
            fill_random(layer->W, engine, T(std::sqrt(1.0 / D)));
            weights.push_back(&layer->W);
            model.add_layer(layer);
        }
    }
    model.set_loss(LossKind::SoftmaxCrossEntropy);
    model.set_optimizer(options.nesterov ? OptimizerSettings{OptimizerKind::Nesterov, 0.9}
                                         : OptimizerSettings{OptimizerKind::GradientDescent, 0});

    // The data: X_all (M x D) standard normal, T_all (M x K) one-hot.
    Matrix<T> X_all(M, options.sizes.front());
    fill_random(X_all, engine, T(1));
    Matrix<T> T_all = Matrix<T>::Zero(M, options.sizes.back());
    std::uniform_int_distribution<Index> label(0, options.sizes.back() - 1);
    for (Index i = 0; i < M; ++i)
    {
        T_all(i, label(engine)) = T(1);
    }
    std::vector<int64_t> order(static_cast<size_t>(M));
    std::iota(order.begin(), order.end(), 0);

    // Training steps: warm-up, then timed epochs.
    std::vector<double> step_times;
    std::vector<double> epoch_times;
    double loss = 0;
    for (int epoch = -1; epoch < options.epochs; ++epoch)
    {
        std::shuffle(order.begin(), order.end(), engine);
        const int steps = epoch < 0 ? options.warmup : options.steps;
        const auto epoch_start = Clock::now();
        for (int s = 0; s < steps; ++s)
        {
            const int64_t* rows = order.data() + (s % options.steps) * N;
            const auto start = Clock::now();
            loss = model.train_batch_rows(X_all, T_all, rows, N, 0.01);
            if (epoch >= 0)
            {
                step_times.push_back(milliseconds_since(start));
            }
        }
        if (epoch >= 0)
        {
            epoch_times.push_back(milliseconds_since(epoch_start));
        }
    }
    std::printf("step      %8.3f ms  epoch %9.3f ms  (%d steps; last loss %.4f)\n", median(step_times),
                median(epoch_times), options.steps, loss / N);

    // The products alone: Z_l = X_l W_l^T, DW_l = DZ_l^T X_l, DX_l = DZ_l W_l.
    std::vector<Matrix<T>> X(L + 1);
    std::vector<Matrix<T>> DZ(L);
    std::vector<Matrix<T>> DW(L);
    std::vector<Matrix<T>> DX(L);
    for (Index l = 0; l <= L; ++l)
    {
        X[l] = Matrix<T>::Random(N, options.sizes[l]);
    }
    for (Index l = 0; l < L; ++l)
    {
        DZ[l] = Matrix<T>::Random(N, options.sizes[l + 1]);
        DW[l].resize(options.sizes[l + 1], options.sizes[l]);
        DX[l].resize(N, options.sizes[l]);
    }
    std::vector<double> gemm_times;
    for (int i = 0; i < options.warmup + options.epochs * options.steps; ++i)
    {
        const auto start = Clock::now();
        for (Index l = 0; l < L; ++l)
        {
            gemm(T(1), X[l], Op::None, *weights[l], Op::Transpose, T(0), X[l + 1]);
        }
        for (Index l = L - 1; l >= 0; --l)
        {
            gemm(T(1), DZ[l], Op::Transpose, X[l], Op::None, T(0), DW[l]);
            if (l > 0)
            {
                gemm(T(1), DZ[l], Op::None, *weights[l], Op::None, T(0), DX[l]);
            }
        }
        if (i >= options.warmup)
        {
            gemm_times.push_back(milliseconds_since(start));
        }
    }
    std::printf("products %8.3f ms\n", median(gemm_times));
}

std::vector<nerva::Index> parse_sizes(const char* text)
{
    std::vector<nerva::Index> sizes;
    for (const char* p = text; *p;)
    {
        char* end = nullptr;
        sizes.push_back(std::strtol(p, &end, 10));
        p = *end == ',' ? end + 1 : end;
    }
    return sizes;
}

} // namespace

int main(int argc, char** argv)
{
    Options options;
    for (int i = 1; i < argc; ++i)
    {
        const std::string name = argv[i];
        const char* value = i + 1 < argc ? argv[i + 1] : "";
        if (name == "--no-cnr")
        {
            options.cnr = false;
            continue;
        }
        ++i;
        if (name == "--sizes")
            options.sizes = parse_sizes(value);
        else if (name == "--batch")
            options.batch = std::atol(value);
        else if (name == "--type")
            options.float64 = std::strcmp(value, "float64") == 0;
        else if (name == "--optimizer")
            options.nesterov = std::strcmp(value, "nesterov") == 0;
        else if (name == "--threads")
            options.threads = std::atoi(value);
        else if (name == "--steps")
            options.steps = std::atoi(value);
        else if (name == "--epochs")
            options.epochs = std::atoi(value);
        else if (name == "--warmup")
            options.warmup = std::atoi(value);
        else
        {
            std::fprintf(stderr,
                         "step_benchmark: unknown option '%s'; see the comment at the top of "
                         "benchmarks/native/step_benchmark.cpp\n",
                         name.c_str());
            return 2;
        }
    }

    if (options.cnr && !nerva::enable_reproducible_mkl())
    {
        std::fprintf(stderr, "step_benchmark: mkl_cbwr_set(MKL_CBWR_AUTO) failed\n");
        return 1;
    }
#ifdef NERVA_USE_MKL
    mkl_set_num_threads(options.threads);
#endif
    omp_set_num_threads(options.threads);
    std::printf("type %s, optimizer %s, threads %d, batch %ld, CNR %s\n", options.float64 ? "float64" : "float32",
                options.nesterov ? "Nesterov(0.9)" : "GradientDescent", options.threads,
                static_cast<long>(options.batch), options.cnr ? "MKL_CBWR_AUTO" : "off");
    if (options.float64)
    {
        run<double>(options);
    }
    else
    {
        run<float>(options);
    }
    return 0;
}
