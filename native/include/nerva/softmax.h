/* Nerva C ABI: softmax functions of the rows of a matrix, and their
 * Jacobians.
 *
 * Pointers are borrowed for the duration of a call only. Calls are
 * thread-safe as long as no two threads write the same output matrix.
 */
#ifndef NERVA_SOFTMAX_H
#define NERVA_SOFTMAX_H

#include "nerva/common.h"
#include "nerva/matrix.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Which softmax function to apply to each row x of a matrix. */
typedef enum nerva_softmax_kind
{
    /* e^x / (e^x 1), which overflows for inputs above about 88 (float32) or
     * 709 (float64). */
    NERVA_SOFTMAX_PLAIN = 1,
    /* softmax of x - max(x), finite for every finite x. */
    NERVA_SOFTMAX_STABLE = 2,
    /* x - log(e^x 1). */
    NERVA_SOFTMAX_LOG = 3,
    /* log-softmax of x - max(x), finite for every finite x. */
    NERVA_SOFTMAX_LOG_STABLE = 4
} nerva_softmax_kind;

/* Applies the softmax function to each row of X. out_Y is resized to the
 * shape of X and must have the scalar type of X. It may be X itself. */
NERVA_API nerva_status nerva_softmax_apply(nerva_matrix* out_Y, nerva_softmax_kind kind, const nerva_matrix* X);

/* Computes the D x D Jacobian J_ij = d f_i / d x_j at the row x (1 x D):
 * Diag(softmax(x)) - softmax(x)^T softmax(x) for the two softmax kinds and
 * I - 1_D softmax(x) for the two log-softmax kinds. out_J is resized to
 * D x D and must have the scalar type of x. */
NERVA_API nerva_status nerva_softmax_jacobian(nerva_matrix* out_J, nerva_softmax_kind kind, const nerva_matrix* x);

#ifdef __cplusplus
}
#endif

#endif
