#include "tandem/data/delimited.hpp"

#include <fstream>

#include <gtest/gtest.h>

#include "tandem/core/error.hpp"

#include "support/reference.hpp"

namespace tandem::test {
namespace {

std::vector<std::pair<std::size_t, std::vector<std::string>>> parse(const std::string& text,
                                                                    char delim = ',') {
    TempDir dir;
    auto path = dir.path() / "f.csv";
    std::ofstream(path, std::ios::binary) << text;
    std::vector<std::pair<std::size_t, std::vector<std::string>>> out;
    data::read_delimited(path, delim, [&](std::size_t line, const std::vector<std::string>& f) {
        out.emplace_back(line, f);
    });
    return out;
}

TEST(Delimited, QuotedFieldsBlankLinesCrlfAndBom) {
    auto r = parse(
        "\xEF\xBB\xBF"
        "a,\"b,c\",d\r\n\r\n\"x \"\"y\"\"\",2,3\n");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].second, (std::vector<std::string>{"a", "b,c", "d"}));
    EXPECT_EQ(r[1].first, 3u);  // physical line numbers survive blank lines
    EXPECT_EQ(r[1].second[0], "x \"y\"");
}

TEST(Delimited, TabSeparatedKeepsEmptyCells) {
    auto r = parse("a\t\tb\n", '\t');
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].second, (std::vector<std::string>{"a", "", "b"}));
}

TEST(Delimited, ChineseTextIsKeptAndInvalidUtf8Rejected) {
    auto r = parse("黑龙江,安徽\n");
    EXPECT_EQ(r[0].second[0], "黑龙江");
    try {
        parse("ok\nbad\xc3\x28\n");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find(":2:1: invalid UTF-8"), std::string::npos) << e.what();
    }
}

TEST(Delimited, MissingFileIsAnIoError) {
    try {
        data::read_delimited("/nonexistent/f.csv", ',', [](auto, const auto&) {});
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::kIo);
        EXPECT_NE(std::string(e.what()).find("file not found"), std::string::npos);
    }
}

TEST(ParseNumber, AcceptsNumbersAndNamesWhatIsWrong) {
    EXPECT_EQ(data::parse_number("1.5e3", "f", 1, 1, "x"), 1500.0);
    EXPECT_EQ(data::parse_number(" -2 ", "f", 1, 1, "x"), -2.0);
    EXPECT_EQ(data::parse_number("+7", "f", 1, 1, "x"), 7.0);
    for (const char* bad : {"", "abc", "1.5.5", "nan", "NaN", "inf", "-Infinity", "1e999", "3 4"}) {
        try {
            data::parse_number(bad, "t.csv", 4, 7, "cell Z");
            FAIL() << bad;
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::kInvalidInput);
            EXPECT_NE(std::string(e.what()).find("t.csv:4:7:"), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find("cell Z"), std::string::npos) << e.what();
        }
    }
}

TEST(Delimited, BareCrLfAndCrlfEndLinesAlike) {
    // Old Excel for Mac writes bare CR: the same records, the same line numbers as LF.
    auto cr = parse("a,b\r1,2\r\r3,4\r", ',');
    auto lf = parse("a,b\n1,2\n\n3,4\n", ',');
    auto crlf = parse("a,b\r\n1,2\r\n\r\n3,4\r\n", ',');
    ASSERT_EQ(cr.size(), 3u);
    EXPECT_EQ(cr, lf);
    EXPECT_EQ(crlf, lf);
    EXPECT_EQ(cr[2].first, 4u);
    EXPECT_EQ(cr[2].second, (std::vector<std::string>{"3", "4"}));
}

TEST(ParseNumber, QuotesOnlyAShortExcerptOfAHugeValue) {
    const std::string huge(50'000'000, 'x');
    try {
        data::parse_number(huge, "t.csv", 1, 2, "cell Z");
        FAIL();
    } catch (const Error& e) {
        const std::string what = e.what();
        EXPECT_LT(what.size(), 300u) << what.substr(0, 300);
        EXPECT_NE(what.find("... (50000000 bytes)"), std::string::npos) << what.substr(0, 300);
    }
    EXPECT_EQ(data::cell_excerpt("short"), "short");
}

}  // namespace
}  // namespace tandem::test
