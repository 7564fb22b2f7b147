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
#include "tandem/data/number_format.hpp"
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

namespace {

// Header and label cells as tandem CSV has them; each value through cell(r, c, buffer).
template <class CellWriter>
void write_csv_with(const Table& t, std::ostream& out, CellWriter cell) {
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
            buf.push_back(',');
            cell(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c), buf);
        }
        buf.push_back('\n');
        if (buf.size() > (1 << 20)) {
            out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
            buf.clear();
        }
    }
    out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
}

}  // namespace

NumberFormats::NumberFormats(const Table& t, int significant) : by_row_(t.rows_are_quantities) {
    if (by_row_) {
        for (Eigen::Index r = 0; r < t.values.rows(); ++r) {
            formats_.push_back(column_format(t.values.row(r).transpose(), significant));
        }
    } else {
        for (Eigen::Index c = 0; c < t.values.cols(); ++c) {
            formats_.push_back(column_format(t.values.col(c), significant));
        }
    }
}

const NumberFormat& NumberFormats::of(Eigen::Index r, Eigen::Index c) const {
    return formats_[static_cast<std::size_t>(by_row_ ? r : c)];
}

namespace {}  // namespace

void write_csv(const Table& t, std::ostream& out, int precision) {
    write_csv_with(t, out, [&](Eigen::Index r, Eigen::Index c, fmt::memory_buffer& buf) {
        const double v = t.values(r, c);
        if (std::isfinite(v)) {
            fmt::format_to(std::back_inserter(buf), "{:.{}g}", v, precision);
        }
    });
}

void write_readable_csv(const Table& t, std::ostream& out) {
    const NumberFormats formats(t);
    write_csv_with(t, out, [&](Eigen::Index r, Eigen::Index c, fmt::memory_buffer& buf) {
        const double v = t.values(r, c);
        if (std::isfinite(v)) {
            const auto text = format_number(v, formats.of(r, c), false);
            buf.append(text.data(), text.data() + text.size());
        }
    });
}

void write_notes_csv(const std::vector<Table>& tables, std::ostream& out) {
    out << "table,field,text\n";
    for (const auto& t : tables) {
        out << csv_field(t.name) << ",title," << csv_field(t.name) << '\n';
        if (!t.units.empty()) {
            out << csv_field(t.name) << ",units," << csv_field(t.units) << '\n';
        }
        for (const auto& n : t.notes) {
            out << csv_field(t.name) << ",note," << csv_field(n) << '\n';
        }
    }
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
        j["units"] = t.units;
        j["notes"] = t.notes;
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

namespace {

// Title, units and notes of every table on a last worksheet (table, field, text).
void write_notes_sheet(lxw_workbook* wb,
                       const std::vector<Table>& tables,
                       const std::string& name,
                       lxw_format* bold) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
    const char* heads[] = {"table", "field", "text"};
    for (lxw_col_t c = 0; c < 3; ++c) {
        worksheet_write_string(ws, 0, c, heads[c], bold);
    }
    lxw_row_t row = 1;
    auto line = [&](const std::string& table, const char* field, const std::string& text) {
        worksheet_write_string(ws, row, 0, table.c_str(), nullptr);
        worksheet_write_string(ws, row, 1, field, nullptr);
        worksheet_write_string(ws, row, 2, text.c_str(), nullptr);
        ++row;
    };
    for (const auto& t : tables) {
        line(t.name, "title", t.name);
        if (!t.units.empty()) {
            line(t.name, "units", t.units);
        }
        for (const auto& n : t.notes) {
            line(t.name, "note", n);
        }
    }
    worksheet_set_column(ws, 0, 0, 30, nullptr);
    worksheet_set_column(ws, 2, 2, 100, nullptr);
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
    write_notes_sheet(wb, tables, sheet_name("notes", used), bold);
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
    // Formats from every row, shown or not, so that a longer listing reads the same.
    const NumberFormats formats(t, o.significant);
    for (std::size_t r = 0; r < shown; ++r) {
        for (std::size_t l = 0; l < nl; ++l) {
            cells[r + 1][l] = t.rows.at(r, l);
        }
        for (std::size_t c = 0; c < nc; ++c) {
            const auto ri = static_cast<Eigen::Index>(r);
            const auto ci = static_cast<Eigen::Index>(c);
            cells[r + 1][nl + c] = format_number(t.values(ri, ci), formats.of(ri, ci), o.thousands);
        }
    }
    std::vector<std::size_t> width(nl + nc, 0);
    for (const auto& row : cells) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            width[c] = std::max(width[c], display_width(row[c]));
        }
    }
    std::string out;
    if (!t.name.empty() || !t.units.empty()) {
        out += t.units.empty() ? t.name : fmt::format("{} ({})", t.name, t.units);
        out += "\n";
    }
    for (std::size_t r = 0; r < cells.size(); ++r) {
        for (std::size_t c = 0; c < cells[r].size(); ++c) {
            if (c > 0) {
                out += "  ";
            }
            // Value columns are right-aligned, their headers too.
            out += pad(cells[r][c], width[c], c >= nl);
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
        out +=
            fmt::format("... {} more rows (a file output holds them all)\n", t.rows.size() - shown);
    }
    for (const auto& n : t.notes) {
        // A note in Chinese (a Chinese report's) reads "注：".
        out += (!n.empty() && (static_cast<unsigned char>(n[0]) & 0x80) != 0 ? "注：" : "note: ") +
               n + "\n";
    }
    return out;
}

