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
