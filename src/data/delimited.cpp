#include "tandem/data/delimited.hpp"

#include <charconv>
#include <cmath>
#include <fstream>

#include <csv.h>
#include <utf8proc.h>

#include "tandem/core/error.hpp"

namespace tandem::data {

namespace {

struct ParseState {
    std::vector<std::string> fields;
    std::vector<std::vector<std::string>> done;  // records completed by the current chunk
};

void on_field(void* data, std::size_t len, void* user) {
    auto* state = static_cast<ParseState*>(user);
    state->fields.emplace_back(data == nullptr ? "" : static_cast<const char*>(data), len);
}

void on_record(int /*terminator*/, void* user) {
    auto* state = static_cast<ParseState*>(user);
    state->done.push_back(std::move(state->fields));
    state->fields.clear();
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (static_cast<unsigned char>(text[pos]) < 0x80) {
            ++pos;
            continue;
        }
        utf8proc_int32_t codepoint = 0;
        auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                                  static_cast<utf8proc_ssize_t>(text.size() - pos),
                                  &codepoint);
        if (n <= 0) {
            return false;
        }
        pos += static_cast<std::size_t>(n);
    }
    return true;
}

void fail_at(const std::string& file,
             std::size_t line,
             std::size_t column,
             const std::string& message) {
    fail(ErrorCode::kInvalidInput, "{}:{}:{}: {}", file, line, column, message);
}

void read_delimited(const std::filesystem::path& path,
                    char delimiter,
                    const RecordHandler& handler) {
    const std::string file = path.string();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        fail(ErrorCode::kIo, "{}: file not found", file);
    }
    if (std::filesystem::is_directory(path, ec)) {
        fail(ErrorCode::kIo, "{}: expected a file, found a folder", file);
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        fail(ErrorCode::kIo, "{}: cannot open for reading", file);
    }

    csv_parser parser;
    // Strict quoting: a stray quote inside an unquoted field is an error, not guessed at.
    if (csv_init(&parser, CSV_STRICT | CSV_APPEND_NULL) != 0) {
        fail(ErrorCode::kInternal, "cannot initialise the CSV parser");
    }
    csv_set_delim(&parser, static_cast<unsigned char>(delimiter));
    struct ParserGuard {
        csv_parser* p;
        ~ParserGuard() { csv_free(p); }
    } guard{&parser};

    ParseState state;
    std::string line;
    std::size_t line_no = 0;
    std::size_t record_line = 0;
    auto flush = [&](std::size_t at_line) {
        for (auto& record : state.done) {
            handler(record_line == 0 ? at_line : record_line, record);
            record_line = 0;
        }
        state.done.clear();
    };
    // CR, LF and CRLF all end a line (old Mac files use bare CR): a physical LF-line is split at
    // every CR, and a CR right before the LF (CRLF) adds no empty line.
    std::string physical;
    std::vector<std::string> pending;
    std::size_t next = 0;
    auto next_line = [&]() -> bool {
        if (next < pending.size()) {
            line = std::move(pending[next++]);
            return true;
        }
        if (!std::getline(in, physical)) {
            return false;
        }
        pending.clear();
        next = 0;
        std::size_t start = 0;
        while (true) {
            const auto cr = physical.find('\r', start);
            if (cr == std::string::npos) {
                pending.push_back(physical.substr(start));
                break;
            }
            pending.push_back(physical.substr(start, cr - start));
            start = cr + 1;
            if (start == physical.size()) {
                break;  // CRLF, or a file ending in CR
            }
        }
        line = std::move(pending[next++]);
        return true;
    };
    while (next_line()) {
        ++line_no;
        if (line_no == 1 && line.starts_with("\xEF\xBB\xBF")) {
            line.erase(0, 3);
        }
        if (!is_valid_utf8(line)) {
            fail_at(file, line_no, 1, "invalid UTF-8 (files must be UTF-8 encoded)");
        }
        if (state.fields.empty() && record_line == 0) {
            record_line = line_no;
        }
        line.push_back('\n');
        if (csv_parse(&parser, line.data(), line.size(), on_field, on_record, &state) !=
            line.size()) {
            fail_at(file,
                    line_no,
                    1,
                    std::string("malformed quoting: ") + csv_strerror(csv_error(&parser)));
        }
        if (!state.done.empty()) {
            // A record that started on this line ends here; report the line it started on.
            flush(line_no);
        } else if (state.fields.empty()) {
            record_line = 0;  // a blank line
        }
    }
    if (in.bad()) {
        fail(ErrorCode::kIo, "{}: read error", file);
    }
    if (csv_fini(&parser, on_field, on_record, &state) != 0) {
        fail_at(
            file,
            line_no,
            1,
            std::string("malformed quoting at end of file: ") + csv_strerror(csv_error(&parser)));
    }
    flush(line_no);
}

std::string cell_excerpt(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) {
        return std::string(text);
    }
    // Cut on a UTF-8 character boundary.
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) {
        --cut;
    }
    return fmt::format("{}... ({} bytes)", text.substr(0, cut), text.size());
}

std::string list_excerpt(const std::vector<std::string>& items, std::size_t max_items) {
    std::string out;
    const std::size_t shown = std::min(items.size(), max_items);
    for (std::size_t i = 0; i < shown; ++i) {
        out += (i > 0 ? ", " : "") + cell_excerpt(items[i], 40);
    }
    if (items.size() > shown) {
        out += fmt::format(", ... and {} more", items.size() - shown);
    }
    return out;
}

double parse_number(std::string_view text,
                    const std::string& file,
                    std::size_t line,
                    std::size_t column,
                    std::string_view what) {
    const std::string what_text = cell_excerpt(what, 200);
    what = what_text;
    std::string_view t = text;
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) {
        t.remove_prefix(1);
    }
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) {
        t.remove_suffix(1);
    }
    if (t.empty()) {
        fail_at(
            file, line, column, fmt::format("expected a number for {}, found an empty cell", what));
    }
    if (t.front() == '+') {
        t.remove_prefix(1);
    }
    double value = 0.0;
    auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (ec == std::errc::result_out_of_range) {
        fail_at(file,
                line,
                column,
                fmt::format("number out of range for {}: '{}'", what, cell_excerpt(text)));
    }
    if (ec != std::errc() || ptr != t.data() + t.size()) {
        fail_at(file,
                line,
                column,
                fmt::format("expected a number for {}, found '{}'", what, cell_excerpt(text)));
    }
    if (!std::isfinite(value)) {
        fail_at(
            file,
            line,
            column,
            fmt::format("expected a finite number for {}, found '{}'", what, cell_excerpt(text)));
    }
    return value;
}

}  // namespace tandem::data
