#include "abi/boundary.h"

#include "abi/handles.h"

namespace nerva::abi
{

namespace
{

struct LastError
{
    std::string message;
    std::string argument;
};

thread_local LastError last_error;

std::atomic<int64_t> live_objects{0};

} // namespace

void clear_last_error() noexcept
{
    last_error.message.clear();
    last_error.argument.clear();
}

void set_last_error(const char* function, const std::string& message, const std::string& argument) noexcept
{
    try
    {
        last_error.message = std::string(function) + ": " + message;
        last_error.argument = argument;
    }
    catch (...)
    {
        // Assigning may fail for lack of memory; an empty message beats a crash.
        last_error.message.clear();
        last_error.argument.clear();
    }
}

const char* last_error_message() noexcept
{
    return last_error.message.c_str();
}
const char* last_error_argument() noexcept
{
    return last_error.argument.c_str();
}

void require_dimension(int64_t value, const char* name)
{
    if (value < 1)
    {
        throw_invalid_argument(name, name, " must be >= 1, got ", value);
    }
}

int64_t checked_element_count(int64_t rows, int64_t cols)
{
    require_dimension(rows, "rows");
    require_dimension(cols, "cols");
    constexpr int64_t max_elements = std::numeric_limits<int64_t>::max() / 8;
    if (rows > max_elements / cols)
    {
        throw_invalid_argument("cols", "a ", rows, "x", cols, " matrix has more elements than memory can address");
    }
    return rows * cols;
}

nerva_scalar_type checked_scalar_type(const nerva_scalar_type& type, const char* name)
{
    const int32_t raw = raw_enum_value(type);
    if (raw != NERVA_SCALAR_FLOAT32 && raw != NERVA_SCALAR_FLOAT64)
    {
        throw_invalid_argument(name, name, " is ", raw,
                               ", which is not a scalar type (NERVA_SCALAR_FLOAT32 = 1, NERVA_SCALAR_FLOAT64 = 2)");
    }
    return type;
}

const char* scalar_type_name(nerva_scalar_type type) noexcept
{
    switch (type)
    {
    case NERVA_SCALAR_FLOAT32:
        return "float32";
    case NERVA_SCALAR_FLOAT64:
        return "float64";
    }
    return "an unknown scalar type";
}

nerva_scalar_type scalar_type_of(const nerva_matrix& matrix) noexcept
{
    return matrix.value.index() == 0 ? NERVA_SCALAR_FLOAT32 : NERVA_SCALAR_FLOAT64;
}

Counted::Counted() noexcept
{
    live_objects.fetch_add(1, std::memory_order_relaxed);
}
Counted::Counted(const Counted&) noexcept
{
    live_objects.fetch_add(1, std::memory_order_relaxed);
}
Counted::~Counted()
{
    live_objects.fetch_sub(1, std::memory_order_relaxed);
}

int64_t count_live_objects() noexcept
{
    return live_objects.load(std::memory_order_relaxed);
}

} // namespace nerva::abi
