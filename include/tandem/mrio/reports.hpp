// The MRIO analyses as labelled tables: the entry points the CLI (`tandem mrio ...`), the HTTP
// service and the Python module share. Each takes the model and an Options struct (checked by
// is_valid), runs what the analysis needs on it (calc_all, the explicit inverse where the
// method needs one) and returns tables labelled by region and sector, with their units and
// notes; the front ends only parse, call and print.
//
// Cost: calc_all's (one LU of I - A, O(n^3) dense or sparse LU), plus the explicit inverse
// (O(n^3), n^2 memory) for extraction, decomposition and Type II multipliers, which are
// therefore refused above kDenseAnalysisLimit sectors.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "tandem/core/labels.hpp"
#include "tandem/core/mrio.hpp"
#include "tandem/core/progress.hpp"
#include "tandem/mrio/analysis.hpp"
#include "tandem/mrio/calc.hpp"
#include "tandem/mrio/demand_change.hpp"

namespace tandem::mrio {

// Above these sizes L (and G) are not formed unless asked for, A stays implicit in Z and x,
// and the analyses that need the explicit inverse are refused (docs/cli.md).
constexpr std::size_t kInverseThreshold = 2000;
constexpr std::size_t kKeepAThreshold = 4000;
constexpr std::size_t kDenseAnalysisLimit = 6000;

// "auto", "dense" or "sparse"; anything else is a usage error naming the three.
SolverKind parse_solver_kind(const std::string& name);

// calc_all's options for a model of n sectors: A kept up to kKeepAThreshold.
CalcOptions calc_options_for(std::size_t n, SolverKind solver = SolverKind::kAuto);

// The position of "region/sector" in the model; an unknown label is an error naming the
// nearest ones.
Eigen::Index find_sector(const Mrio& m, const std::string& label);

struct ShockOptions {
    DemandChange change;
    SolverKind solver = SolverKind::kAuto;
    bool is_valid(std::string* why) const;
};

struct ShockReport {
    Mrio shocked;               // the model with the changed final demand, recalculated
    std::vector<Table> tables;  // output change, then each extension's change in D_cba_reg
};

// A final-demand change recomputed on the factorised model (pymrio's
// reset_all_to_coefficients semantics).
ShockReport shock_report(Mrio base, const ShockOptions& options, const ProgressFn& progress = {});

struct MultiplierOptions {
    SolverKind solver = SolverKind::kAuto;
    // Type II: the extension row of labour income ("Factor Inputs/Value Added") and the
    // final-demand category of households; both or neither.
    std::string income;
    std::string households;
    bool is_valid(std::string* why) const;
};

// The households of each region closed (M&B 3.4): income coefficients from the named
// extension row, consumption coefficients from the named final-demand category. Errors name
// the rows or categories there are.
HouseholdClosure household_closure(const Mrio& m,
                                   const std::vector<CoefficientRow>& rows,
                                   const std::string& income,
                                   const std::string& households);

// Output multipliers and those of every extension row: simple and Type I, with Type II when
// options name income and households. Runs calc_all on m.
Table multipliers_table(Mrio& m, const MultiplierOptions& options);

struct LinkageOptions {
    SolverKind solver = SolverKind::kAuto;
    ForwardMeasure forward = ForwardMeasure::kGhosh;
};

// Rasmussen's backward and forward linkages, power and sensitivity of dispersion and the kind
// of each sector; notes say which inverse gave the forward linkages and caution about sectors
// selling more than they produce. Runs calc_all on m.
Table linkages_table(Mrio& m, const LinkageOptions& options);

// Hypothetical extraction of each sector (total, backward, forward): the loss of total gross
// output, absolute and as % of the total. Forms L.
Table extraction_table(Mrio& m, SolverKind solver = SolverKind::kAuto);

enum class DecompositionMethod { kMiller, kRound };

// Miller's intra-regional, feedback and spillover effects (to each region) of the output
// multipliers, or Round's multiplicative decomposition. Forms L.
Table decomposition_table(Mrio& m,
                          DecompositionMethod method,
                          SolverKind solver = SolverKind::kAuto);

struct PriceOptions {
    SolverKind solver = SolverKind::kAuto;
    // "region/sector" -> change in value-added cost per unit of output
    std::vector<std::pair<std::string, double>> cost_push;
    bool is_valid(std::string* why) const;
};

// The Leontief price model: the % price change of every product. Runs calc_all on m.
Table price_table(Mrio& m, const PriceOptions& options);

}  // namespace tandem::mrio
