// Importers for the official Chinese input-output tables, and tandem's own format for them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "tandem/core/io_table.hpp"

namespace tandem::data {

struct ImportOptions {
    // Largest accepted imbalance of a row (intermediate + final use - gross output) or a column
    // (intermediate inputs + value added - total input), relative to the gross output or, when
    // larger, the row's largest entry. 0 picks the year's default: 1e-3, but 1e-2 for 2002,
    // whose published rows balance only to about 0.5% (recorded in the notes).
    double balance_tolerance = 0.0;
    bool allow_negative_outflow = false;
};

// The provincial tables (31 provinces x 42 sectors) in the layout of
// shared/data/china_provincial_io_chnio: io_<year>.csv and sectors_<year>.csv.
TableSet import_provincial_chnio(const std::filesystem::path& folder,
                                 int year,
                                 const ImportOptions& options = {});

// A national table in the layout of shared/data/china_national_io_ionet: non-competitive
// (Origin = Domestic / Imports / TOT rows, china_<year>_42.csv) or competitive
// (china_2020_153.csv, imports as a negative IM column).
TableSet import_national_ionet(const std::filesystem::path& csv_file,
                               int year,
                               const ImportOptions& options = {});

// tandem's table-set format: manifest.json plus Z.csv, Y.csv, V.csv, x.csv (and Z_imports.csv,
// Y_imports.csv for non-competitive tables); see docs/formats.md.
void write_table_set(const TableSet& set, const std::filesystem::path& folder);
TableSet read_table_set(const std::filesystem::path& folder);

// Trade by province and product from a table set: outflows and inflows (EX and IM with
// foreign), locations x products, >= 0 (inflows and imports are stored negative; a cell of the
// wrong sign, a few in the published tables, counts as 0).
struct ProvincialTrade {
    std::vector<std::string> provinces;  // English names
    Matrix sales;
    Matrix purchases;
};
ProvincialTrade provincial_trade(const TableSet& set, bool foreign);

}  // namespace tandem::data
