#include "tandem/china/mrio_build.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <numbers>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tandem/core/error.hpp"
#include "tandem/data/datasets.hpp"
#include "tandem/data/delimited.hpp"
#include "tandem/data/output_folder.hpp"
#include "tandem/data/pymrio_format.hpp"
#include "tandem/data/table_writers.hpp"
#include "tandem/data/tandem_format.hpp"

namespace tandem::china {

namespace {

// Relative excess below which two published totals count as equal for a rule's count.
constexpr double kRoundingTie = 1e-9;

constexpr const char* kFinalUse[] = {"FU101", "FU102", "FU103", "FU201", "FU202"};
constexpr std::size_t kFinalUses = 5;

// The columns of a provincial table the build needs.
struct Columns {
    int final_use[kFinalUses] = {};
    int exports = -1;
    int outflow = -1;
    int imports = -1;
    int inflow = -1;
    int discrepancy = -1;  // may be absent
};

Columns columns_of(const TableSet& set) {
    Columns c;
    for (std::size_t k = 0; k < kFinalUses; ++k) {
        c.final_use[k] = set.final_use_index(kFinalUse[k]);
    }
    c.exports = set.final_use_index("EX");
    c.outflow = set.final_use_index("OF");
    c.imports = set.final_use_index("IM");
    c.inflow = set.final_use_index("IF");
    c.discrepancy = set.final_use_index("ERR");
    const bool split =
        c.exports >= 0 && c.outflow >= 0 && c.imports >= 0 && c.inflow >= 0 &&
        std::all_of(std::begin(c.final_use), std::end(c.final_use), [](int i) { return i >= 0; });
    if (!split) {
        fail(ErrorCode::kInvalidInput,
             "the {} provincial tables do not separate exports, imports, outflows to and inflows "
             "from other provinces (columns EX, IM, OF, IF) and the five domestic final uses; "
             "the MRIO can be built from the 2012 and 2017 tables only (2002 publishes the net "
             "outflow, 2007 foreign and domestic trade together)",
             set.year);
    }
    return c;
}

class Rules {
public:
    void add(std::string id, std::string description) {
        index_[id] = uses_.size();
        uses_.push_back(RuleUse{std::move(id), std::move(description), 0, 0.0});
    }
    void fire(const std::string& id, double moved) {
        auto& u = uses_[index_.at(id)];
        ++u.fired;
        u.moved += std::fabs(moved);
    }
    std::vector<RuleUse> take() { return std::move(uses_); }

private:
    std::map<std::string, std::size_t> index_;
    std::vector<RuleUse> uses_;
};

// Biproportional fitting of a non-negative seed to row and column targets of equal totals.
// Returns the iterations used; `error` gets the largest relative margin error left.
int ras(Matrix& t,
        const Vector& rows,
        const Vector& cols,
        int max_iterations,
        double tol,
        double* error) {
    const double total = rows.sum();
    int it = 0;
    *error = 0.0;
    for (; it < max_iterations; ++it) {
        const Vector rs = t.rowwise().sum();
        for (Eigen::Index r = 0; r < t.rows(); ++r) {
            if (rs(r) > 0.0) {
                t.row(r) *= rows(r) / rs(r);
            }
        }
        const Vector cs = t.colwise().sum().transpose();
        for (Eigen::Index c = 0; c < t.cols(); ++c) {
            if (cs(c) > 0.0) {
                t.col(c) *= cols(c) / cs(c);
            }
        }
        *error = (t.rowwise().sum() - rows).cwiseAbs().maxCoeff() / total;
        if (*error <= tol) {
            return it + 1;
        }
    }
    return it;
}

// Spectral radius of a non-negative matrix by power iteration (for the productivity check).
double spectral_radius(const Matrix& a) {
    Vector v = Vector::Ones(a.cols());
    double rho = 0.0;
    for (int k = 0; k < 500; ++k) {
        Vector w = a * v;
        const double n = w.norm();
        if (n == 0.0) {
            return 0.0;
        }
        rho = n / v.norm();
        v = w / n;
    }
    return rho;
}

// Foreign import share of the uses of each product in each province: the standard
// proportional-use assumption on the positive uses, capped at 1 (re-exports).
Matrix import_shares(const TableSet& set, const Columns& col, Rules* rules) {
    const auto nr = static_cast<Eigen::Index>(set.tables.size());
    const auto n = static_cast<Eigen::Index>(set.sectors.size());
    Matrix mu = Matrix::Zero(n, nr);
    for (Eigen::Index r = 0; r < nr; ++r) {
        const auto& t = set.tables[static_cast<std::size_t>(r)];
        for (Eigen::Index i = 0; i < n; ++i) {
            const double im = std::max(0.0, -t.Y(i, col.imports));
            double use_pos = 0.0;
            for (Eigen::Index j = 0; j < n; ++j) {
                use_pos += std::max(0.0, t.Z(i, j));
            }
            for (std::size_t k = 0; k < kFinalUses; ++k) {
                use_pos += std::max(0.0, t.Y(i, col.final_use[k]));
            }
            if (im <= 0.0) {
                continue;
            }
            if (im > use_pos) {
                if (rules != nullptr) {
                    rules->fire("imports-exceed-use", im - use_pos);
                }
                mu(i, r) = 1.0;
            } else {
                mu(i, r) = im / use_pos;
            }
        }
    }
    return mu;
}

// Chenery-Moses: each use of product i in destination s splits into foreign imports (mu),
// inflows (phi of the domestic part, shared among origins as the flows say) and local supply.
Mrio assemble(const TableSet& set,
              const Columns& col,
              const std::vector<Matrix>& flows,
              const BuildOptions& options,
              const ProgressFn& progress,
              std::vector<std::string>& log) {
    const auto nr = static_cast<Eigen::Index>(set.tables.size());
    const auto n = static_cast<Eigen::Index>(set.sectors.size());
    const Matrix mu = import_shares(set, col, nullptr);
    // The inflow share of each destination's uses, from the flows it draws.
    Matrix phi = Matrix::Zero(n, nr);
    for (Eigen::Index s = 0; s < nr; ++s) {
        const auto& t = set.tables[static_cast<std::size_t>(s)];
        for (Eigen::Index i = 0; i < n; ++i) {
            double use_net = t.Z.row(i).sum();
            for (std::size_t k = 0; k < kFinalUses; ++k) {
                use_net += t.Y(i, col.final_use[k]);
            }
            const double domestic = (1.0 - mu(i, s)) * use_net;
            const double in = flows[static_cast<std::size_t>(i)].col(s).sum();
            phi(i, s) = domestic > 0.0 ? std::min(1.0, in / domestic) : 0.0;
        }
    }
    std::vector<Matrix> shares(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i) {
        const Matrix& f = flows[static_cast<std::size_t>(i)];
        Matrix sh = Matrix::Zero(nr, nr);
        for (Eigen::Index s = 0; s < nr; ++s) {
            const double in = f.col(s).sum();
            if (in > 0.0) {
                sh.col(s) = f.col(s) / in;
            }
        }
        shares[static_cast<std::size_t>(i)] = sh;
    }
    const std::size_t ncat = kFinalUses + 2;  // + exports, discrepancy
    const auto nc = static_cast<Eigen::Index>(ncat);
    const auto big = nr * n;
    Mrio m;
    m.name = fmt::format("China inter-provincial MRIO {}", set.year);
    m.description = fmt::format(
        "Built by tandem from the {} provincial input-output tables ({}): gravity (decay {}) "
        "and RAS trade estimates, Chenery-Moses assembly; unit {}",
        set.year,
        set.classification,
        options.decay,
        set.unit);
    m.system = "ixi";
    m.version = std::to_string(set.year);
    std::vector<std::string> regions;
    std::vector<std::string> sector_codes;
    for (const auto& t : set.tables) {
        regions.push_back(t.region.name_en);
    }
    for (const auto& s : set.sectors) {
        sector_codes.push_back(s.code);
    }
    std::vector<std::string> categories;
    for (std::size_t k = 0; k < kFinalUses; ++k) {
        categories.push_back(set.final_use[static_cast<std::size_t>(col.final_use[k])].name_en);
    }
    categories.emplace_back("Exports");
    categories.emplace_back("Statistical discrepancy");
    m.sectors = Index::product("region", regions, "sector", sector_codes);
    m.final_demand = Index::product("region", regions, "category", categories);
    m.units.assign(static_cast<std::size_t>(big), set.unit);
    m.Z = Matrix::Zero(big, big);
    m.Y = Matrix::Zero(big, nr * nc);
    m.x.resize(big);
    Extension factors;
    factors.name = "factor_inputs";
    std::vector<std::vector<std::string>> stressors;
    for (const auto& v : set.value_added) {
        stressors.push_back({v.name_en});
    }
    stressors.push_back({"Imports"});
    const auto nf = static_cast<Eigen::Index>(stressors.size());
    factors.stressors = Index({"stressor"}, stressors);
    factors.units.assign(stressors.size(), set.unit);
    factors.F = Matrix::Zero(nf, big);
    factors.F_Y = Matrix::Zero(nf, nr * nc);
    for (Eigen::Index s = 0; s < nr; ++s) {
        report(progress,
               "Chenery-Moses assembly",
               static_cast<std::size_t>(s),
               static_cast<std::size_t>(nr));
        const auto& t = set.tables[static_cast<std::size_t>(s)];
        m.x.segment(s * n, n) = t.x;
        factors.F.block(0, s * n, nf - 1, n) = t.V;
        // Splits one use u of product i in s by origin into column `target` (of Z or Y).
        auto split = [&](Eigen::Index i, double u, auto&& put, auto&& put_import) {
            if (u < 0.0 && !options.split_negative_uses) {
                put(s, u);  // a drawdown of the province's own stocks: no trade
                return;
            }
            const double foreign = mu(i, s) * u;
            const double domestic = u - foreign;
            const double from_others = phi(i, s) * domestic;
            put(s, domestic - from_others);
            const Matrix& sh = shares[static_cast<std::size_t>(i)];
            if (from_others != 0.0) {
                for (Eigen::Index r = 0; r < nr; ++r) {
                    if (sh(r, s) != 0.0) {
                        put(r, sh(r, s) * from_others);
                    }
                }
            }
            put_import(foreign);
        };
        for (Eigen::Index j = 0; j < n; ++j) {
            const Eigen::Index cj = s * n + j;
            for (Eigen::Index i = 0; i < n; ++i) {
                split(
                    i,
                    t.Z(i, j),
                    [&](Eigen::Index r, double v) { m.Z(r * n + i, cj) += v; },
                    [&](double v) { factors.F(nf - 1, cj) += v; });
            }
        }
        for (std::size_t k = 0; k < kFinalUses; ++k) {
            const Eigen::Index ck = s * nc + static_cast<Eigen::Index>(k);
            for (Eigen::Index i = 0; i < n; ++i) {
                split(
                    i,
                    t.Y(i, col.final_use[k]),
                    [&](Eigen::Index r, double v) { m.Y(r * n + i, ck) += v; },
                    [&](double v) { factors.F_Y(nf - 1, ck) += v; });
            }
        }
        m.Y.block(s * n, s * nc + kFinalUses, n, 1) = t.Y.col(col.exports);
    }
    // The discrepancy column closes every row on the official gross output.
    const Vector sold = m.Z.rowwise().sum() + m.Y.rowwise().sum();
    for (Eigen::Index r = 0; r < nr; ++r) {
        m.Y.block(r * n, r * nc + nc - 1, n, 1) = m.x.segment(r * n, n) - sold.segment(r * n, n);
    }
    m.extensions.push_back(std::move(factors));

    // Employment, regionalised from the national table.
    if (!options.employment_csv.empty()) {
        const Vector national =
            national_employment_42(options.employment_csv, set.year, set.sectors);
        Extension emp;
        emp.name = "employment";
        emp.stressors = Index({"stressor"}, {{"Employment"}});
        emp.units = {"10k persons"};
        emp.F = Matrix::Zero(1, big);
        emp.F_Y = Matrix::Zero(1, nr * nc);
        const auto comp_row = 0;  // VA001 compensation of employees
        for (Eigen::Index i = 0; i < n; ++i) {
            Vector w(nr);
            for (Eigen::Index r = 0; r < nr; ++r) {
                const auto& t = set.tables[static_cast<std::size_t>(r)];
                w(r) = std::max(0.0,
                                options.employment_split == EmploymentSplit::kCompensation
                                    ? t.V(comp_row, i)
                                    : t.x(i));
            }
            const double total = w.sum();
            for (Eigen::Index r = 0; r < nr; ++r) {
                emp.F(0, r * n + i) = total > 0.0 ? national(i) * w(r) / total : 0.0;
            }
        }
        m.extensions.push_back(std::move(emp));
        log.push_back(fmt::format(
            "employment: {:.0f} (10k persons) in {} from {}, shared among provinces by {}",
            national.sum(),
            set.year,
            options.employment_csv.filename().string(),
            options.employment_split == EmploymentSplit::kCompensation ? "compensation of employees"
                                                                       : "gross output"));
    }
    return m;
}

}  // namespace

std::vector<Capital> load_capitals() {
    const auto path = data::data_dir() / "china" / "capitals.csv";
    std::vector<Capital> out;
    bool header = true;
    const std::string file = path.string();
    data::read_delimited(path, ',', [&](std::size_t line, const std::vector<std::string>& f) {
        if (header) {
            header = false;
            return;
        }
        if (f.size() != 6) {
            data::fail_at(file, line, 1, fmt::format("expected 6 cells, found {}", f.size()));
        }
        Capital c{f[0], f[1], f[2], f[3], 0.0, 0.0};
        c.latitude = data::parse_number(f[4], file, line, 5, "latitude");
        c.longitude = data::parse_number(f[5], file, line, 6, "longitude");
        if (std::fabs(c.latitude) > 90.0 || std::fabs(c.longitude) > 180.0) {
            data::fail_at(file, line, 5, "latitude or longitude out of range");
        }
        out.push_back(std::move(c));
    });
    return out;
}

double transit_through(
    double output, double exports, double outflow, double inflow, double discrepancy) {
    const double local = output - exports - outflow - discrepancy;
    if (local >= 0.0) {
        return 0.0;
    }
    return std::max(0.0, std::min({-local, inflow, outflow}));
}

double great_circle_km(double lat1, double lon1, double lat2, double lon2) {
    constexpr double kRadius = 6371.0;
    constexpr double kDeg = std::numbers::pi / 180.0;
    const double dlat = (lat2 - lat1) * kDeg;
    const double dlon = (lon2 - lon1) * kDeg;
    const double h =
        std::sin(dlat / 2) * std::sin(dlat / 2) +
        std::cos(lat1 * kDeg) * std::cos(lat2 * kDeg) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2.0 * kRadius * std::asin(std::min(1.0, std::sqrt(h)));
}

Vector national_employment_42(const std::filesystem::path& employment_csv,
                              int year,
                              const std::vector<Code>& sectors) {
    // GB/T 4754 sections and divisions of the employment table for each IO sector; 2012's and
    // 2017's lists differ between codes 22 and 36 (data/china/SOURCE.md).
    static const std::map<std::string, std::vector<std::string>> k2017 = {
        {"01", {"A"}},
        {"02", {"B01"}},
        {"03", {"B02"}},
        {"04", {"B03", "B04"}},
        {"05", {"B05", "B06", "B07"}},
        {"06", {"C01", "C02", "C03", "C04"}},
        {"07", {"C05"}},
        {"08", {"C06", "C07"}},
        {"09", {"C08", "C09"}},
        {"10", {"C10", "C11", "C12"}},
        {"11", {"C13"}},
        {"12", {"C14", "C15", "C16", "C17"}},
        {"13", {"C18"}},
        {"14", {"C19", "C20"}},
        {"15", {"C21"}},
        {"16", {"C22"}},
        {"17", {"C23"}},
        {"18", {"C24", "C25"}},
        {"19", {"C26"}},
        {"20", {"C27"}},
        {"21", {"C28"}},
        {"22", {"C29", "C30"}},
        {"23", {"C31"}},
        {"24", {"D01"}},
        {"25", {"D02"}},
        {"26", {"D03"}},
        {"27", {"E"}},
        {"28", {"F"}},
        {"29", {"G"}},
        {"30", {"H"}},
        {"31", {"I"}},
        {"32", {"J"}},
        {"33", {"K"}},
        {"34", {"L"}},
        {"35", {"M01"}},
        {"36", {"M02", "M03"}},
        {"37", {"N"}},
        {"38", {"O"}},
        {"39", {"P"}},
        {"40", {"Q"}},
        {"41", {"R"}},
        {"42", {"S", "T"}},
    };
    std::map<std::string, std::vector<std::string>> concordance = k2017;
    const bool is2012 = std::any_of(sectors.begin(), sectors.end(), [](const Code& c) {
        return c.code == "23" && c.name_en.starts_with("Scrap");
    });
    if (is2012) {
        concordance["22"] = {"C29"};
        concordance["23"] = {"C30"};
        concordance["24"] = {"C31"};
        for (int k = 25; k <= 35; ++k) {
            concordance[fmt::format("{:02d}", k)] = k2017.at(fmt::format("{:02d}", k - 1));
        }
        concordance["36"] = {"M"};
    }
    const std::string file = employment_csv.string();
    std::map<std::string, double> by_code;
    int year_col = -1;
    data::read_delimited(
        employment_csv, ',', [&](std::size_t line, const std::vector<std::string>& f) {
            if (year_col < 0) {
                for (std::size_t i = 0; i < f.size(); ++i) {
                    if (f[i] == std::to_string(year)) {
                        year_col = static_cast<int>(i);
                    }
                }
                if (year_col < 0 || f.empty() || f[0] != "Code") {
                    data::fail_at(file,
                                  line,
                                  1,
                                  fmt::format("expected the ionet employment table: a Code column "
                                              "and a column for {}",
                                              year));
                }
                return;
            }
            if (f.size() <= static_cast<std::size_t>(year_col)) {
                data::fail_at(file, line, f.size() + 1, "row too short");
            }
            const auto c = static_cast<std::size_t>(year_col);
            by_code[f[0]] = data::parse_number(f[c], file, line, c + 1, "employment");
        });
    Vector out(static_cast<Eigen::Index>(sectors.size()));
    for (std::size_t s = 0; s < sectors.size(); ++s) {
        auto it = concordance.find(sectors[s].code);
        if (it == concordance.end()) {
            fail(ErrorCode::kInvalidInput,
                 "no employment concordance for sector {} ({})",
                 sectors[s].code,
                 sectors[s].name_en);
        }
        double sum = 0.0;
        for (const auto& code : it->second) {
            auto v = by_code.find(code);
            if (v == by_code.end()) {
                fail(ErrorCode::kInvalidInput, "{}: no employment row '{}'", file, code);
            }
            sum += v->second;
        }
        out(static_cast<Eigen::Index>(s)) = sum;
    }
    return out;
}

BuildResult build_mrio(const TableSet& set,
                       const BuildOptions& options,
                       const ProgressFn& progress) {
    const auto started = std::chrono::steady_clock::now();
    if (!(options.decay >= 0.0) || !std::isfinite(options.decay)) {
        fail(ErrorCode::kUsage, "the distance-decay exponent must be a number >= 0");
    }
    const Columns col = columns_of(set);
    const auto nr = static_cast<Eigen::Index>(set.tables.size());
    const auto n = static_cast<Eigen::Index>(set.sectors.size());
    if (nr < 2) {
        fail(ErrorCode::kInvalidInput, "an MRIO needs at least two provincial tables");
    }
    // Every table must balance and have every sector: the importer checked the published
    // balance; here the shapes and the identity x = Z1 + Y1 are checked again.
    for (const auto& t : set.tables) {
        if (t.Z.rows() != n || t.Z.cols() != n || t.Y.rows() != n || t.x.size() != n ||
            t.V.cols() != n) {
            fail(ErrorCode::kInvalidInput,
                 "{} ({}): the table has {} sectors, the set {}",
                 t.region.name_en,
                 t.region.code,
                 t.Z.rows(),
                 n);
        }
        const Vector rows = t.Z.rowwise().sum() + t.Y.rowwise().sum();
        const Vector scale = t.Z.cwiseAbs().rowwise().sum() + t.Y.cwiseAbs().rowwise().sum();
        for (Eigen::Index i = 0; i < n; ++i) {
            // The importer's tolerance: 1e-3 of the row's size, and half a unit for rounding.
            const double gap = std::fabs(rows(i) - t.x(i));
            if (gap > 1e-3 * std::max(std::fabs(t.x(i)), scale(i)) + 0.5) {
                fail(ErrorCode::kInvalidInput,
                     "{} ({}), sector {} ({}): the row does not balance: uses {} against gross "
                     "output {} (column GO)",
                     t.region.name_en,
                     t.region.code,
                     set.sectors[static_cast<std::size_t>(i)].code,
                     set.sectors[static_cast<std::size_t>(i)].name_en,
                     rows(i),
                     t.x(i));
            }
        }
    }
    // Distances between capitals.
    const auto capitals = load_capitals();
    Matrix dist = Matrix::Zero(nr, nr);
    std::vector<const Capital*> cap(static_cast<std::size_t>(nr), nullptr);
    for (Eigen::Index r = 0; r < nr; ++r) {
        const auto& code = set.tables[static_cast<std::size_t>(r)].region.code;
        for (const auto& c : capitals) {
            if (c.gb_code == code) {
                cap[static_cast<std::size_t>(r)] = &c;
            }
        }
        if (cap[static_cast<std::size_t>(r)] == nullptr) {
            fail(ErrorCode::kInvalidInput,
                 "unknown province code {} ({}): no capital in data/china/capitals.csv",
                 code,
                 set.tables[static_cast<std::size_t>(r)].region.name_en);
        }
    }
    for (Eigen::Index r = 0; r < nr; ++r) {
        for (Eigen::Index s = 0; s < nr; ++s) {
            const auto* a = cap[static_cast<std::size_t>(r)];
            const auto* b = cap[static_cast<std::size_t>(s)];
            dist(r, s) = great_circle_km(a->latitude, a->longitude, b->latitude, b->longitude);
        }
    }

    Rules rules;
    rules.add("negative-trade-cell",
              "an inflow or import cell with the wrong sign (a negative purchase) is set to 0: "
              "trade flows are non-negative (a negative outflow is an error)");
    rules.add("transit-netted",
              "a province whose outflows and exports exceed what it produces for them passes "
              "goods through: the transit is taken out of both its inflows and its outflows "
              "(--transit keep leaves them)");
    rules.add("imports-exceed-use",
              "foreign imports larger than the domestic uses of the product (re-exports): the "
              "import share is capped at 1, the excess goes to the discrepancy column");
    rules.add("inflows-exceed-domestic-use",
              "inflows from other provinces larger than the domestic uses left after imports: "
              "the inflow share is capped at 1, the excess goes to the discrepancy column");
    rules.add("negative-use-split",
              "a negative use (inventory drawdown, negative intermediate cell) is split by origin "
              "with the same shares as the positive uses (--negative-uses local: supplied by "
              "the province itself)");
    rules.add("inflow-without-source",
              "a province buys a product from other provinces but none of them sells it: the "
              "inflow is supplied locally");
    rules.add("outflow-without-buyer",
              "a province sells a product to other provinces but none of them buys it: the "
              "outflow goes to the discrepancy column");
    rules.add("margin-imbalance",
              "the national totals of a product's outflows and inflows differ: both are scaled "
              "to a common total before RAS (--balance), moved = half the difference");
    rules.add("balance-cap",
              "scaling a destination's inflows up to the common total would draw more than its "
              "domestic use: capped, the rest stays with the origin's discrepancy column");
    rules.add("discrepancy-column",
              "the published 'other / statistical discrepancy' final use is kept as a final use "
              "of the province itself");
    rules.add("outflow-and-exports-exceed-output",
              "outflows plus exports larger than gross output (re-exports and re-outflows): "
              "handled by the caps above, counted here");
    rules.add("negative-value-added",
              "a sector with negative total value added is kept as published");

    // Per province and product: the import share mu, the inflow share phi of domestic use,
    // the positive margins for the gravity model.
    const Matrix mu = import_shares(set, col, &rules);
    Matrix phi = Matrix::Zero(n, nr);
    Matrix outflow = Matrix::Zero(n, nr);  // official, non-negative
    Matrix inflow = Matrix::Zero(n, nr);   // official, non-negative
    Matrix drawn = Matrix::Zero(n, nr);    // inflow the uses can take (phi * domestic use)
    Matrix imports = Matrix::Zero(n, nr);
    Matrix net_use = Matrix::Zero(n, nr);
    Matrix official_outflow = Matrix::Zero(n, nr);
    Matrix official_inflow = Matrix::Zero(n, nr);
    for (Eigen::Index r = 0; r < nr; ++r) {
        const auto& t = set.tables[static_cast<std::size_t>(r)];
        for (Eigen::Index i = 0; i < n; ++i) {
            double of = t.Y(i, col.outflow);
            double in = -t.Y(i, col.inflow);
            double im = -t.Y(i, col.imports);
            if (of < -0.5) {
                // Sales to other provinces cannot be negative; the published tables have none.
                fail(ErrorCode::kInvalidInput,
                     "{} ({}), sector {} ({}), column OF (outflow to other provinces): negative "
                     "outflow {}",
                     t.region.name_en,
                     t.region.code,
                     set.sectors[static_cast<std::size_t>(i)].code,
                     set.sectors[static_cast<std::size_t>(i)].name_en,
                     of);
            }
            for (double* v : {&of, &in, &im}) {
                if (*v < 0.0) {
                    rules.fire("negative-trade-cell", *v);
                    *v = 0.0;
                }
            }
            outflow(i, r) = of;
            inflow(i, r) = in;
            imports(i, r) = im;
            official_outflow(i, r) = of;
            official_inflow(i, r) = in;
            double use_pos = 0.0;
            double use_net = 0.0;
            for (Eigen::Index j = 0; j < n; ++j) {
                use_pos += std::max(0.0, t.Z(i, j));
                use_net += t.Z(i, j);
            }
            for (std::size_t k = 0; k < kFinalUses; ++k) {
                use_pos += std::max(0.0, t.Y(i, col.final_use[k]));
                use_net += t.Y(i, col.final_use[k]);
            }
            // Transit: a province that sells more to other provinces and abroad than it
            // produces for them passes goods through; the same amount appears in its inflows and
            // its outflows. Netting it out of both keeps the trade estimates on goods made in
            // the origin and used in the destination.
            if (options.net_transit) {
                const double err = col.discrepancy >= 0 ? t.Y(i, col.discrepancy) : 0.0;
                const double d = transit_through(t.x(i), t.Y(i, col.exports), of, in, err);
                if (d > 0.0) {
                    rules.fire("transit-netted", d);
                    in -= d;
                    of -= d;
                    outflow(i, r) = of;
                    inflow(i, r) = in;
                }
            }
            const double m = mu(i, r);
            const double domestic = (1.0 - m) * use_pos;
            double f = 0.0;
            if (in > 0.0) {
                f = in > domestic ? (domestic > 0.0 ? 1.0 : 0.0) : in / domestic;
                // Counted beyond rounding only: after transit netting the published balance
                // makes the two equal, and the last bit would decide.
                if (in > domestic * (1.0 + kRoundingTie)) {
                    rules.fire("inflows-exceed-domestic-use", in - domestic);
                }
            }
            phi(i, r) = f;
            // What the uses draw from other provinces: negative uses (inventory drawdowns)
            // are split like the others, so they reduce it.
            drawn(i, r) = f * (1.0 - m) * std::max(0.0, use_net);
            net_use(i, r) = use_net;
            const double ex = t.Y(i, col.exports);
            if (of + ex > t.x(i) * (1.0 + kRoundingTie) && t.x(i) >= 0.0) {
                rules.fire("outflow-and-exports-exceed-output", of + ex - t.x(i));
            }
            if (col.discrepancy >= 0 && t.Y(i, col.discrepancy) != 0.0) {
                rules.fire("discrepancy-column", t.Y(i, col.discrepancy));
            }
            for (Eigen::Index j = 0; j < n; ++j) {
                if (t.Z(i, j) < 0.0) {
                    rules.fire("negative-use-split", t.Z(i, j));
                }
            }
            for (std::size_t k = 0; k < kFinalUses; ++k) {
                if (t.Y(i, col.final_use[k]) < 0.0) {
                    rules.fire("negative-use-split", t.Y(i, col.final_use[k]));
                }
            }
        }
        const Vector va = t.V.colwise().sum().transpose();
        for (Eigen::Index j = 0; j < n; ++j) {
            if (va(j) < 0.0) {
                rules.fire("negative-value-added", va(j));
            }
        }
    }

    // Gravity + RAS per product: shares[i](r, s) of destination s's inflow coming from r.
    std::vector<Matrix> shares(static_cast<std::size_t>(n));
    Matrix decay(nr, nr);
    for (Eigen::Index r = 0; r < nr; ++r) {
        for (Eigen::Index s = 0; s < nr; ++s) {
            decay(r, s) = r == s ? 0.0 : std::pow(dist(r, s), -options.decay);
        }
    }
    std::vector<std::string> log;
    int max_iterations = 0;
    double worst_error = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
        report(progress,
               "gravity and RAS by product",
               static_cast<std::size_t>(i),
               static_cast<std::size_t>(n));
        Vector a = outflow.row(i).transpose();
        Vector b = drawn.row(i).transpose();
        // A destination whose suppliers (every other province) sell nothing is supplied
        // locally; a seller without buyers elsewhere keeps its outflow in the discrepancy.
        for (Eigen::Index s = 0; s < nr; ++s) {
            const double others = a.sum() - a(s);
            if (b(s) > 0.0 && others <= 0.0) {
                rules.fire("inflow-without-source", b(s));
                b(s) = 0.0;
                phi(i, s) = 0.0;
                drawn(i, s) = 0.0;
            }
        }
        for (Eigen::Index r = 0; r < nr; ++r) {
            const double others = b.sum() - b(r);
            if (a(r) > 0.0 && others <= 0.0) {
                rules.fire("outflow-without-buyer", a(r));
                a(r) = 0.0;
            }
        }
        Matrix t = Matrix::Zero(nr, nr);
        if (a.sum() > 0.0 && b.sum() > 0.0) {
            const double sa = a.sum();
            const double sb = b.sum();
            if (sa != sb) {
                rules.fire("margin-imbalance", 0.5 * (sa - sb));
            }
            const double total = options.balance == MarginBalance::kOutflow  ? sa
                                 : options.balance == MarginBalance::kInflow ? sb
                                                                             : 0.5 * (sa + sb);
            const Vector ra = a * (total / sa);
            const Vector rb = b * (total / sb);
            // Destinations draw their scaled inflow: the inflow share of their uses moves with
            // the scaling (capped at all of the domestic use).
            for (Eigen::Index s2 = 0; s2 < nr; ++s2) {
                if (b(s2) <= 0.0) {
                    continue;
                }
                const double domestic = (1.0 - mu(i, s2)) * std::max(0.0, net_use(i, s2));
                double f = phi(i, s2) * total / sb;
                if (f > 1.0) {
                    rules.fire("balance-cap", (f - 1.0) * domestic);
                    f = 1.0;
                }
                phi(i, s2) = f;
                drawn(i, s2) = f * domestic;
            }
            t = (ra * rb.transpose()).cwiseProduct(decay);
            double err = 0.0;
            const int it = ras(t, ra, rb, options.ras_max_iterations, options.ras_tolerance, &err);
            max_iterations = std::max(max_iterations, it);
            worst_error = std::max(worst_error, err);
            if (err > 1e-6) {
                log.push_back(fmt::format(
                    "product {}: RAS stopped after {} iterations with a margin error of {:.2e}",
                    set.sectors[static_cast<std::size_t>(i)].code,
                    it,
                    err));
            }
        }
        // Column shares; the flow into s from r is then share * the inflow s draws.
        Matrix sh = Matrix::Zero(nr, nr);
        const Vector cs = t.colwise().sum().transpose();
        for (Eigen::Index s = 0; s < nr; ++s) {
            if (cs(s) > 0.0) {
                sh.col(s) = t.col(s) / cs(s);
            } else if (drawn(i, s) > 0.0) {
                rules.fire("inflow-without-source", drawn(i, s));
                phi(i, s) = 0.0;
                drawn(i, s) = 0.0;
            }
        }
        shares[static_cast<std::size_t>(i)] = sh;
    }

