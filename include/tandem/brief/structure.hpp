// A province's economic structure among all provinces, from the value added by sector of the
// official provincial tables: specialisations, complexity, relatedness and the opportunities
// it suggests, and the shift-share split of its growth between two table years.
#pragma once

#include <string>
#include <vector>

#include "tandem/core/io_table.hpp"
#include "tandem/core/labels.hpp"

namespace tandem::brief {

// Value added by province (rows, in the set's order) and sector; negative cells (Tibet's
// net taxes exceed its value added in one sector in 2017) are clipped to 0 and counted.
struct ValueAddedMatrix {
    std::vector<Code> provinces;
    std::vector<Code> sectors;
    Matrix values;
    int clipped = 0;
};
ValueAddedMatrix value_added_by_sector(const TableSet& set);

// Sectors two table years share: each year's sector position -> position in `sectors`.
struct Concordance {
    std::vector<Code> sectors;
    std::vector<Eigen::Index> of_base;
    std::vector<Eigen::Index> of_end;
};
// Identity when the lists are equal; the documented 2012 <-> 2017 concordance of the
// provincial tables (41 common sectors); an error otherwise.
Concordance common_sectors(const TableSet& base, const TableSet& end);

struct StructureOptions {
    std::size_t top = 10;
};

struct StructureProfile {
    Code region;
    int year = 0;
    int base_year = 0;
    std::string unit;
    Table summary;                   // one column: the indicators of the province, with ranks
    Table specialisations;           // sectors with RCA >= 1, by RCA
    Table opportunities;             // sectors without RCA, by density, with COG and PCI
    Table shift_share;               // every sector: base, end, national, mix, competitive
    std::vector<std::string> notes;  // data rules applied (clipped cells, dropped sectors)
};

// end: the tables of the profile year; base: an earlier year with the same sectors.
StructureProfile structure_profile(const TableSet& end,
                                   const TableSet& base,
                                   const std::string& region,
                                   const StructureOptions& options = {});

}  // namespace tandem::brief
