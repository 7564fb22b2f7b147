#include "tandem/data/table_writers.hpp"

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <utf8proc.h>
#include <xlsxwriter.h>

#include "tandem/core/error.hpp"
#include "tandem/data/escape.hpp"
#include "tandem/data/output_folder.hpp"

namespace tandem::data {

namespace fs = std::filesystem;

Format parse_format(const std::string& name) {
    if (name == "table") {
        return Format::kTable;
    }
    if (name == "csv") {
        return Format::kCsv;
    }
    if (name == "json") {
        return Format::kJson;
    }
    if (name == "xlsx") {
        return Format::kXlsx;
    }
    fail(ErrorCode::kUsage, "unknown format '{}': expected table, csv, json or xlsx", name);
}

Format format_for_path(const fs::path& path, Format fallback) {
    auto ext = path.extension().string();
    if (ext == ".csv") {
        return Format::kCsv;
    }
    if (ext == ".json") {
        return Format::kJson;
    }
    if (ext == ".xlsx") {
        return Format::kXlsx;
    }
    if (ext == ".txt") {
        return Format::kTable;
    }
    return fallback;
}

void write_csv(const Table& t, std::ostream& out, int precision) {
    fmt::memory_buffer buf;
    for (std::size_t l = 0; l < t.rows.levels(); ++l) {
        if (l > 0) {
            buf.push_back(',');
        }
        fmt::format_to(std::back_inserter(buf), "{}", csv_field(t.rows.names[l]));
    }
    for (std::size_t c = 0; c < t.cols.size(); ++c) {
        fmt::format_to(std::back_inserter(buf), ",{}", csv_field(t.cols.joined(c)));
    }
    buf.push_back('\n');
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        for (std::size_t l = 0; l < t.rows.levels(); ++l) {
            if (l > 0) {
                buf.push_back(',');
            }
            fmt::format_to(std::back_inserter(buf), "{}", csv_field(t.rows.at(r, l)));
        }
        for (std::size_t c = 0; c < t.cols.size(); ++c) {
            const double v = t.values(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c));
            if (std::isfinite(v)) {
                fmt::format_to(std::back_inserter(buf), ",{:.{}g}", v, precision);
            } else {
                buf.push_back(',');
            }
        }
        buf.push_back('\n');
        if (buf.size() > (1 << 20)) {
            out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
            buf.clear();
        }
    }
    out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
}

void write_json(const std::vector<Table>& tables, std::ostream& out) {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const auto& t : tables) {
        nlohmann::ordered_json j;
        j["name"] = t.name;
        j["row_levels"] = t.rows.names;
        j["column_levels"] = t.cols.names;
        j["rows"] = t.rows.labels;
        j["columns"] = t.cols.labels;
        nlohmann::ordered_json values = nlohmann::ordered_json::array();
        for (Eigen::Index r = 0; r < t.values.rows(); ++r) {
            nlohmann::ordered_json row = nlohmann::ordered_json::array();
            for (Eigen::Index c = 0; c < t.values.cols(); ++c) {
                const double v = t.values(r, c);
                if (std::isfinite(v)) {
                    row.push_back(v);
                } else {
                    row.push_back(nullptr);
                }
            }
            values.push_back(std::move(row));
        }
        j["values"] = std::move(values);
        all.push_back(std::move(j));
    }
    out << (tables.size() == 1 ? all[0].dump(1) : all.dump(1)) << '\n';
}

namespace {

std::string sheet_name(const std::string& name, std::set<std::string>& used) {
    std::string clean;
    for (char c : name) {
        clean += std::string("[]:*?/\\").find(c) == std::string::npos ? c : '_';
    }
    if (clean.empty()) {
        clean = "table";
    }
    // Excel limits names to 31 characters; cut on a UTF-8 boundary.
    if (clean.size() > 28) {
        std::size_t cut = 28;
        while (cut > 0 && (static_cast<unsigned char>(clean[cut]) & 0xC0) == 0x80) {
            --cut;
        }
        clean.resize(cut);
    }
    std::string candidate = clean;
    for (int i = 2; used.count(candidate) > 0; ++i) {
        candidate = clean + "~" + std::to_string(i);
    }
    used.insert(candidate);
    return candidate;
}

}  // namespace

