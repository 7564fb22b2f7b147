// Long tables of location x activity values (py-ecomplexity's input): one matrix per year.
#pragma once

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

// Reads a long CSV. Errors (file:line:column): missing columns (naming those present),
// non-numeric, negative, NaN or infinite values, a (time, loc, prod) given twice (naming both
// lines). Years keep their order of first appearance.
std::vector<YearMatrix> read_long_panel(const std::filesystem::path& path,
                                        const PanelColumns& columns = {});

}  // namespace tandem::data