    std::vector<Matrix> flows(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i) {
        flows[static_cast<std::size_t>(i)] =
            shares[static_cast<std::size_t>(i)] * drawn.row(i).transpose().asDiagonal();
    }
    Mrio m = assemble(set, col, flows, options, progress, log);
    const auto nc = static_cast<Eigen::Index>(kFinalUses + 2);
    const auto big = nr * n;
    std::vector<std::string> regions;
    for (const auto& t : set.tables) {
        regions.push_back(t.region.name_en);
    }
    BuildResult out;
    // Identities and residuals.
    const Extension& fi = m.extensions.front();
    const auto nf = fi.F.rows();
    const Vector inputs = m.Z.colwise().sum().transpose() + fi.F.colwise().sum().transpose();
    double col_gap = 0.0;
    for (Eigen::Index j = 0; j < big; ++j) {
        col_gap =
            std::max(col_gap, std::fabs(inputs(j) - m.x(j)) / std::max(1.0, std::fabs(m.x(j))));
    }
    const Vector rows_now = m.Z.rowwise().sum() + m.Y.rowwise().sum();
    const double row_gap =
        ((rows_now - m.x).cwiseAbs().array() / m.x.cwiseAbs().array().max(1.0)).maxCoeff();
    // Inflows drawn by each destination and product, and outflows sold by each origin.
    Matrix est_in = Matrix::Zero(n, nr);
    Matrix est_out = Matrix::Zero(n, nr);
    for (Eigen::Index r = 0; r < nr; ++r) {
        for (Eigen::Index s = 0; s < nr; ++s) {
            if (r == s) {
                continue;
            }
            const Vector f = m.Z.block(r * n, s * n, n, n).rowwise().sum() +
                             m.Y.block(r * n, s * nc, n, kFinalUses).rowwise().sum();
            est_in.col(s) += f;
            est_out.col(r) += f;
        }
    }
    const double negative_z = static_cast<double>((m.Z.array() < 0.0).count());
    Matrix a = m.Z;
    for (Eigen::Index j = 0; j < big; ++j) {
        a.col(j) *= m.x(j) != 0.0 ? 1.0 / m.x(j) : 0.0;
    }
    const Vector colsum = a.colwise().sum().transpose();
    const double rho = spectral_radius(a.cwiseMax(0.0));
    auto deviation = [](const Matrix& est, const Matrix& official) {
        const double total = official.sum();
        return total > 0.0 ? (est - official).cwiseAbs().sum() / total : 0.0;
    };
    auto ratio = [](double est, double official) {
        return official != 0.0 ? est / official - 1.0 : 0.0;
    };
    double disc_abs = 0.0;
    for (Eigen::Index r = 0; r < nr; ++r) {
        disc_abs += m.Y.block(r * n, r * nc + nc - 1, n, 1).cwiseAbs().sum();
    }
    const double imports_allocated = fi.F.row(nf - 1).sum() + fi.F_Y.row(nf - 1).sum();
    {
        const std::vector<std::pair<std::string, std::pair<std::string, double>>> rows = {
            {"inputs + imports + value added = official gross output (largest relative gap "
             "per column; the published tables' own column balance)",
             {"exact", col_gap}},
            {"sales incl. the discrepancy column = official gross output (largest relative gap "
             "per row)",
             {"exact by construction", row_gap}},
            {"value added by sector = official", {"exact (copied)", 0.0}},
            {"inflows by destination and product: sum abs(estimated - official) / official total",
             {"approximate", deviation(est_in, official_inflow)}},
            {"inflows: estimated total / official total - 1",
             {"approximate", ratio(est_in.sum(), official_inflow.sum())}},
            {"outflows by origin and product: sum abs(estimated - official) / official total",
             {"approximate", deviation(est_out, official_outflow)}},
            {"outflows: estimated total / official total - 1",
             {"approximate", ratio(est_out.sum(), official_outflow.sum())}},
            {"foreign imports: allocated total / official total - 1",
             {"approximate", ratio(imports_allocated, imports.sum())}},
            {"discrepancy column: sum of abs(cells) / gross output",
             {"residual", disc_abs / m.x.sum()}},
            {"negative intermediate flows (count)", {"exact", negative_z}},
            {"largest column sum of A", {"check", colsum.maxCoeff()}},
            {"spectral radius of A (productive if < 1)", {"check", rho}},
        };
        out.identities.name = "identities";
        std::vector<std::vector<std::string>> labels;
        out.identities.values.resize(static_cast<Eigen::Index>(rows.size()), 1);
        for (std::size_t k = 0; k < rows.size(); ++k) {
            labels.push_back({rows[k].first, rows[k].second.first});
            out.identities.values(static_cast<Eigen::Index>(k), 0) = rows[k].second.second;
        }
        out.identities.rows = Index({"identity", "holds"}, labels);
        out.identities.cols = Index::single("measure", {"residual"});
    }
    if (rho >= 1.0) {
        fail(ErrorCode::kNumerical,
             "the assembled MRIO is not productive: spectral radius of A {:.6f} >= 1",
             rho);
    }
    {
        out.provinces.name = "provinces";
        const std::vector<std::string> cols = {"gross output",
                                               "value added",
                                               "exports",
                                               "imports (official)",
                                               "imports (allocated)",
                                               "outflow (official)",
                                               "outflow (estimated)",
                                               "inflow (official)",
                                               "inflow (allocated)",
                                               "other (official)",
                                               "discrepancy column",
                                               "local share of domestic use (%)"};
        out.provinces.cols = Index::single("measure", cols);
        std::vector<std::vector<std::string>> labels;
        out.provinces.values.resize(nr, static_cast<Eigen::Index>(cols.size()));
        for (Eigen::Index r = 0; r < nr; ++r) {
            const auto& t = set.tables[static_cast<std::size_t>(r)];
            labels.push_back({t.region.name_en, t.region.code});
            const double allocated_imports = fi.F.row(nf - 1).segment(r * n, n).sum() +
                                             fi.F_Y.row(nf - 1).segment(r * nc, nc).sum();
            double local = 0.0;
            double domestic_use = 0.0;
            for (Eigen::Index s = 0; s < nr; ++s) {
                const double f = m.Z.block(s * n, r * n, n, n).sum() +
                                 m.Y.block(s * n, r * nc, n, kFinalUses).sum();
                domestic_use += f;
                if (s == r) {
                    local = f;
                }
            }
            const double other = col.discrepancy >= 0 ? t.Y.col(col.discrepancy).sum() : 0.0;
            out.provinces.values.row(r) << t.x.sum(), t.V.sum(), t.Y.col(col.exports).sum(),
                imports.col(r).sum(), allocated_imports, official_outflow.col(r).sum(),
                est_out.col(r).sum(), official_inflow.col(r).sum(), est_in.col(r).sum(), other,
                m.Y.block(r * n, r * nc + nc - 1, n, 1).sum(),
                domestic_use > 0.0 ? 100.0 * local / domestic_use : 0.0;
        }
        out.provinces.rows = Index({"region", "code"}, labels);
    }
    {
        out.trade.name = "trade";
        out.trade.rows = Index::single("from", regions);
        out.trade.cols = Index::single("to", regions);
        out.trade.values = Matrix::Zero(nr, nr);
        for (Eigen::Index r = 0; r < nr; ++r) {
            for (Eigen::Index s = 0; s < nr; ++s) {
                out.trade.values(r, s) = m.Z.block(r * n, s * n, n, n).sum() +
                                         m.Y.block(r * n, s * nc, n, kFinalUses).sum();
            }
        }
        out.distances.name = "distances_km";
        out.distances.rows = Index::single("from", regions);
        out.distances.cols = Index::single("to", regions);
        out.distances.values = dist;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::vector<std::string> head = {
        fmt::format("tandem china build: {} provinces x {} sectors = {} rows, year {}",
                    nr,
                    n,
                    big,
                    set.year),
        fmt::format("source: {}", set.source),
        fmt::format("distance decay {}; margin balance {}; RAS: at most {} iterations per "
                    "product, largest margin error {:.2e}",
                    options.decay,
                    options.balance == MarginBalance::kMean      ? "mean"
                    : options.balance == MarginBalance::kOutflow ? "outflow"
                                                                 : "inflow",
                    max_iterations,
                    worst_error),
        fmt::format("built in {:.2f} s", seconds),
    };
    log.insert(log.begin(), head.begin(), head.end());
    out.mrio = std::move(m);
    out.flows = std::move(flows);
    out.rules = rules.take();
    out.log = std::move(log);
    return out;
}

Mrio assemble_mrio(const TableSet& tables,
                   const std::vector<Matrix>& flows,
                   const BuildOptions& options) {
    const Columns col = columns_of(tables);
    if (flows.size() != tables.sectors.size()) {
        fail(ErrorCode::kInvalidInput,
             "{} products of trade flows for {} sectors",
             flows.size(),
             tables.sectors.size());
    }
    std::vector<std::string> log;
    return assemble(tables, col, flows, options, {}, log);
}

void write_trade_flows(const TableSet& tables,
                       const std::vector<Matrix>& flows,
                       const std::filesystem::path& file) {
    fmt::memory_buffer b;
    fmt::format_to(std::back_inserter(b), "product,from,to,value\n");
    for (std::size_t i = 0; i < flows.size(); ++i) {
        for (Eigen::Index r = 0; r < flows[i].rows(); ++r) {
            for (Eigen::Index s = 0; s < flows[i].cols(); ++s) {
                if (flows[i](r, s) != 0.0) {
                    fmt::format_to(std::back_inserter(b),
                                   "{},{},{},{}\n",
                                   tables.sectors[i].code,
                                   tables.tables[static_cast<std::size_t>(r)].region.code,
                                   tables.tables[static_cast<std::size_t>(s)].region.code,
                                   flows[i](r, s));
                }
            }
        }
    }
    data::write_file_atomically(file, fmt::to_string(b));
}

std::vector<Matrix> read_trade_flows(const TableSet& tables, const std::filesystem::path& file) {
    const auto nr = static_cast<Eigen::Index>(tables.tables.size());
    std::map<std::string, std::size_t> product;
    std::map<std::string, Eigen::Index> region;
    for (std::size_t i = 0; i < tables.sectors.size(); ++i) {
        product[tables.sectors[i].code] = i;
    }
    for (std::size_t r = 0; r < tables.tables.size(); ++r) {
        region[tables.tables[r].region.code] = static_cast<Eigen::Index>(r);
    }
    std::vector<Matrix> flows(tables.sectors.size(), Matrix::Zero(nr, nr));
    const std::string name = file.string();
    bool header = true;
    data::read_delimited(file, ',', [&](std::size_t line, const std::vector<std::string>& f) {
        if (header) {
            if (f != std::vector<std::string>{"product", "from", "to", "value"}) {
                data::fail_at(name, line, 1, "expected the header product,from,to,value");
            }
            header = false;
            return;
        }
        if (f.size() != 4) {
            data::fail_at(name, line, 1, fmt::format("expected 4 cells, found {}", f.size()));
        }
        auto p = product.find(f[0]);
        if (p == product.end()) {
            data::fail_at(name, line, 1, fmt::format("unknown sector '{}'", f[0]));
        }
        auto r = region.find(f[1]);
        auto s = region.find(f[2]);
        if (r == region.end() || s == region.end()) {
            data::fail_at(
                name,
                line,
                r == region.end() ? 2 : 3,
                fmt::format("unknown province code '{}'", r == region.end() ? f[1] : f[2]));
        }
        const double v = data::parse_number(f[3], name, line, 4, "value");
        if (v < 0.0 || r->second == s->second) {
            data::fail_at(name, line, 4, "flows are >= 0 and between two different provinces");
        }
        flows[p->second](r->second, s->second) = v;
    });
    return flows;
}

std::string options_json(int year, const BuildOptions& o) {
    nlohmann::ordered_json j;
    j["format"] = "tandem-china-mrio";
    j["year"] = year;
    j["decay"] = o.decay;
    j["balance"] = o.balance == MarginBalance::kOutflow  ? "outflow"
                   : o.balance == MarginBalance::kInflow ? "inflow"
                                                         : "mean";
    j["transit"] = o.net_transit ? "net" : "keep";
    j["negative_uses"] = o.split_negative_uses ? "split" : "local";
    j["employment_split"] =
        o.employment_split == EmploymentSplit::kOutput ? "output" : "compensation";
    j["employment"] = !o.employment_csv.empty();
    return j.dump(2) + "\n";
}

BuildOptions options_from_json(const std::filesystem::path& file, int* year) {
    std::ifstream in(file);
    if (!in) {
        fail(ErrorCode::kIo, "{}: cannot open", file.string());
    }
    nlohmann::json j;
    try {
        in >> j;
        BuildOptions o;
        *year = j.at("year").get<int>();
        o.decay = j.at("decay").get<double>();
        const auto balance = j.at("balance").get<std::string>();
        o.balance = balance == "outflow"  ? MarginBalance::kOutflow
                    : balance == "inflow" ? MarginBalance::kInflow
                                          : MarginBalance::kMean;
        o.net_transit = j.at("transit").get<std::string>() == "net";
        o.split_negative_uses = j.value("negative_uses", std::string("split")) == "split";
        o.employment_split = j.at("employment_split").get<std::string>() == "output"
                                 ? EmploymentSplit::kOutput
                                 : EmploymentSplit::kCompensation;
        if (j.at("employment").get<bool>()) {
            o.employment_csv = data::data_dir() / "china" / "employment.csv";
        }
        return o;
    } catch (const nlohmann::json::exception& e) {
        fail(ErrorCode::kInvalidInput, "{}: {}", file.string(), e.what());
    }
}

Mrio load_china_mrio(int year) {
    const auto folder = data::data_dir() / "china" / fmt::format("mrio_{}", year);
    if (!std::filesystem::exists(folder / "china_mrio.json")) {
        fail(ErrorCode::kInvalidInput,
             "no shipped China MRIO for {} (shipped: 2012, 2017); looked in {}",
             year,
             folder.string());
    }
    int stored_year = 0;
    const BuildOptions o = options_from_json(folder / "china_mrio.json", &stored_year);
    const TableSet set = data::load_provincial_tables(year);
    return assemble_mrio(set, read_trade_flows(set, folder / "trade_flows.csv"), o);
}

Mrio load_mrio_spec(const std::string& spec, const ProgressFn& progress) {
    if (spec.empty()) {
        return load_china_mrio(2017);
    }
    if (spec.starts_with("china:")) {
        const std::string y = spec.substr(6);
        if (y != "2017" && y != "2012") {
            fail(ErrorCode::kInvalidInput, "the shipped China MRIOs are china:2017 and china:2012");
        }
        return load_china_mrio(std::stoi(y));
    }
    return data::read_mrio(spec, progress);
}

std::string build_log_markdown(const BuildResult& r) {
    fmt::memory_buffer b;
    auto out = std::back_inserter(b);
    fmt::format_to(out, "# {}\n\n", r.mrio.name);
    for (const auto& line : r.log) {
        fmt::format_to(out, "- {}\n", line);
    }
    fmt::format_to(out,
                   "\n## Rules for the data's quirks\n\n| rule | fired | moved ({}) | what it does "
                   "|\n|---|---:|---:|---|\n",
                   r.mrio.units.empty() ? "" : r.mrio.units.front());
    for (const auto& u : r.rules) {
        fmt::format_to(out, "| {} | {} | {:.1f} | {} |\n", u.id, u.fired, u.moved, u.description);
    }
    fmt::format_to(out, "\n## Identities\n\n| identity | holds | residual |\n|---|---|---:|\n");
    for (std::size_t k = 0; k < r.identities.rows.size(); ++k) {
        fmt::format_to(out,
                       "| {} | {} | {:.3g} |\n",
                       r.identities.rows.at(k, 0),
                       r.identities.rows.at(k, 1),
                       r.identities.values(static_cast<Eigen::Index>(k), 0));
    }
    return fmt::to_string(b);
}

std::string build_log_json(const BuildResult& r) {
    nlohmann::ordered_json j;
    j["name"] = r.mrio.name;
    j["log"] = r.log;
    j["rules"] = nlohmann::ordered_json::array();
    for (const auto& u : r.rules) {
        j["rules"].push_back(
            {{"id", u.id}, {"fired", u.fired}, {"moved", u.moved}, {"description", u.description}});
    }
    j["identities"] = nlohmann::ordered_json::array();
    for (std::size_t k = 0; k < r.identities.rows.size(); ++k) {
        j["identities"].push_back(
            {{"identity", r.identities.rows.at(k, 0)},
             {"holds", r.identities.rows.at(k, 1)},
             {"residual", r.identities.values(static_cast<Eigen::Index>(k), 0)}});
    }
    return j.dump(2) + "\n";
}

void write_build(const BuildResult& r,
                 const TableSet& set,
                 int year,
                 const BuildOptions& options,
                 const std::filesystem::path& folder,
                 const ProgressFn& progress) {
    data::write_pymrio(r.mrio, folder / "pymrio", {}, progress);
    data::write_tandem_mrio(r.mrio, folder / "tandem", progress);
    for (const Table* t : {&r.provinces, &r.identities, &r.trade, &r.distances}) {
        std::ofstream f(folder / (t->name + ".csv"), std::ios::binary);
        data::write_csv(*t, f);
        if (!f) {
            fail(ErrorCode::kIo, "{}: cannot write {}.csv", folder.string(), t->name);
        }
    }
    write_trade_flows(set, r.flows, folder / "trade_flows.csv");
    data::write_file_atomically(folder / "china_mrio.json", options_json(year, options));
    data::write_file_atomically(folder / "build_log.md", build_log_markdown(r));
    data::write_file_atomically(folder / "build_log.json", build_log_json(r));
}

}  // namespace tandem::china
