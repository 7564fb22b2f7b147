#include "tandem/data/pymrio_format.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <map>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tandem/core/error.hpp"
#include "tandem/data/delimited.hpp"
#include "tandem/data/json_input.hpp"
#include "tandem/data/output_folder.hpp"

namespace tandem::data {

namespace fs = std::filesystem;
using ordered_json = nlohmann::ordered_json;

namespace {

// Lines as read_delimited counts them: CR, LF and CRLF each end one line.
std::size_t count_lines(const fs::path& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
        return 0;
    }
    std::vector<char> buf(1 << 20);
    std::size_t lines = 0;
    std::size_t got = 0;
    char prev = 0;
    while ((got = std::fread(buf.data(), 1, buf.size(), f)) > 0) {
        for (std::size_t i = 0; i < got; ++i) {
            const char c = buf[i];
            if (c == '\r' || (c == '\n' && prev != '\r')) {
                ++lines;
            }
            prev = c;
        }
    }
    std::fclose(f);
    return lines + 1;
}

}  // namespace

TextTable read_pymrio_table(const fs::path& path, int nr_index_col, int nr_header, bool numeric) {
    const std::string file = path.string();
    if (nr_index_col < 1 || nr_header < 1) {
        fail(ErrorCode::kInvalidInput,
             "{}: file_parameters.json gives nr_index_col={} and nr_header={}; both must be >= 1",
             file,
             nr_index_col,
             nr_header);
    }
    const auto nic = static_cast<std::size_t>(nr_index_col);
    const auto nh = static_cast<std::size_t>(nr_header);
    // Declared sizes are checked against what the file can hold before anything is allocated.
    std::error_code size_ec;
    const auto bytes = static_cast<std::size_t>(fs::file_size(path, size_ec));
    if (!size_ec) {
        const std::size_t lines = count_lines(path);
        if (nh > lines) {
            fail(ErrorCode::kInvalidInput,
                 "{}: file_parameters.json declares nr_header={} but the file has only {} "
                 "line(s)",
                 file,
                 nh,
                 lines);
        }
        if (nic > bytes + 1) {
            fail(ErrorCode::kInvalidInput,
                 "{}: file_parameters.json declares nr_index_col={} but the file has only {} "
                 "byte(s)",
                 file,
                 nic,
                 bytes);
        }
    }
    TextTable out;
    out.cols.names.resize(nh);
    out.rows.names.resize(nic);
    std::vector<std::vector<std::string>> col_levels(nh);
    std::size_t records = 0;
    std::size_t ncols = 0;
    bool header_done = false;
    std::size_t capacity = 0;
    std::vector<double> row_buffer;

    read_delimited(path, '\t', [&](std::size_t line, const std::vector<std::string>& f) {
        ++records;
        if (records <= nh) {
            if (f.size() <= nic) {
                fail_at(file,
                        line,
                        1,
                        fmt::format("expected a header row with column labels after {} index "
                                    "column(s), found {} cell(s)",
                                    nic,
                                    f.size()));
            }
            if (nh == 1) {
                for (std::size_t i = 0; i < nic; ++i) {
                    out.rows.names[i] = f[i];
                }
            } else {
                out.cols.names[records - 1] = f[0];
            }
            col_levels[records - 1].assign(f.begin() + static_cast<std::ptrdiff_t>(nic), f.end());
            if (records == 1) {
                ncols = col_levels[0].size();
            } else if (col_levels[records - 1].size() != ncols) {
                fail_at(file,
                        line,
                        1,
                        fmt::format("header row {} has {} column labels, header row 1 has {}",
                                    records,
                                    col_levels[records - 1].size(),
                                    ncols));
            }
            if (records == nh) {
                for (std::size_t c = 0; c < ncols; ++c) {
                    std::vector<std::string> label(nh);
                    for (std::size_t l = 0; l < nh; ++l) {
                        label[l] = col_levels[l][c];
                    }
                    out.cols.labels.push_back(std::move(label));
                }
                if (numeric) {
                    // A data row holds at least ncols delimiters: bound the rows by both the
                    // line count and the bytes, so a wide header cannot claim absurd memory.
                    capacity = count_lines(path);
                    if (!size_ec) {
                        capacity = std::min(capacity, bytes / std::max<std::size_t>(ncols, 1) + 1);
                    }
                    out.values.resize(static_cast<Eigen::Index>(capacity),
                                      static_cast<Eigen::Index>(ncols));
                }
            }
            return;
        }
        if (!header_done && nh > 1) {
            header_done = true;
            bool names_row = f.size() >= nic;
            for (std::size_t c = nic; c < f.size() && names_row; ++c) {
                names_row = f[c].empty();
            }
            if (names_row) {
                for (std::size_t i = 0; i < nic; ++i) {
                    out.rows.names[i] = f[i];
                }
                return;
            }
        }
        header_done = true;
        if (f.size() != nic + ncols) {
            fail_at(file,
                    line,
                    std::min(f.size(), nic + ncols) + 1,
                    fmt::format("expected {} cells ({} label(s) and {} value(s)), found {} "
                                "(a ragged row)",
                                nic + ncols,
                                nic,
                                ncols,
                                f.size()));
        }
        std::vector<std::string> label(f.begin(), f.begin() + static_cast<std::ptrdiff_t>(nic));
        const auto r = static_cast<Eigen::Index>(out.rows.size());
        if (numeric && r >= out.values.rows()) {
            // Never write past the sized buffer, whatever the line count said.
            out.values.conservativeResize(std::max<Eigen::Index>(2 * out.values.rows(), r + 1),
                                          static_cast<Eigen::Index>(ncols));
        }
        if (numeric) {
            for (std::size_t c = 0; c < ncols; ++c) {
                out.values(r, static_cast<Eigen::Index>(c)) =
                    parse_number(f[nic + c],
                                 file,
                                 line,
                                 nic + c + 1,
                                 fmt::format("row '{}', column '{}'",
                                             fmt::join(label, "/"),
                                             fmt::join(out.cols.labels[c], "/")));
            }
        } else {
            out.cells.emplace_back(f.begin() + static_cast<std::ptrdiff_t>(nic), f.end());
        }
        out.rows.labels.push_back(std::move(label));
    });
    if (records < nh) {
        fail(ErrorCode::kInvalidInput,
             "{}: expected {} header row(s), found {} row(s)",
             file,
             nh,
             records);
    }
    if (numeric) {
        out.values.conservativeResize(static_cast<Eigen::Index>(out.rows.size()),
                                      static_cast<Eigen::Index>(ncols));
    }
    return out;
}

