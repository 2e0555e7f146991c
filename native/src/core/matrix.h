// Dense matrix types of the core. Every matrix is row-major, so a batch X
// (N x D) contains one example per row and crosses the C ABI without a copy
// of layout.
#ifndef NERVA_CORE_MATRIX_H
#define NERVA_CORE_MATRIX_H

#include <Eigen/Dense>
#include <string>

#include "core/error.h"

namespace nerva
{

template <typename T>
using Matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

using Index = Eigen::Index;

// Formats a shape as "3x4" for error messages.
template <typename Derived>
std::string shape_of(const Eigen::DenseBase<Derived>& A)
{
    return concat(A.rows(), "x", A.cols());
}

// Throws ShapeMismatch unless A is rows x cols.
template <typename Derived>
void require_shape(const Eigen::DenseBase<Derived>& A, Index rows, Index cols, const char* name)
{
    if (A.rows() != rows || A.cols() != cols)
    {
        throw_shape_mismatch(name, name, " has shape ", shape_of(A), " but ", rows, "x", cols, " is required");
    }
}

} // namespace nerva

#endif
