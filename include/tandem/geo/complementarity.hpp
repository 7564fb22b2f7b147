// How well one region's supply fits another's demand: Michaely's trade complementarity index
// (Michaely 1996, "Trade Preferential Agreements in Latin America: An Ex-Ante Assessment",
// World Bank WPS 1583), as the World Bank's WITS computes it.
#pragma once

#include <string>
#include <vector>

#include "tandem/core/labels.hpp"

namespace tandem::geo {

// 100 (1 - sum_i |m_ik - x_ij| / 2): x_ij the share of product i in j's exports (or outflows),
// m_ik its share in k's imports (or inflows). 100 when the structures coincide, 0 when j sells
// only what k does not buy.
double trade_complementarity(const Vector& exports_j, const Vector& imports_k);

// Every ordered pair: row j (the supplier) x column k (the buyer); exports and imports are
// locations x products. The diagonal is a region against itself. A pair whose supplier exports
// nothing or whose buyer imports nothing is NaN (undefined).
Matrix trade_complementarity_matrix(const Matrix& exports, const Matrix& imports);

// Trade between regions by product, as the index reads it: locations x products, flows >= 0.
struct TradeFlows {
    std::vector<std::string> locations;
    Matrix exports;  // or outflows to other regions
    Matrix imports;  // or inflows from other regions
};

// Every ordered pair of different locations (rows supplier, buyer; column complementarity,
// units "index, 0-100"), with a data caution naming each location that sells or buys nothing
// (its pairs are left empty).
Table trade_complementarity_table(const TradeFlows& flows);

}  // namespace tandem::geo
