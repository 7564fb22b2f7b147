#include "tandem/data/regions.hpp"

#include <gtest/gtest.h>

#include "tandem/core/error.hpp"

namespace tandem::test {
namespace {

TEST(Regions, EveryProvinceHasUniqueCodesAndNames) {
    const auto& all = data::provinces();
    ASSERT_EQ(all.size(), 31u);
    std::set<std::string> seen;
    for (const auto& p : all) {
        EXPECT_TRUE(seen.insert(p.iso_code).second);
        EXPECT_TRUE(seen.insert(p.gb_code).second);
        EXPECT_TRUE(seen.insert(p.name_zh).second);
        EXPECT_EQ(p.gb_code.size(), 6u);
        EXPECT_TRUE(p.iso_code.starts_with("CN-"));
    }
}

TEST(Regions, AUserCanNameARegionAnyCommonWay) {
    for (const char* name :
         {"CN-HL", "cn-hl", "230000", "23", "Heilongjiang", "heilongjiang", "黑龙江", "黑龙江省"}) {
        EXPECT_EQ(data::resolve_province(name).iso_code, "CN-HL") << name;
    }
    EXPECT_EQ(data::resolve_province("Inner-Mongolia").gb_code, "150000");
    EXPECT_EQ(data::resolve_province("安徽").name_en, "Anhui");
}

TEST(Regions, UnknownNamesSuggestTheNearest) {
    try {
        data::resolve_province("Anhwi");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::kInvalidInput);
        EXPECT_NE(std::string(e.what()).find("did you mean Anhui"), std::string::npos) << e.what();
    }
}

TEST(Regions, ShortAndOfficialChineseNamesResolve) {
    // The one-character short names (简称) of the State Council's list, and the official full
    // names of the autonomous regions.
    const std::vector<std::pair<const char*, const char*>> names = {
        {"皖", "Anhui"},
        {"黑", "Heilongjiang"},
        {"苏", "Jiangsu"},
        {"沪", "Shanghai"},
        {"京", "Beijing"},
        {"粤", "Guangdong"},
        {"川", "Sichuan"},
        {"蜀", "Sichuan"},
        {"黔", "Guizhou"},
        {"贵", "Guizhou"},
        {"滇", "Yunnan"},
        {"陕", "Shaanxi"},
        {"晋", "Shanxi"},
        {"蒙", "Inner Mongolia"},
        {"宁", "Ningxia"},
        {"新", "Xinjiang"},
        {"广西壮族自治区", "Guangxi"},
        {"新疆维吾尔自治区", "Xinjiang"},
        {"宁夏回族自治区", "Ningxia"},
        {"内蒙古自治区", "Inner Mongolia"}};
    for (const auto& [zh, en] : names) {
        EXPECT_EQ(data::resolve_province(zh).name_en, en) << zh;
    }
    std::set<std::string> abbr;
    for (const auto& p : data::provinces()) {
        ASSERT_FALSE(p.abbr_zh.empty()) << p.name_en;
        for (const auto& a : p.abbr_zh) {
            EXPECT_TRUE(abbr.insert(a).second) << a;
        }
    }
}

std::string error_of(const char* name) {
    try {
        data::resolve_province(name);
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

TEST(Regions, ChineseTyposSuggestChineseNamesBySoundAndCharacter) {
    // 微 for 徽: one character off, and "an wei" is nearest "an hui" by sound.
    EXPECT_NE(error_of("安微").find("did you mean 安徽,"), std::string::npos) << error_of("安微");
    // A homophone: 辉 and 徽 are both "hui".
    EXPECT_NE(error_of("安辉").find("did you mean 安徽,"), std::string::npos);
    EXPECT_NE(error_of("黑龙讲").find("did you mean 黑龙江,"), std::string::npos);
    // Suggestions are in the script that was typed.
    EXPECT_EQ(error_of("安微").find("Hebei"), std::string::npos);
    EXPECT_EQ(error_of("Anhiu").find("安徽"), std::string::npos);
}

TEST(Regions, PinyinOfChineseText) {
    EXPECT_EQ(data::pinyin_syllables("黑龙江"), (std::vector<std::string>{"hei", "long", "jiang"}));
    EXPECT_EQ(data::pinyin_syllables("绿a"), (std::vector<std::string>{"lv", "a"}));
}

TEST(Regions, GroupsOfTheNationalStrategies) {
    auto has = [](const char* region, const char* group) {
        const auto& g = data::resolve_province(region).groups;
        return std::find(g.begin(), g.end(), group) != g.end();
    };
    EXPECT_TRUE(has("Anhui", "Yangtze River Delta"));
    EXPECT_TRUE(has("Anhui", "Yangtze River Economic Belt"));
    EXPECT_TRUE(has("Heilongjiang", "Northeast"));
    EXPECT_FALSE(has("Heilongjiang", "Yangtze River Delta"));
}

}  // namespace
}  // namespace tandem::test
