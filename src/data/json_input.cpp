#include "tandem/data/json_input.hpp"

#include <fmt/format.h>

#include "tandem/core/error.hpp"

namespace tandem::data {

namespace {

struct Place {
    std::size_t line = 1;
    std::size_t column = 1;
};

Place place_of(std::string_view text, std::size_t byte) {
    Place p;
    for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else {
            ++p.column;
        }
    }
    return p;
}

void check_depth(std::string_view text, const std::string& file, int max_depth) {
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
        }
    }
}

const char* type_name(const nlohmann::ordered_json& j) {
    return j.type_name();
}

}  // namespace

std::string excerpt(std::string_view text, std::size_t max_chars) {
    if (text.size() <= max_chars) {
        return std::string(text);
    }
    // Cut on a UTF-8 character boundary.
    std::size_t cut = max_chars;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) {
        --cut;
    }
    return std::string(text.substr(0, cut)) + "...";
}

nlohmann::ordered_json parse_json(std::string_view text, const std::string& file, int max_depth) {
    check_depth(text, file, max_depth);
    try {
        return nlohmann::ordered_json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        const Place p = place_of(text, e.byte == 0 ? 0 : e.byte - 1);
        fail(ErrorCode::kInvalidInput, "{}:{}:{}: not valid JSON", file, p.line, p.column);
    }
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
             "{}: \"{}\" must be a string, found {}",
             file,
             key,
             type_name(*it));
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
             excerpt(it->dump()));
    }
    return it->get<std::int64_t>();
}

}  // namespace tandem::data
