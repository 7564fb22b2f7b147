// pymrio's saved-folder format (IOSystem.save_all / pymrio.load_all): a file_parameters.json per
// folder, tab-separated .txt tables with multi-level headers, one subfolder per extension.
#pragma once

#include <filesystem>
#include <string>

#include "tandem/core/labels.hpp"
#include "tandem/core/mrio.hpp"
#include "tandem/core/progress.hpp"

namespace tandem::data {

// A table as pandas reads it with index_col=range(nr_index_col), header=range(nr_header).
struct TextTable {
    Index rows;
    Index cols;
    std::vector<std::vector<std::string>> cells;  // only for text tables (units)
    Matrix values;                                // only for numeric tables
};

TextTable read_pymrio_table(const std::filesystem::path& path,
                            int nr_index_col,
                            int nr_header,
                            bool numeric);

// Reads a folder written by pymrio's save_all (or by tandem). Checks that every account's labels
// agree with Z's and that every value is a finite number.
Mrio read_pymrio(const std::filesystem::path& folder, const ProgressFn& progress = {});

struct PymrioWriteOptions {
    // pymrio's default float_format is "%.12g"; 17 keeps every bit of a double.
    int precision = 12;
    bool write_L = false;  // the explicit inverses L and G, when present in memory
    bool write_A = true;   // A (computed from Z and x when not held in memory)
    bool write_B = false;  // Ghosh B (computed from Z and x when not held in memory)
};

// Writes the folder with exactly pymrio's layout, so that pymrio.load_all() reads it. The folder
// is written to a temporary sibling first and renamed at the end: no half-written output.
void write_pymrio(const Mrio& mrio,
                  const std::filesystem::path& folder,
                  const PymrioWriteOptions& options = {},
                  const ProgressFn& progress = {});

}  // namespace tandem::data