namespace {

ordered_json read_json(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        fail(ErrorCode::kIo, "{}: file not found or not readable", path.string());
    }
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!is_valid_utf8(text)) {
        fail(ErrorCode::kInvalidInput, "{}: invalid UTF-8", path.string());
    }
    ordered_json j = parse_json(text, path.string());
    if (!j.is_object()) {
        fail(ErrorCode::kInvalidInput,
             "{}: expected a JSON object, found {}",
             path.string(),
             j.type_name());
    }
    return j;
}

struct FileSpec {
    fs::path path;
    int nr_index_col = 0;
    int nr_header = 0;
};

std::map<std::string, FileSpec> file_specs(const fs::path& folder, const ordered_json& params) {
    const std::string where = (folder / "file_parameters.json").string();
    std::map<std::string, FileSpec> out;
    if (!params.contains("files") || !params["files"].is_object()) {
        fail(ErrorCode::kInvalidInput, "{}: expected an object \"files\"", where);
    }
    auto to_int = [&](const ordered_json& v, const std::string& key, const std::string& field) {
        try {
            if (v.is_string()) {
                return std::stoi(v.get<std::string>());
            }
            if (v.is_number_integer()) {
                return v.get<int>();
            }
        } catch (const std::exception&) {
        }
        fail(ErrorCode::kInvalidInput,
             "{}: files.{}.{} must be an integer, found {}",
             where,
             key,
             field,
             json_excerpt(v));
    };
    for (const auto& [key, spec] : params["files"].items()) {
        if (!spec.is_object()) {
            fail(ErrorCode::kInvalidInput,
                 "{}: files.{} must be an object, found {}",
                 where,
                 key,
                 spec.type_name());
        }
        if (!spec.contains("name") || !spec.contains("nr_index_col") ||
            !spec.contains("nr_header")) {
            fail(ErrorCode::kInvalidInput,
                 "{}: files.{} needs \"name\", \"nr_index_col\" and \"nr_header\"",
                 where,
                 key);
        }
        const std::string name = json_string(spec, "name", where + ": files." + key, "");
        if (name.empty()) {
            fail(ErrorCode::kInvalidInput, "{}: files.{}.name must be a file name", where, key);
        }
        out[key] = FileSpec{folder / name,
                            to_int(spec["nr_index_col"], key, "nr_index_col"),
                            to_int(spec["nr_header"], key, "nr_header")};
    }
    return out;
}

