// Errors raised by the numeric core. The C ABI turns each kind into a status.
#ifndef NERVA_CORE_ERROR_H
#define NERVA_CORE_ERROR_H

#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

namespace nerva
{

enum class ErrorKind
{
    InvalidArgument,
    ShapeMismatch,
    InvalidOperation
};

// An error with its kind and the name of the offending argument (may be empty).
class Error : public std::runtime_error
{
public:
    Error(ErrorKind kind, std::string argument, const std::string& message)
        : std::runtime_error(message), m_kind(kind), m_argument(std::move(argument))
    {
    }

    ErrorKind kind() const noexcept { return m_kind; }
    const std::string& argument() const noexcept { return m_argument; }

private:
    ErrorKind m_kind;
    std::string m_argument;
};

// Concatenates values with operator<< into one message.
template <typename... Parts>
std::string concat(const Parts&... parts)
{
    std::ostringstream out;
    (out << ... << parts);
    return out.str();
}

template <typename... Parts>
[[noreturn]] void throw_invalid_argument(const std::string& argument, const Parts&... parts)
{
    throw Error(ErrorKind::InvalidArgument, argument, concat(parts...));
}

template <typename... Parts>
[[noreturn]] void throw_shape_mismatch(const std::string& argument, const Parts&... parts)
{
    throw Error(ErrorKind::ShapeMismatch, argument, concat(parts...));
}

template <typename... Parts>
[[noreturn]] void throw_invalid_operation(const Parts&... parts)
{
    throw Error(ErrorKind::InvalidOperation, std::string(), concat(parts...));
}

} // namespace nerva

#endif
