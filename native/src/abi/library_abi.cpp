// Exports of nerva/common.h: version, last error, threads, library facts.
#include <cstdlib>
#include <fstream>
#include <set>
#include <string>
#include <thread>

#include <omp.h>

#ifdef NERVA_USE_MKL
#include <mkl_service.h>
#endif

#include "abi/boundary.h"
#include "nerva/common.h"

namespace
{

using nerva::abi::guard;

// Counts physical cores as distinct core_cpus_list (or thread_siblings_list)
// entries under /sys; falls back to the logical CPU count.
int physical_core_count()
{
    std::set<std::string> cores;
    const int logical = static_cast<int>(std::thread::hardware_concurrency());
    for (int cpu = 0; cpu < logical; ++cpu)
    {
        const std::string topology = "/sys/devices/system/cpu/cpu" + std::to_string(cpu) + "/topology/";
        std::ifstream siblings(topology + "core_cpus_list");
        if (!siblings)
        {
            siblings.open(topology + "thread_siblings_list");
        }
        std::string line;
        if (siblings && std::getline(siblings, line))
        {
            cores.insert(line);
        }
    }
    if (!cores.empty())
    {
        return static_cast<int>(cores.size());
    }
    return logical > 0 ? logical : 1;
}

void apply_thread_count(int count)
{
#ifdef NERVA_USE_MKL
    mkl_set_num_threads(count);
#endif
    omp_set_num_threads(count);
}

// Sets the default thread count once, when the library is loaded: the
// number of physical cores unless the user set MKL_NUM_THREADS or
// OMP_NUM_THREADS, which MKL and OpenMP read themselves.
struct ThreadDefaults
{
    ThreadDefaults()
    {
        if (std::getenv("MKL_NUM_THREADS") == nullptr && std::getenv("OMP_NUM_THREADS") == nullptr)
        {
            apply_thread_count(physical_core_count());
        }
    }
};

const ThreadDefaults thread_defaults;

} // namespace

extern "C" {

NERVA_API int32_t nerva_abi_version(void)
{
    return NERVA_ABI_VERSION;
}

NERVA_API const char* nerva_last_error_message(void)
{
    return nerva::abi::last_error_message();
}

NERVA_API const char* nerva_last_error_argument(void)
{
    return nerva::abi::last_error_argument();
}

NERVA_API nerva_status nerva_threads_get(int32_t* out)
{
    return guard(__func__, [&] {
        nerva::abi::require_not_null(out, "out");
#ifdef NERVA_USE_MKL
        *out = mkl_get_max_threads();
#else
        *out = omp_get_max_threads();
#endif
    });
}

NERVA_API nerva_status nerva_threads_set(int32_t count)
{
    return guard(__func__, [&] {
        if (count < 1)
        {
            nerva::throw_invalid_argument("count", "count must be >= 1, got ", count);
        }
        apply_thread_count(count);
    });
}

NERVA_API nerva_status nerva_library_count_objects(int64_t* out)
{
    return guard(__func__, [&] {
        nerva::abi::require_not_null(out, "out");
        *out = nerva::abi::count_live_objects();
    });
}

NERVA_API nerva_status nerva_library_uses_mkl(int32_t* out)
{
    return guard(__func__, [&] {
        nerva::abi::require_not_null(out, "out");
#ifdef NERVA_USE_MKL
        *out = 1;
#else
        *out = 0;
#endif
    });
}

} // extern "C"
