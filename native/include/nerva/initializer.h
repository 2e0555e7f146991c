/* Nerva C ABI: weight initializers.
 *
 * An initializer draws the weights W (K x D) of a layer with D inputs and K
 * outputs from a distribution and sets the bias b to zero. U(a, b) is the
 * uniform distribution on [a, b] and N(mean, std) the normal distribution
 * with standard deviation std.
 *
 * Random numbers come from std::mt19937_64 seeded with the caller's seed.
 * The library's own code turns them into uniform and normal draws, so a seed
 * gives the same weights on every platform. Normal draws may still differ in
 * the last bit where the C libraries' log, sqrt, cos and sin differ.
 */
#ifndef NERVA_INITIALIZER_H
#define NERVA_INITIALIZER_H

#include "nerva/common.h"
#include "nerva/layer.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Distribution of the weights; D is the layer's input size and K its output
 * size. The names are those of the Nerva command-line tools. */
typedef enum nerva_initializer_kind
{
    /* U(a, b) with finite a <= b. */
    NERVA_INITIALIZER_UNIFORM = 1,
    /* U(-1/sqrt(D), 1/sqrt(D)). */
    NERVA_INITIALIZER_XAVIER = 2,
    /* U(-sqrt(6)/sqrt(D + K), sqrt(6)/sqrt(D + K)). */
    NERVA_INITIALIZER_XAVIER_NORMALIZED = 3,
    /* N(0, sqrt(2/D)). */
    NERVA_INITIALIZER_HE = 4,
    /* All weights 0. */
    NERVA_INITIALIZER_ZERO = 5,
    /* Glorot uniform: the same distribution as XAVIER_NORMALIZED. */
    NERVA_INITIALIZER_XAVIER_UNIFORM = 6,
    /* Glorot normal: N(0, sqrt(2/(D + K))), not truncated. */
    NERVA_INITIALIZER_XAVIER_NORMAL = 7,
    /* N(0, sqrt(2/D)), the same distribution as HE, not truncated. */
    NERVA_INITIALIZER_HE_NORMAL = 8,
    /* U(-sqrt(6/D), sqrt(6/D)). */
    NERVA_INITIALIZER_HE_UNIFORM = 9,
    /* N(a, b): mean a (finite) and standard deviation b (finite, >= 0). */
    NERVA_INITIALIZER_NORMAL = 10
} nerva_initializer_kind;

/* An initializer: a nerva_initializer_kind and its arguments. a and b are
 * read by UNIFORM (bounds) and NORMAL (mean, standard deviation) and ignored
 * by the other kinds. */
typedef struct nerva_initializer
{
    int32_t kind;
    double a;
    double b;
} nerva_initializer;

/* Draws the layer's weights W from the initializer with the given seed and
 * sets its bias b to zero. The same seed gives the same weights. Fails with
 * NERVA_STATUS_INVALID_ARGUMENT for an unknown kind, invalid a or b, or a
 * layer without W (batch normalization), leaving the layer unchanged. The
 * layer may belong to a model. */
NERVA_API nerva_status nerva_layer_initialize(nerva_layer* layer, const nerva_initializer* initializer, uint64_t seed);

#ifdef __cplusplus
}
#endif

#endif
