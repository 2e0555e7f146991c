/* Nerva C ABI: activation functions, evaluated element-wise on matrices.
 *
 * These stateless functions compute the same values as the activation
 * layers, so that bindings can test each function and its derivative.
 * Pointers are borrowed for the duration of a call only. Calls are
 * thread-safe as long as no two threads write the same output matrix.
 */
#ifndef NERVA_ACTIVATION_H
#define NERVA_ACTIVATION_H

#include "nerva/common.h"
#include "nerva/matrix.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Kind of activation function. Zero is not a kind, so that a
 * zero-initialized nerva_activation is rejected. */
typedef enum nerva_activation_kind
{
    /* max(0, x), with derivative 1 at 0. */
    NERVA_ACTIVATION_RELU = 1,
    /* max(alpha x, x), with derivative alpha where x < alpha x and 1 elsewhere. */
    NERVA_ACTIVATION_LEAKY_RELU = 2,
    /* alpha x for x < 0 and x otherwise, with derivative 1 at 0. */
    NERVA_ACTIVATION_ALL_RELU = 3,
    /* tl + al (x - tl) for x <= tl, x for tl < x < tr, tr + ar (x - tr) for
     * x >= tr. When tl >= tr the first case wins. In a layer, al, tl, ar, tr
     * are trainable parameters. */
    NERVA_ACTIVATION_SRELU = 4,
    /* tanh(x). */
    NERVA_ACTIVATION_HYPERBOLIC_TANGENT = 5,
    /* 1 / (1 + e^-x), computed without overflow for large |x|. */
    NERVA_ACTIVATION_SIGMOID = 6
} nerva_activation_kind;

/* An activation function and its parameters. kind is a
 * nerva_activation_kind. LEAKY_RELU and ALL_RELU read alpha. SRELU reads al,
 * tl, ar, tr, which a layer uses as initial values; 0, 0, 0, 1 equals ReLU
 * below 1. Parameters that the kind reads must be finite, and the others are
 * ignored. */
typedef struct nerva_activation
{
    int32_t kind;
    double alpha;
    double al;
    double tl;
    double ar;
    double tr;
} nerva_activation;

/* Computes Y = act(X) element-wise. out_Y is resized to the shape of X and
 * must have the scalar type of X. It may be X itself. */
NERVA_API nerva_status nerva_activation_apply(nerva_matrix* out_Y, const nerva_activation* activation,
                                              const nerva_matrix* X);

/* Computes the derivative act'(X) element-wise. out is resized to the shape
 * of X and must have the scalar type of X. It may be X itself. */
NERVA_API nerva_status nerva_activation_derivative(nerva_matrix* out, const nerva_activation* activation,
                                                   const nerva_matrix* X);

/* Writes the alpha of the All-ReLU layer at position layer_index (>= 1) in a
 * network: layers 2, 3, 4, ... get -alpha, alpha, -alpha, ..., that is
 * (-1)^(layer_index - 1) alpha, so layer 1 gets alpha. */
NERVA_API nerva_status nerva_activation_all_relu_alpha(double* out, double alpha, int64_t layer_index);

#ifdef __cplusplus
}
#endif

#endif
