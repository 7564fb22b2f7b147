#include "tandem/mrio/demand_change.hpp"

#include <cmath>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "tandem/core/error.hpp"
#include "tandem/data/delimited.hpp"
#include "tandem/data/regions.hpp"

namespace tandem::mrio {

namespace {

using Cell = std::pair<Eigen::Index, Eigen::Index>;

// The selected cells of Y; every name given must exist (checked here so that a typo is an
// error rather than an empty, silently ineffective change).
std::vector<Cell> selected_cells(const Mrio& m, const DemandChange& c) {
    std::vector<Cell> cells;
    bool region_found = false;
    bool category_found = c.category.empty();
    bool from_found = c.from_region.empty();
    bool sector_found = c.sector.empty();
    for (std::size_t col = 0; col < m.final_demand.size(); ++col) {
        if (m.final_demand.at(col, 0) != c.demand_region) {
            continue;
        }
        region_found = true;
        if (!c.category.empty() && m.final_demand.at(col, 1) != c.category) {
            continue;
        }
        category_found = true;
        for (std::size_t i = 0; i < m.size(); ++i) {
            const bool from_ok = c.from_region.empty() || m.sectors.at(i, 0) == c.from_region;
            const bool sector_ok = c.sector.empty() || m.sectors.at(i, 1) == c.sector;
            from_found = from_found || m.sectors.at(i, 0) == c.from_region;
            sector_found = sector_found || m.sectors.at(i, 1) == c.sector;
            if (from_ok && sector_ok) {
                cells.emplace_back(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(col));
            }
        }
    }
    if (!region_found) {
        fail(ErrorCode::kInvalidInput,
             "no final demand of region '{}'; regions: {}",
             c.demand_region,
             data::list_excerpt(m.regions()));
    }
    if (!category_found) {
        fail(ErrorCode::kInvalidInput,
             "no category '{}'; categories: {}",
             c.category,
             data::list_excerpt(m.final_demand.unique(1)));
    }
    if (!from_found) {
        fail(ErrorCode::kInvalidInput,
             "no region '{}'; regions: {}",
             c.from_region,
             data::list_excerpt(m.regions()));
    }
    if (!sector_found) {
        fail(ErrorCode::kInvalidInput,
             "no sector '{}'; did you mean {}?",
             c.sector,
             data::list_excerpt(data::nearest_names(c.sector, m.sector_names())));
    }
    return cells;
}

}  // namespace

Matrix changed_final_demand(const Mrio& m, const DemandChange& change) {
    if ((change.scale && !std::isfinite(*change.scale)) || !std::isfinite(change.add)) {
        fail(ErrorCode::kUsage, "a demand change needs a finite scale or amount");
    }
    const auto cells = selected_cells(m, change);
    Matrix y = m.Y;
    double selected = 0.0;
    for (auto [i, c] : cells) {
        selected += y(i, c);
    }
    for (auto [i, c] : cells) {
        if (change.scale) {
            y(i, c) *= *change.scale;
        } else {
            y(i, c) += selected != 0.0 ? change.add * y(i, c) / selected
                                       : change.add / static_cast<double>(cells.size());
        }
    }
    return y;
}

std::string describe(const DemandChange& c) {
    std::string text = "final demand of " + c.demand_region;
    if (!c.category.empty()) {
        text += " (" + c.category + ")";
    }
    if (!c.from_region.empty() || !c.sector.empty()) {
        text += " for ";
        text += c.sector.empty() ? "products" : c.sector;
        text += c.from_region.empty() ? "" : " of " + c.from_region;
    }
    if (c.scale) {
        text += fmt::format(" scaled by {:g}", *c.scale);
    } else {
        text += fmt::format(" changed by {:+g}, in proportion to the current values", c.add);
    }
    return text;
}

Table output_change(const Mrio& base, const Vector& new_output) {
    Table t;
    t.name = "delta_x";
    t.rows = base.sectors;
    t.cols = Index::single("", {"delta x", "delta x %"});
    t.values.resize(base.x.size(), 2);
    t.values.col(0) = new_output - base.x;
    // Percent of base output, 0 where that output counts as zero (docs/numerics.md).
    t.values.col(1) = 100.0 * t.values.col(0).cwiseProduct(base.reciprocal_output());
    return t;
}

}  // namespace tandem::mrio
