// The library entry points of `tandem geo` (tandem/geo/panel_reports.hpp) on a small panel
// written here: each table agrees with the indicator functions called directly on the same
// year, filters and presence options are applied and said, bad options are refused.
#include "tandem/geo/panel_reports.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "tandem/core/error.hpp"
#include "tandem/geo/dynamics.hpp"
#include "tandem/geo/specialisation.hpp"

namespace tandem::test {
namespace {

// Two years, three locations, three products.
std::string panel_file() {
    const auto path = std::filesystem::temp_directory_path() / "tandem_panel_reports.csv";
    std::ofstream(path) << "time,loc,prod,val\n"
                           "2000,a,x,10\n2000,a,y,2\n2000,b,x,1\n2000,b,y,8\n2000,b,z,3\n"
                           "2000,c,z,9\n2000,c,x,1\n"
                           "2001,a,x,12\n2001,a,y,2\n2001,b,x,1\n2001,b,y,9\n2001,b,z,5\n"
                           "2001,c,z,8\n2001,c,x,4\n";
    return path.string();
}

Matrix year_2000() {
    // rows a, b, c; columns x, y, z (sorted as strings, as the panel reader sorts them)
    Matrix v(3, 3);
    v << 10, 2, 0, 1, 8, 3, 1, 0, 9;
    return v;
}

TEST(GeoReports, LocationsTableAgreesWithTheIndicators) {
    geo::PanelOptions panel;
    panel.input = panel_file();
    panel.years = {"2000"};
    const Table t = geo::locations_table(panel, {});
    ASSERT_EQ(t.rows.size(), 3u);
    EXPECT_EQ(t.rows.labels[0], (std::vector<std::string>{"2000", "a"}));
    const Matrix v = year_2000();
    const auto r = geo::complexity({"a", "b", "c"}, {"x", "y", "z"}, v, {});
    const auto spec = geo::location_specialisation(r.value);
    for (Eigen::Index c = 0; c < 3; ++c) {
        EXPECT_DOUBLE_EQ(t.values(c, 0), v.row(c).sum());
        EXPECT_DOUBLE_EQ(t.values(c, 1), r.diversity(c));
        EXPECT_DOUBLE_EQ(t.values(c, 2), r.eci(c));
        EXPECT_DOUBLE_EQ(t.values(c, 7), spec.herfindahl(c));
        EXPECT_DOUBLE_EQ(t.values(c, 11), spec.hachman(c));
    }
}

TEST(GeoReports, ShiftShareAndDynamicsOverTwoYears) {
    geo::PanelOptions panel;
    panel.input = panel_file();
    const auto ss = geo::shift_share_report(panel, "2000", "2001", true);
    // National growth: 41 / 34 - 1.
    EXPECT_NEAR(ss.national_growth, 41.0 / 34.0 - 1.0, 1e-12);
    // The parts sum to the change for every location.
    for (Eigen::Index c = 0; c < ss.table.values.rows(); ++c) {
        EXPECT_NEAR(ss.table.values(c, 3) + ss.table.values(c, 4) + ss.table.values(c, 5),
                    ss.table.values(c, 2),
                    1e-9);
    }
    EXPECT_DOUBLE_EQ(ss.table.values(2, 2), 2.0);  // c: 1 + 9, then 4 + 8
    const auto dyn = geo::dynamics_report(panel, "2000", "2001");
    const auto two = geo::two_years(panel, "2000", "2001");
    const Matrix m0 = (geo::rca_matrix(two.base).array() >= 1.0).cast<double>();
    const Matrix m1 = (geo::rca_matrix(two.end).array() >= 1.0).cast<double>();
    const auto t = geo::transitions(m0, m1);
    EXPECT_EQ(dyn.entries, static_cast<std::size_t>(t.entries.sum()));
    EXPECT_EQ(dyn.exits, static_cast<std::size_t>(t.exits.sum()));
}

TEST(GeoReports, FiltersAreSaidAndCsvIsStreamed) {
    geo::PanelOptions panel;
    panel.input = panel_file();
    panel.min_loc_total = 11;  // leaves out c (10) in 2000
    panel.years = {"2000"};
    std::vector<std::string> notes;
    std::ostringstream csv;
    geo::write_complexity_csv(panel, csv, {}, [&](const std::string& n) { notes.push_back(n); });
    ASSERT_FALSE(notes.empty());
    EXPECT_EQ(notes.front(), "year 2000: filters left out 1 location(s) and 0 product(s)");
    std::istringstream lines(csv.str());
    std::string line;
    int rows = 0;
    while (std::getline(lines, line)) {
        ++rows;
    }
    EXPECT_EQ(rows, 1 + 2 * 3);  // header, then a and b x three products
}

TEST(GeoReports, BadOptionsAreRefused) {
    geo::PanelOptions panel;
    panel.input = panel_file();
    panel.presence = geo::PresenceTest::kPopulation;
    std::string why;
    EXPECT_FALSE(panel.is_valid(&why));
    EXPECT_THROW(geo::locations_table(panel, {}), Error);
    panel.presence = geo::PresenceTest::kRca;
    panel.rca_threshold = 0;
    EXPECT_FALSE(panel.is_valid(&why));
    panel.rca_threshold = 1;
    panel.years = {"1999"};
    EXPECT_THROW(geo::locations_table(panel, {}), Error);
    geo::IndicatorOptions bad;
    bad.iterations = 0;
    EXPECT_FALSE(bad.is_valid(&why));
}

}  // namespace
}  // namespace tandem::test
