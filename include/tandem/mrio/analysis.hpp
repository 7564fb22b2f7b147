// The Miller & Blair toolbox beyond pymrio: multipliers of Type I and II, linkages, hypothetical
// extraction, intra-regional / spillover / feedback effects, Round's decomposition, prices.
//
// References (cited by the tests that check each function):
//   Miller, R.E. and Blair, P.D. (2009), Input-Output Analysis: Foundations and Extensions,
//   2nd ed., Cambridge University Press.  [M&B]
//   Rasmussen, P.N. (1956), Studies in Inter-sectoral Relations.
//   Round, J.I. (1985), Decomposing multipliers for economic systems involving regional and
//   world trade, Economic Journal 95, 383-399.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tandem/core/mrio.hpp"
#include "tandem/mrio/leontief.hpp"

namespace tandem::mrio {

// A coefficient row per unit of gross output (value added / x, compensation / x, jobs / x).
struct CoefficientRow {
    std::string name;
    Vector per_output;  // n
};

// Households made endogenous (M&B 2.5): income coefficients (labour compensation / x) as extra
// rows, household consumption coefficients (consumption / total household income) as extra
// columns; one household group per region in a multi-regional table (M&B 3.4), or one.
struct HouseholdClosure {
    Matrix income;       // h x n: compensation per unit of output, by household group
    Matrix consumption;  // n x h: consumption per unit of household income
    Matrix own;          // h x h: household income paid by households (M&B's example); empty = 0
};

struct MultiplierTable {
    std::vector<std::string> names;  // "output" first, then one per coefficient row
    Matrix simple;  // rows x n: effects per unit of final demand, c' L (output: i' L)
    Matrix type1;   // rows x n: c' L / c  (M&B "Type I"; 0 where c is 0); output: i' L
    Matrix total;   // rows x n: c' L-bar with households closed (empty without closure)
    Matrix type2;   // rows x n: c' L-bar / c (empty without closure)
    // h x n: the household rows of L-bar, household income generated per unit of final
    // demand; divided by the income coefficient this is M&B's Type II income multiplier.
    Matrix household_income;
};

MultiplierTable multipliers(const Matrix& A,
                            const LeontiefSolver& solver,
                            const std::vector<CoefficientRow>& rows,
                            const std::optional<HouseholdClosure>& closure = std::nullopt);

enum class ForwardMeasure { kGhosh, kLeontief };

// Near-zero outputs: x_j <= kNegligibleOutput * max|x| counts as zero wherever x divides
// (A, B, S, shares; Mrio::reciprocal_output), documented in docs/numerics.md.
constexpr double kNegligibleOutput = 1e-9;

// Rasmussen's linkages: backward = column sums of L, forward = row sums of G (Ghosh, M&B 12.1.2)
// or of L; power and sensitivity of dispersion are these over their means (sectors with output
// counted as zero left out); a key sector has both
// above 1.
struct Linkages {
    Vector backward;
    Vector forward;
    Vector power;                   // backward / mean(backward)
    Vector sensitivity;             // forward / mean(forward)
    std::vector<std::string> kind;  // "key", "backward", "forward", "weak" or "no output"
    // Sectors with near-zero output (kNegligibleOutput): kind "no output", power and
    // sensitivity 0, left out of the means.
    std::size_t negligible = 0;
};

Linkages linkages(const Vector& x,
                  const LeontiefSolver& solver,
                  ForwardMeasure forward = ForwardMeasure::kGhosh);

// Sectors whose intermediate sales exceed their output (a row sum of the Ghosh B above 1): final
// demand is negative there, as where a competitive-import table books imports as negative
// final demand. Their Ghosh forward linkages are inflated; a data caution, not an error.
// Sorted by sales / output, largest first (sectors whose output counts as zero left out).
struct SalesAboveOutput {
    std::size_t sector;
    double ratio;  // intermediate sales / output
};
std::vector<SalesAboveOutput> sales_above_output(const Mrio& m);

// Hypothetical extraction (M&B 12.2), for every sector j, as the loss of total gross output:
// total: row and column j of A and j's final demand removed; backward: column j of A set to 0;
// forward: row j of the Ghosh B set to 0 (value added fixed). Uses the explicit inverse L.
struct Extraction {
    Vector total;
    Vector backward;
    Vector forward;
};
Extraction hypothetical_extraction(const Vector& x, const Matrix& L);

// Miller's decomposition of output multipliers by region (M&B 3.5): for a unit of final demand
// for sector j of region r, the output in r that r's own table explains (intra), the extra
// output in r that comes back through other regions (feedback), and the output in each other
// region (spillover; a regions x n matrix, 0 in the own region's row). Columns sum to i' L.
struct RegionalEffects {
    Vector intra;
    Vector feedback;
    Matrix spillover;
};
RegionalEffects regional_effects(const Mrio& mrio, const Matrix& A, const Matrix& L);

// Round's multiplicative decomposition L = M3 M2 M1 (Round 1985; M&B 6.?): M1 the
// intra-regional multipliers, M2 the open-loop (spillover) and M3 the closed-loop (feedback)
// multipliers, for any number of regions (Pyatt & Round 1979 with k = regions).
struct RoundDecomposition {
    Matrix M1, M2, M3;
    // Column sums of the additive form L = I + (M1 - I) + (M2 - I) M1 + (M3 - I) M2 M1.
    Vector initial, intra, spillover, feedback;
};
RoundDecomposition round_decomposition(const Mrio& mrio, const Matrix& A);

// Leontief price model (M&B 2.6): p = (I - A')^-1 v, v the value-added (primary input)
// coefficients; p = 1 for the base year's v. A change dv gives dp = (I - A')^-1 dv.
Vector leontief_prices(const LeontiefSolver& solver, const Vector& value_added_coefficients);

}  // namespace tandem::mrio
