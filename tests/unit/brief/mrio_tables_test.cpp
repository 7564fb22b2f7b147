// The brief beyond China's provinces: regional tables derived from any MRIO keep the
// accounting identities, activity data line up with the regions and sectors, area
// concordances are read with clear errors.
#include <fstream>

#include <gtest/gtest.h>

#include "tandem/brief/brief.hpp"
#include "tandem/brief/structure.hpp"
#include "tandem/china/mrio_build.hpp"
#include "tandem/core/error.hpp"
#include "tandem/data/datasets.hpp"
#include "tandem/data/long_panel.hpp"
#include "tandem/data/pymrio_format.hpp"

namespace tandem::test {
namespace {

const std::filesystem::path kRaw =
    std::filesystem::path(TANDEM_REFERENCE_DIR) / "pymrio/pymrio_format/raw";
const std::filesystem::path kData = std::filesystem::path(TANDEM_TEST_DATA_DIR) / "brief";

Mrio test_mrio() {
    Mrio m = data::read_pymrio(kRaw);
    m.x = m.Z.rowwise().sum() + m.Y.rowwise().sum();
    return m;
}

std::filesystem::path write(const std::string& name, const std::string& text) {
    const auto p = std::filesystem::temp_directory_path() / ("tandem_brief_" + name);
    std::ofstream(p) << text;
    return p;
}

TEST(TablesFromMrio, EveryRegionBalancesAndTradeCloses) {
    const Mrio m = test_mrio();
    const TableSet t = brief::tables_from_mrio(m);
    ASSERT_EQ(t.tables.size(), 6u);
    ASSERT_EQ(t.sectors.size(), 8u);
    const int of = t.final_use_index("OF");
    const int in = t.final_use_index("IF");
    ASSERT_GE(of, 0);
    ASSERT_GE(in, 0);
    double outflows = 0.0;
    double inflows = 0.0;
    for (const auto& r : t.tables) {
        // Rows: use of every product whatever its origin + outflows - inflows = output.
        const Vector rows = r.Z.rowwise().sum() + r.Y.rowwise().sum();
        EXPECT_LT((rows - r.x).cwiseAbs().maxCoeff(), 1e-6 * r.x.cwiseAbs().maxCoeff())
            << r.region.code;
        outflows += r.Y.col(of).sum();
        inflows -= r.Y.col(in).sum();
    }
    // What one region sends the others, the others receive.
    EXPECT_NEAR(outflows, inflows, 1e-9 * outflows);
    // Value added is the factor-inputs extension, region by region.
    const Extension* f = m.find_extension("Factor Inputs");
    ASSERT_NE(f, nullptr);
    EXPECT_NEAR(t.tables[1].V.sum(), f->F.middleCols(8, 8).sum(), 1e-9 * f->F.sum());
}

TEST(TablesFromMrio, ChinaMrioKeepsProvinceCodes) {
    const Mrio m = china::load_china_mrio(2017);
    const TableSet t = brief::tables_from_mrio(m, 2017);
    ASSERT_EQ(t.tables.size(), 31u);
    EXPECT_EQ(t.tables[0].region.code, "110000");
    EXPECT_EQ(t.tables[0].region.name_zh, "北京");
    // Imports are a factor input of the China MRIO: left out of value added.
    for (const auto& v : t.value_added) {
        EXPECT_NE(v.name_en, "Imports");
    }
    for (const auto& r : t.tables) {
        const Vector rows = r.Z.rowwise().sum() + r.Y.rowwise().sum();
        EXPECT_LT((rows - r.x).cwiseAbs().maxCoeff(), 1e-6 * r.x.maxCoeff()) << r.region.code;
    }
}

TEST(BriefAnyMrio, RunsOnTheTestMrioWithActivityData) {
    const Mrio m = test_mrio();
    const TableSet t = brief::tables_from_mrio(m);
    std::vector<Code> regions;
    for (const auto& r : t.tables) {
        regions.push_back(r.region);
    }
    const auto panel = data::read_long_panel(kData / "testmrio_employment.csv",
                                             {"year", "region", "sector", "jobs"});
    const auto act = brief::activity_from_panel(panel, regions, t.sectors, "jobs");
    EXPECT_EQ(act.year, 2020);
    ASSERT_TRUE(act.has_base);
    EXPECT_EQ(act.base_year, 2010);
    // reg2's food jobs, 2020 and 2010, as in the file.
    EXPECT_NEAR(act.end.values(1, 0), 222.424, 1e-9);
    EXPECT_NEAR(act.base.values(1, 0), 155.697, 1e-9);

    brief::BriefOptions options;
    options.areas = brief::read_areas(kData / "testmrio_areas.csv");
    const auto b = brief::two_region_brief(m, t, act, "reg2", "REG3", options);
    EXPECT_EQ(b.a.code, "reg2");
    EXPECT_EQ(b.b.code, "reg3");
    EXPECT_EQ(b.rest, "Other regions");
    EXPECT_EQ(b.areas.rows.size(), 3u);
    EXPECT_EQ(b.map.rows.size(), 0u);  // no capitals known outside China
    // Specialisations are RCA of the jobs: recompute reg2's first.
    const Matrix& x = act.end.values;
    const auto sector = b.specialisations.rows.at(0, 1);
    Eigen::Index s = 0;
    while (t.sectors[static_cast<std::size_t>(s)].code != sector) {
        ++s;
    }
    const double rca = (x(1, s) / x.row(1).sum()) / (x.col(s).sum() / x.sum());
    EXPECT_NEAR(b.specialisations.values(0, 0), rca, 1e-12);
    // Growth rows come from the activity's two years.
    bool growth = false;
    for (std::size_t r = 0; r < b.summary.rows.size(); ++r) {
        if (b.summary.rows.at(r, 0) == "growth 2010-2020 (%)") {
            growth = true;
            const double expected = (x.row(1).sum() / act.base.values.row(1).sum() - 1.0) * 100.0;
            EXPECT_NEAR(b.summary.values(static_cast<Eigen::Index>(r), 0), expected, 1e-9);
        }
    }
    EXPECT_TRUE(growth);
    // The scenario's effects add up in every region group.
    for (Eigen::Index r = 0; r < b.scenario.values.rows(); ++r) {
        EXPECT_NEAR(b.scenario.values(r, 0) + b.scenario.values(r, 1) + b.scenario.values(r, 2),
                    b.scenario.values(r, 3),
                    1e-6 * b.scenario.values(3, 3));
    }
}

TEST(BriefAnyMrio, UnknownRegionSuggestsTheNearest) {
    const Mrio m = test_mrio();
    const TableSet t = brief::tables_from_mrio(m);
    try {
        brief::two_region_brief(m, t, brief::activity_from_tables(t, nullptr), "reg2", "reg9");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("unknown region 'reg9'"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("did you mean reg"), std::string::npos);
    }
}

TEST(ActivityFromPanel, NamesAnUnknownSectorAndAMissingRegion) {
    const Mrio m = test_mrio();
    const TableSet t = brief::tables_from_mrio(m);
    std::vector<Code> regions;
    for (const auto& r : t.tables) {
        regions.push_back(r.region);
    }
    const auto bad_sector = write("bad_sector.csv", "time,loc,prod,val\n2020,reg1,fod,1\n");
    try {
        brief::activity_from_panel(data::read_long_panel(bad_sector), regions, t.sectors, "jobs");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("unknown sector 'fod'"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("did you mean food"), std::string::npos);
    }
    const auto missing = write("missing.csv", "time,loc,prod,val\n2020,reg1,food,1\n");
    try {
        brief::activity_from_panel(data::read_long_panel(missing), regions, t.sectors, "jobs");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("no values for region reg2"), std::string::npos);
    }
}

TEST(ReadAreas, ErrorsNameFileLineAndColumn) {
    const auto areas = brief::read_areas(kData / "testmrio_areas.csv");
    ASSERT_EQ(areas.size(), 3u);
    EXPECT_EQ(areas[1].id, "industry");
    EXPECT_EQ(areas[1].name_zh, "工业");
    EXPECT_EQ(areas[1].sectors.size(), 3u);
    const auto no_columns = write("areas_cols.csv", "topic,code\na,b\n");
    EXPECT_THROW(brief::read_areas(no_columns), Error);
    const auto twice = write("areas_twice.csv", "area,sector\na,food\na,food\n");
    try {
        brief::read_areas(twice);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("areas_twice.csv:3:2: sector 'food' given twice"),
                  std::string::npos);
    }
    // An area naming a sector the MRIO lacks fails when the brief maps it.
    const Mrio m = test_mrio();
    const TableSet t = brief::tables_from_mrio(m);
    brief::BriefOptions options;
    options.areas = {{"x", "X", "", {"fishing"}}};
    EXPECT_THROW(brief::two_region_brief(
                     m, t, brief::activity_from_tables(t, nullptr), "reg2", "reg3", options),
                 Error);
}

TEST(Brief2012, AreasMapThroughTheConcordance) {
    const Mrio m = china::load_china_mrio(2012);
    const TableSet t = data::load_provincial_tables(2012);
    const auto b = brief::two_region_brief(
        m, t, brief::activity_from_tables(t, nullptr), "Heilongjiang", "Anhui");
    EXPECT_EQ(b.year, 2012);
    ASSERT_EQ(b.areas.rows.size(), 10u);
    // Basic research is 2017's 35 and 39: 2012's 36 (scientific research) and 39.
    EXPECT_EQ(b.areas.rows.at(6, 0), "basic-research");
    bool growth = false;
    for (std::size_t r = 0; r < b.summary.rows.size(); ++r) {
        growth = growth || b.summary.rows.at(r, 0).starts_with("growth");
    }
    EXPECT_FALSE(growth);  // no earlier shipped year
}

}  // namespace
}  // namespace tandem::test
