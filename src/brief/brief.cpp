#include "tandem/brief/brief.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <tuple>

#include <fmt/format.h>

#include "tandem/brief/profile.hpp"
#include "tandem/brief/structure.hpp"
#include "tandem/china/mrio_build.hpp"
#include "tandem/core/error.hpp"
#include "tandem/data/delimited.hpp"
#include "tandem/data/regions.hpp"
#include "tandem/geo/complementarity.hpp"
#include "tandem/geo/complexity.hpp"
#include "tandem/geo/indices.hpp"
#include "tandem/mrio/leontief.hpp"

#include "amounts.hpp"
#include "names.hpp"

namespace tandem::brief {

const std::vector<CooperationArea>& cooperation_areas() {
    // 2017 sector codes (docs/brief.md gives the reasoning of each line).
    static const std::vector<CooperationArea> areas = {
        {"industry", "Industry", "工业", {"02", "03", "04", "05", "06", "07", "08", "09", "10",
                                          "11", "12", "13", "14", "15", "16", "17", "18", "19",
                                          "20", "21", "22", "23", "24", "25", "26"}},
        {"science-technology", "Science and technology", "科技", {"20", "21", "31", "35", "36"}},
        {"modern-agriculture", "Modern agriculture", "现代农业", {"01"}},
        {"seed-industry", "Seed industry", "种业", {"01", "35"}},
        {"animal-husbandry", "Animal husbandry", "畜牧业", {"01", "06"}},
        {"agri-processing", "Agricultural processing", "农产品加工", {"06", "07", "08"}},
        {"basic-research", "Basic research", "基础研究", {"35", "39"}},
        {"advanced-manufacturing",
         "Advanced manufacturing",
         "先进制造",
         {"16", "17", "18", "19", "20", "21"}},
        {"culture-tourism", "Culture and tourism", "文化和旅游", {"29", "30", "41"}},
        {"international-markets", "International markets", "国际市场", {"28", "29"}},
    };
    return areas;
}

// Transit taken out of both outflows and inflows exactly as `tandem china build` does.
Matrix net_transit(const TableSet& t, Matrix& outflow, Matrix& inflow) {
    const int ex = t.final_use_index("EX");
    const int err = t.final_use_index("ERR");
    Matrix transit = Matrix::Zero(outflow.rows(), outflow.cols());
    for (Eigen::Index r = 0; r < outflow.cols(); ++r) {
        const auto& tab = t.tables[static_cast<std::size_t>(r)];
        for (Eigen::Index i = 0; i < outflow.rows(); ++i) {
            const double d = china::transit_through(tab.x(i),
                                                    ex >= 0 ? tab.Y(i, ex) : 0.0,
                                                    outflow(i, r),
                                                    inflow(i, r),
                                                    err >= 0 ? tab.Y(i, err) : 0.0);
            transit(i, r) = d;
            outflow(i, r) -= d;
            inflow(i, r) -= d;
        }
    }
    return transit;
}

namespace {

// Data cautions (docs/brief.md): transit above this share of a sector's official outflows;
// MRIO outflows above this multiple of the official ones; a sector's potential above this share
// of the buying region's value added. Inflows above the sector's output always get one.
constexpr double kCautionTransitShare = 0.25;
constexpr double kCautionMarginRatio = 3.0;
constexpr double kCautionPotentialShare = 0.15;

// What the brief needs of the tables and the MRIO, indexed by region and sector.
struct Data {
    const Mrio* mrio = nullptr;
    const TableSet* tables = nullptr;
    Eigen::Index nr = 0;
    Eigen::Index n = 0;
    Eigen::Index nc = 0;                 // final-demand columns per region in the MRIO
    std::vector<Eigen::Index> domestic;  // of those, the domestic final uses (not exports)
    std::vector<Code> regions;
    Matrix outflow;           // n x nr, from the tables, transit netted as the MRIO build does
    Matrix inflow;            // n x nr, from the tables (positive), transit netted likewise
    Matrix official_outflow;  // n x nr, as published (negative cells 0)
    Matrix official_inflow;   // n x nr, as published (positive)
    Matrix transit;           // n x nr, what was netted out of both
    Matrix output;            // n x nr, gross output of the tables
    Matrix imports;           // n x nr, from the tables (positive)
    Matrix value_added;       // nr x n, the activity data (value added by default)
    std::string rest;
    std::string rest_zh;
};

Data gather(const Mrio& m, const TableSet& t, const Activity* activity) {
    Data d;
    d.mrio = &m;
    d.tables = &t;
    d.nr = static_cast<Eigen::Index>(t.tables.size());
    d.n = static_cast<Eigen::Index>(t.sectors.size());
    if (!mrio_matches_tables(m, t)) {
        fail(ErrorCode::kInvalidInput,
             "the MRIO ({} regions, {} rows) does not match the {} tables ({} regions, {} "
             "sectors): give the tables it was built from, or none to derive them from the MRIO",
             m.regions().size(),
             m.size(),
             t.year,
             t.tables.size(),
             t.sectors.size());
    }
    if (m.x.size() != static_cast<Eigen::Index>(m.size())) {
        fail(ErrorCode::kInvalidInput, "the MRIO has no gross output x (run `tandem mrio calc`)");
    }
    if (m.final_demand.size() % static_cast<std::size_t>(d.nr) != 0) {
        fail(ErrorCode::kInvalidInput, "the MRIO's final demand is not the same for every region");
    }
    d.nc = static_cast<Eigen::Index>(m.final_demand.size()) / d.nr;
    const auto fd_region = m.final_demand_region();
    for (Eigen::Index j = 0; j < d.nr * d.nc; ++j) {
        if (static_cast<Eigen::Index>(fd_region[static_cast<std::size_t>(j)]) != j / d.nc ||
            m.final_demand.at(static_cast<std::size_t>(j), 1) !=
                m.final_demand.at(static_cast<std::size_t>(j % d.nc), 1)) {
            fail(ErrorCode::kInvalidInput,
                 "the MRIO's final demand is not listed region by region in one order (column "
                 "{})",
                 j + 1);
        }
    }
    for (Eigen::Index c = 0; c < d.nc; ++c) {
        const std::string name = ascii_lower(m.final_demand.at(static_cast<std::size_t>(c), 1));
        if (name.find("export") == std::string::npos &&
            name.find("discrepancy") == std::string::npos) {
            d.domestic.push_back(c);
        }
    }
    const int of = t.final_use_index("OF");
    const int in = t.final_use_index("IF");
    const int im = t.final_use_index("IM");
    if (of < 0 || in < 0 || im < 0) {
        fail(ErrorCode::kInvalidInput, "the {} tables have no OF/IF/IM columns", t.year);
    }
    d.outflow.resize(d.n, d.nr);
    d.inflow.resize(d.n, d.nr);
    d.imports.resize(d.n, d.nr);
    d.output.resize(d.n, d.nr);
    bool provinces = true;
    for (Eigen::Index r = 0; r < d.nr; ++r) {
        const auto& tab = t.tables[static_cast<std::size_t>(r)];
        d.regions.push_back(tab.region);
        d.outflow.col(r) = tab.Y.col(of).cwiseMax(0.0);
        d.inflow.col(r) = (-tab.Y.col(in)).cwiseMax(0.0);
        d.imports.col(r) = (-tab.Y.col(im)).cwiseMax(0.0);
        d.output.col(r) = tab.x.size() == d.n ? tab.x : Vector::Zero(d.n);
        provinces = provinces && is_province_code(tab.region.code);
    }
    d.official_outflow = d.outflow;
    d.official_inflow = d.inflow;
    // Tables derived from an MRIO carry its trade already; official tables have transit in
    // them, netted out as `tandem china build` does (rule transit-netted).
    d.transit = t.kind == "mrio" ? Matrix::Zero(d.n, d.nr) : net_transit(t, d.outflow, d.inflow);
    d.rest = provinces ? "Rest of China" : "Other regions";
    d.rest_zh = provinces ? "全国其他地区" : "其他地区";
    if (activity != nullptr) {
        if (activity->end.values.rows() != d.nr || activity->end.values.cols() != d.n) {
            fail(ErrorCode::kInvalidInput,
                 "the activity data ({} x {}) do not match the {} regions x {} sectors",
                 activity->end.values.rows(),
                 activity->end.values.cols(),
                 d.nr,
                 d.n);
        }
        d.value_added = activity->end.values;
    }
    return d;
}

Eigen::Index region_index(const Data& d, const std::string& name) {
    return find_region(d.regions,
                       name,
                       d.tables->kind == "mrio" ? std::string("the MRIO's regions")
                                                : fmt::format("the {} tables", d.tables->year));
}

Eigen::Index sector_index(const TableSet& t, const std::string& code) {
    std::vector<std::string> codes;
    for (std::size_t i = 0; i < t.sectors.size(); ++i) {
        if (t.sectors[i].code == code || ascii_lower(t.sectors[i].name_en) == ascii_lower(code)) {
            return static_cast<Eigen::Index>(i);
        }
        codes.push_back(t.sectors[i].code);
    }
    fail(ErrorCode::kInvalidInput,
         "unknown sector '{}' (the sectors are {}); did you mean {}?",
         code,
         codes.size() > 8 ? fmt::format("the codes {}-{}", codes.front(), codes.back())
                          : fmt::format("{}", fmt::join(codes, ", ")),
         data::list_excerpt(data::nearest_names(code, codes)));
}

double domestic_final(const Data& d, Eigen::Index row, Eigen::Index rows, Eigen::Index region) {
    double sum = 0.0;
    for (auto c : d.domestic) {
        sum += d.mrio->Y.block(row, region * d.nc + c, rows, 1).sum();
    }
    return sum;
}

// Flows of every product from r to s (intermediate and domestic final use), n.
Vector flows(const Data& d, Eigen::Index r, Eigen::Index s) {
    const Mrio& m = *d.mrio;
    Vector f = m.Z.block(r * d.n, s * d.n, d.n, d.n).rowwise().sum();
    for (auto c : d.domestic) {
        f += m.Y.block(r * d.n, s * d.nc + c, d.n, 1);
    }
    return f;
}

// Total flows from r to every other region (MRIO), n.
Vector flows_out(const Data& d, Eigen::Index r) {
    Vector f = Vector::Zero(d.n);
    for (Eigen::Index s = 0; s < d.nr; ++s) {
        if (s != r) {
            f += flows(d, r, s);
        }
    }
    return f;
}

// What r could sell s more of: r's net supply to the rest of China against s's purchases from
// outside (other provinces and abroad), less what r already sells s.
Vector potential(const Data& d, Eigen::Index r, Eigen::Index s) {
    const Vector net = (d.outflow.col(r) - d.inflow.col(r)).cwiseMax(0.0);
    const Vector buys = d.inflow.col(s) + d.imports.col(s);
    // Below one yuan (1e-4 x 10k) is rounding noise of the assembly, not a potential.
    return (net.cwiseMin(buys) - flows(d, r, s)).unaryExpr([](double v) {
        return v > 1e-4 ? v : 0.0;
    });
}

double michaely(const Data& d, Eigen::Index r, Eigen::Index s) {
    // On the published outflows and inflows, as documented (transit included).
    return geo::trade_complementarity(d.official_outflow.col(r), d.official_inflow.col(s));
}

Index sector_rows(const TableSet& t, const std::vector<Eigen::Index>& rows) {
    std::vector<std::vector<std::string>> labels;
    for (auto i : rows) {
        const auto& c = t.sectors[static_cast<std::size_t>(i)];
        labels.push_back({c.code, c.name_en, c.name_zh});
    }
    return Index({"sector", "name", "name_zh"}, labels);
}

Table table(std::string name,
            Index rows,
            const std::vector<std::string>& cols,
            const std::vector<std::vector<double>>& values) {
    Table t;
    t.name = std::move(name);
    t.rows = std::move(rows);
    t.cols = Index::single("measure", cols);
    t.values.resize(static_cast<Eigen::Index>(values.size()),
                    static_cast<Eigen::Index>(cols.size()));
    for (std::size_t r = 0; r < values.size(); ++r) {
        for (std::size_t c = 0; c < cols.size(); ++c) {
            t.values(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = values[r][c];
        }
    }
    return t;
}

std::vector<Eigen::Index> top_by(const Vector& v, std::size_t count, bool positive_only) {
    std::vector<Eigen::Index> idx(static_cast<std::size_t>(v.size()));
    std::iota(idx.begin(), idx.end(), Eigen::Index{0});
    std::stable_sort(idx.begin(), idx.end(), [&](auto x, auto y) { return v(x) > v(y); });
    std::vector<Eigen::Index> out;
    for (auto i : idx) {
        if (out.size() == count || (positive_only && !(v(i) > 0.0))) {
            break;
        }
        out.push_back(i);
    }
    return out;
}

std::string short_name(const TableSet& t, Eigen::Index i) {
    const auto& c = t.sectors[static_cast<std::size_t>(i)];
    return c.code == c.name_en ? c.code : fmt::format("{} {}", c.code, c.name_en);
}

}  // namespace

Table scenario_effects(const Mrio& m,
                       const TableSet& tables,
                       const Scenario& scenario,
                       const std::string& a_name,
                       const std::string& b_name) {
    const Data d = gather(m, tables, nullptr);
    const Eigen::Index a = region_index(d, a_name);
    const Eigen::Index b = region_index(d, b_name);
    const auto big = d.nr * d.n;
    Vector dy = Vector::Zero(big);
    for (const auto& c : scenario.changes) {
        if (!(c.amount >= 0.0) || !std::isfinite(c.amount)) {
            fail(ErrorCode::kInvalidInput,
                 "scenario '{}': the amount {} is not a non-negative number",
                 scenario.name,
                 c.amount);
        }
        const Eigen::Index buyer = region_index(d, c.buyer);
        const Eigen::Index seller = region_index(d, c.seller);
        // An absurd amount: more than the buyer's whole final demand.
        const double buyer_fd = domestic_final(d, 0, d.nr * d.n, buyer);
        if (c.amount > buyer_fd) {
            fail(ErrorCode::kInvalidInput,
                 "scenario '{}': {} {} is more than {}'s whole domestic final demand ({})",
                 scenario.name,
                 c.amount,
                 tables.unit,
                 tables.tables[static_cast<std::size_t>(buyer)].region.name_en,
                 grouped(buyer_fd));
        }
        std::vector<Eigen::Index> sectors;
        for (const auto& code : c.sectors) {
            sectors.push_back(sector_index(tables, code));
        }
        if (sectors.empty()) {
            fail(
                ErrorCode::kInvalidInput, "scenario '{}': a change names no sector", scenario.name);
        }
        Vector weight(static_cast<Eigen::Index>(sectors.size()));
        for (std::size_t k = 0; k < sectors.size(); ++k) {
            weight(static_cast<Eigen::Index>(k)) =
                domestic_final(d, seller * d.n + sectors[k], 1, buyer);
        }
        if (!(weight.sum() > 0.0)) {
            weight.setOnes();
        }
        weight /= weight.sum();
        for (std::size_t k = 0; k < sectors.size(); ++k) {
            dy(seller * d.n + sectors[k]) += c.amount * weight(static_cast<Eigen::Index>(k));
        }
    }
    const Vector recix = m.reciprocal_output();
    const auto solver = mrio::LeontiefSolver::from_flows(m.Z, recix, m.sectors);
    const Vector dx = solver.solve(dy).col(0);
    // Intra-regional: each shocked region's own table alone; the rest of its output change is
    // feedback through the other regions; other regions' output is spillover.
    Vector intra = Vector::Zero(big);
    std::vector<bool> shocked(static_cast<std::size_t>(d.nr), false);
    for (Eigen::Index r = 0; r < d.nr; ++r) {
        const Vector y = dy.segment(r * d.n, d.n);
        if (y.cwiseAbs().sum() == 0.0) {
            continue;
        }
        shocked[static_cast<std::size_t>(r)] = true;
        const Matrix arr =
            m.Z.block(r * d.n, r * d.n, d.n, d.n) * recix.segment(r * d.n, d.n).asDiagonal();
        intra.segment(r * d.n, d.n) = (Matrix::Identity(d.n, d.n) - arr).partialPivLu().solve(y);
    }
    // Value added: every factor input but imports; labour income: the compensation row.
    const double nan = std::numeric_limits<double>::quiet_NaN();
    Vector va = Vector::Constant(big, nan);
    Vector wages = Vector::Constant(big, nan);
    Vector jobs = Vector::Constant(big, nan);
    std::string jobs_unit;
    for (const auto& e : m.extensions) {
        const std::string name = ascii_lower(e.name);
        if (name == "factor_inputs" || name == "factor inputs") {
            va.setZero();
            for (std::size_t k = 0; k < e.stressors.size(); ++k) {
                const std::string row = ascii_lower(e.stressors.at(k, 0));
                const Vector coef =
                    e.F.row(static_cast<Eigen::Index>(k)).transpose().cwiseProduct(recix);
                if (row == "imports") {
                    continue;
                }
                va += coef;
                if (row.find("compensation") != std::string::npos ||
                    row.find("labour") != std::string::npos ||
                    row.find("labor") != std::string::npos ||
                    row.find("wage") != std::string::npos) {
                    wages = coef;
                }
            }
        } else if (name.find("employment") != std::string::npos && e.F.rows() > 0) {
            jobs = e.F.row(0).transpose().cwiseProduct(recix);
            jobs_unit = e.units.empty() ? "" : e.units.front();
        }
    }
    if (!va.allFinite()) {  // no factor inputs: output less intermediate inputs
        va = (m.x - m.Z.colwise().sum().transpose()).cwiseProduct(recix);
    }
    std::vector<std::vector<double>> rows(4, std::vector<double>(7, 0.0));
    for (Eigen::Index r = 0; r < d.nr; ++r) {
        const std::size_t g = r == a ? 0 : r == b ? 1 : 2;
        const Vector x = dx.segment(r * d.n, d.n);
        const double in = intra.segment(r * d.n, d.n).sum();
        const double total = x.sum();
        const bool s = shocked[static_cast<std::size_t>(r)];
        rows[g][0] += in;
        rows[g][1] += s ? total - in : 0.0;
        rows[g][2] += s ? 0.0 : total;
        rows[g][3] += total;
        rows[g][4] += va.segment(r * d.n, d.n).dot(x);
        rows[g][5] += wages.segment(r * d.n, d.n).dot(x);
        rows[g][6] += jobs.segment(r * d.n, d.n).dot(x);
    }
    for (std::size_t c = 0; c < 7; ++c) {
        rows[3][c] = rows[0][c] + rows[1][c] + rows[2][c];
    }
    const auto& ta = tables.tables[static_cast<std::size_t>(a)].region;
    const auto& tb = tables.tables[static_cast<std::size_t>(b)].region;
    Index labels({"region", "name_zh"},
                 {{ta.name_en, ta.name_zh},
                  {tb.name_en, tb.name_zh},
                  {d.rest, d.rest_zh},
                  {"Total", "合计"}});
    return table(
        "scenario",
        labels,
        {"output: intra-regional",
         "output: feedback",
         "output: spillover",
         "output",
         "value added",
         "labour income",
         jobs_unit.empty() ? std::string("employment") : fmt::format("employment ({})", jobs_unit)},
        rows);
}

namespace {

// 2012's positions of a 2017 sector (the provincial tables' lists differ between 22 and 36;
// see common_sectors).
std::vector<Eigen::Index> positions_2012(Eigen::Index i) {
    if (i < 21 || i >= 36) {
        return {i};
    }
    if (i == 21) {
        return {21, 22};  // other manufacturing, and scrap and waste
    }
    if (i <= 33) {
        return {i + 1};
    }
    return {35};  // 2017's R&D and technical services are 2012's scientific research
}

bool has_name(const TableSet& t, std::size_t i, const char* code, const char* name) {
    return t.sectors.size() == 42 && t.sectors[i].code == code &&
           t.sectors[i].name_en.starts_with(name);
}

struct AreaSectors {
    const CooperationArea* area;
    std::vector<Eigen::Index> sectors;
};

// The areas with their sector positions in the tables, or none for a classification the
// default concordance does not know (and no --areas).
std::vector<AreaSectors> area_sectors(const TableSet& t,
                                      const BriefOptions& options,
                                      std::vector<std::string>& notes) {
    std::vector<AreaSectors> out;
    if (!options.areas.empty()) {
        for (const auto& area : options.areas) {
            AreaSectors a{&area, {}};
            for (const auto& code : area.sectors) {
                try {
                    a.sectors.push_back(sector_index(t, code));
                } catch (const Error& e) {
                    fail(ErrorCode::kInvalidInput, "cooperation area '{}': {}", area.id, e.what());
                }
            }
            out.push_back(std::move(a));
        }
        return out;
    }
    const bool y2017 = has_name(t, 34, "35", "Research and experimental");
    const bool y2012 = has_name(t, 22, "23", "Scrap and waste");
    if (!y2017 && !y2012) {
        notes.push_back(
            "cooperation areas left out: their concordance is to China's 42 IO sectors; give "
            "a concordance of areas to this MRIO's sectors");
        return out;
    }
    for (const auto& area : cooperation_areas()) {
        AreaSectors a{&area, {}};
        for (const auto& code : area.sectors) {
            const Eigen::Index i = std::stoi(code) - 1;
            for (auto j : y2017 ? std::vector<Eigen::Index>{i} : positions_2012(i)) {
                if (std::find(a.sectors.begin(), a.sectors.end(), j) == a.sectors.end()) {
                    a.sectors.push_back(j);
                }
            }
        }
        out.push_back(std::move(a));
    }
    if (y2012) {
        notes.push_back(
            "cooperation areas: 2017 sector codes mapped to the 2012 list through "
            "the 2012-2017 concordance (docs/brief.md)");
    }
    return out;
}

}  // namespace

Brief two_region_brief(const Mrio& m,
                       const TableSet& tables,
                       const TableSet& base,
                       const std::string& a_name,
                       const std::string& b_name,
                       const BriefOptions& options) {
    return two_region_brief(
        m, tables, activity_from_tables(tables, &base), a_name, b_name, options);
}

Brief two_region_brief(const Mrio& m,
                       const TableSet& tables,
                       const Activity& activity,
                       const std::string& a_name,
                       const std::string& b_name,
                       const BriefOptions& options) {
    const Data d = gather(m, tables, &activity);
    const Eigen::Index a = region_index(d, a_name);
    const Eigen::Index b = region_index(d, b_name);
    if (a == b) {
        fail(ErrorCode::kInvalidInput,
             "'{}' and '{}' are the same region: a brief needs two",
             a_name,
             b_name);
    }
    Brief out;
    out.a = tables.tables[static_cast<std::size_t>(a)].region;
    out.b = tables.tables[static_cast<std::size_t>(b)].region;
    out.year = tables.year;
    out.regions = tables.tables.size();
    out.unit = tables.unit;
    out.measure = activity.measure;
    out.rest = d.rest;
    out.sectors = tables.sectors;
    out.source =
        tables.kind == "mrio"
            ? fmt::format("the MRIO '{}' and regional tables derived from it", tables.source)
            : fmt::format(
                  "the official {} provincial input-output tables and the "
                  "China inter-provincial MRIO built from them",
                  tables.year);
    if (tables.kind == "mrio") {
        out.notes = tables.notes;  // official tables' import rules are in their build log
    }

    // Profiles side by side (the structure profile of each).
    StructureOptions so;
    so.top = options.top;
    const auto pa = structure_profile(activity, out.a.code, so);
    const auto pb = structure_profile(activity, out.b.code, so);
    for (const auto& note : pa.notes) {
        out.notes.push_back(note);
    }
    out.summary = pa.summary;
    out.summary.name = "summary";
    out.summary.cols = Index::single("region", {out.a.name_en, out.b.name_en});
    out.summary.values.conservativeResize(Eigen::NoChange, 2);
    out.summary.values.col(1) = pb.summary.values.col(0);

    // Specialisations of both.
    const Matrix rca = geo::rca_matrix(d.value_added);
    {
        std::vector<std::vector<std::string>> labels;
        std::vector<std::vector<double>> vals;
        for (const auto r : {a, b}) {
            const auto& name = tables.tables[static_cast<std::size_t>(r)].region.name_en;
            for (auto i : top_by(rca.row(r).transpose(), options.top, true)) {
                const auto& c = tables.sectors[static_cast<std::size_t>(i)];
                labels.push_back({name, c.code, c.name_en, c.name_zh});
                vals.push_back({rca(r, i),
                                d.value_added(r, i),
                                100.0 * d.value_added(r, i) / d.value_added.row(r).sum()});
            }
        }
        out.specialisations = table("specialisations",
                                    Index({"region", "sector", "name", "name_zh"}, labels),
                                    {"RCA", activity.measure, "share (%)"},
                                    vals);
    }

    // Key sectors and linkages of each (its own table, imports and inflows removed).
    {
        std::vector<std::vector<std::string>> labels;
        std::vector<std::vector<double>> vals;
        ProfileOptions po;
        po.top = options.top;
        for (const auto& region : {out.a, out.b}) {
            const auto p = region_profile(tables, region.code, po);
            const Table& k = p.key_sectors;
            for (std::size_t r = 0; r < k.rows.size() && r < options.top; ++r) {
                std::vector<std::string> label = {region.name_en};
                for (std::size_t l = 0; l < k.rows.levels(); ++l) {
                    label.push_back(k.rows.at(r, l));
                }
                labels.push_back(std::move(label));
                std::vector<double> row;
                for (Eigen::Index c = 0; c < k.values.cols(); ++c) {
                    row.push_back(k.values(static_cast<Eigen::Index>(r), c));
                }
                vals.push_back(std::move(row));
            }
            if (out.key_sectors.cols.size() == 0) {
                out.key_sectors.cols = k.cols;
                std::vector<std::string> names = {"region"};
                names.insert(names.end(), k.rows.names.begin(), k.rows.names.end());
                out.key_sectors.rows.names = names;
            }
        }
        out.key_sectors.name = "key_sectors";
        out.key_sectors.rows.labels = labels;
        out.key_sectors.values.resize(static_cast<Eigen::Index>(vals.size()),
                                      static_cast<Eigen::Index>(out.key_sectors.cols.size()));
        for (std::size_t r = 0; r < vals.size(); ++r) {
            for (std::size_t c = 0; c < vals[r].size(); ++c) {
                out.key_sectors.values(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) =
                    vals[r][c];
            }
        }
    }

    // Supply chains.
    const std::string others = d.rest == "Rest of China" ? "China" : "the other regions";
    const Vector ab = flows(d, a, b);
    const Vector ba = flows(d, b, a);
    const Vector pot_ab = potential(d, a, b);
    const Vector pot_ba = potential(d, b, a);
    {
        std::vector<Eigen::Index> rows;
        const Vector score = pot_ab + pot_ba + ab + ba;
        rows = top_by(score, 2 * options.top, true);
        std::vector<std::vector<double>> vals;
        for (auto i : rows) {
            vals.push_back({ab(i),
                            ba(i),
                            d.outflow(i, a) - d.inflow(i, a),
                            d.outflow(i, b) - d.inflow(i, b),
                            d.inflow(i, b) + d.imports(i, b),
                            d.inflow(i, a) + d.imports(i, a),
                            pot_ab(i),
                            pot_ba(i)});
        }
        out.supply_chains = table("supply_chains",
                                  sector_rows(tables, rows),
                                  {fmt::format("{} -> {}", out.a.name_en, out.b.name_en),
                                   fmt::format("{} -> {}", out.b.name_en, out.a.name_en),
                                   fmt::format("{} net supply to {}", out.a.name_en, others),
                                   fmt::format("{} net supply to {}", out.b.name_en, others),
                                   fmt::format("{} buys from outside", out.b.name_en),
                                   fmt::format("{} buys from outside", out.a.name_en),
                                   fmt::format("potential {} -> {}", out.a.name_en, out.b.name_en),
                                   fmt::format("potential {} -> {}", out.b.name_en, out.a.name_en)},
                                  vals);
    }

    // Data cautions: where the figures behind the supply chains look implausible.
    {
        std::vector<Eigen::Index> findings;
        for (std::size_t r = 0; r < out.supply_chains.rows.size(); ++r) {
            findings.push_back(sector_index(tables, out.supply_chains.rows.at(r, 0)));
        }
        for (const auto& [r, code] : {std::pair{a, out.a}, std::pair{b, out.b}}) {
            const Vector mrio_out = flows_out(d, r);
            for (auto i : findings) {
                const std::string sector = short_name(tables, i);
                const double of = d.official_outflow(i, r);
                const double tr = d.transit(i, r);
                if (tr > kCautionTransitShare * of && tr > 0.0) {
                    out.cautions.push_back(fmt::format(
                        "{}, {}: {} of its official outflows of {} ({:.0f}%) are transit "
                        "(outflows and exports above its output of {}); netted out of its "
                        "inflows and outflows, as the MRIO build does",
                        code.name_en,
                        sector,
                        grouped(tr),
                        grouped(of),
                        100.0 * tr / of,
                        grouped(d.output(i, r))));
                }
                if (mrio_out(i) > kCautionMarginRatio * of && mrio_out(i) > 1.0) {
                    out.cautions.push_back(fmt::format(
                        "{}, {}: its MRIO outflows to other regions ({}) are {} the official "
                        "figure ({}): margins or services booked as flows?",
                        code.name_en,
                        sector,
                        grouped(mrio_out(i)),
                        of > 0.0 ? fmt::format("{:.2f}x", mrio_out(i) / of) : "far above",
                        grouped(of)));
                }
                const double in = d.official_inflow(i, r);
                if (in > d.output(i, r) && in > 1.0) {
                    out.cautions.push_back(fmt::format(
                        "{}, {}: its official inflows ({}) exceed its output of the sector "
                        "({}){}",
                        code.name_en,
                        sector,
                        grouped(in),
                        grouped(d.output(i, r)),
                        d.output(i, r) > 0.0 ? fmt::format(", {:.2f}x", in / d.output(i, r))
                                             : std::string()));
                }
            }
        }
        for (const auto& [seller, buyer, br, pot] :
             {std::tuple{out.a, out.b, b, &pot_ab}, std::tuple{out.b, out.a, a, &pot_ba}}) {
            const auto& tab = tables.tables[static_cast<std::size_t>(br)];
            const double va = tab.V.size() > 0 ? tab.V.sum() : 0.0;
            for (Eigen::Index i = 0; i < d.n; ++i) {
                if (va > 0.0 && (*pot)(i) > kCautionPotentialShare * va) {
                    out.cautions.push_back(fmt::format(
                        "{} -> {}, {}: the potential ({}) is {:.1f}% of {}'s value added "
                        "({}), above {:.0f}%",
                        seller.name_en,
                        buyer.name_en,
                        short_name(tables, i),
                        grouped((*pot)(i)),
                        100.0 * (*pot)(i) / va,
                        buyer.name_en,
                        grouped(va),
                        100.0 * kCautionPotentialShare));
                }
            }
        }
    }

    // Relatedness: where one is specialised and the other, without it, is close to it.
    std::vector<std::string> locs;
    std::vector<std::string> prods;
    for (const auto& t : tables.tables) {
        locs.push_back(t.region.code);
    }
    for (const auto& s : tables.sectors) {
        prods.push_back(s.code);
    }
    const auto cx = geo::complexity(locs, prods, d.value_added);
    auto cx_row = [&](const Code& region) {
        return static_cast<Eigen::Index>(
            std::find(cx.locations.begin(), cx.locations.end(), region.code) -
            cx.locations.begin());
    };
    auto cx_col = [&](Eigen::Index sector) {
        const auto& code = prods[static_cast<std::size_t>(sector)];
        const auto it = std::find(cx.products.begin(), cx.products.end(), code);
        return it == cx.products.end() ? Eigen::Index{-1}
                                       : static_cast<Eigen::Index>(it - cx.products.begin());
    };
    const Eigen::Index ca = cx_row(out.a);
    const Eigen::Index cb = cx_row(out.b);
    std::size_t learn_ab = 0;
    std::size_t learn_ba = 0;
    {
        std::vector<std::vector<std::string>> labels;
        std::vector<std::vector<double>> vals;
        for (const auto& [from, to, fc, tc, counter] :
             {std::tuple{out.a, out.b, ca, cb, &learn_ab},
              std::tuple{out.b, out.a, cb, ca, &learn_ba}}) {
            const double median = [&cx, row_of = tc] {
                Vector row = cx.density.row(row_of).transpose();
                std::vector<double> all(row.data(), row.data() + row.size());
                std::nth_element(
                    all.begin(), all.begin() + static_cast<long>(all.size() / 2), all.end());
                return all[all.size() / 2];
            }();
            Vector score = Vector::Constant(d.n, -1.0);
            for (Eigen::Index i = 0; i < d.n; ++i) {
                const Eigen::Index p = cx_col(i);
                if (p >= 0 && cx.mcp(fc, p) == 1.0 && cx.mcp(tc, p) == 0.0 &&
                    cx.density(tc, p) >= median) {
                    score(i) = cx.density(tc, p);
                    ++*counter;
                }
            }
            for (auto i : top_by(score, options.top, true)) {
                const Eigen::Index p = cx_col(i);
                const auto& c = tables.sectors[static_cast<std::size_t>(i)];
                labels.push_back({fmt::format("{} strong, {} close", from.name_en, to.name_en),
                                  c.code,
                                  c.name_en,
                                  c.name_zh});
                vals.push_back(
                    {cx.rca(fc, p), cx.rca(tc, p), cx.density(tc, p), cx.cog(tc, p), cx.pci(p)});
            }
        }
        out.relatedness = table("relatedness",
                                Index({"direction", "sector", "name", "name_zh"}, labels),
                                {"RCA of the strong", "RCA of the close", "density", "COG", "PCI"},
                                vals);
    }

    // The measures side by side.
    {
        // The MRIO's flows over the MRIO's total flows to other regions: the same figures as
        // the flows table (the official outflow totals include transit and differ).
        const double out_a = flows_out(d, a).sum();
        const double out_b = flows_out(d, b).sum();
        std::vector<std::vector<std::string>> labels = {
            {"supply chains",
             "current flows, share of the region's MRIO flows to other regions (%)"},
            {"supply chains", fmt::format("potential sales to the partner ({})", out.unit)},
            {"specialisation", "Michaely complementarity of outflows with the partner's inflows"},
            {"relatedness", "sectors the partner has and this region is close to"},
            {"structure", "correlation of sector shares (value added)"},
        };
        // Shares or levels: the correlation is the same.
        const double corr =
            geo::pearson(d.value_added.row(a).transpose(), d.value_added.row(b).transpose());
        std::vector<std::vector<double>> vals = {
            {100.0 * ab.sum() / out_a, 100.0 * ba.sum() / out_b},
            {pot_ab.sum(), pot_ba.sum()},
            {michaely(d, a, b), michaely(d, b, a)},
            {static_cast<double>(learn_ba), static_cast<double>(learn_ab)},
            {corr, corr},
        };
        out.complementarity = table("complementarity",
                                    Index({"kind", "measure"}, labels),
                                    {out.a.name_en, out.b.name_en},
                                    vals);
        out.complementarity.rows_are_quantities = true;
    }

    // Cooperation areas.
    {
        std::vector<std::vector<std::string>> labels;
        std::vector<std::vector<double>> vals;
        for (const auto& [area_ptr, area_sectors_of] : area_sectors(tables, options, out.notes)) {
            const CooperationArea& area = *area_ptr;
            double pab = 0.0;
            double pba = 0.0;
            double buys = 0.0;
            double fab = 0.0;
            double fba = 0.0;
            Eigen::Index best_ab = -1;
            Eigen::Index best_ba = -1;
            for (const Eigen::Index i : area_sectors_of) {
                pab += pot_ab(i);
                pba += pot_ba(i);
                fab += ab(i);
                fba += ba(i);
                buys += d.inflow(i, a) + d.imports(i, a) + d.inflow(i, b) + d.imports(i, b);
                if (best_ab < 0 || pot_ab(i) > pot_ab(best_ab)) {
                    best_ab = i;
                }
                if (best_ba < 0 || pot_ba(i) > pot_ba(best_ba)) {
                    best_ba = i;
                }
            }
            const double score = buys > 0.0 ? 100.0 * (pab + pba) / buys : 0.0;
            labels.push_back({area.id, area.name_en, area.name_zh});
            vals.push_back({score, fab, fba, pab, pba});
            std::string why;
            if (pab > 0.0) {
                why += fmt::format("{} could sell {} more {} ({})",
                                   out.a.name_en,
                                   out.b.name_en,
                                   short_name(tables, best_ab),
                                   grouped(pot_ab(best_ab)));
            }
            if (pba > 0.0) {
                why += fmt::format("{}{} could sell {} more {} ({})",
                                   why.empty() ? "" : "; ",
                                   out.b.name_en,
                                   out.a.name_en,
                                   short_name(tables, best_ba),
                                   grouped(pot_ba(best_ba)));
            }
            if (why.empty()) {
                why = "neither is a net supplier of what the other buys from outside";
            }
            out.reasons.push_back(area.name_en + ": " + why);
        }
        if (!labels.empty()) {
            out.areas = table("areas",
                              Index({"area", "name", "name_zh"}, labels),
                              {"score (0-100)",
                               fmt::format("{} -> {}", out.a.name_en, out.b.name_en),
                               fmt::format("{} -> {}", out.b.name_en, out.a.name_en),
                               fmt::format("potential {} -> {}", out.a.name_en, out.b.name_en),
                               fmt::format("potential {} -> {}", out.b.name_en, out.a.name_en)},
                              vals);
        }
    }

    // The scenario: given, or each buys 10% of the top-3 potential from the other.
    Scenario sc = options.scenario;
    if (sc.changes.empty()) {
        sc.name = "default";
        for (const auto& [seller, buyer, pot] :
             {std::tuple{out.a, out.b, pot_ab}, std::tuple{out.b, out.a, pot_ba}}) {
            DemandChange c;
            c.buyer = buyer.code;
            c.seller = seller.code;
            double amount = 0.0;
            for (auto i : top_by(pot, 3, true)) {
                c.sectors.push_back(tables.sectors[static_cast<std::size_t>(i)].code);
                amount += 0.1 * pot(i);
            }
            c.amount = amount;
            if (!c.sectors.empty()) {
                sc.changes.push_back(c);
            }
        }
    }
    std::vector<std::string> parts;
    for (const auto& c : sc.changes) {
        parts.push_back(
            fmt::format("{} buys {} ({}) more of {}'s {}",
                        d.regions[static_cast<std::size_t>(region_index(d, c.buyer))].name_en,
                        grouped(c.amount),
                        tables.unit,
                        d.regions[static_cast<std::size_t>(region_index(d, c.seller))].name_en,
                        fmt::join(c.sectors, ", ")));
    }
    out.scenario_text = fmt::format("{}: {}", sc.name, fmt::join(parts, "; "));
    // Flows among the two regions and the rest of China, and the map's points.
    {
        Matrix f = Matrix::Zero(3, 3);
        for (Eigen::Index r = 0; r < d.nr; ++r) {
            for (Eigen::Index s2 = 0; s2 < d.nr; ++s2) {
                const Eigen::Index gr = r == a ? 0 : r == b ? 1 : 2;
                const Eigen::Index gs = s2 == a ? 0 : s2 == b ? 1 : 2;
                if (gr == 2 && gs == 2) {
                    continue;  // among the other provinces: not the pair's business
                }
                if (r != s2) {
                    f(gr, gs) += flows(d, r, s2).sum();
                }
            }
        }
        const std::vector<std::string> names = {out.a.name_en, out.b.name_en, d.rest};
        out.flows.name = "flows";
        out.flows.rows = Index::single("from", names);
        out.flows.cols = Index::single("to", names);
        out.flows.values = f;
        std::vector<std::vector<std::string>> labels;
        std::vector<std::vector<double>> vals;
        const auto capitals = china::load_capitals();
        for (Eigen::Index r = 0; r < d.nr; ++r) {
            const auto& c = tables.tables[static_cast<std::size_t>(r)].region;
            for (const auto& cap : capitals) {
                if (cap.gb_code == c.code) {
                    labels.push_back({c.name_en, c.name_zh});
                    vals.push_back({cap.longitude, cap.latitude, d.value_added.row(r).sum()});
                }
            }
        }
        out.map = table("map",
                        Index({"province", "name_zh"}, labels),
                        {"longitude", "latitude", "value added"},
                        vals);
    }
    if (!sc.changes.empty()) {
        out.scenario = scenario_effects(m, tables, sc, out.a.code, out.b.code);
    }
    return out;
}

Table partner_ranking(const Mrio& m, const TableSet& tables, const std::string& region) {
    const Data d = gather(m, tables, nullptr);
    const Eigen::Index a = region_index(d, region);
    std::vector<Eigen::Index> others;
    for (Eigen::Index s = 0; s < d.nr; ++s) {
        if (s != a) {
            others.push_back(s);
        }
    }
    const auto k = static_cast<Eigen::Index>(others.size());
    Vector m_ab(k);
    Vector m_ba(k);
    Vector pot(k);
    Vector cur(k);
    std::vector<std::string> reason(others.size());
    const double gdp = value_added_by_sector(tables).values.row(a).sum();
    for (Eigen::Index j = 0; j < k; ++j) {
        const Eigen::Index b = others[static_cast<std::size_t>(j)];
        m_ab(j) = michaely(d, a, b);
        m_ba(j) = michaely(d, b, a);
        const Vector pab = potential(d, a, b);
        const Vector pba = potential(d, b, a);
        pot(j) = 100.0 * (pab.sum() + pba.sum()) / gdp;
        cur(j) = 100.0 * (flows(d, a, b).sum() + flows(d, b, a).sum()) / gdp;
        Eigen::Index ia = 0;
        Eigen::Index ib = 0;
        pab.maxCoeff(&ia);
        pba.maxCoeff(&ib);
        reason[static_cast<std::size_t>(j)] = fmt::format("sells it {} ({}); buys {} ({})",
                                                          short_name(tables, ia),
                                                          grouped(pab(ia)),
                                                          short_name(tables, ib),
                                                          grouped(pba(ib)));
    }
    // Composite: the mean percentile of the three complementarity measures.
    auto percentile = [&](const Vector& v) {
        Vector p(k);
        for (Eigen::Index j = 0; j < k; ++j) {
            p(j) = 100.0 * static_cast<double>((v.array() < v(j)).count()) /
                   static_cast<double>(std::max<Eigen::Index>(1, k - 1));
        }
        return p;
    };
    const Vector score = (percentile(m_ab) + percentile(m_ba) + percentile(pot)) / 3.0;
    std::vector<Eigen::Index> order(static_cast<std::size_t>(k));
    std::iota(order.begin(), order.end(), Eigen::Index{0});
    std::stable_sort(
        order.begin(), order.end(), [&](auto x, auto y) { return score(x) > score(y); });
    std::vector<std::vector<std::string>> labels;
    std::vector<std::vector<double>> vals;
    int rank = 1;
    for (auto j : order) {
        const auto& c =
            tables.tables[static_cast<std::size_t>(others[static_cast<std::size_t>(j)])].region;
        labels.push_back({c.name_en, c.name_zh, reason[static_cast<std::size_t>(j)]});
        vals.push_back({static_cast<double>(rank++), score(j), m_ab(j), m_ba(j), pot(j), cur(j)});
    }
    const auto& self = tables.tables[static_cast<std::size_t>(a)].region;
    return table("partners",
                 Index({"partner", "name_zh", "why"}, labels),
                 {"rank",
                  "score (0-100)",
                  fmt::format("Michaely {} -> partner", self.name_en),
                  fmt::format("Michaely partner -> {}", self.name_en),
                  "potential both ways (% of GDP)",
                  "current flows both ways (% of GDP)"},
                 vals);
}

}  // namespace tandem::brief
