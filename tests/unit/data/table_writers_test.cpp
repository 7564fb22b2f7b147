#include "tandem/data/table_writers.hpp"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tandem/core/error.hpp"

#include "support/reference.hpp"

namespace tandem::test {
namespace {

Table sample() {
    Table t;
    t.name = "sample";
    t.rows = Index::product("region", {"黑龙江"}, "sector", {"a", "b,c"});
    t.cols = Index::single("", {"value", "share"});
    t.values.resize(2, 2);
    t.values << 1234567.25, 0.5, 0.1, std::numeric_limits<double>::quiet_NaN();
    return t;
}

TEST(TableWriters, CsvKeepsEveryBitAndQuotesLabels) {
    std::ostringstream out;
    data::write_csv(sample(), out);
    EXPECT_EQ(out.str(),
              "region,sector,value,share\n黑龙江,a,1234567.25,0.5\n黑龙江,\"b,c\","
              "0.10000000000000001,\n");
}

TEST(TableWriters, JsonHasLabelsAndNullForMissing) {
    std::ostringstream out;
    data::write_json({sample()}, out);
    auto j = nlohmann::json::parse(out.str());
    EXPECT_EQ(j["rows"][0][0], "黑龙江");
    EXPECT_EQ(j["values"][0][0], 1234567.25);
    EXPECT_TRUE(j["values"][1][1].is_null());
}

TEST(TableWriters, XlsxIsAZipWorkbook) {
    TempDir dir;
    auto path = dir.path() / "t.xlsx";
    data::write_xlsx({sample(), sample()}, path);
    std::ifstream in(path, std::ios::binary);
    char magic[2] = {};
    in.read(magic, 2);
    EXPECT_EQ(std::string(magic, 2), "PK");
    EXPECT_GT(std::filesystem::file_size(path), 1000u);
}

TEST(TableWriters, TerminalTableAlignsWideCharacters) {
    auto text = data::render_table(sample());
    EXPECT_NE(text.find("1,234,567"), std::string::npos) << text;
    EXPECT_EQ(data::display_width("黑龙江"), 6u);
    // every data line has the same display width up to the last column
    std::istringstream in(text);
    std::string line;
    std::getline(in, line);  // title
    std::getline(in, line);  // header
    std::getline(in, line);  // rule
    std::getline(in, line);
    EXPECT_EQ(line.find("黑龙江"), 0u);
}

TEST(TableWriters, UnknownFormatsAreUsageErrors) {
    EXPECT_THROW(data::parse_format("xml"), Error);
    EXPECT_EQ(data::format_for_path("a/b.xlsx", data::Format::kTable), data::Format::kXlsx);
}

}  // namespace
}  // namespace tandem::test
