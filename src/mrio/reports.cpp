#include "tandem/mrio/reports.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "tandem/core/error.hpp"
#include "tandem/data/delimited.hpp"
#include "tandem/data/regions.hpp"

namespace tandem::mrio {

namespace {

Table sector_table(const Mrio& m, std::string name, std::vector<std::string> cols, Matrix values) {
    Table t;
    t.name = std::move(name);
    t.rows = m.sectors;
    t.cols = Index::single("", cols);
    t.values = std::move(values);
    return t;
}

void require_dense_size(const Mrio& m, const char* what) {
    if (m.size() > kDenseAnalysisLimit) {
        fail(ErrorCode::kUsage,
             "{} needs the explicit inverse, limited to {} sectors; this table has {}",
             what,
             kDenseAnalysisLimit,
             m.size());
    }
}

// calc_all with the explicit inverse L, for the analyses that read it.
void calc_with_inverse(Mrio& m, SolverKind solver, const char* what) {
    require_dense_size(m, what);
    auto options = calc_options_for(m.size(), solver);
    options.explicit_inverse = true;
    calc_all(m, options);
}

// Every extension row as a coefficient per unit of output, named "extension/stressor".
std::vector<CoefficientRow> extension_rows(const Mrio& m) {
    std::vector<CoefficientRow> rows;
    for (const auto& e : m.extensions) {
        for (std::size_t k = 0; k < e.stressors.size(); ++k) {
            rows.push_back({e.name + "/" + e.stressors.joined(k),
                            e.S.row(static_cast<Eigen::Index>(k)).transpose()});
        }
    }
    return rows;
}

}  // namespace

SolverKind parse_solver_kind(const std::string& name) {
    if (name == "dense") {
        return SolverKind::kDense;
    }
    if (name == "sparse") {
        return SolverKind::kSparse;
    }
    if (name != "auto") {
        fail(ErrorCode::kUsage, "solver '{}': expected auto, dense or sparse", name);
    }
    return SolverKind::kAuto;
}

CalcOptions calc_options_for(std::size_t n, SolverKind solver) {
    CalcOptions o;
    o.solver.kind = solver;
    o.keep_A = n <= kKeepAThreshold;
    return o;
}

Eigen::Index find_sector(const Mrio& m, const std::string& label) {
    std::vector<std::string> all;
    for (std::size_t i = 0; i < m.size(); ++i) {
        if (m.sectors.joined(i) == label) {
            return static_cast<Eigen::Index>(i);
        }
        all.push_back(m.sectors.joined(i));
    }
    fail(ErrorCode::kInvalidInput,
         "no sector '{}' (give region/sector); did you mean {}?",
         label,
         data::list_excerpt(data::nearest_names(label, all)));
}

bool ShockOptions::is_valid(std::string* why) const {
    if (change.demand_region.empty()) {
        *why = "the region whose final demand changes is missing";
        return false;
    }
    if ((change.scale && !std::isfinite(*change.scale)) || !std::isfinite(change.add)) {
        *why = "the scale and the amount added must be finite";
        return false;
    }
    if (change.scale && change.add != 0.0) {
        *why = "a change either scales the demand or adds an amount, not both";
        return false;
    }
    return true;
}

namespace {

// With final demand >= 0 everywhere, no sector's output can change by a larger share than the
// largest share by which a final-demand cell changed (x = L y, L >= 0). Sectors beyond it are
// possible only through negative final demand (inventory drawdowns, net exports) in the base:
// the percentages are right but read as large because those outputs are small.
std::optional<std::string> output_change_caution(const Mrio& m, const Matrix& Y, const Table& t) {
    double largest = 0.0;
    for (Eigen::Index i = 0; i < Y.rows(); ++i) {
        for (Eigen::Index j = 0; j < Y.cols(); ++j) {
            const double before = m.Y(i, j);
            if (Y(i, j) != before && before != 0.0) {
                largest = std::max(largest, std::abs((Y(i, j) - before) / before));
            }
        }
    }
    std::vector<Eigen::Index> beyond;
    for (Eigen::Index i = 0; i < t.values.rows(); ++i) {
        if (std::abs(t.values(i, 1)) > 100.0 * largest * (1.0 + 1e-9) + 1e-9) {
            beyond.push_back(i);
        }
    }
    if (beyond.empty() || largest == 0.0) {
        return std::nullopt;
    }
    const auto most = *std::max_element(beyond.begin(), beyond.end(), [&](auto a, auto b) {
        return std::abs(t.values(a, 1)) < std::abs(t.values(b, 1));
    });
    const auto& label = t.rows.labels[static_cast<std::size_t>(most)];
    return fmt::format(
        "data caution: {} sector(s) change by more than the largest change of a final-demand "
        "cell ({:.4g}%), which only negative final demand in the base (inventory drawdowns, net "
        "exports) allows; largest {}/{}: {:+.4g}% of a base output of {:.6g}",
        beyond.size(),
        100.0 * largest,
        label.at(0),
        label.size() > 1 ? label.at(1) : std::string(),
        t.values(most, 1),
        m.x(most));
}

}  // namespace

ShockReport shock_report(Mrio base, const ShockOptions& options, const ProgressFn& progress) {
    require_valid(options, "shock");
    auto calc = calc_options_for(base.size(), options.solver);
    calc.keep_A = true;
    FactorisedModel model(std::move(base), calc);
    const Mrio& m = model.base();
    const Matrix Y = changed_final_demand(m, options.change);
    ShockReport out{model.with_final_demand(Y, progress), {}};
    const std::string scenario = "scenario: " + describe(options.change);
    out.tables.push_back(output_change(m, out.shocked.x));
    out.tables[0].notes.push_back(scenario);
    if (auto caution = output_change_caution(m, Y, out.tables[0])) {
        out.tables[0].notes.push_back(*caution);
    }
    for (const auto& e : m.extensions) {
        Table t = account_table(out.shocked, e.name + "/D_cba_reg");
        t.values -= e.D_cba_reg;
        t.name = e.folder_name() + "__delta_D_cba_reg";
        t.notes.push_back(scenario);
        out.tables.push_back(std::move(t));
    }
    return out;
}

bool MultiplierOptions::is_valid(std::string* why) const {
    if (income.empty() != households.empty()) {
        *why = "Type II needs both the income row and the households' category";
        return false;
    }
    return true;
}

HouseholdClosure household_closure(const Mrio& m,
                                   const std::vector<CoefficientRow>& rows,
                                   const std::string& income,
                                   const std::string& households) {
    const auto it =
        std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r.name == income; });
    if (it == rows.end()) {
        std::vector<std::string> names;
        for (const auto& r : rows) {
            names.push_back(r.name);
        }
        fail(ErrorCode::kInvalidInput,
             "no extension row '{}'; rows: {}",
             income,
             data::list_excerpt(names));
    }
    const auto sreg = m.sector_region();
    const auto fdreg = m.final_demand_region();
    const auto h = static_cast<Eigen::Index>(m.regions().size());
    const auto n = static_cast<Eigen::Index>(m.size());
    HouseholdClosure hc{Matrix::Zero(h, n), Matrix::Zero(n, h), Matrix()};
    Vector income_total = Vector::Zero(h);
    for (Eigen::Index j = 0; j < n; ++j) {
        const auto r = static_cast<Eigen::Index>(sreg[static_cast<std::size_t>(j)]);
        hc.income(r, j) = it->per_output(j);
        income_total(r) += it->per_output(j) * m.x(j);
    }
    bool found = false;
    for (std::size_t c = 0; c < m.final_demand.size(); ++c) {
        if (m.final_demand.at(c, 1) == households) {
            found = true;
            const auto r = static_cast<Eigen::Index>(fdreg[c]);
            if (income_total(r) > 0.0) {
                hc.consumption.col(r) += m.Y.col(static_cast<Eigen::Index>(c)) / income_total(r);
            }
        }
    }
    if (!found) {
        fail(ErrorCode::kInvalidInput,
             "no final-demand category '{}'; categories: {}",
             households,
             data::list_excerpt(m.final_demand.unique(1)));
    }
    return hc;
}

