// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace SlurmDeck {

// What went wrong, as a value. `message` is for the user (says what to do next);
// `detail` carries the technical cause (a tool's stderr, an errno text) for logs and
// "show details" panes. Neither may contain secrets.
struct Error final
{
    enum class Code {
        Unknown,
        InvalidArgument,
        NotFound,
        Io,
        Parse,
        Network,
        Authentication,
        HostKeyUnknown,
        HostKeyChanged,
        Timeout,
        Cancelled,
        RemoteCommandFailed,
        Unsupported,
    };

    Code code = Code::Unknown;
    QString message;
    QString detail;

    [[nodiscard]] QString toString() const
    {
        return detail.isEmpty() ? message : message + QStringLiteral(" (") + detail + u')';
    }
};

// A minimal std::expected<T, Error> stand-in: C++20 has no <expected> and GCC 12 ships it
// only for C++23. Mirrors its names so a later switch is mechanical.
template<typename T>
class [[nodiscard]] Result final
{
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}

    [[nodiscard]] bool has_value() const { return m_state.index() == 0; }
    explicit operator bool() const { return has_value(); }

    [[nodiscard]] const T &value() const & { return std::get<0>(m_state); }
    [[nodiscard]] T &value() & { return std::get<0>(m_state); }
    [[nodiscard]] T &&value() && { return std::get<0>(std::move(m_state)); }
    [[nodiscard]] const Error &error() const { return std::get<1>(m_state); }

    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    [[nodiscard]] T value_or(T fallback) const { return has_value() ? value() : std::move(fallback); }

private:
    std::variant<T, Error> m_state;
};

// Result<void>: success carries nothing.
template<>
class [[nodiscard]] Result<void> final
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}

    [[nodiscard]] bool has_value() const { return !m_failed; }
    explicit operator bool() const { return has_value(); }
    [[nodiscard]] const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

[[nodiscard]] inline Error makeError(Error::Code code, QString message, QString detail = {})
{
    return Error{code, std::move(message), std::move(detail)};
}

} // namespace SlurmDeck
