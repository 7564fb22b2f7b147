// A single-region model from an official competitive-import table: the province's own supply
// separated from imports and inflows from other provinces.
#pragma once

#include "tandem/core/io_table.hpp"
#include "tandem/core/mrio.hpp"
#include "tandem/mrio/analysis.hpp"

namespace tandem::mrio {

struct RegionalModel {
    Mrio mrio;                 // Z = regional (locally supplied) flows, Y = demand for local output
    Vector import_share;       // m_i: share of product i's local use supplied from outside
    HouseholdClosure closure;  // compensation row and local household consumption column
    Vector value_added;        // total value added by sector (V summed)
    Vector compensation;       // compensation of employees by sector (VA001)
    // Products whose imports and inflows exceed their local use (re-exports, transit, or
    // inconsistent source data): their import share is capped at 1.
    std::vector<Eigen::Index> capped;
};

// The import-removal assumption, documented in docs/numerics.md: every use of product i in the
// region draws the same share m_i = (imports_i + inflows_i) / (intermediate use_i + local final
// use_i) from outside (M&B 8.2 "regional purchase coefficients", the standard proportionality
// assumption). Z_regional = (I - m^) Z. Final demand for local output = x - Z_regional i.
RegionalModel regional_model(const TableSet& set, const RegionalTable& table);

}  // namespace tandem::mrio
