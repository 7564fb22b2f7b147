// pymrio's calc_all, with pymrio's conventions, computed from one factorisation of I - A.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tandem/core/mrio.hpp"
#include "tandem/core/progress.hpp"
#include "tandem/mrio/leontief.hpp"

namespace tandem::mrio {

struct CalcOptions {
    bool ghosh = false;             // B, M_down (and G with explicit_inverse)
    bool explicit_inverse = false;  // L (and G): O(n^3) and n^2 memory each
    bool keep_A = true;             // hold A in memory; otherwise it stays implicit in Z and x
    bool check = true;              // refuse negative output, inputs without output, etc.
    bool allow_negative_flows = false;
    SolverOptions solver;

    bool is_valid(std::string* why) const;
};

// Checks the table before solving; throws Error(kInvalidInput or kNumerical) naming the region
// and sector: negative or non-finite values, zero output with non-zero inputs, a column sum of
// A of 1 or more.
void check_table(const Mrio& mrio, const CalcOptions& options);

// Fills every missing account of mrio (x, A, Z, extensions' F/S, F_Y/S_Y, M, footprints and
// their _reg and _cap forms; B, G, M_down, L when asked), as pymrio's calc_all does, and
// returns the factorisation used.
LeontiefSolver calc_all(Mrio& mrio,
                        const CalcOptions& options = {},
                        const ProgressFn& progress = {});

// The footprint accounts of pymrio's calc_accounts for every extension, given a factorisation.
void calc_accounts(Mrio& mrio, const LeontiefSolver& solver, const ProgressFn& progress = {});

// What a final-demand shock changes, computed in O(n^2 + n k regions): one solve for x and
// the regional consumption- and production-based accounts from M and S.
struct ShockResult {
    Vector x;                       // gross output under the new final demand
    Vector delta_x;                 // x - base x
    std::vector<Matrix> D_cba_reg;  // per extension, stressors x regions
    std::vector<Matrix> D_pba_reg;  // per extension, stressors x regions
};

// A factored model: answers final-demand shocks in O(n^2) without refactoring.
class FactorisedModel {
public:
    explicit FactorisedModel(Mrio base, const CalcOptions& options = {});
    const Mrio& base() const { return base_; }
    const LeontiefSolver& solver() const { return solver_; }
    // Gross output for another final demand: x = L y (y = row sums of Y_new).
    Vector output_for(const Matrix& Y_new) const;
    // Every account for another final demand, with pymrio's reset_all_to_coefficients
    // semantics: A, S, S_Y and M stay, Z, x, F, F_Y and the footprints are recomputed.
    Mrio with_final_demand(const Matrix& Y_new, const ProgressFn& progress = {}) const;
    // The quick answer: x and the regional cba/pba accounts (equal to with_final_demand's).
    ShockResult shock(const Matrix& Y_new) const;

private:
    Mrio base_;
    CalcOptions options_;
    LeontiefSolver solver_;
};

// Aggregation by concordance: each region (sector) of the source gets the name of its group.
// Groups keep the order in which they first appear, as pymrio's aggregate does.
struct Aggregation {
    std::vector<std::string> region_groups;  // empty: regions unchanged
    std::vector<std::string> sector_groups;  // empty: sectors unchanged
};
// Aggregates flows (Z, Y, x, F, F_Y, population) and drops everything derived from them.
Mrio aggregate(const Mrio& mrio, const Aggregation& aggregation);

// Gross output from the flows, x = Z i + Y i (pymrio's calc_x), for a folder saved without x.
Vector output_from_flows(const Mrio& m);

}  // namespace tandem::mrio
