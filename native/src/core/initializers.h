// Weight initializers: draw the weights W (K x D) of a layer from a
// distribution that depends on D (inputs) and K (outputs), and set the bias b
// to zero.
//
// Random numbers come from std::mt19937_64, whose output the C++ standard
// fixes, turned into distributions by the code below instead of the standard
// distributions, whose algorithms differ between standard libraries. A seed
// therefore gives the same weights with every standard library, up to the
// last bit of std::log, std::sqrt, std::cos and std::sin for normal draws.
#ifndef NERVA_CORE_INITIALIZERS_H
#define NERVA_CORE_INITIALIZERS_H

#include "core/layers/layer.h"

#include <cmath>
#include <cstdint>
#include <random>

namespace nerva
{

// The names are those of the Nerva tools. The values match nerva_initializer_kind.
enum class InitializerKind : int32_t
{
    Uniform = 1,          // U(a, b)
    Xavier = 2,           // U(-1/sqrt(D), 1/sqrt(D))
    XavierNormalized = 3, // U(-sqrt(6)/sqrt(D + K), sqrt(6)/sqrt(D + K))
    He = 4,               // N(0, sqrt(2/D)), the second argument being the standard deviation
    Zero = 5,             // all zeros
    XavierUniform = 6,    // Glorot uniform, the same distribution as XavierNormalized
    XavierNormal = 7,     // N(0, sqrt(2/(D + K)))
    HeNormal = 8,         // N(0, sqrt(2/D)), the same distribution as He
    HeUniform = 9,        // U(-sqrt(6/D), sqrt(6/D))
    Normal = 10           // N(a, b) with mean a and standard deviation b
};

// An initializer kind with its two arguments; a and b are used by Uniform
// (bounds) and Normal (mean, standard deviation) only.
struct Initializer
{
    InitializerKind kind = InitializerKind::Zero;
    double a = 0;
    double b = 0;
};

// A uniform distribution U(first, second) or a normal distribution
// N(first, second) with second the standard deviation.
struct WeightDistribution
{
    bool normal = false;
    double first = 0;
    double second = 0;
};

// Returns the distribution of the weights of a K x D matrix, or throws
// InvalidArgument for an unknown kind or invalid arguments a and b.
inline WeightDistribution weight_distribution(const Initializer& initializer, Index D, Index K)
{
    const double d = static_cast<double>(D);
    const double k = static_cast<double>(K);
    switch (initializer.kind)
    {
    case InitializerKind::Uniform:
        if (!std::isfinite(initializer.a) || !std::isfinite(initializer.b) || initializer.a > initializer.b)
        {
            throw_invalid_argument("initializer",
                                   "Uniform(a, b) needs finite bounds with a <= b, got a = ", initializer.a,
                                   " and b = ", initializer.b);
        }
        return {false, initializer.a, initializer.b};
    case InitializerKind::Xavier:
        return {false, -1 / std::sqrt(d), 1 / std::sqrt(d)};
    case InitializerKind::XavierNormalized:
    case InitializerKind::XavierUniform:
        return {false, -std::sqrt(6.0) / std::sqrt(d + k), std::sqrt(6.0) / std::sqrt(d + k)};
    case InitializerKind::He:
    case InitializerKind::HeNormal:
        return {true, 0, std::sqrt(2 / d)};
    case InitializerKind::Zero:
        return {false, 0, 0};
    case InitializerKind::XavierNormal:
        return {true, 0, std::sqrt(2 / (d + k))};
    case InitializerKind::HeUniform:
        return {false, -std::sqrt(6 / d), std::sqrt(6 / d)};
    case InitializerKind::Normal:
        if (!std::isfinite(initializer.a) || !std::isfinite(initializer.b) || initializer.b < 0)
        {
            throw_invalid_argument("initializer",
                                   "Normal(mean, std) needs a finite mean and a finite standard deviation >= 0, got "
                                   "mean = ",
                                   initializer.a, " and std = ", initializer.b);
        }
        return {true, initializer.a, initializer.b};
    }
    throw_invalid_argument("initializer", "initializer kind ", static_cast<int32_t>(initializer.kind),
                           " is unknown; valid kinds are 1 (Uniform) to 10 (Normal)");
}

// Uniform and normal draws from std::mt19937_64 with fixed algorithms.
class PortableRandom
{
public:
    explicit PortableRandom(uint64_t seed) : m_engine(seed) {}

    // u in [0, 1) from the top 53 bits of one draw.
    double uniform01() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }

    // Returns a standard normal draw. The Box-Muller transform turns two
    // uniform draws into two normal draws, and the second one is kept for
    // the next call.
    double standard_normal()
    {
        if (m_has_spare)
        {
            m_has_spare = false;
            return m_spare;
        }
        constexpr double two_pi = 6.283185307179586476925;
        const double u1 = 1.0 - uniform01(); // in (0, 1], so log(u1) is finite
        const double u2 = uniform01();
        const double radius = std::sqrt(-2.0 * std::log(u1));
        m_spare = radius * std::sin(two_pi * u2);
        m_has_spare = true;
        return radius * std::cos(two_pi * u2);
    }

private:
    std::mt19937_64 m_engine;
    double m_spare = 0;
    bool m_has_spare = false;
};

// Fills W (K x D) from the initializer's distribution, in row-major order.
template <typename T>
void initialize_weights(Matrix<T>& W, const Initializer& initializer, uint64_t seed)
{
    const WeightDistribution distribution = weight_distribution(initializer, W.cols(), W.rows());
    PortableRandom random(seed);
    for (Index i = 0; i < W.size(); ++i)
    {
        const double value = distribution.normal
                                 ? distribution.first + distribution.second * random.standard_normal()
                                 : distribution.first + (distribution.second - distribution.first) * random.uniform01();
        W.data()[i] = static_cast<T>(value);
    }
}

// Draws the layer's "W" and sets its "b" to zero. Throws InvalidArgument
// when the layer has no parameter named W (batch normalization).
template <typename T>
void initialize_layer(Layer<T>& layer, const Initializer& initializer, uint64_t seed)
{
    Matrix<T>* W = nullptr;
    Matrix<T>* b = nullptr;
    for (const auto& parameter : layer.parameters())
    {
        if (parameter.name == "W")
        {
            W = parameter.value;
        }
        else if (parameter.name == "b")
        {
            b = parameter.value;
        }
    }
    if (W == nullptr)
    {
        throw_invalid_argument("layer", "the layer has no weight matrix W to initialize; batch normalization "
                                        "layers start with gamma = 1 and beta = 0 instead");
    }
    initialize_weights(*W, initializer, seed);
    if (b != nullptr)
    {
        b->setZero();
    }
}

} // namespace nerva

#endif
