/* Nerva C ABI: activation, softmax, batch-normalization and dropout layers,
 * and the training mode of layers.
 *
 * Each create function makes a layer that the functions of nerva/layer.h
 * drive. The caller owns *out and frees it with nerva_layer_destroy. On
 * failure *out is set to NULL. Parameters and state are read and written by
 * name with nerva_layer_parameter_read and nerva_layer_parameter_write:
 *   activation, softmax, log-softmax: "W" (K x D), "b" (1 x K), "DW", "Db";
 *   SReLU activation: also "al", "tl", "ar", "tr" (1 x 1 each) and their
 *     gradients "Dal", "Dtl", "Dar", "Dtr";
 *   batch normalization: "gamma", "beta" (1 x K) with "Dgamma", "Dbeta",
 *     and the state "running_mean", "running_variance" (1 x K, no gradient);
 *   dropout: "W", "b", "DW", "Db" and the state "R" (K x D, no gradient), the
 *     mask of the last feedforward.
 * A layer must not be used by two threads at the same time.
 */
#ifndef NERVA_LAYER_KINDS_H
#define NERVA_LAYER_KINDS_H

#include "nerva/activation.h"
#include "nerva/common.h"
#include "nerva/layer.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Defaults for nerva_layer_create_batch_normalization, as in PyTorch. */
#define NERVA_BATCH_NORMALIZATION_DEFAULT_EPSILON 1e-5
#define NERVA_BATCH_NORMALIZATION_DEFAULT_MOMENTUM 0.1

/* Creates an activation layer Z = X W^T + 1_N b, Y = act(Z) with input_size
 * D and output_size K (both >= 1). W and b start as zeros. With kind
 * NERVA_ACTIVATION_SRELU the layer trains al, tl, ar, tr, starting from the
 * values in *activation. The layer keeps a copy of *activation. */
NERVA_API nerva_status nerva_layer_create_activation(nerva_layer** out, nerva_scalar_type type, int64_t input_size,
                                                     int64_t output_size, const nerva_activation* activation);

/* Creates a softmax layer Z = X W^T + 1_N b, Y = softmax(Z), computed in the
 * stable form. W and b start as zeros. */
NERVA_API nerva_status nerva_layer_create_softmax(nerva_layer** out, nerva_scalar_type type, int64_t input_size,
                                                  int64_t output_size);

/* Creates a log-softmax layer Z = X W^T + 1_N b, Y = log-softmax(Z),
 * computed in the stable form. W and b start as zeros. */
NERVA_API nerva_status nerva_layer_create_log_softmax(nerva_layer** out, nerva_scalar_type type, int64_t input_size,
                                                      int64_t output_size);

/* Creates a batch-normalization layer with D = K = size (>= 1).
 * gamma starts as ones, beta as zeros, running_mean as zeros and
 * running_variance as ones. The layer starts in training mode.
 * - Training mode normalizes each column with the batch mean and the biased
 *   batch variance Σ, as 1 / sqrt(Σ + epsilon), and needs N >= 2. Each
 *   training feedforward updates running = (1 - momentum) running +
 *   momentum statistic, where the variance statistic is unbiased
 *   (N / (N - 1) Σ), as in PyTorch.
 * - Evaluation mode normalizes with running_mean and running_variance.
 * epsilon must be finite and > 0 (default 1e-5); momentum must be in
 * [0, 1] (default 0.1). */
NERVA_API nerva_status nerva_layer_create_batch_normalization(nerva_layer** out, nerva_scalar_type type, int64_t size,
                                                              double epsilon, double momentum);

/* Creates a linear dropout layer Y = X (W ⊙ R)^T + 1_N b (dropout of
 * connections). drop_rate is the probability q in [0, 1) that an entry of
 * the K x D mask R is 0, and the other entries are 1 / (1 - q). In training
 * mode, the initial mode, each feedforward draws a new R from a generator
 * seeded with seed. Equal seeds give equal masks on every platform. In
 * evaluation mode R is all ones. q = 0 computes exactly a linear layer. */
NERVA_API nerva_status nerva_layer_create_linear_dropout(nerva_layer** out, nerva_scalar_type type, int64_t input_size,
                                                         int64_t output_size, double drop_rate, uint64_t seed);

/* Creates an activation dropout layer Z = X (W ⊙ R)^T + 1_N b, Y = act(Z),
 * with the mask R as in nerva_layer_create_linear_dropout. Every activation
 * kind except NERVA_ACTIVATION_SRELU is accepted. */
NERVA_API nerva_status nerva_layer_create_activation_dropout(nerva_layer** out, nerva_scalar_type type,
                                                             int64_t input_size, int64_t output_size,
                                                             const nerva_activation* activation, double drop_rate,
                                                             uint64_t seed);

/* Selects training (1) or evaluation (0) mode. Batch normalization and
 * dropout layers behave differently in the two modes. Every other layer
 * accepts the call and ignores it. */
NERVA_API nerva_status nerva_layer_set_training(nerva_layer* layer, int32_t training);

/* Freezes (1) or releases (0) the dropout mask of a dropout layer. While
 * frozen, training feedforwards keep the current R, for example one written
 * with nerva_layer_parameter_write, instead of drawing a new one, so that a
 * gradient check uses a fixed mask. Evaluation mode still uses ones.
 * Layers without dropout reject the call. */
NERVA_API nerva_status nerva_layer_set_mask_frozen(nerva_layer* layer, int32_t frozen);

#ifdef __cplusplus
}
#endif

#endif