void expect_same(const Index& got,
                 const Index& want,
                 const std::string& file,
                 const std::string& what,
                 const std::string& reference) {
    if (got.size() != want.size()) {
        fail(ErrorCode::kInvalidInput,
             "{}: {} has {} labels, {} has {}",
             file,
             what,
             got.size(),
             reference,
             want.size());
    }
    for (std::size_t i = 0; i < got.size(); ++i) {
        if (got.labels[i] != want.labels[i]) {
            fail(ErrorCode::kInvalidInput,
                 "{}: {} differ from {} at position {}: '{}' where '{}' was expected",
                 file,
                 what,
                 reference,
                 i + 1,
                 got.joined(i),
                 want.joined(i));
        }
    }
}

// Reads the population table; pymrio writes it as one row labelled "Population".
void read_population(const FileSpec& spec, Mrio& mrio) {
    auto t = read_pymrio_table(spec.path, spec.nr_index_col, spec.nr_header, true);
    if (t.values.rows() != 1) {
        fail(ErrorCode::kInvalidInput,
             "{}: expected one row of population figures, found {}",
             spec.path.string(),
             t.values.rows());
    }
    mrio.population = t.values.row(0).transpose();
    mrio.population_regions.clear();
    for (std::size_t i = 0; i < t.cols.size(); ++i) {
        mrio.population_regions.push_back(t.cols.at(i, 0));
    }
}

Matrix read_matrix(const FileSpec& spec,
                   const Index* want_rows,
                   const Index* want_cols,
                   const std::string& what,
                   const std::string& reference_rows,
                   const std::string& reference_cols,
                   Index* rows_out = nullptr,
                   Index* cols_out = nullptr) {
    auto t = read_pymrio_table(spec.path, spec.nr_index_col, spec.nr_header, true);
    if (want_rows != nullptr) {
        expect_same(
            t.rows, *want_rows, spec.path.string(), "the row labels of " + what, reference_rows);
    }
    if (want_cols != nullptr) {
        expect_same(
            t.cols, *want_cols, spec.path.string(), "the column labels of " + what, reference_cols);
    }
    if (rows_out != nullptr) {
        *rows_out = t.rows;
    }
    if (cols_out != nullptr) {
        *cols_out = t.cols;
    }
    return std::move(t.values);
}

