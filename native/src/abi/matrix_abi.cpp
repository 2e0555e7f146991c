// Exports of nerva/matrix.h.
#include <cstring>

#include "abi/handles.h"
#include "nerva/matrix.h"

using nerva::Matrix;
using nerva::abi::guard;
using nerva::abi::require_not_null;

extern "C" {

NERVA_API nerva_status nerva_matrix_create(nerva_matrix** out, nerva_scalar_type type, int64_t rows, int64_t cols)
{
    if (out)
    {
        *out = nullptr;
    }
    return guard(__func__, [&] {
        require_not_null(out, "out");
        const nerva_scalar_type checked_type = nerva::abi::checked_scalar_type(type, "type");
        nerva::abi::checked_element_count(rows, cols);
        auto matrix = std::make_unique<nerva_matrix>();
        if (checked_type == NERVA_SCALAR_FLOAT32)
        {
            matrix->value = Matrix<float>(Matrix<float>::Zero(rows, cols));
        }
        else
        {
            matrix->value = Matrix<double>(Matrix<double>::Zero(rows, cols));
        }
        *out = matrix.release();
    });
}

NERVA_API nerva_status nerva_matrix_destroy(nerva_matrix* matrix)
{
    return guard(__func__, [&] { delete matrix; });
}

NERVA_API nerva_status nerva_matrix_shape(int64_t* out_rows, int64_t* out_cols, const nerva_matrix* matrix)
{
    return guard(__func__, [&] {
        require_not_null(out_rows, "out_rows");
        require_not_null(out_cols, "out_cols");
        require_not_null(matrix, "matrix");
        std::visit(
            [&](const auto& A) {
                *out_rows = A.rows();
                *out_cols = A.cols();
            },
            matrix->value);
    });
}

NERVA_API nerva_status nerva_matrix_scalar_type(nerva_scalar_type* out, const nerva_matrix* matrix)
{
    return guard(__func__, [&] {
        require_not_null(out, "out");
        require_not_null(matrix, "matrix");
        *out = nerva::abi::scalar_type_of(*matrix);
    });
}

NERVA_API nerva_status nerva_matrix_read(void* out_data, int64_t count, nerva_scalar_type data_type,
                                         const nerva_matrix* matrix)
{
    return guard(__func__, [&] {
        require_not_null(matrix, "matrix");
        std::visit(
            [&](const auto& A) {
                nerva::abi::check_buffer(out_data, count, data_type, A, "out_data");
                std::memcpy(out_data, A.data(), sizeof(A(0, 0)) * static_cast<size_t>(count));
            },
            matrix->value);
    });
}

NERVA_API nerva_status nerva_matrix_write(nerva_matrix* matrix, const void* data, int64_t count,
                                          nerva_scalar_type data_type)
{
    return guard(__func__, [&] {
        require_not_null(matrix, "matrix");
        std::visit(
            [&](auto& A) {
                nerva::abi::check_buffer(data, count, data_type, A, "data");
                std::memcpy(A.data(), data, sizeof(A(0, 0)) * static_cast<size_t>(count));
            },
            matrix->value);
    });
}

NERVA_API nerva_status nerva_matrix_resize(nerva_matrix* matrix, int64_t rows, int64_t cols)
{
    return guard(__func__, [&] {
        require_not_null(matrix, "matrix");
        nerva::abi::checked_element_count(rows, cols);
        std::visit([&](auto& A) { A.resize(rows, cols); }, matrix->value);
    });
}

} // extern "C"
