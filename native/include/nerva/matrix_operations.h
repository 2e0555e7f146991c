/* Nerva C ABI: the matrix operations that layers and losses are built from,
 * exposed so that bindings can test them.
 *
 * Each function writes a new result into out, which is resized to the
 * result's shape and must have the scalar type of the inputs. out may be one
 * of the inputs. Pointers are borrowed for the duration of a call only.
 * Calls are thread-safe as long as no two threads write the same output.
 */
#ifndef NERVA_MATRIX_OPERATIONS_H
#define NERVA_MATRIX_OPERATIONS_H

#include "nerva/common.h"
#include "nerva/matrix.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Writes the sum of all elements of X. */
NERVA_API nerva_status nerva_matrix_elements_sum(double* out, const nerva_matrix* X);

/* out = 1^T X, the 1 x n row of column sums of X (m x n). */
NERVA_API nerva_status nerva_matrix_columns_sum(nerva_matrix* out, const nerva_matrix* X);

/* out = X 1, the m x 1 column of row sums of X (m x n). */
NERVA_API nerva_status nerva_matrix_rows_sum(nerva_matrix* out, const nerva_matrix* X);

/* out = the 1 x n row of column maxima of X (m x n). */
NERVA_API nerva_status nerva_matrix_columns_max(nerva_matrix* out, const nerva_matrix* X);

/* out = the m x 1 column of row maxima of X (m x n). */
NERVA_API nerva_status nerva_matrix_rows_max(nerva_matrix* out, const nerva_matrix* X);

/* out = the 1 x n row of column means of X (m x n). */
NERVA_API nerva_status nerva_matrix_columns_mean(nerva_matrix* out, const nerva_matrix* X);

/* out = the m x 1 column of row means of X (m x n). */
NERVA_API nerva_status nerva_matrix_rows_mean(nerva_matrix* out, const nerva_matrix* X);

/* out = X ⊙ Y, the element-wise product of two matrices of the same shape. */
NERVA_API nerva_status nerva_matrix_hadamard(nerva_matrix* out, const nerva_matrix* X, const nerva_matrix* Y);

/* out = 1 / sqrt(X + epsilon) element-wise, where epsilon must be finite and > 0. */
NERVA_API nerva_status nerva_matrix_inv_sqrt(nerva_matrix* out, const nerva_matrix* X, double epsilon);

/* out = log(sigmoid(X)) element-wise, finite for every finite X. */
NERVA_API nerva_status nerva_matrix_log_sigmoid(nerva_matrix* out, const nerva_matrix* X);

#ifdef __cplusplus
}
#endif

#endif