void write_xlsx(const std::vector<Table>& tables, const fs::path& path) {
    std::error_code link_ec;
    if (fs::is_symlink(fs::symlink_status(path, link_ec))) {
        fail(ErrorCode::kIo,
             "{}: is a symbolic link; refusing to write through or replace it",
             path.string());
    }
    fs::path temp = path;
    temp += ".tmp.xlsx";
    lxw_workbook* wb = workbook_new(temp.c_str());
    if (wb == nullptr) {
        fail(ErrorCode::kIo, "{}: cannot create workbook", path.string());
    }
    std::set<std::string> used;
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    for (const auto& t : tables) {
        auto name = sheet_name(t.name, used);
        lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
        const auto nl = static_cast<lxw_col_t>(t.rows.levels());
        const auto nh = static_cast<lxw_row_t>(t.cols.levels());
        for (std::size_t l = 0; l < t.cols.levels(); ++l) {
            worksheet_write_string(
                ws, static_cast<lxw_row_t>(l), nl > 0 ? nl - 1 : 0, t.cols.names[l].c_str(), bold);
            for (std::size_t c = 0; c < t.cols.size(); ++c) {
                worksheet_write_string(ws,
                                       static_cast<lxw_row_t>(l),
                                       static_cast<lxw_col_t>(nl + c),
                                       t.cols.at(c, l).c_str(),
                                       bold);
            }
        }
        for (std::size_t l = 0; l < t.rows.levels(); ++l) {
            worksheet_write_string(
                ws, nh, static_cast<lxw_col_t>(l), t.rows.names[l].c_str(), bold);
        }
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            const auto row = static_cast<lxw_row_t>(nh + 1 + r);
            for (std::size_t l = 0; l < t.rows.levels(); ++l) {
                worksheet_write_string(
                    ws, row, static_cast<lxw_col_t>(l), t.rows.at(r, l).c_str(), nullptr);
            }
            for (std::size_t c = 0; c < t.cols.size(); ++c) {
                const double v =
                    t.values(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c));
                if (std::isfinite(v)) {
                    worksheet_write_number(ws, row, static_cast<lxw_col_t>(nl + c), v, nullptr);
                }
            }
        }
        worksheet_freeze_panes(ws, nh + 1, nl);
    }
    if (workbook_close(wb) != LXW_NO_ERROR) {
        fs::remove(temp);
        fail(ErrorCode::kIo, "{}: cannot write workbook", path.string());
    }
    std::error_code ec;
    fs::rename(temp, path, ec);
    if (ec) {
        fail(ErrorCode::kIo, "{}: cannot write: {}", path.string(), ec.message());
    }
}

std::size_t display_width(const std::string& text) {
    std::size_t width = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        utf8proc_int32_t cp = 0;
        auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                                  static_cast<utf8proc_ssize_t>(text.size() - pos),
                                  &cp);
        if (n <= 0) {
            ++pos;
            ++width;
            continue;
        }
        pos += static_cast<std::size_t>(n);
        width += static_cast<std::size_t>(std::max(0, utf8proc_charwidth(cp)));
    }
    return width;
}

namespace {

std::string group_thousands(const std::string& s) {
    auto dot = s.find_first_of(".eE");
    std::string head = s.substr(0, dot == std::string::npos ? s.size() : dot);
    std::string tail = dot == std::string::npos ? "" : s.substr(dot);
    bool neg = !head.empty() && head[0] == '-';
    if (neg) {
        head.erase(0, 1);
    }
    std::string out;
    for (std::size_t i = 0; i < head.size(); ++i) {
        if (i > 0 && (head.size() - i) % 3 == 0) {
            out += ',';
        }
        out += head[i];
    }
    return (neg ? "-" : "") + out + tail;
}

std::string format_cell(double v, const TerminalOptions& o) {
    if (!std::isfinite(v)) {
        return "-";
    }
    const double a = std::fabs(v);
    if (a >= 1e15 || (a > 0 && a < 1e-4)) {
        return fmt::format("{:.{}g}", v, o.precision);
    }
    if (a >= 1000) {
        auto s = fmt::format("{:.0f}", v);
        return o.thousands ? group_thousands(s) : s;
    }
    // Up to `precision` significant digits, fixed notation.
    int decimals =
        std::max(0, o.precision - 1 - (a >= 1 ? static_cast<int>(std::floor(std::log10(a))) : 0));
    return fmt::format("{:.{}f}", v, std::min(decimals, 6));
}

std::string pad(const std::string& s, std::size_t width, bool right) {
    const std::size_t w = display_width(s);
    if (w >= width) {
        return s;
    }
    return right ? std::string(width - w, ' ') + s : s + std::string(width - w, ' ');
}

}  // namespace

