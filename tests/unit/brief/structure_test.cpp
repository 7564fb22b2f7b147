// The province structure profile on the shipped 2012 and 2017 provincial tables: the sector
// concordance between the two classifications and the shift-share identities.
#include "tandem/brief/structure.hpp"

#include <gtest/gtest.h>

#include "tandem/core/error.hpp"
#include "tandem/data/datasets.hpp"

namespace tandem::test {
namespace {

TEST(Structure, ConcordanceOf2012And2017Sectors) {
    const TableSet t2012 = data::load_provincial_tables(2012);
    const TableSet t2017 = data::load_provincial_tables(2017);
    const auto c = brief::common_sectors(t2012, t2017);
    ASSERT_EQ(c.sectors.size(), 41U);
    EXPECT_EQ(c.of_base[21], c.of_base[22]);        // 2012: other manufacturing + scrap and waste
    EXPECT_EQ(c.of_end[34], c.of_end[35]);          // 2017: R&D + comprehensive technical services
    EXPECT_EQ(c.sectors[c.of_end[27]].code, "28");  // wholesale and retail trade in 2017
    EXPECT_EQ(c.of_base[28], c.of_end[27]);         // is 2012's code 29
    EXPECT_EQ(c.sectors[c.of_end[34]].code, "35-36");
    EXPECT_EQ(c.of_base[35], c.of_end[34]);  // 2012's scientific research and technical services
    const auto same = brief::common_sectors(t2017, t2017);
    EXPECT_EQ(same.sectors.size(), 42U);
    TableSet other = t2017;
    other.sectors[35].name_en = "Something else";
    EXPECT_THROW(brief::common_sectors(other, t2012), Error);
}

TEST(Structure, ShiftShareAddsUpToTheOfficialChange) {
    const TableSet t2012 = data::load_provincial_tables(2012);
    const TableSet t2017 = data::load_provincial_tables(2017);
    const auto p = brief::structure_profile(t2017, t2012, "CN-AH");
    EXPECT_EQ(p.region.name_en, "Anhui");
    const Matrix& s = p.shift_share.values;
    ASSERT_EQ(s.rows(), 41);
    const Vector national_mix_competitive = s.col(3) + s.col(4) + s.col(5);
    EXPECT_TRUE(national_mix_competitive.isApprox(s.col(2), 1e-12));
    EXPECT_TRUE(Vector(s.col(1) - s.col(0)).isApprox(Vector(s.col(2)), 1e-12));
    const double va2017 = t2017.find("340000")->V.sum();
    const double va2012 = t2012.find("340000")->V.sum();
    EXPECT_NEAR(s.col(1).sum(), va2017, 1e-6 * va2017);
    EXPECT_NEAR(s.col(0).sum(), va2012, 1e-6 * va2012);
    EXPECT_NEAR(p.summary.values(0, 0), va2017, 1e-6 * va2017);
    EXPECT_FALSE(p.specialisations.rows.labels.empty());
    EXPECT_FALSE(p.opportunities.rows.labels.empty());
    EXPECT_THROW(brief::structure_profile(t2017, t2012, "Atlantis"), Error);
}

}  // namespace
}  // namespace tandem::test
