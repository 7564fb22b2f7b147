// Helpers for tests: reference CSVs (pymrio's outputs) and matrix comparison.
#pragma once

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "tandem/core/labels.hpp"

namespace tandem::test {

// The reference data of the field's tools, assembled in the build tree from
// tests/data/reference (see its README.md for sources and licences).
std::filesystem::path reference_dir();
std::filesystem::path pymrio_reference();
std::filesystem::path test_data();

// A reference CSV written by the anchors: n_labels label columns, then columns named
// "a/b" (joined levels); values with %.17g.
Table read_reference_csv(const std::filesystem::path& path, std::size_t n_labels);

// Relative error rel, or absolute abs near zero; names the first cell that differs.
::testing::AssertionResult tables_match(const Table& got,
                                        const Table& want,
                                        double rel = 1e-9,
                                        double abs = 1e-9);

// A fresh temporary folder, removed at the end of the test.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace tandem::test
