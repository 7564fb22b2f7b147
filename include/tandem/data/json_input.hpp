// Reading JSON that comes from outside: nesting limited before parsing (a deep value would
// otherwise exhaust the stack), errors naming file, place and key, values quoted short.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace tandem::data {

// Parses text from file; refuses nesting deeper than max_depth and invalid JSON with
// "file:line:column: ..." (invalid input).
nlohmann::ordered_json parse_json(std::string_view text,
                                  const std::string& file,
                                  int max_depth = 64);

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

// At most max_chars of text, with "..." when cut: for quoting input in messages.
std::string excerpt(std::string_view text, std::size_t max_chars = 60);

}  // namespace tandem::data
