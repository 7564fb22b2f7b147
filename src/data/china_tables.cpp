#include "tandem/data/china_tables.hpp"

#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tandem/core/error.hpp"
#include "tandem/data/delimited.hpp"
#include "tandem/data/json_input.hpp"
#include "tandem/data/output_folder.hpp"
#include "tandem/data/regions.hpp"
#include "tandem/data/table_writers.hpp"

namespace tandem::data {

namespace fs = std::filesystem;

namespace {

// Final-use and value-added codes of the Chinese tables (NBS), for when codes.csv is absent.
const std::map<std::string, std::pair<std::string, std::string>>& known_codes() {
    static const std::map<std::string, std::pair<std::string, std::string>> codes = {
        {"FU101", {"Rural household consumption", "农村居民消费"}},
        {"FU102", {"Urban household consumption", "城镇居民消费"}},
        {"THC", {"Household consumption", "居民消费支出"}},
        {"FU103", {"Government consumption", "政府消费"}},
        {"TC", {"Final consumption", "最终消费支出"}},
        {"FU201", {"Gross fixed capital formation", "固定资本形成总额"}},
        {"FU202", {"Changes in inventories", "存货增加"}},
        {"GCF", {"Gross capital formation", "资本形成总额"}},
        {"EX", {"Exports", "出口"}},
        {"OF", {"Outflow to other provinces", "国内省外流出"}},
        {"IM", {"Imports (negative)", "进口"}},
        {"IF", {"Inflow from other provinces (negative)", "国内省外流入"}},
        {"NOF", {"Net outflow", "净流出"}},
        {"FU302", {"Outflow (exports and to other provinces)", "流出"}},
        {"FU304", {"Inflow (imports and from other provinces, negative)", "流入"}},
        {"ERR", {"Other / statistical discrepancy", "其他"}},
        {"VA001", {"Compensation of employees", "劳动者报酬"}},
        {"VA002", {"Net taxes on production", "生产税净额"}},
        {"VA003", {"Depreciation of fixed assets", "固定资产折旧"}},
        {"VA004", {"Operating surplus", "营业盈余"}},
    };
    return codes;
}

// Columns published as positive numbers that enter the row balance with a minus sign.
bool subtracted(const std::string& code) {
    return code == "IM" || code == "IF" || code == "FU304";
}

Code code_of(const std::string& code) {
    auto it = known_codes().find(code);
    if (it == known_codes().end()) {
        return Code{code, code, code};
    }
    return Code{code, it->second.first, it->second.second};
}

const char* const kSourceProvincial =
    "Provincial input-output tables (42 sectors) compiled by the provincial statistics bureaus "
    "under the National Bureau of Statistics of China, as redistributed in the R package CHNIO "
    "(Pu Chen, GitHub common2016/CHNIO, commit 2878da3); imported by tandem from "
    "shared/data/china_provincial_io_chnio";
const char* const kSourceNational =
    "National input-output tables of the National Bureau of Statistics of China, as "
    "redistributed in the R package ionet (Xiao, Yan, Zhang; GitHub Carol-seven/ionet, commit "
    "51145dc); imported by tandem from shared/data/china_national_io_ionet";
const char* const kLicence =
    "Official statistics of the NBS / provincial statistics bureaus (public, attribution "
    "expected); the redistributing packages are GPL (>= 3). tandem ships them under "
    "GPL-3.0-or-later with this attribution.";

struct Balance {
    double scale = 0.0;
    double residual = 0.0;
};

void check_balance(double residual,
                   double scale,
                   double tolerance,
                   const std::string& file,
                   std::size_t line,
                   const std::string& what) {
    // One unit (10,000 yuan) of absolute slack covers the rounding of published integers.
    if (std::fabs(residual) > std::max(tolerance * scale, 1.0)) {
        fail(ErrorCode::kInvalidInput,
             "{}:{}: {} does not balance: residual {:.6g} ({:.3g} of {:.6g}, "
             "tolerance {:.3g})",
             file,
             line,
             what,
             residual,
             std::fabs(residual) / std::max(scale, 1.0),
             scale,
             tolerance);
    }
}

// Column positions by header name; names the file and the first missing required column.
std::unordered_map<std::string, std::size_t> header_positions(
    const std::vector<std::string>& header,
    std::initializer_list<const char*> required,
    const std::string& file,
    std::size_t line) {
    std::unordered_map<std::string, std::size_t> pos;
    for (std::size_t i = 0; i < header.size(); ++i) {
        pos.emplace(header[i], i);
    }
    for (const char* name : required) {
        if (pos.count(name) == 0) {
            fail_at(file, line, 1, fmt::format("missing column '{}'", name));
        }
    }
    return pos;
}

std::vector<Code> read_sectors(const fs::path& path) {
    std::vector<Code> out;
    std::vector<std::string> header;
    read_delimited(path, ',', [&](std::size_t line, const std::vector<std::string>& f) {
        if (header.empty()) {
            header = f;
            if (f.size() < 3 || f[0] != "code") {
                fail_at(path.string(), line, 1, "expected the header code,name_zh,name_en");
            }
            return;
        }
        if (f.size() != header.size()) {
            fail_at(path.string(),
                    line,
                    1,
                    fmt::format("expected {} cells, found {}", header.size(), f.size()));
        }
        std::string code = f[0].starts_with("sec") ? f[0].substr(3) : f[0];
        out.push_back(Code{code, f[2], f[1]});
    });
    return out;
}

}  // namespace

TableSet import_provincial_chnio(const fs::path& folder, int year, const ImportOptions& options) {
    TableSet set;
    set.kind = "provincial";
    set.year = year;
    const double tol = options.balance_tolerance > 0.0 ? options.balance_tolerance
                       : year == 2002                  ? 1e-2
                                                       : 1e-3;
    if (options.balance_tolerance <= 0.0 && year == 2002) {
        set.notes.push_back(
            "2002: rows and columns checked to 1% (the published tables balance to about 0.5%)");
    }
    set.classification = fmt::format("China IO 42 sectors ({})", year);
    set.source = kSourceProvincial;
    set.licence = kLicence;
    set.sectors = read_sectors(folder / fmt::format("sectors_{}.csv", year));
    const std::size_t n = set.sectors.size();
    std::unordered_map<std::string, std::size_t> sector_pos;
    for (std::size_t i = 0; i < n; ++i) {
        sector_pos.emplace("sec" + set.sectors[i].code, i);
    }
    for (const char* va : {"VA001", "VA002", "VA003", "VA004"}) {
        set.value_added.push_back(code_of(va));
    }
    const fs::path io_path = folder / fmt::format("io_{}.csv", year);
    const std::string file = io_path.string();

    std::vector<std::string> header;
    std::size_t col_zh = 0;
    std::size_t col_en = 0;
    std::size_t col_row = 0;
    std::size_t col_go = 0;
    std::vector<std::size_t> sector_cols;
    std::vector<std::size_t> fu_cols;
    std::vector<double> fu_sign;

    struct Pending {
        RegionalTable table;
        std::vector<bool> seen_sector;
        std::vector<bool> seen_va;
        std::vector<std::size_t> sector_line;
        Vector tva;
        Vector ti;
        bool has_tva = false;
        bool has_ti = false;
        std::size_t first_line = 0;
    };
    std::vector<Pending> pending;
    std::unordered_map<std::string, std::size_t> province_pos;

    read_delimited(io_path, ',', [&](std::size_t line, const std::vector<std::string>& f) {
        if (header.empty()) {
            header = f;
            auto pos = header_positions(f, {"province_zh", "province_en", "row", "GO"}, file, line);
            col_zh = pos["province_zh"];
            col_en = pos["province_en"];
            col_row = pos["row"];
            col_go = pos["GO"];
            for (const auto& s : set.sectors) {
                auto it = pos.find("sec" + s.code);
                if (it == pos.end()) {
                    fail_at(file, line, 1, fmt::format("missing sector column 'sec{}'", s.code));
                }
                sector_cols.push_back(it->second);
            }
            for (std::size_t i = 0; i < f.size(); ++i) {
                if (i == col_zh || i == col_en || i == col_row || i == col_go ||
                    f[i].starts_with("sec")) {
                    continue;
                }
                fu_cols.push_back(i);
                fu_sign.push_back(subtracted(f[i]) ? -1.0 : 1.0);
                set.final_use.push_back(code_of(f[i]));
            }
            return;
        }
        if (f.size() != header.size()) {
            fail_at(
                file,
                line,
                std::min(f.size(), header.size()) + 1,
                fmt::format("expected {} cells, found {} (a ragged row)", header.size(), f.size()));
        }
        const std::string& name_en = f[col_en];
        auto it = province_pos.find(name_en);
        if (it == province_pos.end()) {
            const Province* p = nullptr;
            try {
                p = &resolve_province(name_en);
            } catch (const Error& e) {
                fail_at(file, line, col_en + 1, e.what());
            }
            Pending fresh;
            fresh.table.region = Code{p->gb_code, p->name_en, p->name_zh};
            fresh.table.Z =
                Matrix::Zero(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
            fresh.table.Y = Matrix::Zero(static_cast<Eigen::Index>(n),
                                         static_cast<Eigen::Index>(fu_cols.size()));
            fresh.table.V = Matrix::Zero(4, static_cast<Eigen::Index>(n));
            fresh.table.x = Vector::Zero(static_cast<Eigen::Index>(n));
            fresh.seen_sector.assign(n, false);
            fresh.sector_line.assign(n, 0);
            fresh.seen_va.assign(4, false);
            fresh.first_line = line;
            it = province_pos.emplace(name_en, pending.size()).first;
            pending.push_back(std::move(fresh));
        }
        Pending& p = pending[it->second];
        const std::string& row = f[col_row];
        const std::string where = fmt::format("{} ({}), row {}", name_en, f[col_zh], row);
        auto number = [&](std::size_t col) {
            return parse_number(
                f[col], file, line, col + 1, fmt::format("{}, column {}", where, header[col]));
        };
        if (auto s = sector_pos.find(row); s != sector_pos.end()) {
            const auto i = static_cast<Eigen::Index>(s->second);
            if (p.seen_sector[s->second]) {
                fail_at(file, line, col_row + 1, fmt::format("{}: duplicate row", where));
            }
            p.seen_sector[s->second] = true;
            p.sector_line[s->second] = line;
            for (std::size_t j = 0; j < n; ++j) {
                p.table.Z(i, static_cast<Eigen::Index>(j)) = number(sector_cols[j]);
            }
            for (std::size_t c = 0; c < fu_cols.size(); ++c) {
                const double v = number(fu_cols[c]);
                if (header[fu_cols[c]] == "OF" && v < 0 && !options.allow_negative_outflow) {
                    fail_at(
                        file,
                        line,
                        fu_cols[c] + 1,
                        fmt::format("{}: negative outflow {} in column OF (outflows must be >= 0)",
                                    where,
                                    v));
                }
                p.table.Y(i, static_cast<Eigen::Index>(c)) = fu_sign[c] * v;
            }
            p.table.x(i) = number(col_go);
            return;
        }
        Vector values(static_cast<Eigen::Index>(n));
        for (std::size_t j = 0; j < n; ++j) {
            const bool is_va_part = row.starts_with("VA00");
            if (is_va_part && f[sector_cols[j]].empty()) {
                // A blank value-added component (2002: Guangxi VA004 of sector 42) is derived
                // from TVA and the other components once the province is complete.
                values(static_cast<Eigen::Index>(j)) = std::numeric_limits<double>::quiet_NaN();
                continue;
            }
            values(static_cast<Eigen::Index>(j)) = number(sector_cols[j]);
        }
        if (row.starts_with("VA00") && row.size() == 5 && row[4] >= '1' && row[4] <= '4') {
            const std::size_t v = static_cast<std::size_t>(row[4] - '1');
            p.seen_va[v] = true;
            p.table.V.row(static_cast<Eigen::Index>(v)) = values.transpose();
        } else if (row == "TVA") {
            p.tva = values;
            p.has_tva = true;
        } else if (row == "TI") {
            p.ti = values;
            p.has_ti = true;
        } else {
            fail_at(
                file,
                line,
                col_row + 1,
                fmt::format("{}: unknown row code '{}' (expected sec01..sec{:02}, VA001..VA004, "
                            "TVA or TI)",
                            where,
                            row,
                            n));
        }
    });
    if (header.empty()) {
        fail(ErrorCode::kInvalidInput, "{}: the file is empty", file);
    }
    for (auto& p : pending) {
        const std::string& name = p.table.region.name_en;
        for (std::size_t i = 0; i < n; ++i) {
            if (!p.seen_sector[i]) {
                fail(ErrorCode::kInvalidInput,
                     "{}: {} has no row for sector sec{} ({})",
                     file,
                     name,
                     set.sectors[i].code,
                     set.sectors[i].name_en);
            }
        }
        for (std::size_t v = 0; v < 4; ++v) {
            if (!p.seen_va[v]) {
                fail(ErrorCode::kInvalidInput,
                     "{}: {} has no value-added row VA00{}",
                     file,
                     name,
                     v + 1);
            }
        }
        if (!p.has_tva || !p.has_ti) {
            fail(ErrorCode::kInvalidInput, "{}: {} lacks its TVA or TI row", file, name);
        }
        for (Eigen::Index v = 0; v < 4; ++v) {
            for (std::size_t j = 0; j < n; ++j) {
                const auto jj = static_cast<Eigen::Index>(j);
                if (std::isnan(p.table.V(v, jj))) {
                    double others = 0.0;
                    for (Eigen::Index w = 0; w < 4; ++w) {
                        if (w != v && !std::isnan(p.table.V(w, jj))) {
                            others += p.table.V(w, jj);
                        }
                    }
                    p.table.V(v, jj) = p.tva(jj) - others;
                    set.notes.push_back(fmt::format(
                        "{} VA00{} of sector sec{} was blank: set to TVA minus the other "
                        "components = {}",
                        name,
                        v + 1,
                        set.sectors[j].code,
                        p.table.V(v, jj)));
                }
            }
        }
        for (std::size_t i = 0; i < n; ++i) {
            double& go = p.table.x(static_cast<Eigen::Index>(i));
            if (go < 0.0 && go > -1.0) {
                // Below one unit (10,000 yuan): the rounding of a zero output (2002: Hunan sec03).
                set.notes.push_back(
                    fmt::format("{} sector sec{}: gross output {} (below one unit) set to 0",
                                name,
                                set.sectors[i].code,
                                go));
                go = 0.0;
            }
        }
        const auto& t = p.table;
        for (std::size_t i = 0; i < n; ++i) {
            const auto ii = static_cast<Eigen::Index>(i);
            const std::string sector = fmt::format(
                "{} sector sec{} ({})", name, set.sectors[i].code, set.sectors[i].name_en);
            if (t.x(ii) < 0.0) {
                fail(ErrorCode::kInvalidInput,
                     "{}:{}: {}: negative gross output {} (column GO)",
                     file,
                     p.sector_line[i],
                     sector,
                     t.x(ii));
            }
            const double row_sum = t.Z.row(ii).sum() + t.Y.row(ii).sum();
            const double scale = std::max(std::fabs(t.x(ii)), t.Z.row(ii).cwiseAbs().maxCoeff());
            check_balance(row_sum - t.x(ii),
                          scale,
                          tol,
                          file,
                          p.sector_line[i],
                          fmt::format("{}: the row (intermediate + final use, imports and "
                                      "inflows subtracted = GO)",
                                      sector));
        }
        for (std::size_t i = 0; i < n; ++i) {
            const auto ii = static_cast<Eigen::Index>(i);
            const std::string sector = fmt::format(
                "{} sector sec{} ({})", name, set.sectors[i].code, set.sectors[i].name_en);
            const double col_sum = t.Z.col(ii).sum() + p.tva(ii);
            check_balance(col_sum - p.ti(ii),
                          std::max(std::fabs(p.ti(ii)), 1.0),
                          tol,
                          file,
                          p.first_line,
                          fmt::format("{}: the column (intermediate inputs + TVA = TI)", sector));
            check_balance(p.ti(ii) - t.x(ii),
                          std::max(std::fabs(t.x(ii)), 1.0),
                          tol,
                          file,
                          p.first_line,
                          fmt::format("{}: total input TI against gross output GO", sector));
        }
        set.tables.push_back(std::move(p.table));
    }
    return set;
}

TableSet import_national_ionet(const fs::path& csv_file, int year, const ImportOptions& options) {
    TableSet set;
    set.kind = "national";
    set.year = year;
    const double tol = options.balance_tolerance > 0.0 ? options.balance_tolerance : 1e-3;
    set.source = kSourceNational;
    set.licence = kLicence;
    const std::string file = csv_file.string();
    std::vector<std::string> header;
    std::size_t col_code = 0;
    std::size_t col_en = 0;
    std::size_t col_zh = 0;
    int col_origin = -1;
    std::size_t col_go = 0;
    std::vector<std::size_t> sector_cols;
    std::vector<std::size_t> fu_cols;
    std::vector<double> fu_sign;
    struct Row {
        std::vector<double> values;
        std::size_t line;
    };
    std::vector<std::pair<std::string, Row>> domestic;
    std::vector<std::pair<std::string, Row>> imports;
    std::map<std::string, Row> totals;
    std::vector<std::string> names_en;
    std::vector<std::string> names_zh;

    read_delimited(csv_file, ',', [&](std::size_t line, const std::vector<std::string>& f) {
        if (header.empty()) {
            header = f;
            auto pos = header_positions(
                f, {"Code", "Description", "DescriptionInChinese", "GO"}, file, line);
            col_code = pos["Code"];
            col_en = pos["Description"];
            col_zh = pos["DescriptionInChinese"];
            col_go = pos["GO"];
            if (pos.count("Origin") > 0) {
                col_origin = static_cast<int>(pos["Origin"]);
            }
            auto has = [&](const char* c) { return pos.count(c) > 0; };
            std::set<std::string> aggregates = {"TIU", "TFU"};
            if (has("FU101") && has("FU102")) {
                aggregates.insert("THC");
            }
            if ((has("FU101") || has("THC")) && has("FU103")) {
                aggregates.insert("TC");
            }
            if (has("FU201") && has("FU202")) {
                aggregates.insert("GCF");
            }
            for (std::size_t i = 0; i < f.size(); ++i) {
                const auto& h = f[i];
                if (i == col_code || i == col_en || i == col_zh || i == col_go ||
                    static_cast<int>(i) == col_origin || aggregates.count(h) > 0) {
                    continue;
                }
                if (!h.empty() && std::all_of(h.begin(), h.end(), ::isdigit)) {
                    sector_cols.push_back(i);
                } else {
                    fu_cols.push_back(i);
                    fu_sign.push_back(subtracted(h) ? -1.0 : 1.0);
                    set.final_use.push_back(code_of(h));
                }
            }
            set.classification = fmt::format("China IO {} sectors ({})", sector_cols.size(), year);
            return;
        }
        if (f.size() != header.size()) {
            fail_at(
                file,
                line,
                std::min(f.size(), header.size()) + 1,
                fmt::format("expected {} cells, found {} (a ragged row)", header.size(), f.size()));
        }
        const std::string& code = f[col_code];
        const std::string origin = col_origin >= 0 ? f[static_cast<std::size_t>(col_origin)] : "";
        const bool sector_row = !code.empty() && std::all_of(code.begin(), code.end(), ::isdigit);
        Row row{{}, line};
        for (auto c : sector_cols) {
            row.values.push_back(parse_number(
                f[c], file, line, c + 1, fmt::format("row {}, column {}", code, header[c])));
        }
        if (sector_row) {
            for (std::size_t k = 0; k < fu_cols.size(); ++k) {
                const auto c = fu_cols[k];
                row.values.push_back(
                    fu_sign[k] * parse_number(f[c],
                                              file,
                                              line,
                                              c + 1,
                                              fmt::format("row {}, column {}", code, header[c])));
            }
            row.values.push_back(parse_number(
                f[col_go], file, line, col_go + 1, fmt::format("row {}, column GO", code)));
            if (origin == "Imports") {
                imports.emplace_back(code, std::move(row));
            } else {
                domestic.emplace_back(code, std::move(row));
                names_en.push_back(f[col_en]);
                names_zh.push_back(f[col_zh]);
            }
        } else {
            totals[code] = std::move(row);
        }
    });
    const std::size_t n = sector_cols.size();
    if (domestic.size() != n) {
        fail(ErrorCode::kInvalidInput,
             "{}: {} sector columns but {} domestic sector rows",
             file,
             n,
             domestic.size());
    }
    if (!imports.empty() && imports.size() != n) {
        fail(ErrorCode::kInvalidInput,
             "{}: {} sector columns but {} import rows",
             file,
             n,
             imports.size());
    }
    for (std::size_t i = 0; i < n; ++i) {
        set.sectors.push_back(Code{domestic[i].first, names_en[i], names_zh[i]});
        if (header[sector_cols[i]] != domestic[i].first) {
            fail(ErrorCode::kInvalidInput,
                 "{}:{}: row {} where the columns give sector {}",
                 file,
                 domestic[i].second.line,
                 domestic[i].first,
                 header[sector_cols[i]]);
        }
    }
    RegionalTable t;
    t.region = Code{"000000", "China", "中国"};
    const auto nn = static_cast<Eigen::Index>(n);
    const auto nf = static_cast<Eigen::Index>(fu_cols.size());
    t.Z.resize(nn, nn);
    t.Y.resize(nn, nf);
    t.x.resize(nn);
    auto fill =
        [&](const std::vector<std::pair<std::string, Row>>& rows, Matrix& z, Matrix& y, Vector* x) {
            z.resize(nn, nn);
            y.resize(nn, nf);
            for (std::size_t i = 0; i < n; ++i) {
                const auto& v = rows[i].second.values;
                for (std::size_t j = 0; j < n; ++j) {
                    z(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = v[j];
                }
                for (Eigen::Index c = 0; c < nf; ++c) {
                    y(static_cast<Eigen::Index>(i), c) = v[n + static_cast<std::size_t>(c)];
                }
                if (x != nullptr) {
                    (*x)(static_cast<Eigen::Index>(i)) = v[n + fu_cols.size()];
                }
            }
        };
    fill(domestic, t.Z, t.Y, &t.x);
    if (!imports.empty()) {
        fill(imports, t.Z_imports, t.Y_imports, nullptr);
    }
    for (const char* va : {"VA001", "VA002", "VA003", "VA004"}) {
        auto it = totals.find(va);
        if (it == totals.end()) {
            fail(ErrorCode::kInvalidInput, "{}: no value-added row {}", file, va);
        }
        set.value_added.push_back(code_of(va));
    }
    t.V.resize(4, nn);
    for (Eigen::Index v = 0; v < 4; ++v) {
        const auto& vals = totals[set.value_added[static_cast<std::size_t>(v)].code].values;
        for (std::size_t j = 0; j < n; ++j) {
            t.V(v, static_cast<Eigen::Index>(j)) = vals[j];
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        const auto ii = static_cast<Eigen::Index>(i);
        const double residual = t.Z.row(ii).sum() + t.Y.row(ii).sum() - t.x(ii);
        check_balance(
            residual,
            std::max(std::fabs(t.x(ii)), t.Z.row(ii).cwiseAbs().maxCoeff()),
            tol,
            file,
            domestic[i].second.line,
            fmt::format("sector {} ({}): the row", set.sectors[i].code, set.sectors[i].name_en));
        double inputs = t.Z.col(ii).sum() + t.V.col(ii).sum();
        if (t.Z_imports.size() > 0) {
            inputs += t.Z_imports.col(ii).sum();
        }
        check_balance(inputs - t.x(ii),
                      std::max(std::fabs(t.x(ii)), 1.0),
                      tol,
                      file,
                      domestic[i].second.line,
                      fmt::format("sector {} ({}): the column (inputs + value added = GO)",
                                  set.sectors[i].code,
                                  set.sectors[i].name_en));
    }
    set.tables.push_back(std::move(t));
    return set;
}

// ---------------------------------------------------------------------------------------------
// tandem's table-set format

namespace {

nlohmann::ordered_json codes_json(const std::vector<Code>& codes) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& c : codes) {
        out.push_back({{"code", c.code}, {"name_en", c.name_en}, {"name_zh", c.name_zh}});
    }
    return out;
}

std::vector<Code> codes_from(const nlohmann::ordered_json& j,
                             const std::string& file,
                             const char* key) {
    std::vector<Code> out;
    if (!j.contains(key) || !j[key].is_array()) {
        fail(ErrorCode::kInvalidInput, "{}: expected an array \"{}\"", file, key);
    }
    const std::string where = fmt::format("{} \"{}\"", file, key);
    for (const auto& c : j[key]) {
        out.push_back(Code{json_string(c, "code", where),
                           json_string(c, "name_en", where),
                           json_string(c, "name_zh", where)});
    }
    return out;
}

std::vector<std::string> codes_only(const std::vector<Code>& codes) {
    std::vector<std::string> out;
    for (const auto& c : codes) {
        out.push_back(c.code);
    }
    return out;
}

Table stacked(const TableSet& set,
              const std::string& name,
              const std::string& row_level,
              const std::vector<std::string>& row_codes,
              const std::vector<std::string>& col_codes,
              const std::function<Matrix(const RegionalTable&)>& part) {
    Table t;
    t.name = name;
    t.rows.names = {"region", row_level};
    t.cols = Index::single("", col_codes);
    const auto per = static_cast<Eigen::Index>(row_codes.size());
    t.values.resize(per * static_cast<Eigen::Index>(set.tables.size()),
                    static_cast<Eigen::Index>(col_codes.size()));
    for (std::size_t r = 0; r < set.tables.size(); ++r) {
        const Matrix m = part(set.tables[r]);
        t.values.middleRows(static_cast<Eigen::Index>(r) * per, per) = m;
        for (const auto& code : row_codes) {
            t.rows.labels.push_back({set.tables[r].region.code, code});
        }
    }
    return t;
}

// Reads a stacked CSV written by stacked(): checks labels and returns one block per region.
std::vector<Matrix> read_stacked(const fs::path& path,
                                 const std::vector<std::string>& regions,
                                 const std::vector<std::string>& row_codes,
                                 const std::vector<std::string>& col_codes) {
    const std::string file = path.string();
    const auto per = row_codes.size();
    std::vector<Matrix> out(
        regions.size(),
        Matrix(static_cast<Eigen::Index>(per), static_cast<Eigen::Index>(col_codes.size())));
    std::size_t record = 0;
    read_delimited(path, ',', [&](std::size_t line, const std::vector<std::string>& f) {
        if (record++ == 0) {
            if (f.size() != col_codes.size() + 2) {
                fail_at(
                    file,
                    line,
                    1,
                    fmt::format("expected {} columns, found {}", col_codes.size() + 2, f.size()));
            }
            for (std::size_t c = 0; c < col_codes.size(); ++c) {
                if (f[c + 2] != col_codes[c]) {
                    fail_at(
                        file,
                        line,
                        c + 3,
                        fmt::format("expected column '{}', found '{}'", col_codes[c], f[c + 2]));
                }
            }
            return;
        }
        const std::size_t i = record - 2;
        if (i >= regions.size() * per) {
            fail_at(file, line, 1, "more rows than the manifest's regions and codes");
        }
        const std::size_t r = i / per;
        const std::size_t k = i % per;
        if (f.size() != col_codes.size() + 2) {
            fail_at(
                file,
                line,
                std::min(f.size(), col_codes.size() + 2) + 1,
                fmt::format(
                    "expected {} cells, found {} (a ragged row)", col_codes.size() + 2, f.size()));
        }
        if (f[0] != regions[r] || f[1] != row_codes[k]) {
            fail_at(
                file,
                line,
                1,
                fmt::format(
                    "expected row '{}/{}', found '{}/{}'", regions[r], row_codes[k], f[0], f[1]));
        }
        for (std::size_t c = 0; c < col_codes.size(); ++c) {
            out[r](static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(c)) =
                parse_number(f[c + 2],
                             file,
                             line,
                             c + 3,
                             fmt::format("row '{}/{}', column '{}'", f[0], f[1], col_codes[c]));
        }
    });
    if (record - 1 != regions.size() * per) {
        fail(ErrorCode::kInvalidInput,
             "{}: expected {} data rows, found {}",
             file,
             regions.size() * per,
             record == 0 ? 0 : record - 1);
    }
    return out;
}

void write_csv_file(const Table& t, const fs::path& path) {
    std::ofstream out(path, std::ios::binary);
    write_csv(t, out);
    if (!out) {
        fail(ErrorCode::kIo, "{}: cannot write", path.string());
    }
}

}  // namespace

void write_table_set(const TableSet& set, const fs::path& folder) {
    OutputFolder out(folder, "manifest.json");
    const auto sectors = codes_only(set.sectors);
    const auto fu = codes_only(set.final_use);
    const auto va = codes_only(set.value_added);
    const bool non_competitive = !set.tables.empty() && set.tables[0].Z_imports.size() > 0;
    nlohmann::ordered_json regions = nlohmann::ordered_json::array();
    for (const auto& t : set.tables) {
        regions.push_back({{"code", t.region.code},
                           {"name_en", t.region.name_en},
                           {"name_zh", t.region.name_zh}});
    }
    nlohmann::ordered_json manifest = {
        {"format", "tandem-table-set"},
        {"format_version", 1},
        {"kind", set.kind},
        {"year", set.year},
        {"unit", set.unit},
        {"classification", set.classification},
        {"import_type", non_competitive ? "non-competitive" : "competitive"},
        {"source", set.source},
        {"licence", set.licence},
        {"regions", regions},
        {"sectors", codes_json(set.sectors)},
        {"final_use", codes_json(set.final_use)},
        {"value_added", codes_json(set.value_added)},
        {"notes", set.notes},
        {"files",
         non_competitive ? nlohmann::ordered_json{"Z.csv",
                                                  "Y.csv",
                                                  "V.csv",
                                                  "x.csv",
                                                  "Z_imports.csv",
                                                  "Y_imports.csv"}
                         : nlohmann::ordered_json{"Z.csv", "Y.csv", "V.csv", "x.csv"}}};
    std::ofstream(out.path() / "manifest.json") << manifest.dump(2) << '\n';
    write_csv_file(stacked(set,
                           "Z",
                           "sector",
                           sectors,
                           sectors,
                           [](const RegionalTable& t) -> Matrix { return t.Z; }),
                   out.path() / "Z.csv");
    write_csv_file(
        stacked(
            set, "Y", "sector", sectors, fu, [](const RegionalTable& t) -> Matrix { return t.Y; }),
        out.path() / "Y.csv");
    write_csv_file(
        stacked(
            set, "V", "item", va, sectors, [](const RegionalTable& t) -> Matrix { return t.V; }),
        out.path() / "V.csv");
    write_csv_file(stacked(set,
                           "x",
                           "sector",
                           sectors,
                           {"x"},
                           [](const RegionalTable& t) -> Matrix { return t.x; }),
                   out.path() / "x.csv");
    if (non_competitive) {
        write_csv_file(stacked(set,
                               "Z_imports",
                               "sector",
                               sectors,
                               sectors,
                               [](const RegionalTable& t) -> Matrix { return t.Z_imports; }),
                       out.path() / "Z_imports.csv");
        write_csv_file(stacked(set,
                               "Y_imports",
                               "sector",
                               sectors,
                               fu,
                               [](const RegionalTable& t) -> Matrix { return t.Y_imports; }),
                       out.path() / "Y_imports.csv");
    }
    out.commit();
}

TableSet read_table_set(const fs::path& folder) {
    const fs::path manifest_path = folder / "manifest.json";
    const std::string mfile = manifest_path.string();
    std::ifstream in(manifest_path, std::ios::binary);
    if (!in) {
        fail(ErrorCode::kIo, "{}: not found: expected a tandem table set", mfile);
    }
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const nlohmann::ordered_json m = parse_json(text, mfile);
    if (!m.is_object() || json_string(m, "format", mfile) != "tandem-table-set") {
        fail(ErrorCode::kInvalidInput, "{}: \"format\" must be \"tandem-table-set\"", mfile);
    }
    TableSet set;
    set.kind = json_string(m, "kind", mfile);
    set.year = static_cast<int>(json_integer(m, "year", mfile));
    set.unit = json_string(m, "unit", mfile);
    set.classification = json_string(m, "classification", mfile);
    set.source = json_string(m, "source", mfile);
    set.licence = json_string(m, "licence", mfile);
    set.sectors = codes_from(m, mfile, "sectors");
    set.final_use = codes_from(m, mfile, "final_use");
    set.value_added = codes_from(m, mfile, "value_added");
    if (m.contains("notes") && m["notes"].is_array()) {
        for (const auto& note : m["notes"]) {
            if (!note.is_string()) {
                fail(ErrorCode::kInvalidInput, "{}: \"notes\" must hold strings", mfile);
            }
            set.notes.push_back(note.get<std::string>());
        }
    }
    auto regions = codes_from(m, mfile, "regions");
    const auto region_codes = codes_only(regions);
    const auto sectors = codes_only(set.sectors);
    const auto fu = codes_only(set.final_use);
    const auto va = codes_only(set.value_added);
    // The manifest declares the shape: refuse an absurd one before allocating for it.
    const double cells = static_cast<double>(regions.size()) * static_cast<double>(sectors.size()) *
                         static_cast<double>(sectors.size() + fu.size() + va.size() + 1);
    if (cells > 2e8) {
        fail(ErrorCode::kInvalidInput,
             "{}: {} regions x {} sectors declare {:.0f} cells (about {:.1f} GB): over the limit "
             "of 200,000,000 cells",
             mfile,
             regions.size(),
             sectors.size(),
             cells,
             cells * 8.0 / 1e9);
    }
    auto z = read_stacked(folder / "Z.csv", region_codes, sectors, sectors);
    auto y = read_stacked(folder / "Y.csv", region_codes, sectors, fu);
    auto v = read_stacked(folder / "V.csv", region_codes, va, sectors);
    auto x = read_stacked(folder / "x.csv", region_codes, sectors, {"x"});
    const bool non_competitive = json_string(m, "import_type", mfile) == "non-competitive";
    std::vector<Matrix> zi;
    std::vector<Matrix> yi;
    if (non_competitive) {
        zi = read_stacked(folder / "Z_imports.csv", region_codes, sectors, sectors);
        yi = read_stacked(folder / "Y_imports.csv", region_codes, sectors, fu);
    }
    for (std::size_t r = 0; r < regions.size(); ++r) {
        RegionalTable t;
        t.region = regions[r];
        t.Z = std::move(z[r]);
        t.Y = std::move(y[r]);
        t.V = std::move(v[r]);
        t.x = x[r].col(0);
        if (non_competitive) {
            t.Z_imports = std::move(zi[r]);
            t.Y_imports = std::move(yi[r]);
        }
        set.tables.push_back(std::move(t));
    }
    return set;
}

ProvincialTrade provincial_trade(const TableSet& set, bool foreign) {
    const int out_col = set.final_use_index(foreign ? "EX" : "OF");
    const int in_col = set.final_use_index(foreign ? "IM" : "IF");
    if (out_col < 0 || in_col < 0) {
        fail(ErrorCode::kInvalidInput,
             "the {} tables have no {} columns",
             set.year,
             foreign ? "EX/IM" : "OF/IF");
    }
    ProvincialTrade t;
    const auto nr = static_cast<Eigen::Index>(set.tables.size());
    const auto ns = static_cast<Eigen::Index>(set.sectors.size());
    t.sales.resize(nr, ns);
    t.purchases.resize(nr, ns);
    for (Eigen::Index r = 0; r < nr; ++r) {
        const auto& table = set.tables[static_cast<std::size_t>(r)];
        t.provinces.push_back(table.region.name_en);
        t.sales.row(r) = table.Y.col(out_col).transpose().cwiseMax(0.0);
        t.purchases.row(r) = (-table.Y.col(in_col)).transpose().cwiseMax(0.0);
    }
    return t;
}

}  // namespace tandem::data
