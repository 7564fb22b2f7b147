#include "tandem/data/number_format.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <fmt/format.h>

namespace tandem::data {

namespace {

// Whole numbers up to here print exactly as integers (2^53: every integer is a double).
constexpr double kLargestExactInteger = 9007199254740992.0;
// Magnitudes that need an exponent to read: from 1e15 up, and columns entirely below 1e-4.
constexpr double kLargeForFixed = 1e15;
constexpr double kSmallForFixed = 1e-4;
constexpr int kMostDecimals = 9;

bool is_whole(double v) {
    return std::fabs(v) < kLargestExactInteger && v == std::round(v);
}

std::string group_thousands(const std::string& s) {
    const std::size_t start = !s.empty() && s[0] == '-' ? 1 : 0;
    const std::size_t dot = s.find('.');
    const std::size_t end = dot == std::string::npos ? s.size() : dot;
    std::string out = s.substr(0, start);
    for (std::size_t i = start; i < end; ++i) {
        if (i > start && (end - i) % 3 == 0) {
            out += ',';
        }
        out += s[i];
    }
    return out + s.substr(end);
}

// "-0", "-0.000" (a negative value that rounds to zero) read as 0.
std::string without_negative_zero(std::string s) {
    if (!s.empty() && s[0] == '-' && s.find_first_not_of("-0.,") == std::string::npos) {
        s.erase(0, 1);
    }
    if (s.find_first_not_of("0.,") == std::string::npos) {
        return "0";
    }
    return s;
}

}  // namespace

NumberFormat column_format(const Eigen::Ref<const Vector>& column, int significant) {
    NumberFormat f;
    f.significant = std::max(1, significant);
    double largest = 0.0;
    bool whole = true;
    std::vector<double> magnitudes;
    for (Eigen::Index i = 0; i < column.size(); ++i) {
        const double v = column(i);
        if (!std::isfinite(v)) {
            continue;
        }
        largest = std::max(largest, std::fabs(v));
        whole = whole && is_whole(v);
        if (v != 0.0) {
            magnitudes.push_back(std::fabs(v));
        }
    }
    if (largest >= kLargeForFixed || (largest > 0.0 && largest < kSmallForFixed)) {
        f.style = NumberFormat::Style::kScientific;
        return f;
    }
    if (whole) {
        f.style = NumberFormat::Style::kInteger;
        return f;
    }
    // The typical (median) magnitude sets the decimals: one outlier neither rounds the rest of
    // the column away nor pads it with digits nobody reads.
    const auto middle = magnitudes.begin() + static_cast<std::ptrdiff_t>(magnitudes.size() / 2);
    std::nth_element(magnitudes.begin(), middle, magnitudes.end());
    const int magnitude = static_cast<int>(std::floor(std::log10(*middle)));
    f.style = NumberFormat::Style::kFixed;
    f.decimals = std::clamp(f.significant - 1 - magnitude, 0, kMostDecimals);
    return f;
}

std::string format_number(double v, const NumberFormat& f, bool thousands) {
    if (!std::isfinite(v)) {
        return "-";
    }
    if (v == 0.0) {
        return "0";
    }
    std::string s;
    switch (f.style) {
        case NumberFormat::Style::kScientific:
            return fmt::format("{:.{}e}", v, std::max(0, f.significant - 1));
        case NumberFormat::Style::kInteger:
            s = fmt::format("{:.0f}", v);
            break;
        case NumberFormat::Style::kFixed:
            s = fmt::format("{:.{}f}", v, f.decimals);
            break;
    }
    s = without_negative_zero(s);
    return thousands ? group_thousands(s) : s;
}

}  // namespace tandem::data
