// One number format for people (docs/formats.md, "Numbers"): the terminal, and CSV written with
// `--numbers readable`. Decided per column, so that a column reads as one kind of quantity:
// whole numbers as integers with thousands separators (counts, ranks, amounts); other columns
// with a fixed number of significant digits of the column's typical (median non-zero)
// magnitude, the same decimals on every row; zero (and anything that rounds to it) as 0; an
// exponent only where the magnitude demands one (1e15 and more, or a column whose largest value is
// below 1e-4).
#pragma once

#include <string>
#include <vector>

#include "tandem/core/labels.hpp"

namespace tandem::data {

struct NumberFormat {
    enum class Style { kInteger, kFixed, kScientific };
    Style style = Style::kFixed;
    int decimals = 0;     // kFixed: digits after the point
    int significant = 4;  // kScientific: significant digits
};

// The format of a column of values (non-finite values ignored): `significant` digits of its
// median non-zero magnitude.
NumberFormat column_format(const Eigen::Ref<const Vector>& column, int significant = 4);

// The formats of a table's numbers: per column, or per row where Table::rows_are_quantities.
class NumberFormats {
public:
    explicit NumberFormats(const Table& table, int significant = 4);
    const NumberFormat& of(Eigen::Index row, Eigen::Index col) const;

private:
    bool by_row_;
    std::vector<NumberFormat> formats_;
};

// v in format f: "-" for a missing (non-finite) value; thousands separators when asked.
std::string format_number(double v, const NumberFormat& f, bool thousands);

}  // namespace tandem::data