Table multipliers_table(Mrio& m, const MultiplierOptions& options) {
    require_valid(options, "multiplier");
    const auto solver = calc_all(m, calc_options_for(m.size(), options.solver));
    const auto rows = extension_rows(m);
    std::optional<HouseholdClosure> closure;
    if (!options.income.empty()) {
        require_dense_size(m, "the Type II closure");
        closure = household_closure(m, rows, options.income, options.households);
    }
    const auto result = multipliers(m.a_matrix(), solver, rows, closure);
    std::vector<std::string> cols;
    Matrix values(static_cast<Eigen::Index>(m.size()), 0);
    // Row r of every block is result.names[r] ("output" first, then one per row).
    auto append = [&](const Matrix& block, const std::string& suffix) {
        for (Eigen::Index r = 0; r < block.rows(); ++r) {
            cols.push_back(result.names.at(static_cast<std::size_t>(r)) + suffix);
            values.conservativeResize(Eigen::NoChange, values.cols() + 1);
            values.col(values.cols() - 1) = block.row(r).transpose();
        }
    };
    append(result.simple, " (simple)");
    append(result.type1, " (Type I)");
    if (closure) {
        append(result.total, " (total, households closed)");
        append(result.type2, " (Type II)");
    }
    Table t = sector_table(m, "multipliers", cols, std::move(values));
    t.notes = {
        "simple: effect in the whole system per unit of final demand for the column's sector "
        "(output: the column sum of L)",
        "Type I: the simple multiplier over the sector's own direct coefficient (0 where that "
        "is 0)"};
    if (closure) {
        t.notes.push_back(
            "total and Type II: the same with households closed (induced consumption)");
    }
    return t;
}

