// China's provincial-level divisions: codes (GB/T 2260, ISO 3166-2:CN), names, groups.
#pragma once

#include <string>
#include <vector>

#include "tandem/core/labels.hpp"

namespace tandem::data {

struct Province {
    std::string gb_code;              // GB/T 2260, "230000"
    std::string iso_code;             // ISO 3166-2:CN, "CN-HL"
    std::string name_en;              // "Heilongjiang"
    std::string name_zh;              // short form as in the statistical tables, "黑龙江"
    std::string full_zh;              // "黑龙江省"
    std::vector<std::string> groups;  // "Northeast", "Yangtze River Delta", ...
};

const std::vector<Province>& provinces();
// The provinces as a labelled table (rows iso, gb, name, 名称, groups; no value columns), as
// `tandem china regions` prints them and /api/v1/regions answers.
Table provinces_table();

// Finds a province by ISO code, GB/T 2260 code (6 or 2 digits), English name (any case, spaces
// and hyphens ignored) or Chinese name (short or full). Throws Error(kInvalidInput) for an
// unknown name, suggesting the nearest valid ones.
const Province& resolve_province(const std::string& name);

// Up to `count` known names closest to `name` (edit distance), for suggestions.
std::vector<std::string> nearest_names(const std::string& name,
                                       const std::vector<std::string>& candidates,
                                       std::size_t count = 3);

}  // namespace tandem::data
