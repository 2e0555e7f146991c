/* Nerva C ABI: status codes, scalar types, errors, threads and library facts.
 *
 * Conventions shared by every header in this folder:
 * - Every function is named nerva_<object>_<verb> and returns nerva_status
 *   (NERVA_STATUS_OK is zero). The exceptions are nerva_abi_version and the
 *   two last-error getters, which cannot fail.
 * - Outputs come first. A parameter named out, or starting with out_, is
 *   written by the call; on failure it is left unchanged, except that a
 *   created handle is set to NULL.
 * - Handles are opaque. Each nerva_<object>_create has a matching
 *   nerva_<object>_destroy that accepts NULL. The caller owns every handle it
 *   creates and frees it with that destroy function.
 * - Matrices are stored in row-major (C) order.
 * - Buffers are caller-allocated: a pointer, its element count and its
 *   scalar type. The library keeps no pointer to caller memory after a call
 *   returns.
 * - No C++ exception crosses this boundary. On failure the call returns a
 *   status and records a message for nerva_last_error_message.
 * - Thread safety: distinct handles may be used from different threads at
 *   once; one handle must not be used by two threads at the same time.
 */
#ifndef NERVA_COMMON_H
#define NERVA_COMMON_H

#include <stdint.h>

#if defined(_WIN32)
#define NERVA_API __declspec(dllexport)
#else
#define NERVA_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Version of the binary interface. It changes whenever a signature, a struct
 * layout or the meaning of a status changes. */
#define NERVA_ABI_VERSION 1

/* Result of every fallible call. */
typedef enum nerva_status
{
    NERVA_STATUS_OK = 0,
    /* An argument is invalid: a null pointer, a size out of range, a wrong
     * scalar type or a parameter outside its domain. */
    NERVA_STATUS_INVALID_ARGUMENT = 1,
    /* The shapes of two or more arguments do not fit together. */
    NERVA_STATUS_SHAPE_MISMATCH = 2,
    /* A memory allocation failed. */
    NERVA_STATUS_OUT_OF_MEMORY = 3,
    /* The call is not valid in the object's current state. */
    NERVA_STATUS_INVALID_OPERATION = 4,
    /* An unexpected failure inside the library. */
    NERVA_STATUS_INTERNAL_ERROR = 5
} nerva_status;

/* Element type of a matrix, a layer or a buffer. */
typedef enum nerva_scalar_type
{
    NERVA_SCALAR_FLOAT32 = 1,
    NERVA_SCALAR_FLOAT64 = 2
} nerva_scalar_type;

/* Returns NERVA_ABI_VERSION as the library was compiled. Callers compare it
 * with the version their bindings were generated for. */
NERVA_API int32_t nerva_abi_version(void);

/* Returns the message of the last failed call on this thread, or an empty
 * string. The library owns the string; it stays valid until the next Nerva
 * call on the same thread. */
NERVA_API const char* nerva_last_error_message(void);

/* Returns the name of the argument that made the last call on this thread
 * fail with NERVA_STATUS_INVALID_ARGUMENT or NERVA_STATUS_SHAPE_MISMATCH, or
 * an empty string. Ownership and lifetime as nerva_last_error_message. */
NERVA_API const char* nerva_last_error_argument(void);

/* Writes the number of threads that MKL and OpenMP use for products. */
NERVA_API nerva_status nerva_threads_get(int32_t* out);

/* Sets the number of threads for MKL and OpenMP (count >= 1). The default
 * is the number of physical cores, or MKL_NUM_THREADS / OMP_NUM_THREADS when
 * set. The setting is process-wide; set it before training starts. */
NERVA_API nerva_status nerva_threads_set(int32_t count);

/* Writes the number of live library objects (matrices, layers, models and
 * so on) that were created and not yet destroyed. For leak checks. */
NERVA_API nerva_status nerva_library_count_objects(int64_t* out);

/* Writes 1 when dense products use Intel MKL, 0 when they use Eigen alone. */
NERVA_API nerva_status nerva_library_uses_mkl(int32_t* out);

#ifdef __cplusplus
}
#endif

#endif