void read_extension(const fs::path& folder, const ordered_json& params, Mrio& mrio) {
    Extension ext;
    ext.name = json_string(
        params, "name", (folder / "file_parameters.json").string(), folder.filename().string());
    auto specs = file_specs(folder, params);
    const Index& sectors = mrio.sectors;
    auto has = [&](const char* key) { return specs.count(key) > 0; };
    Index stressors;
    bool have_stressors = false;
    auto read_k_by = [&](const char* key, const Index* cols, const char* cols_ref) {
        Index rows;
        Matrix m = read_matrix(specs[key],
                               have_stressors ? &stressors : nullptr,
                               cols,
                               key,
                               "the stressors of the first account",
                               cols_ref,
                               &rows);
        if (!have_stressors) {
            stressors = rows;
            have_stressors = true;
        }
        return m;
    };
    if (has("F")) {
        ext.F = read_k_by("F", &sectors, "Z's sectors");
    }
    if (has("S")) {
        ext.S = read_k_by("S", &sectors, "Z's sectors");
    }
    if (has("F_Y")) {
        ext.F_Y = read_k_by("F_Y", &mrio.final_demand, "Y's columns");
    }
    if (has("S_Y")) {
        ext.S_Y = read_k_by("S_Y", &mrio.final_demand, "Y's columns");
    }
    if (has("M")) {
        ext.M = read_k_by("M", &sectors, "Z's sectors");
    }
    if (has("M_down")) {
        ext.M_down = read_k_by("M_down", &sectors, "Z's sectors");
    }
    for (auto [key, target] : {std::pair{"D_cba", &ext.D_cba},
                               std::pair{"D_pba", &ext.D_pba},
                               std::pair{"D_imp", &ext.D_imp},
                               std::pair{"D_exp", &ext.D_exp}}) {
        if (has(key)) {
            *target = read_k_by(key, &sectors, "Z's sectors");
        }
    }
    if (!have_stressors) {
        fail(ErrorCode::kInvalidInput,
             "{}: extension '{}' has neither F nor S",
             folder.string(),
             ext.name);
    }
    const Index regions = Index::single("region", mrio.regions());
    for (auto [key, target] : {std::pair{"D_cba_reg", &ext.D_cba_reg},
                               std::pair{"D_pba_reg", &ext.D_pba_reg},
                               std::pair{"D_imp_reg", &ext.D_imp_reg},
                               std::pair{"D_exp_reg", &ext.D_exp_reg},
                               std::pair{"D_cba_cap", &ext.D_cba_cap},
                               std::pair{"D_pba_cap", &ext.D_pba_cap},
                               std::pair{"D_imp_cap", &ext.D_imp_cap},
                               std::pair{"D_exp_cap", &ext.D_exp_cap}}) {
        if (has(key)) {
            Index cols;
            *target = read_matrix(
                specs[key], &stressors, nullptr, key, "the stressors", "", nullptr, &cols);
            if (cols.size() != regions.size()) {
                fail(ErrorCode::kInvalidInput,
                     "{}: expected one column per region ({}), found {}",
                     specs[key].path.string(),
                     regions.size(),
                     cols.size());
            }
            for (std::size_t r = 0; r < cols.size(); ++r) {
                if (cols.at(r, 0) != regions.at(r, 0)) {
                    fail(ErrorCode::kInvalidInput,
                         "{}: column {} is region '{}' where '{}' was expected",
                         specs[key].path.string(),
                         r + 1,
                         cols.at(r, 0),
                         regions.at(r, 0));
                }
            }
        }
    }
    ext.stressors = stressors;
    if (has("unit")) {
        auto u = read_pymrio_table(
            specs["unit"].path, specs["unit"].nr_index_col, specs["unit"].nr_header, false);
        expect_same(u.rows,
                    stressors,
                    specs["unit"].path.string(),
                    "the row labels of unit",
                    "the stressors");
        if (u.cols.size() != 1) {
            fail(ErrorCode::kInvalidInput,
                 "{}: expected one unit column, found {}",
                 specs["unit"].path.string(),
                 u.cols.size());
        }
        ext.unit_column = u.cols.at(0, 0);
        for (auto& row : u.cells) {
            ext.units.push_back(row[0]);
        }
    } else {
        ext.units.assign(stressors.size(), "");
    }
    mrio.extensions.push_back(std::move(ext));
}

}  // namespace

