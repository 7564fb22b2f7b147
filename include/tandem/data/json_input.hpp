// Reading JSON that comes from outside (event, symposium, table-set and pymrio files): the text
// is scanned before nlohmann::json parses it, so that nesting deeper than a limit (which would
// exhaust the stack when values are printed or destroyed) and numbers beyond the range of a
// double are refused naming file, line and column; values in messages are quoted short.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace tandem::data {

// Arrays and objects nested deeper than this are refused.
inline constexpr int kMaxJsonDepth = 64;

// Refuses (invalid input, "file:line:column: ...") nesting deeper than max_depth and numbers
// that overflow a double. Columns count UTF-8 characters.
void check_json_text(std::string_view text, const std::string& file, int max_depth = kMaxJsonDepth);

// check_json_text, then parses; invalid JSON is refused with "file:line:column: not valid JSON".
// The ordered form keeps the keys in file order (for tables read back as written).
nlohmann::ordered_json parse_json(std::string_view text,
                                  const std::string& file,
                                  int max_depth = kMaxJsonDepth);
nlohmann::json parse_json_unordered(std::string_view text,
                                    const std::string& file,
                                    int max_depth = kMaxJsonDepth);

// A JSON value as quoted in an error message: strings quoted and cut by cell_excerpt, large
// arrays and objects as [...] / {...}, other values as short JSON.
std::string json_excerpt(const nlohmann::json& v);
std::string json_excerpt(const nlohmann::ordered_json& v);

// A value of j[key] of the expected type, or fallback when the key is absent or null; any
// other type is refused naming file and key.
std::string json_string(const nlohmann::ordered_json& j,
                        const char* key,
                        const std::string& file,
                        const std::string& fallback = {});
std::int64_t json_integer(const nlohmann::ordered_json& j,
                          const char* key,
                          const std::string& file,
                          std::int64_t fallback = 0);

}  // namespace tandem::data
