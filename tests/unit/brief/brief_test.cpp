// tandem brief on the shipped 2017 China MRIO: the scenario's effects add up, the brief's
// tables are consistent, bad input gets errors.
#include "tandem/brief/brief.hpp"

#include <gtest/gtest.h>

#include "tandem/china/mrio_build.hpp"
#include "tandem/core/error.hpp"
#include "tandem/data/datasets.hpp"

namespace tandem::test {
namespace {

struct Shipped {
    TableSet tables = data::load_provincial_tables(2017);
    TableSet base = data::load_provincial_tables(2012);
    Mrio mrio = china::load_china_mrio(2017);
};

const Shipped& shipped() {
    static const Shipped s;
    return s;
}

TEST(Brief, ScenarioEffectsAddUp) {
    const auto& s = shipped();
    brief::Scenario sc;
    sc.name = "test";
    sc.changes.push_back({"Anhui", "Heilongjiang", {"01", "06"}, 100000.0});
    const Table t = brief::scenario_effects(s.mrio, s.tables, sc, "CN-HL", "CN-AH");
    ASSERT_EQ(t.values.rows(), 4);
    for (Eigen::Index r = 0; r < 4; ++r) {
        EXPECT_NEAR(t.values(r, 0) + t.values(r, 1) + t.values(r, 2), t.values(r, 3), 1e-6);
    }
    // Only Heilongjiang's products are demanded: Anhui and the rest of China see spillover only.
    EXPECT_EQ(t.values(1, 0), 0.0);
    EXPECT_EQ(t.values(2, 0), 0.0);
    EXPECT_GT(t.values(0, 0), 100000.0 * 0.999);  // at least the demand itself, in Heilongjiang
    EXPECT_GT(t.values(0, 1), 0.0);               // feedback through the other provinces
    EXPECT_GT(t.values(1, 2), 0.0);
    // Value added plus induced imports cannot exceed the demand: value added is below it.
    EXPECT_LT(t.values(3, 4), 100000.0);
    EXPECT_GT(t.values(3, 4), 0.5 * 100000.0);
    EXPECT_GT(t.values(3, 6), 0.0);  // jobs
}

TEST(Brief, PairBriefIsConsistent) {
    const auto& s = shipped();
    const auto b = brief::two_region_brief(s.mrio, s.tables, s.base, "黑龙江", "安徽");
    EXPECT_EQ(b.a.name_en, "Heilongjiang");
    EXPECT_EQ(b.b.name_en, "Anhui");
    EXPECT_EQ(b.summary.values.cols(), 2);
    ASSERT_GT(b.key_sectors.values.rows(), 0);
    EXPECT_EQ(b.key_sectors.rows.labels.front().front(), "Heilongjiang");
    // Key sectors have both dispersion indices above 1.
    EXPECT_TRUE((b.key_sectors.values.leftCols(2).array() > 1.0).all());
    EXPECT_EQ(b.areas.values.rows(), 10);
    EXPECT_EQ(b.reasons.size(), 10U);
    EXPECT_TRUE((b.areas.values.col(0).array() >= 0.0).all());
    EXPECT_TRUE((b.areas.values.col(0).array() <= 100.0).all());
    EXPECT_EQ(b.scenario.values.rows(), 4);
    EXPECT_GT(b.scenario.values(0, 3), 0.0);  // both gain output: win-win
    EXPECT_GT(b.scenario.values(1, 3), 0.0);
    EXPECT_THROW(brief::two_region_brief(s.mrio, s.tables, s.base, "CN-AH", "340000"), Error);
    EXPECT_THROW(brief::two_region_brief(s.mrio, s.tables, s.base, "Atlantis", "Anhui"), Error);
}

TEST(Brief, PartnerRankingCoversEveryOtherProvince) {
    const auto& s = shipped();
    const Table t = brief::partner_ranking(s.mrio, s.tables, "Anhui");
    ASSERT_EQ(t.values.rows(), 30);
    for (Eigen::Index r = 0; r < 30; ++r) {
        EXPECT_EQ(t.values(r, 0), static_cast<double>(r + 1));
        if (r > 0) {
            EXPECT_LE(t.values(r, 1), t.values(r - 1, 1));
        }
    }
}

}  // namespace
}  // namespace tandem::test
