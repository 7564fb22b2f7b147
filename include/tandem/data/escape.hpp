// Text made safe for the formats tandem writes by hand: a CSV field (RFC 4180 quoting) and
// HTML text or attribute values.
#pragma once

#include <string>
#include <string_view>

namespace tandem::data {

// Quoted (with doubled quotes) only when it holds a comma, a quote or a line break.
std::string csv_field(std::string_view text);

// &, <, > and " as entities.
std::string html_escape(std::string_view text);

// Text for a CSS string between double quotes (a page margin's `content`): " and \ escaped.
std::string css_string(std::string_view text);

// The fonts of every page tandem writes: Chinese first where the reader has it, Linux (Noto,
// Debian's fonts-noto-cjk), Adobe's Source Han, Windows, macOS; then any sans-serif.
inline constexpr const char* kCjkFontStack =
    "\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"Microsoft YaHei\",\"PingFang SC\","
    "\"Hiragino Sans GB\",\"WenQuanYi Micro Hei\",sans-serif";

}  // namespace tandem::data
