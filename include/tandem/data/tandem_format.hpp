// tandem's own MRIO folder: manifest.json (labels, units, extensions, metadata) and one CSV per
// account in tandem's CSV layout (docs/formats.md). Plain CSV opens in any spreadsheet; the
// manifest keeps every label level, so nothing depends on splitting "region/sector" headers.
#pragma once

#include <filesystem>

#include "tandem/core/mrio.hpp"
#include "tandem/core/progress.hpp"

namespace tandem::data {

void write_tandem_mrio(const Mrio& mrio,
                       const std::filesystem::path& folder,
                       const ProgressFn& progress = {});
Mrio read_tandem_mrio(const std::filesystem::path& folder, const ProgressFn& progress = {});

// A folder in either format: tandem's (manifest.json) or pymrio's (file_parameters.json).
Mrio read_mrio(const std::filesystem::path& folder, const ProgressFn& progress = {});

}  // namespace tandem::data