Mrio read_pymrio(const fs::path& folder, const ProgressFn& progress) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        fail(ErrorCode::kIo,
             "{}: expected a pymrio folder (with file_parameters.json)",
             folder.string());
    }
    auto params = read_json(folder / "file_parameters.json");
    if (json_string(params, "systemtype", (folder / "file_parameters.json").string(), "") !=
        "IOSystem") {
        fail(ErrorCode::kInvalidInput,
             "{}: systemtype must be \"IOSystem\", found {}",
             (folder / "file_parameters.json").string(),
             params.contains("systemtype") ? params["systemtype"].dump() : "nothing");
    }
    auto specs = file_specs(folder, params);
    Mrio mrio;
    if (fs::exists(folder / "metadata.json")) {
        auto meta = read_json(folder / "metadata.json");
        const std::string where = (folder / "metadata.json").string();
        mrio.name = json_string(meta, "name", where, mrio.name);
        mrio.description = json_string(meta, "description", where, "");
        mrio.system = json_string(meta, "system", where, mrio.system);
        mrio.version = json_string(meta, "version", where, mrio.version);
        if (meta.contains("history") && !meta["history"].is_null() && !meta["history"].is_array()) {
            fail(ErrorCode::kInvalidInput,
                 "{}: \"history\" must be a list or null, found {}",
                 where,
                 meta["history"].type_name());
        }
        if (meta.contains("history") && meta["history"].is_array()) {
            for (const auto& h : meta["history"]) {
                if (h.is_string()) {
                    mrio.history.push_back(h.get<std::string>());
                }
            }
        }
    }
    const std::size_t steps = specs.size() + 2;
    std::size_t step = 0;
    report(progress, "reading", step, steps);
    // The sector labels come from Z, else A, else x: whatever the folder holds first.
    bool have_sectors = false;
    auto sectors_ref = std::string{};
    auto read_square = [&](const char* key) {
        Index rows;
        Index cols;
        Matrix m = read_matrix(specs[key],
                               have_sectors ? &mrio.sectors : nullptr,
                               nullptr,
                               key,
                               sectors_ref,
                               "",
                               &rows,
                               &cols);
        if (!have_sectors) {
            mrio.sectors = rows;
            have_sectors = true;
            sectors_ref = std::string("the row labels of ") + key;
        }
        expect_same(cols,
                    mrio.sectors,
                    specs[key].path.string(),
                    std::string("the column labels of ") + key,
                    sectors_ref);
        report(progress, "reading", ++step, steps);
        return m;
    };
    for (auto [key, target] : {std::pair{"Z", &mrio.Z},
                               std::pair{"A", &mrio.A},
                               std::pair{"L", &mrio.L},
                               std::pair{"B", &mrio.B},
                               std::pair{"G", &mrio.G}}) {
        if (specs.count(key) > 0) {
            *target = read_square(key);
        }
    }
    if (specs.count("x") > 0) {
        Index rows;
        Matrix xm = read_matrix(specs["x"],
                                have_sectors ? &mrio.sectors : nullptr,
                                nullptr,
                                "x",
                                sectors_ref,
                                "",
                                &rows);
        if (xm.cols() != 1) {
            fail(ErrorCode::kInvalidInput,
                 "{}: expected one column of gross output, found {}",
                 specs["x"].path.string(),
                 xm.cols());
        }
        if (!have_sectors) {
            mrio.sectors = rows;
            have_sectors = true;
        }
        mrio.x = xm.col(0);
    }
    if (!have_sectors) {
        fail(ErrorCode::kInvalidInput, "{}: the folder holds none of Z, A or x", folder.string());
    }
    if (specs.count("Y") == 0) {
        fail(ErrorCode::kInvalidInput,
             "{}: the folder has no final demand Y",
             (folder / "file_parameters.json").string());
    }
    mrio.Y = read_matrix(
        specs["Y"], &mrio.sectors, nullptr, "Y", sectors_ref, "", nullptr, &mrio.final_demand);
    report(progress, "reading", ++step, steps);
    if (mrio.sectors.levels() != 2 || mrio.final_demand.levels() != 2) {
        fail(ErrorCode::kInvalidInput,
             "{}: expected two label levels (region, sector) on Z's rows and (region, category) "
             "on Y's columns",
             folder.string());
    }
    mrio.sector_region();
    mrio.final_demand_region();
    if (specs.count("unit") > 0) {
        auto u = read_pymrio_table(
            specs["unit"].path, specs["unit"].nr_index_col, specs["unit"].nr_header, false);
        expect_same(u.rows,
                    mrio.sectors,
                    specs["unit"].path.string(),
                    "the row labels of unit",
                    sectors_ref);
        for (auto& row : u.cells) {
            mrio.units.push_back(row.empty() ? "" : row[0]);
        }
    } else {
        mrio.units.assign(mrio.sectors.size(), "");
    }
    if (specs.count("population") > 0) {
        read_population(specs["population"], mrio);
        auto regions = mrio.regions();
        if (mrio.population_regions != regions) {
            fail(ErrorCode::kInvalidInput,
                 "{}: population must list the regions {} in that order",
                 specs["population"].path.string(),
                 list_excerpt(regions));
        }
    }
    std::vector<fs::path> subfolders;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.is_directory() && fs::exists(entry.path() / "file_parameters.json")) {
            subfolders.push_back(entry.path());
        }
    }
    std::sort(subfolders.begin(), subfolders.end());
    for (const auto& sub : subfolders) {
        auto ext_params = read_json(sub / "file_parameters.json");
        if (json_string(ext_params, "systemtype", (sub / "file_parameters.json").string(), "") ==
            "Extension") {
            read_extension(sub, ext_params, mrio);
        }
    }
    report(progress, "reading", steps, steps);
    return mrio;
}

