// A change of final demand as `tandem mrio shock` and the service describe it: which cells of Y
// (demand region, category, supplying region, product) and how (scaled, or an amount added in
// proportion to the cells' current values).
#pragma once

#include <optional>
#include <string>

#include "tandem/core/labels.hpp"
#include "tandem/core/mrio.hpp"

namespace tandem::mrio {

struct DemandChange {
    std::string demand_region;  // required: a region of Y's columns
    std::string category;       // "" = every category of the demand region
    std::string from_region;    // "" = every supplying region
    std::string sector;         // "" = every product
    std::optional<double> scale;
    double add = 0.0;  // used when scale is not set
};

// Y after the change. Unknown names are invalid input naming the known ones; a non-finite
// scale or amount is a usage error. The amount added is spread over the selected cells in
// proportion to their values (evenly when they sum to 0).
Matrix changed_final_demand(const Mrio& m, const DemandChange& change);

// "final demand of reg1 (households) for products of reg2 scaled by 1.1": for notes.
std::string describe(const DemandChange& change);

// delta x and delta x % of the base output (0 where that output counts as zero,
// Mrio::reciprocal_output), per sector.
Table output_change(const Mrio& base, const Vector& new_output);

}  // namespace tandem::mrio
