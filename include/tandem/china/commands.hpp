// The `tandem china` commands as library calls: their Options structs, settings
// (core/settings.hpp) and work.
#pragma once

#include <string>
#include <vector>

#include "tandem/china/mrio_build.hpp"
#include "tandem/core/progress.hpp"
#include "tandem/core/settings.hpp"
#include "tandem/data/china_tables.hpp"

namespace tandem::china {

// `china build`: the inter-provincial MRIO of a year into a folder.
struct BuildCommand {
    int year = 2017;
    std::string output;
    BuildOptions options;
    std::string employment;  // the national employment table (empty: the shipped one)
    bool no_employment = false;
    bool quiet = false;

    bool is_valid(std::string* why) const;
};
Settings build_settings(BuildCommand& c);
// Builds and writes the folder (replaced only when complete); returns the build log (Markdown).
std::string run_build(const BuildCommand& c, const ProgressFn& progress = {});

// `china import` (the provincial tables of a CHNIO folder) and `china import-national` (one
// ionet CSV): a table set written in tandem's format.
struct ImportCommand {
    int year = 2017;
    std::string from;  // the folder, or the national CSV
    std::string output;
    data::ImportOptions options;

    bool is_valid(std::string* why) const;
};
Settings import_settings(ImportCommand& c);
Settings import_national_settings(ImportCommand& c);
// The import's notes, then what was written ("31 provinces x 42 sectors (2017) -> out").
std::vector<std::string> run_import(const ImportCommand& c);
std::vector<std::string> run_import_national(const ImportCommand& c);

// `china datasets`: the data folder and each shipped table set, a line each.
std::vector<std::string> dataset_lines();

}  // namespace tandem::china