// ---------------------------------------------------------------------------------------------
// Writing

namespace {

class TextWriter {
public:
    TextWriter(const fs::path& path, int precision) : path_(path), precision_(precision) {
        file_ = std::fopen(path.c_str(), "wb");
        if (file_ == nullptr) {
            fail(ErrorCode::kIo, "{}: cannot open for writing", path.string());
        }
    }
    ~TextWriter() {
        if (file_ != nullptr) {
            std::fclose(file_);
        }
    }
    TextWriter(const TextWriter&) = delete;
    TextWriter& operator=(const TextWriter&) = delete;

    void text(std::string_view s) { buf_.append(s.data(), s.data() + s.size()); }
    void tab() { buf_.push_back('\t'); }
    // printf's %.<precision>g, as pandas writes with float_format; std::to_chars is several
    // times faster than a runtime-precision fmt call, which matters for 96 million cells.
    void number(double v) {
        char tmp[32];
        auto res = std::to_chars(tmp, tmp + sizeof tmp, v, std::chars_format::general, precision_);
        buf_.append(tmp, res.ptr);
    }
    void end_line() {
        buf_.push_back('\n');
        if (buf_.size() > (1 << 20)) {
            flush();
        }
    }
    void close() {
        flush();
        if (std::fclose(file_) != 0) {
            file_ = nullptr;
            fail(ErrorCode::kIo, "{}: write error (disk full?)", path_.string());
        }
        file_ = nullptr;
    }

private:
    void flush() {
        if (buf_.size() > 0 && std::fwrite(buf_.data(), 1, buf_.size(), file_) != buf_.size()) {
            fail(ErrorCode::kIo, "{}: write error (disk full?)", path_.string());
        }
        buf_.clear();
    }
    fs::path path_;
    int precision_;
    std::FILE* file_ = nullptr;
    fmt::memory_buffer buf_;
};

void write_header(TextWriter& w, const Index& rows, const Index& cols) {
    if (cols.levels() > 1) {
        for (std::size_t level = 0; level < cols.levels(); ++level) {
            w.text(cols.names[level]);
            for (std::size_t i = 1; i < rows.levels(); ++i) {
                w.tab();
            }
            for (std::size_t c = 0; c < cols.size(); ++c) {
                w.tab();
                w.text(cols.at(c, level));
            }
            w.end_line();
        }
        for (std::size_t i = 0; i < rows.levels(); ++i) {
            if (i > 0) {
                w.tab();
            }
            w.text(rows.names[i]);
        }
        for (std::size_t c = 0; c < cols.size(); ++c) {
            w.tab();
        }
        w.end_line();
    } else {
        for (std::size_t i = 0; i < rows.levels(); ++i) {
            if (i > 0) {
                w.tab();
            }
            w.text(rows.names[i]);
        }
        for (std::size_t c = 0; c < cols.size(); ++c) {
            w.tab();
            w.text(cols.at(c, 0));
        }
        w.end_line();
    }
}

template <typename Value>
void write_table(
    const fs::path& path, const Index& rows, const Index& cols, int precision, Value value) {
    TextWriter w(path, precision);
    write_header(w, rows, cols);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t l = 0; l < rows.levels(); ++l) {
            if (l > 0) {
                w.tab();
            }
            w.text(rows.at(r, l));
        }
        for (std::size_t c = 0; c < cols.size(); ++c) {
            w.tab();
            value(w, static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c));
        }
        w.end_line();
    }
    w.close();
}

