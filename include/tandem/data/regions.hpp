// China's provincial-level divisions: codes (GB/T 2260, ISO 3166-2:CN), names, groups.
#pragma once

#include <string>
#include <vector>

#include "tandem/core/labels.hpp"

namespace tandem::data {

struct Province {
    std::string gb_code;               // GB/T 2260, "230000"
    std::string iso_code;              // ISO 3166-2:CN, "CN-HL"
    std::string name_en;               // "Heilongjiang"
    std::string name_zh;               // short form as in the statistical tables, "黑龙江"
    std::string full_zh;               // "黑龙江省"
    std::vector<std::string> groups;   // "Northeast", "Yangtze River Delta", ...
    std::vector<std::string> abbr_zh;  // one-character short names (简称), "黑"
};

const std::vector<Province>& provinces();
// The provinces as a labelled table (rows iso, gb, name, 名称, groups; no value columns), as
// `tandem china regions` prints them and /api/v1/regions answers.
Table provinces_table();

// Finds a province by ISO code, GB/T 2260 code (6 or 2 digits), English name (any case, spaces
// and hyphens ignored), Chinese name (short or full, "黑龙江" or "黑龙江省") or short name (简称,
// "黑"). Throws Error(kInvalidInput) for an unknown name, suggesting the nearest valid ones in
// the script that was typed.
const Province& resolve_province(const std::string& name);

// Up to `count` known names closest to `name`, for suggestions. Latin input: edit distance
// ignoring case, spaces and hyphens. Chinese input: only Chinese candidates, nearest by
// characters or by sound (pinyin of data/names/pinyin.tsv), whichever is closer, so that 安微
// suggests 安徽 first.
std::vector<std::string> nearest_names(const std::string& name,
                                       const std::vector<std::string>& candidates,
                                       std::size_t count = 3);

// Whether text holds any character outside ASCII (a name typed in Chinese).
bool has_non_ascii(const std::string& text);
// The toneless pinyin of each character of UTF-8 text ("安徽" -> {"an", "hui"}); characters
// without a reading (Latin letters, rare characters) stand for themselves.
std::vector<std::string> pinyin_syllables(const std::string& text);

}  // namespace tandem::data
