// The exception boundary of the C ABI. Every exported function runs its
// body inside nerva::abi::guard, which catches every C++ exception, records
// the thread-local last error and returns a status.
#ifndef NERVA_ABI_BOUNDARY_H
#define NERVA_ABI_BOUNDARY_H

#include <atomic>
#include <cstdint>
#include <cstring>
#include <limits>
#include <new>
#include <string>
#include <type_traits>

#include "core/error.h"
#include "nerva/common.h"

namespace nerva::abi
{

void clear_last_error() noexcept;
void set_last_error(const char* function, const std::string& message, const std::string& argument) noexcept;
const char* last_error_message() noexcept;
const char* last_error_argument() noexcept;

// Returns the number of live handles of every type.
int64_t count_live_objects() noexcept;

// Runs body and maps its outcome to a status. function names the export in
// the recorded message.
template <typename Body>
nerva_status guard(const char* function, Body&& body) noexcept
{
    clear_last_error();
    try
    {
        body();
        return NERVA_STATUS_OK;
    }
    catch (const Error& e)
    {
        set_last_error(function, e.what(), e.argument());
        switch (e.kind())
        {
        case ErrorKind::InvalidArgument:
            return NERVA_STATUS_INVALID_ARGUMENT;
        case ErrorKind::ShapeMismatch:
            return NERVA_STATUS_SHAPE_MISMATCH;
        case ErrorKind::InvalidOperation:
            return NERVA_STATUS_INVALID_OPERATION;
        }
        return NERVA_STATUS_INTERNAL_ERROR;
    }
    catch (const std::bad_alloc&)
    {
        set_last_error(function, "out of memory", std::string());
        return NERVA_STATUS_OUT_OF_MEMORY;
    }
    catch (const std::exception& e)
    {
        set_last_error(function, std::string("internal error: ") + e.what(), std::string());
        return NERVA_STATUS_INTERNAL_ERROR;
    }
    catch (...)
    {
        set_last_error(function, "internal error: unknown exception", std::string());
        return NERVA_STATUS_INTERNAL_ERROR;
    }
}

// Throws InvalidArgument when pointer is null.
template <typename Pointer>
void require_not_null(const Pointer* pointer, const char* name)
{
    if (pointer == nullptr)
    {
        throw_invalid_argument(name, name, " is NULL");
    }
}

// Checks a matrix dimension: 1 <= value and value * other fits in memory.
void require_dimension(int64_t value, const char* name);

// Checks that rows * cols does not overflow and returns it.
int64_t checked_element_count(int64_t rows, int64_t cols);

// Returns the integer a caller passed for an enum parameter. C callers and
// bindings may pass any int32_t, and loading a value outside the enumerators'
// range as a C++ enum is undefined behaviour, so the bytes are copied instead.
template <typename Enum>
int32_t raw_enum_value(const Enum& value)
{
    static_assert(std::is_enum_v<Enum> && sizeof(Enum) == sizeof(int32_t));
    int32_t raw = 0;
    std::memcpy(&raw, &value, sizeof raw);
    return raw;
}

// Returns type after checking that it is a scalar type, without loading an
// unknown value as the enum. Take the parameter by reference so that no copy
// loads it first.
nerva_scalar_type checked_scalar_type(const nerva_scalar_type& type, const char* name);

const char* scalar_type_name(nerva_scalar_type type) noexcept;

// Counts live handles for nerva_library_count_objects. Every handle type
// derives from it.
struct Counted
{
    Counted() noexcept;
    Counted(const Counted&) noexcept;
    ~Counted();
};

} // namespace nerva::abi

#endif
