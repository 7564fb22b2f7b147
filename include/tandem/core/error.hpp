// Errors that end a request: one code table drives CLI exit codes and messages.
#pragma once

#include <initializer_list>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

namespace tandem {

// Appended only: scripts depend on the exit codes (docs/cli.md).
enum class ErrorCode {
    kUsage = 2,         // wrong command-line use
    kInvalidInput = 3,  // a file or value that does not meet the documented format
    kIo = 4,            // a file or folder that cannot be read or written
    kNumerical = 5,     // a well-formed table that has no economic solution (not productive)
    kInternal = 70,     // a bug: please report it
};

class Error : public std::runtime_error {
public:
    Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
    ErrorCode code() const noexcept { return code_; }

private:
    ErrorCode code_;
};

inline int exit_code(ErrorCode code) {
    return static_cast<int>(code);
}

template <typename... Args>
[[noreturn]] void fail(ErrorCode code, fmt::format_string<Args...> format, Args&&... args) {
    throw Error(code, fmt::format(format, std::forward<Args>(args)...));
}

// is_valid's list of checks: the first that fails sets *why and gives false.
struct Check {
    bool ok;
    const char* why;
};
inline bool all_valid(std::string* why, std::initializer_list<Check> checks) {
    for (const auto& check : checks) {
        if (!check.ok) {
            *why = check.why;
            return false;
        }
    }
    return true;
}

// A usage error saying why, unless options.is_valid; with what, "invalid WHAT options: why".
template <typename Options>
void require_valid(const Options& options, const char* what = nullptr) {
    std::string why;
    if (!options.is_valid(&why)) {
        throw Error(ErrorCode::kUsage,
                    what == nullptr ? why : fmt::format("invalid {} options: {}", what, why));
    }
}

}  // namespace tandem
