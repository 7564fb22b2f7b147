#include "tandem/data/json_input.hpp"

#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "tandem/core/error.hpp"
#include "tandem/data/delimited.hpp"

namespace tandem::data {

namespace {

struct Place {
    std::size_t line = 1;
    std::size_t column = 1;
};

bool is_utf8_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

Place place_of(std::string_view text, std::size_t byte) {
    Place p;
    for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else if (!is_utf8_continuation(text[i])) {
            ++p.column;
        }
    }
    return p;
}

// The end of the number starting at i (JSON's number characters).
std::size_t number_end(std::string_view text, std::size_t i) {
    while (i < text.size() &&
           std::string_view("0123456789+-.eE").find(text[i]) != std::string_view::npos) {
        ++i;
    }
    return i;
}

// nlohmann::json reports overflow as an exception without a place; a long mantissa or an
// exponent is checked here instead.
void check_number(std::string_view text,
                  std::size_t begin,
                  std::size_t end,
                  const std::string& file) {
    const std::string_view number = text.substr(begin, end - begin);
    if (number.find_first_of("eE") == std::string_view::npos && number.size() <= 300) {
        return;
    }
    const std::string copy(number);
    if (std::isinf(std::strtod(copy.c_str(), nullptr))) {
        const Place p = place_of(text, begin);
        fail(ErrorCode::kInvalidInput,
             "{}:{}:{}: the number {} is out of range",
             file,
             p.line,
             p.column,
             cell_excerpt(number));
    }
}

template <class Json>
Json parse_checked(std::string_view text, const std::string& file, int max_depth) {
    check_json_text(text, file, max_depth);
    try {
        return Json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        const Place p = place_of(text, e.byte == 0 ? 0 : e.byte - 1);
        fail(ErrorCode::kInvalidInput, "{}:{}:{}: not valid JSON", file, p.line, p.column);
    } catch (const nlohmann::json::exception& e) {
        fail(
            ErrorCode::kInvalidInput, "{}: not valid JSON ({})", file, cell_excerpt(e.what(), 200));
    }
}

template <class Json>
std::string excerpt_of(const Json& v) {
    if (v.is_string()) {
        return "\"" + cell_excerpt(v.template get_ref<const std::string&>()) + "\"";
    }
    if (v.is_structured() && v.size() > 8) {
        return v.is_array() ? "[...]" : "{...}";
    }
    return cell_excerpt(v.dump());
}

}  // namespace

void check_json_text(std::string_view text, const std::string& file, int max_depth) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth) {
                const Place p = place_of(text, i);
                fail(ErrorCode::kInvalidInput,
                     "{}:{}:{}: nesting deeper than {} levels",
                     file,
                     p.line,
                     p.column,
                     max_depth);
            }
        } else if (c == ']' || c == '}') {
            --depth;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            const std::size_t end = number_end(text, i);
            check_number(text, i, end, file);
            i = end - 1;
        }
    }
}

nlohmann::ordered_json parse_json(std::string_view text, const std::string& file, int max_depth) {
    return parse_checked<nlohmann::ordered_json>(text, file, max_depth);
}

nlohmann::json parse_json_unordered(std::string_view text, const std::string& file, int max_depth) {
    return parse_checked<nlohmann::json>(text, file, max_depth);
}

std::string json_excerpt(const nlohmann::json& v) {
    return excerpt_of(v);
}

std::string json_excerpt(const nlohmann::ordered_json& v) {
    return excerpt_of(v);
}

std::string json_string(const nlohmann::ordered_json& j,
                        const char* key,
                        const std::string& file,
                        const std::string& fallback) {
    if (!j.is_object()) {
        fail(ErrorCode::kInvalidInput, "{}: expected an object with \"{}\"", file, key);
    }
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        return fallback;
    }
    if (!it->is_string()) {
        fail(ErrorCode::kInvalidInput,
             "{}: \"{}\" must be a string or null, found {} {}",
             file,
             key,
             it->type_name(),
             json_excerpt(*it));
    }
    return it->get<std::string>();
}

std::int64_t json_integer(const nlohmann::ordered_json& j,
                          const char* key,
                          const std::string& file,
                          std::int64_t fallback) {
    if (!j.is_object()) {
        fail(ErrorCode::kInvalidInput, "{}: expected an object with \"{}\"", file, key);
    }
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        return fallback;
    }
    if (!it->is_number_integer()) {
        fail(ErrorCode::kInvalidInput,
             "{}: \"{}\" must be a whole number, found {}",
             file,
             key,
             cell_excerpt(it->dump()));
    }
    return it->get<std::int64_t>();
}

}  // namespace tandem::data
