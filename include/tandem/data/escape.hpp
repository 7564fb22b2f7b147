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

}  // namespace tandem::data
