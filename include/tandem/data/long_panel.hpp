// Long tables of location x activity values (py-ecomplexity's input): one matrix per year.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "tandem/core/labels.hpp"

namespace tandem::data {

struct PanelColumns {
    std::string time = "time";
    std::string loc = "loc";
    std::string prod = "prod";
    std::string val = "val";
};

struct YearMatrix {
    std::string time;
    std::vector<std::string> locations;  // sorted as strings
    std::vector<std::string> products;   // sorted as strings
    Matrix values;                       // absent cells are 0
};

// A whole panel held as compact cells (16 bytes each): a 20-year panel of 250 x 5,000 with
// every fifth cell filled takes 80 MB, and each year becomes a dense matrix only when asked.
class LongPanel {
public:
    struct Cell {
        std::uint32_t loc;
        std::uint32_t prod;
        double value;
    };

    std::size_t years() const { return times_.size(); }
    const std::string& time(std::size_t year) const { return times_[year]; }
    std::size_t cells(std::size_t year) const { return cells_[year].size(); }
    // The dense matrix of one year: the locations and products that appear in it. A sparse
    // file can name many locations and products with few rows each: the shape is checked
    // before allocating, and a year of more than max_cells cells (locations x products, or
    // products x products for proximity) is refused with the estimate (invalid input).
    YearMatrix year_matrix(std::size_t year, std::size_t max_cells = kDefaultMaxCells) const;
    static constexpr std::size_t kDefaultMaxCells = 5'000'000;
    // The position of a year by its label, or years() if absent.
    std::size_t find(const std::string& time) const;

private:
    friend LongPanel read_long_panel(const std::filesystem::path&, const PanelColumns&);
    std::vector<std::string> times_;  // order of first appearance
    std::vector<std::string> locations_;
    std::vector<std::string> products_;
    std::vector<std::vector<Cell>> cells_;  // per year, sorted by (location, product) name
};

// Reads a long CSV. Errors (file:line:column): missing columns (naming those present),
// non-numeric, negative, NaN or infinite values, a (time, loc, prod) given twice (naming both
// lines). Years keep their order of first appearance.
LongPanel read_long_panel(const std::filesystem::path& path, const PanelColumns& columns = {});

}  // namespace tandem::data
