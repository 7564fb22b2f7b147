// The datasets that ship with tandem (data/ in the source tree, share/tandem/data when
// installed, or $TANDEM_DATA_DIR).
#pragma once

#include <filesystem>
#include <string>

#include "tandem/core/io_table.hpp"

namespace tandem::data {

std::filesystem::path data_dir();

// The provincial tables of a year shipped with tandem (2012, 2017).
TableSet load_provincial_tables(int year);
// A national table shipped with tandem: "2017_42", "2018_42", "2020_42", "2020_153".
TableSet load_national_table(const std::string& id);

}  // namespace tandem::data
