#include "tandem/core/settings.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <type_traits>

#include <fmt/format.h>

#include "tandem/core/error.hpp"
#include "tandem/core/overloaded.hpp"

namespace tandem {

namespace {

// A long value quoted short in messages (a query string may carry megabytes).
std::string quoted(const std::string& text) {
    return text.size() <= 40 ? "\"" + text + "\"" : "\"" + text.substr(0, 40) + "...\"";
}

template <typename T>
bool parse_number(const std::string& text, T& value) {
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if constexpr (std::is_floating_point_v<T>) {
        return ec == std::errc() && ptr == end && std::isfinite(value);
    } else {
        return ec == std::errc() && ptr == end;
    }
}

std::string check_range(const Setting& s, double x, const std::string& text) {
    const bool low = s.above_min ? x <= s.min : x < s.min;
    if (!low && x <= s.max) {
        return {};
    }
    if (std::isinf(s.max)) {
        return fmt::format("{}: expected a number {} {}, found {}",
                           setting_name(s),
                           s.above_min ? "above" : "of at least",
                           s.min,
                           quoted(text));
    }
    if (s.above_min) {
        return fmt::format("{}: expected a number above {} and at most {}, found {}",
                           setting_name(s),
                           s.min,
                           s.max,
                           quoted(text));
    }
    return fmt::format("{}: expected a number from {} to {}, found {}",
                       setting_name(s),
                       s.min,
                       s.max,
                       quoted(text));
}

template <typename T>
std::string check_number(const Setting& s, const std::string& text) {
    T value{};
    if (!parse_number(text, value)) {
        return fmt::format("{}: expected {}, found {}",
                           setting_name(s),
                           std::is_floating_point_v<T> ? "a number" : "a whole number",
                           quoted(text));
    }
    return check_range(s, static_cast<double>(value), text);
}

}  // namespace

Settings operator+(Settings a, const Settings& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

std::string setting_name(const Setting& setting) {
    std::string_view names = setting.names;
    const auto comma = names.rfind(',');
    if (comma != std::string_view::npos) {
        names.remove_prefix(comma + 1);
    }
    while (names.starts_with('-')) {
        names.remove_prefix(1);
    }
    return std::string(names);
}

std::string check_value(const Setting& s, const std::string& text) {
    if (!s.choices.empty() &&
        std::find(s.choices.begin(), s.choices.end(), text) == s.choices.end()) {
        return fmt::format(
            "{}: expected {}, found {}", setting_name(s), fmt::join(s.choices, ", "), quoted(text));
    }
    return std::visit(Overloaded{
                          [&](int*) { return check_number<int>(s, text); },
                          [&](std::int64_t*) { return check_number<std::int64_t>(s, text); },
                          [&](std::size_t*) { return check_number<std::size_t>(s, text); },
                          [&](double*) { return check_number<double>(s, text); },
                          [&](std::optional<double>*) { return check_number<double>(s, text); },
                          [&](bool*) {
                              return text == "true" || text == "false" || text == "1" || text == "0"
                                         ? std::string()
                                         : fmt::format("{}: expected true or false, found {}",
                                                       setting_name(s),
                                                       quoted(text));
                          },
                          [](const auto&) { return std::string(); },
                      },
                      s.target);
}

void assign(const Setting& s, const std::string& text) {
    if (const std::string why = check_value(s, text); !why.empty()) {
        throw Error(ErrorCode::kUsage, why);
    }
    std::visit(Overloaded{
                   [&](std::string* p) { *p = text; },
                   [&](bool* p) { *p = text == "true" || text == "1"; },
                   [&](std::vector<std::string>* p) { p->push_back(text); },
                   [&](std::optional<double>* p) {
                       double x = 0;
                       parse_number(text, x);
                       *p = x;
                   },
                   [&](const Setting::Parse& parse) { parse(text); },
                   [&](const Setting::ParseEach& parse) { parse({text}); },
                   [&](auto* p) { parse_number(text, *p); },
               },
               s.target);
}

const Setting* find_setting(const Settings& settings, std::string_view name) {
    const auto it = std::find_if(settings.begin(), settings.end(), [&](const Setting& s) {
        return setting_name(s) == name;
    });
    return it == settings.end() ? nullptr : &*it;
}

}  // namespace tandem
