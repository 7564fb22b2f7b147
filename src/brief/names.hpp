// Name matching shared by the brief's sources (private to src/brief).
#pragma once

#include <algorithm>
#include <string>

#include "tandem/data/regions.hpp"

namespace tandem::brief {

// ASCII lower case (codes, English names; Chinese text is left as it is).
inline std::string ascii_lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return s;
}

// A GB/T 2260 code of one of China's provinces.
inline bool is_province_code(const std::string& code) {
    const auto& all = data::provinces();
    return std::any_of(
        all.begin(), all.end(), [&](const data::Province& p) { return p.gb_code == code; });
}

}  // namespace tandem::brief
