// The multi-regional input-output system: accounts as pymrio names them, with their labels.
#pragma once

#include <string>
#include <vector>

#include "tandem/core/labels.hpp"

namespace tandem {

// A satellite account (employment, emissions, value added, ...). Empty matrices are absent.
struct Extension {
    std::string name;                // "Emissions"; its folder is the lower-case name with '_'
    Index stressors;                 // rows, e.g. levels {"stressor", "compartment"}
    std::vector<std::string> units;  // one per stressor row
    std::string unit_column = "unit";

    Matrix F;       // k x n   flows by producing sector
    Matrix F_Y;     // k x m   flows by final-demand column (direct household emissions)
    Matrix S;       // k x n   coefficients F / x
    Matrix S_Y;     // k x m   coefficients F_Y / column totals of Y
    Matrix M;       // k x n   multipliers S L
    Matrix M_down;  // k x n   downstream multipliers S (G' - I)
    Matrix D_cba, D_pba, D_imp, D_exp;                  // k x n
    Matrix D_cba_reg, D_pba_reg, D_imp_reg, D_exp_reg;  // k x regions
    Matrix D_cba_cap, D_pba_cap, D_imp_cap, D_exp_cap;  // k x regions

    std::string folder_name() const;
    // Drops everything derived from flows, as pymrio's reset_to_coefficients.
    void reset_to_coefficients();
    // Drops everything but the flows F and F_Y, as pymrio's reset_to_flows.
    void reset_to_flows();
};

struct Mrio {
    std::string name = "tandem";
    std::string description;
    std::string system = "ixi";
    std::string version = "v1";
    std::vector<std::string> history;

    Index sectors;                   // rows and columns of Z, levels {"region", "sector"}
    Index final_demand;              // columns of Y, levels {"region", "category"}
    std::vector<std::string> units;  // one per sector row ("Mill USD", "10k CNY")

    Matrix Z;  // n x n intermediate flows
    Matrix Y;  // n x m final demand
    Vector x;  // n gross output
    Matrix A;  // n x n technical coefficients (may be left implicit: see a_matrix())
    Matrix L;  // n x n Leontief inverse, only when asked for
    Matrix B;  // n x n Ghosh allocation coefficients, only when asked for
    Matrix G;  // n x n Ghosh inverse, only when asked for

    Vector population;  // one per region, empty when unknown
    std::vector<std::string> population_regions;

    std::vector<Extension> extensions;

    std::size_t size() const { return sectors.size(); }
    std::vector<std::string> regions() const { return sectors.unique(0); }
    std::vector<std::string> sector_names() const { return sectors.unique(1); }
    // Region position (in regions()) of every sector row and of every final-demand column.
    std::vector<std::size_t> sector_region() const;
    std::vector<std::size_t> final_demand_region() const;

    // 1/x with 0 where x is 0 (pymrio's convention for A, S and B).
    Vector reciprocal_output() const;
    bool has_explicit_A() const { return A.size() > 0; }
    // A, from the stored matrix or from Z and x.
    Matrix a_matrix() const;
    // Z, from the stored matrix or from A and x.
    Matrix z_matrix() const;

    Extension* find_extension(const std::string& name);
    const Extension* find_extension(const std::string& name) const;

    // Drops everything derived from coefficients' flows (Z, x, F, accounts), keeping A, L, S,
    // S_Y and M: pymrio's reset_all_to_coefficients.
    void reset_to_coefficients();
    // Drops everything but the flows Z, Y, F, F_Y: pymrio's reset_all_to_flows.
    void reset_to_flows();
};

// Every account held in memory, as names: "Z", "Y", "x", "A", ..., and "<extension>/<account>"
// such as "Emissions/D_cba_reg".
std::vector<std::string> account_names(const Mrio& mrio);
// One account as a labelled table (x as one column "indout", population as one row). The
// extension may be named by its name or its folder name. Throws Error(kInvalidInput) when the
// account is unknown or not computed.
Table account_table(const Mrio& mrio, const std::string& name);
// The labels an account carries, whether or not it is computed.
Index account_rows(const Mrio& mrio, const std::string& name);
Index account_columns(const Mrio& mrio, const std::string& name);
// Stores an account, checking its shape against its labels.
void set_account(Mrio& mrio, const std::string& name, Matrix values);

}  // namespace tandem
