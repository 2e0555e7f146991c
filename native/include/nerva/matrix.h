/* Nerva C ABI: dense matrices. */
#ifndef NERVA_MATRIX_H
#define NERVA_MATRIX_H

#include "nerva/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A dense row-major matrix of float32 or float64 values, owned by the
 * library. */
typedef struct nerva_matrix nerva_matrix;

/* Creates a rows x cols matrix of zeros. rows and cols must be >= 1.
 * The caller frees *out with nerva_matrix_destroy. */
NERVA_API nerva_status nerva_matrix_create(nerva_matrix** out, nerva_scalar_type type, int64_t rows, int64_t cols);

/* Destroys a matrix. NULL is allowed and does nothing. */
NERVA_API nerva_status nerva_matrix_destroy(nerva_matrix* matrix);

/* Writes the number of rows and columns. */
NERVA_API nerva_status nerva_matrix_shape(int64_t* out_rows, int64_t* out_cols, const nerva_matrix* matrix);

/* Writes the scalar type. */
NERVA_API nerva_status nerva_matrix_scalar_type(nerva_scalar_type* out, const nerva_matrix* matrix);

/* Copies the matrix into a caller buffer in row-major order. count must be
 * rows * cols and data_type the matrix's scalar type. */
NERVA_API nerva_status nerva_matrix_read(void* out_data, int64_t count, nerva_scalar_type data_type,
                                         const nerva_matrix* matrix);

/* Copies a caller buffer in row-major order into the matrix. count must be
 * rows * cols and data_type the matrix's scalar type. */
NERVA_API nerva_status nerva_matrix_write(nerva_matrix* matrix, const void* data, int64_t count,
                                          nerva_scalar_type data_type);

/* Changes the shape to rows x cols. The contents become unspecified. */
NERVA_API nerva_status nerva_matrix_resize(nerva_matrix* matrix, int64_t rows, int64_t cols);

#ifdef __cplusplus
}
#endif

#endif
