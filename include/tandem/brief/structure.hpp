// A province's economic structure among all provinces, from the value added by sector of the
// official provincial tables: specialisations, complexity, relatedness and the opportunities
// it suggests, and the shift-share split of its growth between two table years.
#pragma once

#include <string>
#include <vector>

#include "tandem/core/i18n.hpp"
#include "tandem/core/io_table.hpp"
#include "tandem/core/labels.hpp"
#include "tandem/core/settings.hpp"
#include "tandem/data/long_panel.hpp"

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

// The position of a region among `regions` by code, English or Chinese name (any case); for
// China's provinces also every alias resolve_province knows. Errors suggest the nearest names.
Eigen::Index find_region(const std::vector<Code>& regions,
                         const std::string& name,
                         const std::string& context);

// Activity by region and sector (value added of the tables, or any activity data: employment,
// output, establishments) in the profile year and, when known, an earlier year.
struct Activity {
    std::string measure = "value added";
    std::string unit;
    int year = 0;
    ValueAddedMatrix end;
    bool has_base = false;
    int base_year = 0;
    ValueAddedMatrix base;  // the same regions as `end` where known (others enter with 0)
    Concordance common;     // sectors both years share
};
// Value added of the tables; base may be null (no growth or shift-share then).
Activity activity_from_tables(const TableSet& end, const TableSet* base);
// A long panel (region, sector, year, value): the last year is the profile year, the first
// the base (when there are two or more). Rows and columns follow `regions` and `sectors`,
// matched by code or name; a region or sector the panel lacks is an error naming it, one the
// panel has beyond them is ignored with a note.
Activity activity_from_panel(const data::LongPanel& panel,
                             const std::vector<Code>& regions,
                             const std::vector<Code>& sectors,
                             const std::string& measure,
                             std::vector<std::string>* notes = nullptr);

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
// The same on any activity data; without a base year the growth rows and the shift-share
// table are left out.
StructureProfile structure_profile(const Activity& activity,
                                   const std::string& region,
                                   const StructureOptions& options = {});

// `tandem geo profile`: the structure profile of a province among all, its tables titled (as
// their names for a terminal, files keep short names) in the reader's language, and its notes.
struct StructureReport {
    std::vector<Table> tables;
    std::vector<std::string> notes;
};
StructureReport structure_report(const TableSet& end,
                                 const TableSet& base,
                                 const std::string& region,
                                 const StructureOptions& options,
                                 bool titles_as_names,
                                 i18n::Lang lang = i18n::Lang::kEn);

// `tandem geo profile` as one request on the shipped provincial tables.
struct StructureRequest {
    std::string region;
    int year = 2017;
    int base = 2012;  // of the shift-share
    StructureOptions options;
    std::string lang;  // "en", "zh"; empty: zh when the region is named in Chinese

    bool is_valid(std::string* why) const;
};
Settings structure_settings(StructureRequest& r);
StructureReport structure_report(const StructureRequest& r, bool titles_as_names);

}  // namespace tandem::brief