void add_spec(ordered_json& files, const std::string& key, const Index& rows, const Index& cols) {
    files[key] = {{"name", key + ".txt"},
                  {"nr_index_col", std::to_string(rows.levels())},
                  {"nr_header", std::to_string(cols.levels())}};
}

void write_json(const fs::path& path, const ordered_json& j) {
    std::ofstream out(path, std::ios::binary);
    out << j.dump(4);
    if (!out) {
        fail(ErrorCode::kIo, "{}: write error", path.string());
    }
}

std::string timestamp() {
    auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%d %H:%M:%S", &tm);
    return buf;
}

}  // namespace

void write_pymrio(const Mrio& mrio,
                  const fs::path& folder,
                  const PymrioWriteOptions& options,
                  const ProgressFn& progress) {
    OutputFolder out(folder, "file_parameters.json");
    const fs::path dir = out.path();
    const int p = options.precision;
    ordered_json files = ordered_json::object();
    const Index& s = mrio.sectors;
    Index region_index = Index::single("region", mrio.regions());
    std::size_t step = 0;
    const std::size_t steps = 8 + mrio.extensions.size();
    auto matrix =
        [&](const std::string& key, const Index& rows, const Index& cols, const Matrix& m) {
            if (m.size() == 0) {
                return;
            }
            write_table(dir / (key + ".txt"),
                        rows,
                        cols,
                        p,
                        [&](TextWriter& w, Eigen::Index r, Eigen::Index c) { w.number(m(r, c)); });
            add_spec(files, key, rows, cols);
            report(progress, "writing", ++step, steps);
        };
    matrix("Z", s, s, mrio.Z);
    matrix("Y", s, mrio.final_demand, mrio.Y);
    if (mrio.x.size() > 0) {
        Index xcol = Index::single("", {"indout"});
        write_table(dir / "x.txt", s, xcol, p, [&](TextWriter& w, Eigen::Index r, Eigen::Index) {
            w.number(mrio.x(r));
        });
        add_spec(files, "x", s, xcol);
    }
    if (options.write_A) {
        if (mrio.A.size() > 0) {
            matrix("A", s, s, mrio.A);
        } else if (mrio.Z.size() > 0 && mrio.x.size() > 0) {
            // Written straight from Z and x so that large tables never hold A in memory.
            Vector recix = mrio.reciprocal_output();
            write_table(dir / "A.txt", s, s, p, [&](TextWriter& w, Eigen::Index r, Eigen::Index c) {
                w.number(mrio.Z(r, c) * recix(c));
            });
            add_spec(files, "A", s, s);
        }
    }
    if (options.write_B) {
        if (mrio.B.size() > 0) {
            matrix("B", s, s, mrio.B);
        } else if (mrio.Z.size() > 0 && mrio.x.size() > 0) {
            Vector recix = mrio.reciprocal_output();
            write_table(dir / "B.txt", s, s, p, [&](TextWriter& w, Eigen::Index r, Eigen::Index c) {
                w.number(recix(r) * mrio.Z(r, c));
            });
            add_spec(files, "B", s, s);
        }
    }
    if (options.write_L) {
        matrix("L", s, s, mrio.L);
        matrix("G", s, s, mrio.G);
    }
    {
        Index ucol = Index::single("", {"unit"});
        write_table(dir / "unit.txt", s, ucol, p, [&](TextWriter& w, Eigen::Index r, Eigen::Index) {
            w.text(static_cast<std::size_t>(r) < mrio.units.size() ? mrio.units[r] : "");
        });
        add_spec(files, "unit", s, ucol);
    }
    if (mrio.population.size() > 0) {
        Index prow = Index::single("", {"Population"});
        Index pcol = Index::single("", mrio.population_regions);
        write_table(
            dir / "population.txt",
            prow,
            pcol,
            p,
            [&](TextWriter& w, Eigen::Index, Eigen::Index c) { w.number(mrio.population(c)); });
        add_spec(files, "population", prow, pcol);
    }
    write_json(dir / "file_parameters.json", {{"files", files}, {"systemtype", "IOSystem"}});
    std::vector<std::string> history = mrio.history;
    history.insert(
        history.begin(),
        fmt::format("{} - FILEIO -  Saved {} to {}", timestamp(), mrio.name, folder.string()));
    write_json(dir / "metadata.json",
               {{"description", mrio.description},
                {"name", mrio.name},
                {"system", mrio.system},
                {"version", mrio.version},
                {"history", history}});

    for (const auto& ext : mrio.extensions) {
        const fs::path edir = dir / ext.folder_name();
        fs::create_directories(edir);
        ordered_json efiles = ordered_json::object();
        auto ematrix = [&](const std::string& key, const Index& cols, const Matrix& m) {
            if (m.size() == 0) {
                return;
            }
            write_table(edir / (key + ".txt"),
                        ext.stressors,
                        cols,
                        p,
                        [&](TextWriter& w, Eigen::Index r, Eigen::Index c) { w.number(m(r, c)); });
            add_spec(efiles, key, ext.stressors, cols);
        };
        ematrix("F", s, ext.F);
        ematrix("F_Y", mrio.final_demand, ext.F_Y);
        ematrix("S", s, ext.S);
        ematrix("S_Y", mrio.final_demand, ext.S_Y);
        ematrix("M", s, ext.M);
        ematrix("M_down", s, ext.M_down);
        ematrix("D_cba", s, ext.D_cba);
        ematrix("D_pba", s, ext.D_pba);
        ematrix("D_imp", s, ext.D_imp);
        ematrix("D_exp", s, ext.D_exp);
        {
            Index ucol = Index::single("", {ext.unit_column});
            write_table(
                edir / "unit.txt",
                ext.stressors,
                ucol,
                p,
                [&](TextWriter& w, Eigen::Index r, Eigen::Index) {
                    w.text(static_cast<std::size_t>(r) < ext.units.size() ? ext.units[r] : "");
                });
            add_spec(efiles, "unit", ext.stressors, ucol);
        }
        ematrix("D_cba_reg", region_index, ext.D_cba_reg);
        ematrix("D_pba_reg", region_index, ext.D_pba_reg);
        ematrix("D_imp_reg", region_index, ext.D_imp_reg);
        ematrix("D_exp_reg", region_index, ext.D_exp_reg);
        ematrix("D_cba_cap", region_index, ext.D_cba_cap);
        ematrix("D_pba_cap", region_index, ext.D_pba_cap);
        ematrix("D_imp_cap", region_index, ext.D_imp_cap);
        ematrix("D_exp_cap", region_index, ext.D_exp_cap);
        write_json(edir / "file_parameters.json",
                   {{"files", efiles}, {"systemtype", "Extension"}, {"name", ext.name}});
        report(progress, "writing", ++step, steps);
    }
    out.commit();
    report(progress, "writing", steps, steps);
}

}  // namespace tandem::data
