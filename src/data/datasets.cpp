#include "tandem/data/datasets.hpp"

#include <cstdlib>
#include <fstream>

#include <nlohmann/json.hpp>

#include "tandem/core/error.hpp"
#include "tandem/data/china_tables.hpp"

#include <unistd.h>

namespace tandem::data {

namespace fs = std::filesystem;

fs::path data_dir() {
    if (const char* env = std::getenv("TANDEM_DATA_DIR"); env != nullptr && *env != '\0') {
        return env;
    }
    char exe[4096];
    auto len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len > 0) {
        exe[len] = '\0';
        fs::path installed =
            fs::path(exe).parent_path().parent_path() / "share" / "tandem" / "data";
        if (fs::exists(installed / "china")) {
            return installed;
        }
    }
    return TANDEM_SOURCE_DATA_DIR;
}

TableSet load_provincial_tables(int year) {
    const fs::path folder = data_dir() / "china" / fmt::format("provincial_{}", year);
    if (!fs::exists(folder)) {
        fail(ErrorCode::kInvalidInput,
             "no shipped provincial tables for {} (shipped: 2012, 2017); looked in {}",
             year,
             folder.string());
    }
    return read_table_set(folder);
}

const std::vector<Code>& china_sectors() {
    static const std::vector<Code> sectors = [] {
        const fs::path manifest = data_dir() / "china" / "provincial_2017" / "manifest.json";
        std::ifstream in(manifest);
        if (!in) {
            fail(ErrorCode::kIo, "{}: cannot read the sector list", manifest.string());
        }
        const auto root = nlohmann::json::parse(in);  // kept: the loop reads into it
        std::vector<Code> out;
        for (const auto& s : root.at("sectors")) {
            out.push_back(Code{s.at("code").get<std::string>(),
                               s.at("name_en").get<std::string>(),
                               s.at("name_zh").get<std::string>()});
        }
        return out;
    }();
    return sectors;
}

TableSet load_national_table(const std::string& id) {
    const fs::path folder = data_dir() / "china" / ("national_" + id);
    if (!fs::exists(folder)) {
        fail(ErrorCode::kInvalidInput,
             "no shipped national table '{}' (shipped: 2017_42, 2018_42, 2020_42, 2020_153)",
             id);
    }
    return read_table_set(folder);
}

}  // namespace tandem::data
