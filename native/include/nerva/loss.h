/* Nerva C ABI: loss functions of a batch of outputs Y and targets T
 * (both N x K, one example per row).
 *
 * Every value is the sum over the batch, and every gradient is the gradient
 * of that sum with respect to Y. A training step that reports the mean loss
 * divides both by N.
 *
 * Zero probabilities in CROSS_ENTROPY and NEGATIVE_LOG_LIKELIHOOD follow
 * IEEE arithmetic and are not errors: an entry with T > 0 and Y = 0 makes
 * the value +inf and that gradient entry -inf. Entries with T = 0 add
 * exactly 0 to the value and the gradient (0 log 0 = 0).
 *
 * Pointers are borrowed for the duration of a call only. Calls are
 * thread-safe as long as no two threads write the same output.
 */
#ifndef NERVA_LOSS_H
#define NERVA_LOSS_H

#include "nerva/common.h"
#include "nerva/matrix.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum nerva_loss_kind
{
    /* 1^T ((Y - T) ⊙ (Y - T)) 1, with gradient 2 (Y - T). */
    NERVA_LOSS_SQUARED_ERROR = 1,
    /* The squared error divided by K N. */
    NERVA_LOSS_MEAN_SQUARED_ERROR = 2,
    /* -1^T (T ⊙ log(Y)) 1, with gradient -T ⊙ (1 / Y). Y contains probabilities. */
    NERVA_LOSS_CROSS_ENTROPY = 3,
    /* -1^T (T ⊙ log-softmax(Y)) 1 with the stable log-softmax, with gradient
     * softmax(Y) ⊙ (T 1 1^T) - T. Y contains unnormalized scores (logits). */
    NERVA_LOSS_SOFTMAX_CROSS_ENTROPY = 4,
    /* -1^T (T ⊙ log(sigmoid(Y))) 1, stable for large |Y|, with gradient
     * T ⊙ sigmoid(Y) - T. */
    NERVA_LOSS_LOGISTIC_CROSS_ENTROPY = 5,
    /* -1^T log((Y ⊙ T) 1), with gradient -((1 / ((Y ⊙ T) 1)) 1^T) ⊙ T. */
    NERVA_LOSS_NEGATIVE_LOG_LIKELIHOOD = 6
} nerva_loss_kind;

/* Writes the loss of outputs Y and targets T (same shape and scalar type). */
NERVA_API nerva_status nerva_loss_value(double* out, nerva_loss_kind kind, const nerva_matrix* Y,
                                        const nerva_matrix* T);

/* Computes DY, the gradient of the loss with respect to Y. out_DY is resized
 * to the shape of Y and must have the scalar type of Y. It may be Y or T. */
NERVA_API nerva_status nerva_loss_gradient(nerva_matrix* out_DY, nerva_loss_kind kind, const nerva_matrix* Y,
                                           const nerva_matrix* T);

#ifdef __cplusplus
}
#endif

#endif
