// Enables MKL's conditional numerical reproducibility when the library is
// loaded, before any product runs (see core/reproducibility.h).
#include "core/reproducibility.h"

namespace
{

// The result is not checked: a failure leaves MKL in its default mode,
// which still computes correctly but may vary in the last bits.
const bool reproducible_mkl = nerva::enable_reproducible_mkl();

} // namespace
