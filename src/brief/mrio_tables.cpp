// Regional tables of any MRIO, and the cooperation-area concordance for other
// classifications: what lets the brief run beyond the China MRIO and its provincial tables.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "tandem/brief/brief.hpp"
#include "tandem/core/error.hpp"
#include "tandem/data/delimited.hpp"
#include "tandem/data/regions.hpp"

#include "names.hpp"

namespace tandem::brief {

namespace {

bool contains(const std::string& text, const char* word) {
    return ascii_lower(text).find(word) != std::string::npos;
}

}  // namespace

bool mrio_matches_tables(const Mrio& m, const TableSet& t) {
    const auto regions = m.regions();
    if (regions.size() != t.tables.size() || m.size() != t.tables.size() * t.sectors.size()) {
        return false;
    }
    for (std::size_t r = 0; r < regions.size(); ++r) {
        if (regions[r] != t.tables[r].region.name_en && regions[r] != t.tables[r].region.code) {
            return false;
        }
    }
    return true;
}

TableSet tables_from_mrio(const Mrio& m, int year) {
    const auto regions = m.regions();
    const auto sector_names = m.sector_names();
    const auto nr = static_cast<Eigen::Index>(regions.size());
    const auto n = static_cast<Eigen::Index>(sector_names.size());
    if (nr < 2 || static_cast<Eigen::Index>(m.size()) != nr * n) {
        fail(ErrorCode::kInvalidInput,
             "the MRIO '{}' is not a full region x sector system ({} regions, {} sectors, {} "
             "rows); a brief needs every region to have every sector",
             m.name,
             nr,
             n,
             m.size());
    }
    const auto row_region = m.sector_region();
    for (Eigen::Index k = 0; k < nr * n; ++k) {
        if (static_cast<Eigen::Index>(row_region[static_cast<std::size_t>(k)]) != k / n ||
            m.sectors.at(static_cast<std::size_t>(k), 1) !=
                sector_names[static_cast<std::size_t>(k % n)]) {
            fail(ErrorCode::kInvalidInput,
                 "the MRIO '{}' does not list its sectors region by region in one order (row "
                 "{}: {} / {})",
                 m.name,
                 k + 1,
                 m.sectors.at(static_cast<std::size_t>(k), 0),
                 m.sectors.at(static_cast<std::size_t>(k), 1));
        }
    }
    const Matrix Z = m.z_matrix();
    const auto categories = m.final_demand.unique(1);
    const auto nc = static_cast<Eigen::Index>(categories.size());
    const auto fd_region = m.final_demand_region();
    std::map<std::string, Eigen::Index> category_of;
    for (Eigen::Index c = 0; c < nc; ++c) {
        category_of[categories[static_cast<std::size_t>(c)]] = c;
    }
    const Vector x = m.x.size() == Z.rows() ? m.x : Vector(Z.rowwise().sum() + m.Y.rowwise().sum());

    TableSet set;
    set.kind = "mrio";
    set.year = year;
    set.unit = m.units.empty() ? "" : m.units.front();
    set.classification = fmt::format("{} sectors of the MRIO '{}'", n, m.name);
    set.source = m.description.empty() ? m.name : m.description;
    for (const auto& s : sector_names) {
        set.sectors.push_back(Code{s, s, ""});
    }
    // Final-use columns: the MRIO's categories (households marked so the income closure finds
    // them), then the regional trade columns of a provincial table.
    int households = 0;
    int others = 0;
    for (const auto& c : categories) {
        std::string code;
        if (contains(c, "export")) {
            code = "EX";
        } else if (contains(c, "household")) {
            code = fmt::format("HH{}", ++households);
        } else {
            code = fmt::format("FD{}", ++others);
        }
        set.final_use.push_back(Code{code, c, ""});
    }
    set.final_use.push_back(Code{"OF", "Outflow to other regions", "区域外流出"});
    set.final_use.push_back(Code{"IF", "Inflow from other regions (negative)", "区域外流入"});
    set.final_use.push_back(Code{"IM", "Imports from outside the MRIO (negative)", "进口"});
    const Eigen::Index of = nc;
    const Eigen::Index in = nc + 1;

    const Extension* factors = nullptr;
    for (const auto& e : m.extensions) {
        if (ascii_lower(e.name) == "factor_inputs" || ascii_lower(e.name) == "factor inputs") {
            factors = &e;
        }
    }
    std::vector<Eigen::Index> va_rows;
    if (factors != nullptr) {
        for (std::size_t k = 0; k < factors->stressors.size(); ++k) {
            const std::string& name = factors->stressors.at(k, 0);
            if (ascii_lower(name) == "imports") {
                set.notes.push_back(
                    "imports from outside the MRIO are known by using sector only (factor "
                    "input 'Imports'): they are left out of value added, and purchases from "
                    "outside count other regions only");
                continue;
            }
            va_rows.push_back(static_cast<Eigen::Index>(k));
            set.value_added.push_back(Code{fmt::format("VA{:03}", va_rows.size()), name, ""});
        }
    }
    if (va_rows.empty()) {
        set.value_added.push_back(Code{"VA", "Value added", "增加值"});
        set.notes.push_back(
            "value added: gross output less intermediate inputs (the MRIO has no "
            "factor_inputs extension)");
    }

    // China's provinces keep their codes and Chinese names.
    std::vector<Code> codes;
    for (const auto& r : regions) {
        Code c{r, r, ""};
        try {
            const auto& p = data::resolve_province(r);
            c = Code{p.gb_code, p.name_en, p.name_zh};
        } catch (const Error&) {
            codes.clear();
            break;
        }
        codes.push_back(c);
    }
    if (codes.empty()) {
        for (const auto& r : regions) {
            codes.push_back(Code{r, r, ""});
        }
    }

    for (Eigen::Index r = 0; r < nr; ++r) {
        RegionalTable t;
        t.region = codes[static_cast<std::size_t>(r)];
        t.Z = Matrix::Zero(n, n);
        t.Y = Matrix::Zero(n, nc + 3);
        for (Eigen::Index s = 0; s < nr; ++s) {
            t.Z += Z.block(s * n, r * n, n, n);
            if (s != r) {
                t.Y.col(of) += Z.block(r * n, s * n, n, n).rowwise().sum();
                t.Y.col(in) -= Z.block(s * n, r * n, n, n).rowwise().sum();
            }
        }
        for (Eigen::Index j = 0; j < m.Y.cols(); ++j) {
            const auto s = static_cast<Eigen::Index>(fd_region[static_cast<std::size_t>(j)]);
            const Eigen::Index c =
                category_of.at(m.final_demand.at(static_cast<std::size_t>(j), 1));
            if (s == r) {
                for (Eigen::Index o = 0; o < nr; ++o) {
                    t.Y.col(c) += m.Y.block(o * n, j, n, 1);
                    if (o != r) {
                        t.Y.col(in) -= m.Y.block(o * n, j, n, 1);
                    }
                }
            } else {
                t.Y.col(of) += m.Y.block(r * n, j, n, 1);
            }
        }
        t.x = x.segment(r * n, n);
        if (va_rows.empty()) {
            t.V = (t.x - t.Z.colwise().sum().transpose()).transpose();
        } else {
            t.V.resize(static_cast<Eigen::Index>(va_rows.size()), n);
            for (std::size_t k = 0; k < va_rows.size(); ++k) {
                t.V.row(static_cast<Eigen::Index>(k)) = factors->F.block(va_rows[k], r * n, 1, n);
            }
        }
        set.tables.push_back(std::move(t));
    }
    set.notes.push_back(fmt::format(
        "regional tables derived from the MRIO '{}': each region's use of every product "
        "whatever its origin, outflows to and inflows from the other {} regions",
        m.name,
        nr - 1));
    return set;
}

std::vector<CooperationArea> read_areas(const std::filesystem::path& file) {
    const std::string name = file.string();
    std::vector<CooperationArea> areas;
    std::map<std::string, std::size_t> position;
    int c_area = -1;
    int c_sector = -1;
    int c_name = -1;
    int c_zh = -1;
    data::read_delimited(file, ',', [&](std::size_t line, const std::vector<std::string>& f) {
        if (line == 1) {
            for (std::size_t i = 0; i < f.size(); ++i) {
                const std::string h = ascii_lower(f[i]);
                if (h == "area") {
                    c_area = static_cast<int>(i);
                } else if (h == "sector") {
                    c_sector = static_cast<int>(i);
                } else if (h == "name" || h == "name_en") {
                    c_name = static_cast<int>(i);
                } else if (h == "name_zh") {
                    c_zh = static_cast<int>(i);
                }
            }
            if (c_area < 0 || c_sector < 0) {
                fail(ErrorCode::kInvalidInput,
                     "{}:1: expected the columns area and sector (optional name, name_zh); "
                     "found {}",
                     name,
                     data::list_excerpt(f));
            }
            return;
        }
        auto cell = [&](int c) {
            return c >= 0 && static_cast<std::size_t>(c) < f.size() ? f[static_cast<std::size_t>(c)]
                                                                    : std::string();
        };
        const std::string id = cell(c_area);
        const std::string sector = cell(c_sector);
        if (id.empty() || sector.empty()) {
            fail(ErrorCode::kInvalidInput,
                 "{}:{}:{}: expected an area and a sector",
                 name,
                 line,
                 id.empty() ? c_area + 1 : c_sector + 1);
        }
        auto it = position.find(id);
        if (it == position.end()) {
            it = position.emplace(id, areas.size()).first;
            areas.push_back(
                CooperationArea{id, cell(c_name).empty() ? id : cell(c_name), cell(c_zh), {}});
        }
        auto& sectors = areas[it->second].sectors;
        if (std::find(sectors.begin(), sectors.end(), sector) != sectors.end()) {
            fail(ErrorCode::kInvalidInput,
                 "{}:{}:{}: sector '{}' given twice for area '{}'",
                 name,
                 line,
                 c_sector + 1,
                 sector,
                 id);
        }
        sectors.push_back(sector);
    });
    if (areas.empty()) {
        fail(ErrorCode::kInvalidInput, "{}: no areas", name);
    }
    return areas;
}

}  // namespace tandem::brief
