// The datasets that ship with tandem (data/ in the source tree, share/tandem/data when
// installed, or $TANDEM_DATA_DIR).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "tandem/core/io_table.hpp"

namespace tandem::data {

std::filesystem::path data_dir();

// The provincial tables of a year shipped with tandem (2012, 2017).
TableSet load_provincial_tables(int year);
// China's 42 input-output sectors of 2017 by code with their English and Chinese names, as
// the shipped provincial tables name them: the one bilingual list every report uses.
const std::vector<Code>& china_sectors();

// A national table shipped with tandem: "2017_42", "2018_42", "2020_42", "2020_153".
TableSet load_national_table(const std::string& id);

}  // namespace tandem::data
