// Conditional numerical reproducibility (CNR) of Intel MKL.
//
// Without CNR, MKL may pick a different code path from run to run, for
// example by the alignment of the buffers, so two identical computations
// can differ in the last bits. MKL_CBWR_AUTO fixes the code path for the
// processor at hand: results are then bit-identical from run to run with the
// same thread count on the same processor. It does not make them independent
// of the thread count (MKL's strict CNR mode would do that for ?gemm, but
// only on an explicitly chosen AVX2 or AVX-512 branch, not on the automatic
// one).
#ifndef NERVA_CORE_REPRODUCIBILITY_H
#define NERVA_CORE_REPRODUCIBILITY_H

#ifdef NERVA_USE_MKL
#include <mkl_service.h>
#endif

namespace nerva
{

// Selects MKL's CNR mode MKL_CBWR_AUTO. MKL accepts the change only before
// its first computation, so call this once before any product. Returns true
// on success and also when MKL is not used.
inline bool enable_reproducible_mkl() noexcept
{
#ifdef NERVA_USE_MKL
    return mkl_cbwr_set(MKL_CBWR_AUTO) == MKL_CBWR_SUCCESS;
#else
    return true;
#endif
}

} // namespace nerva

#endif