namespace {

// The caution for a Ghosh forward linkage of sectors that sell more than they produce.
std::string oversold_caution(const Mrio& m, const std::vector<SalesAboveOutput>& oversold) {
    std::vector<std::string> worst;
    for (std::size_t k = 0; k < std::min<std::size_t>(3, oversold.size()); ++k) {
        worst.push_back(
            fmt::format("{} ({:.0f} x)", m.sectors.joined(oversold[k].sector), oversold[k].ratio));
    }
    return fmt::format(
        "data caution: {} sector(s) sell more to intermediate use than they produce (negative "
        "final demand, e.g. imports booked in final demand); their Ghosh forward linkages are "
        "inflated; largest: {}. Forward linkages from the Leontief inverse do not depend on this",
        oversold.size(),
        fmt::join(worst, ", "));
}

}  // namespace

Table linkages_table(Mrio& m, const LinkageOptions& options) {
    const auto solver = calc_all(m, calc_options_for(m.size(), options.solver));
    const bool ghosh = options.forward == ForwardMeasure::kGhosh;
    const auto link = linkages(m.x, solver, options.forward);
    Table t =
        sector_table(m,
                     "linkages",
                     {"backward", "forward", "power of dispersion", "sensitivity of dispersion"},
                     Matrix(static_cast<Eigen::Index>(m.size()), 4));
    t.units =
        "backward and forward: sums of inverse coefficients; power and sensitivity: indices, "
        "mean 1";
    t.notes.push_back(ghosh ? "forward linkages: row sums of the Ghosh inverse G"
                            : "forward linkages: row sums of the Leontief inverse L");
    const auto oversold = sales_above_output(m);
    if (ghosh && !oversold.empty()) {
        t.notes.push_back(oversold_caution(m, oversold));
    }
    if (link.negligible > 0) {
        t.notes.push_back(fmt::format(
            "{} sector(s) with near-zero output (at most {:g} x the largest) count as zero "
            "output: their column of A and row of B are 0, they are left out of the means and "
            "shown as 'no output'",
            link.negligible,
            kNegligibleOutput));
    }
    t.values.col(0) = link.backward;
    t.values.col(1) = link.forward;
    t.values.col(2) = link.power;
    t.values.col(3) = link.sensitivity;
    t.rows.names.push_back("kind");
    for (std::size_t i = 0; i < m.size(); ++i) {
        t.rows.labels[i].push_back(link.kind[i]);
    }
    return t;
}

Table extraction_table(Mrio& m, SolverKind solver) {
    calc_with_inverse(m, solver, "hypothetical extraction");
    const auto ex = hypothetical_extraction(m.x, m.L);
    const double total = m.x.sum();
    Matrix v(static_cast<Eigen::Index>(m.size()), 6);
    v.col(0) = ex.total;
    v.col(1) = 100.0 * ex.total / total;
    v.col(2) = ex.backward;
    v.col(3) = 100.0 * ex.backward / total;
    v.col(4) = ex.forward;
    v.col(5) = 100.0 * ex.forward / total;
    return sector_table(
        m, "extraction", {"total", "total %", "backward", "backward %", "forward", "forward %"}, v);
}

Table decomposition_table(Mrio& m, DecompositionMethod method, SolverKind solver) {
    calc_with_inverse(m, solver, "the regional decomposition");
    const Matrix A = m.a_matrix();
    if (method == DecompositionMethod::kMiller) {
        const auto eff = regional_effects(m, A, m.L);
        std::vector<std::string> cols = {"intra-regional", "feedback", "spillover total"};
        for (const auto& r : m.regions()) {
            cols.push_back("spillover to " + r);
        }
        Matrix v(static_cast<Eigen::Index>(m.size()), static_cast<Eigen::Index>(cols.size()));
        v.col(0) = eff.intra;
        v.col(1) = eff.feedback;
        v.col(2) = eff.spillover.colwise().sum().transpose();
        v.rightCols(eff.spillover.rows()) = eff.spillover.transpose();
        return sector_table(m, "miller_decomposition", cols, v);
    }
    const auto round = round_decomposition(m, A);
    Matrix v(static_cast<Eigen::Index>(m.size()), 4);
    v.col(0) = round.initial;
    v.col(1) = round.intra;
    v.col(2) = round.spillover;
    v.col(3) = round.feedback;
    return sector_table(
        m,
        "round_decomposition",
        {"initial", "intra-regional", "spillover (open loop)", "feedback (closed loop)"},
        v);
}

bool PriceOptions::is_valid(std::string* why) const {
    if (cost_push.empty()) {
        *why = "no cost push given";
        return false;
    }
    for (const auto& [sector, change] : cost_push) {
        if (!std::isfinite(change)) {
            *why = "the cost change of " + sector + " is not finite";
            return false;
        }
    }
    return true;
}

Table price_table(Mrio& m, const PriceOptions& options) {
    require_valid(options, "price");
    const auto solver = calc_all(m, calc_options_for(m.size(), options.solver));
    Vector dv = Vector::Zero(static_cast<Eigen::Index>(m.size()));
    for (const auto& [sector, change] : options.cost_push) {
        dv(find_sector(m, sector)) += change;
    }
    Matrix v(static_cast<Eigen::Index>(m.size()), 1);
    v.col(0) = 100.0 * leontief_prices(solver, dv);
    return sector_table(m, "price_change", {"price change %"}, v);
}

}  // namespace tandem::mrio
