// A readable economic profile of one province from its official input-output table.
#pragma once

#include <string>
#include <vector>

#include "tandem/core/i18n.hpp"
#include "tandem/core/io_table.hpp"
#include "tandem/core/labels.hpp"
#include "tandem/core/settings.hpp"

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

// The profiles of several regions as `tandem profile` shows them: each table titled (as its
// name for a terminal; else as its first note, the name kept short for files and sheets, and
// the source on the first table of each region), in the reader's language.
struct ProfileReport {
    std::string header;  // the data and its source, one line
    std::vector<Table> tables;
};
ProfileReport profile_report(const TableSet& set,
                             const std::vector<std::string>& regions,
                             const ProfileOptions& options,
                             bool titles_as_names,
                             i18n::Lang lang = i18n::Lang::kEn);

// `tandem profile` as one request: the shipped tables of a year, or a table-set folder.
struct ProfileRequest {
    std::vector<std::string> regions = {"Heilongjiang", "Anhui"};
    int year = 2017;
    std::string tables;  // a tandem table-set folder instead of the shipped tables
    ProfileOptions options;
    std::string lang;  // "en", "zh"; empty: zh when every region is named in Chinese

    bool is_valid(std::string* why) const;
};
Settings profile_settings(ProfileRequest& r);
ProfileReport profile_report(const ProfileRequest& r, bool titles_as_names);

}  // namespace tandem::brief
