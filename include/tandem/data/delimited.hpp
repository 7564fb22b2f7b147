// Streaming reader for delimited text (CSV, TSV) that names file, line and column in errors.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tandem::data {

using RecordHandler = std::function<void(std::size_t line, const std::vector<std::string>& fields)>;

// Calls handler once per record (blank lines skipped). Throws Error(kIo) if the file cannot be
// read and Error(kInvalidInput) for invalid UTF-8 or malformed quoting.
void read_delimited(const std::filesystem::path& path,
                    char delimiter,
                    const RecordHandler& handler);

// CR, LF and CRLF all end a line (also inside read_delimited's line numbers).

// A bad value as quoted in an error message: at most limit bytes (cut on a UTF-8 boundary),
// then "... (N bytes)"; a 50 MB cell is never echoed whole.
std::string cell_excerpt(std::string_view text, std::size_t limit = 60);

// A list of names (columns, regions) as quoted in an error message: at most max_items, each cut
// by cell_excerpt(.., 40), joined with ", ", then "... and N more".
std::string list_excerpt(const std::vector<std::string>& items, std::size_t max_items = 12);

// Parses one numeric cell. Rejects empty cells, NaN, Inf and trailing garbage with a message
// "<file>:<line>:<column>: expected a number for <what>, found '<text>'" (text and what
// shortened by cell_excerpt()).
double parse_number(std::string_view text,
                    const std::string& file,
                    std::size_t line,
                    std::size_t column,
                    std::string_view what);

// Same message shape for any other cell-level problem.
[[noreturn]] void fail_at(const std::string& file,
                          std::size_t line,
                          std::size_t column,
                          const std::string& message);

// True when text is valid UTF-8.
bool is_valid_utf8(std::string_view text);

}  // namespace tandem::data