namespace {

void write_csv_tables(const std::vector<Table>& tables, std::ostream& out, bool readable) {
    for (std::size_t i = 0; i < tables.size(); ++i) {
        if (tables.size() > 1) {
            out << "# " << tables[i].name << '\n';
        }
        if (readable) {
            write_readable_csv(tables[i], out);
        } else {
            write_csv(tables[i], out);
        }
    }
}

// One CSV file per table (names made safe and unique), tables.json listing them and notes.csv
// with titles, units and notes; replaced as a whole.
void write_csv_folder(const std::vector<Table>& tables, const std::string& path, bool readable) {
    OutputFolder folder(path, "tables.json");
    nlohmann::ordered_json index = nlohmann::ordered_json::array();
    UniqueFileNames names;
    names.take("tables.json");
    names.take("notes.csv");
    for (const auto& t : tables) {
        const std::string file = names.take(t.name) + ".csv";
        std::ofstream f(folder.path() / file, std::ios::binary);
        if (readable) {
            write_readable_csv(t, f);
        } else {
            write_csv(t, f);
        }
        if (!f) {
            fail(ErrorCode::kIo, "{}: cannot write {}", path, file);
        }
        index.push_back(file);
    }
    std::ofstream(folder.path() / "tables.json") << index.dump(1) << '\n';
    std::ofstream notes(folder.path() / "notes.csv", std::ios::binary);
    write_notes_csv(tables, notes);
    folder.commit();
}

}  // namespace

fs::path notes_path_for(const fs::path& csv_file) {
    fs::path notes = csv_file;
    notes.replace_extension();
    notes += ".notes.csv";
    return notes;
}

void write_tables(const std::vector<Table>& tables,
                  Format format,
                  const std::string& path,
                  std::ostream& out,
                  const WriteOptions& options) {
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
                TerminalOptions terminal;
                terminal.max_rows = to_stdout ? 60u : 0u;
                s << render_table(tables[i], terminal);
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
                write_csv_tables(tables, out, options.readable_csv);
                return;
            }
            if (!to_folder && fs::path(path).extension() == ".csv") {
                // A .csv path is always one file: several tables follow each other, each after
                // a "# <name>" line, as on standard output; titles, units and notes beside.
                std::ostringstream s;
                write_csv_tables(tables, s, options.readable_csv);
                std::ostringstream notes;
                write_notes_csv(tables, notes);
                write_file_atomically(notes_path_for(path), notes.str());
                write_file_atomically(path, s.str());
                return;
            }
            write_csv_folder(tables, path, options.readable_csv);
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
