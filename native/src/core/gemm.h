// The one place that chooses the backend of dense products: MKL's
// cblas_?gemm when NERVA_USE_MKL is defined, Eigen's product otherwise.
#ifndef NERVA_CORE_GEMM_H
#define NERVA_CORE_GEMM_H

#include <type_traits>

#include "core/matrix.h"

#ifdef NERVA_USE_MKL
#include <mkl_cblas.h>
#endif

namespace nerva
{

enum class Op
{
    None,
    Transpose
};

// C = alpha * op(A) * op(B) + beta * C. C must already have the product's
// shape; with beta = 0 its old contents are ignored (NaN included).
template <typename T>
void gemm(T alpha, const Matrix<T>& A, Op op_a, const Matrix<T>& B, Op op_b, T beta, Matrix<T>& C)
{
    const Index m = op_a == Op::None ? A.rows() : A.cols();
    const Index k = op_a == Op::None ? A.cols() : A.rows();
    const Index k_b = op_b == Op::None ? B.rows() : B.cols();
    const Index n = op_b == Op::None ? B.cols() : B.rows();
    if (k != k_b || C.rows() != m || C.cols() != n)
    {
        throw_shape_mismatch("C", "gemm: op(A) is ", m, "x", k, ", op(B) is ", k_b, "x", n, " and C is ", shape_of(C));
    }
    if (m == 0 || n == 0)
    {
        return;
    }
    if (k == 0)
    {
        C = beta == T(0) ? Matrix<T>::Zero(m, n).eval() : (beta * C).eval();
        return;
    }

#ifdef NERVA_USE_MKL
    const auto trans_a = op_a == Op::None ? CblasNoTrans : CblasTrans;
    const auto trans_b = op_b == Op::None ? CblasNoTrans : CblasTrans;
    const auto lda = static_cast<MKL_INT>(A.cols());
    const auto ldb = static_cast<MKL_INT>(B.cols());
    const auto ldc = static_cast<MKL_INT>(C.cols());
    if constexpr (std::is_same_v<T, float>)
    {
        cblas_sgemm(CblasRowMajor, trans_a, trans_b, static_cast<MKL_INT>(m), static_cast<MKL_INT>(n),
                    static_cast<MKL_INT>(k), alpha, A.data(), lda, B.data(), ldb, beta, C.data(), ldc);
    }
    else
    {
        cblas_dgemm(CblasRowMajor, trans_a, trans_b, static_cast<MKL_INT>(m), static_cast<MKL_INT>(n),
                    static_cast<MKL_INT>(k), alpha, A.data(), lda, B.data(), ldb, beta, C.data(), ldc);
    }
#else
    if (beta == T(0))
    {
        C.setZero();
    }
    else if (beta != T(1))
    {
        C *= beta;
    }
    if (op_a == Op::None && op_b == Op::None)
    {
        C.noalias() += alpha * A * B;
    }
    else if (op_a == Op::None)
    {
        C.noalias() += alpha * A * B.transpose();
    }
    else if (op_b == Op::None)
    {
        C.noalias() += alpha * A.transpose() * B;
    }
    else
    {
        C.noalias() += alpha * A.transpose() * B.transpose();
    }
#endif
}

} // namespace nerva

#endif
