// Single-region input-output tables as statistical offices publish them (one per province, or
// the national table), before any modelling assumption.
#pragma once

#include <string>
#include <vector>

#include "tandem/core/labels.hpp"

namespace tandem {

struct Code {
    std::string code;
    std::string name_en;
    std::string name_zh;
};

struct RegionalTable {
    Code region;  // GB/T 2260 code, English and Chinese name
    Matrix Z;     // n x n intermediate use (competitive tables: domestic and imported inputs)
    Matrix Y;     // n x c final use, signed: imports and inflows negative, so Z 1 + Y 1 = x
    Matrix V;     // v x n value-added rows
    Vector x;     // n gross output
    // Non-competitive tables only: the imported part of intermediate and final use.
    Matrix Z_imports;
    Matrix Y_imports;
};

struct TableSet {
    std::string kind;  // "provincial" (one table per province) or "national"
    int year = 0;
    std::string unit = "10k CNY";
    std::string classification;  // e.g. "China IO 42 sectors (2017)"
    std::string source;
    std::string licence;
    std::vector<Code> sectors;
    std::vector<Code> final_use;    // columns of Y
    std::vector<Code> value_added;  // rows of V
    std::vector<RegionalTable> tables;
    // Rules the importer applied to the published figures, one line each (the build log).
    std::vector<std::string> notes;

    const RegionalTable* find(const std::string& region_code) const {
        for (const auto& t : tables) {
            if (t.region.code == region_code) {
                return &t;
            }
        }
        return nullptr;
    }
    // Position of a final-use column by code, or -1.
    int final_use_index(const std::string& code) const {
        for (std::size_t i = 0; i < final_use.size(); ++i) {
            if (final_use[i].code == code) {
                return static_cast<int>(i);
            }
        }
        return -1;
    }
};

}  // namespace tandem