std::string render_table(const Table& t, const TerminalOptions& o) {
    const std::size_t nl = t.rows.levels();
    const std::size_t nc = t.cols.size();
    std::size_t shown = t.rows.size();
    if (o.max_rows > 0 && shown > o.max_rows) {
        shown = o.max_rows;
    }
    std::vector<std::vector<std::string>> cells(shown + 1, std::vector<std::string>(nl + nc));
    for (std::size_t l = 0; l < nl; ++l) {
        cells[0][l] = t.rows.names[l];
    }
    for (std::size_t c = 0; c < nc; ++c) {
        cells[0][nl + c] = t.cols.joined(c);
    }
    for (std::size_t r = 0; r < shown; ++r) {
        for (std::size_t l = 0; l < nl; ++l) {
            cells[r + 1][l] = t.rows.at(r, l);
        }
        for (std::size_t c = 0; c < nc; ++c) {
            cells[r + 1][nl + c] = format_cell(
                t.values(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)), o);
        }
    }
    std::vector<std::size_t> width(nl + nc, 0);
    for (const auto& row : cells) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            width[c] = std::max(width[c], display_width(row[c]));
        }
    }
    std::string out;
    if (!t.name.empty()) {
        out += t.name + "\n";
    }
    for (std::size_t r = 0; r < cells.size(); ++r) {
        for (std::size_t c = 0; c < cells[r].size(); ++c) {
            if (c > 0) {
                out += "  ";
            }
            out += pad(cells[r][c], width[c], c >= nl && r > 0);
        }
        while (!out.empty() && out.back() == ' ') {
            out.pop_back();
        }
        out += '\n';
        if (r == 0) {
            std::size_t total = 0;
            for (auto w : width) {
                total += w + 2;
            }
            out += std::string(total > 2 ? total - 2 : 0, '-') + "\n";
        }
    }
    if (shown < t.rows.size()) {
        out += fmt::format("... {} more rows (write them with -o or --format csv)\n",
                           t.rows.size() - shown);
    }
    return out;
}

void write_tables(const std::vector<Table>& tables,
                  Format format,
                  const std::string& path,
                  std::ostream& out) {
    const bool to_stdout = path.empty() || path == "-";
    // A path ending in a separator or naming an existing folder gets a folder of CSV files, one
    // per table, with tables.json listing them (docs/cli.md, "Output paths").
    std::error_code dir_ec;
    const bool to_folder =
        !to_stdout && (path.back() == '/' || fs::is_directory(fs::path(path), dir_ec));
    if (to_folder) {
        if (format == Format::kJson || format == Format::kXlsx) {
            fail(ErrorCode::kUsage, "{}: is a folder; JSON and XLSX output need a file name", path);
        }
        format = Format::kCsv;
    }
    switch (format) {
        case Format::kTable: {
            std::ostringstream s;
            for (std::size_t i = 0; i < tables.size(); ++i) {
                if (i > 0) {
                    s << '\n';
                }
                s << render_table(tables[i], TerminalOptions{to_stdout ? 60u : 0u});
            }
            if (to_stdout) {
                out << s.str();
            } else {
                write_file_atomically(path, s.str());
            }
            return;
        }
        case Format::kCsv: {
            if (to_stdout) {
                for (std::size_t i = 0; i < tables.size(); ++i) {
                    if (tables.size() > 1) {
                        out << "# " << tables[i].name << '\n';
                    }
                    write_csv(tables[i], out);
                }
                return;
            }
            if (!to_folder && fs::path(path).extension() == ".csv") {
                // A .csv path is always one file: several tables follow each other, each after
                // a "# <name>" line, as on standard output.
                std::ostringstream s;
                for (std::size_t i = 0; i < tables.size(); ++i) {
                    if (tables.size() > 1) {
                        s << "# " << tables[i].name << '\n';
                    }
                    write_csv(tables[i], s);
                }
                write_file_atomically(path, s.str());
                return;
            }
            OutputFolder folder(path, "tables.json");
            nlohmann::ordered_json index = nlohmann::ordered_json::array();
            for (const auto& t : tables) {
                std::ofstream f(folder.path() / (t.name + ".csv"), std::ios::binary);
                write_csv(t, f);
                if (!f) {
                    fail(ErrorCode::kIo, "{}: cannot write {}.csv", path, t.name);
                }
                index.push_back(t.name + ".csv");
            }
            std::ofstream(folder.path() / "tables.json") << index.dump(1) << '\n';
            folder.commit();
            return;
        }
        case Format::kJson: {
            if (to_stdout) {
                write_json(tables, out);
            } else {
                std::ostringstream s;
                write_json(tables, s);
                write_file_atomically(path, s.str());
            }
            return;
        }
        case Format::kXlsx: {
            if (to_stdout) {
                fail(ErrorCode::kUsage,
                     "XLSX output needs a file name (an .xlsx file), not standard output");
            }
            write_xlsx(tables, path);
            return;
        }
    }
}

}  // namespace tandem::data
