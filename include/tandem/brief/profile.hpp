// A readable economic profile of one province from its official input-output table.
#pragma once

#include <string>
#include <vector>

#include "tandem/core/io_table.hpp"
#include "tandem/core/labels.hpp"

namespace tandem::brief {

struct ProfileOptions {
    std::size_t top = 8;  // sectors listed in the structure and multiplier tables
};

struct RegionProfile {
    Code region;
    int year = 0;
    std::string unit;
    Table summary;      // size and structure indicators, with the share of China
    Table structure;    // largest sectors by value added, with location quotients
    Table multipliers;  // output, value-added and income multipliers (Type I and II)
    Table key_sectors;  // Rasmussen linkages: power and sensitivity of dispersion
};

// set: every province's table of a year (China's totals are their sum).
RegionProfile region_profile(const TableSet& set,
                             const std::string& region,
                             const ProfileOptions& options = {});

}  // namespace tandem::brief
