// EconGeo's cross-reference on the 2017 provincial value added
// (shared/data/ecomplexity_reference/output/china2017va_econgeo_*.csv): Herfindahl, Krugman,
// specialisation coefficient and Hachman to 1e-9; entropy and Gini as EconGeo rounds them
// (three decimals).
#include "tandem/geo/specialisation.hpp"

#include <map>

#include <gtest/gtest.h>

#include "tandem/data/delimited.hpp"

#include "support/reference.hpp"

namespace tandem::test {
namespace {

std::map<std::string, std::vector<std::string>> rows_by_key(const std::filesystem::path& file) {
    std::map<std::string, std::vector<std::string>> out;
    bool header = true;
    data::read_delimited(file, ',', [&](std::size_t, const std::vector<std::string>& f) {
        if (!header) {
            out[f[0]] = f;
        }
        header = false;
    });
    return out;
}

TEST(Specialisation, MatchesEconGeoOnChineseProvinces) {
    const auto dir = shared_dir() / "data" / "ecomplexity_reference";
    std::map<std::string, std::map<std::string, double>> cells;
    std::map<std::string, int> sectors;
    bool header = true;
    data::read_delimited(dir / "input" / "china2017_value_added.csv",
                         ',',
                         [&](std::size_t line, const std::vector<std::string>& f) {
                             if (header) {
                                 header = false;
                                 return;
                             }
                             // EconGeo's input had the one negative cell (Tibet) clipped to 0.
                             cells[f[1]][f[2]] = std::max(
                                 0.0, data::parse_number(f[3], "va", line, 4, "value added"));
                             sectors[f[2]] = 0;
                         });
    std::vector<std::string> locs;
    std::vector<std::string> prods;
    for (const auto& [k, _] : cells) {
        locs.push_back(k);
    }
    for (const auto& [k, _] : sectors) {
        prods.push_back(k);
    }
    Matrix x = Matrix::Zero(static_cast<Eigen::Index>(locs.size()),
                            static_cast<Eigen::Index>(prods.size()));
    for (std::size_t c = 0; c < locs.size(); ++c) {
        for (std::size_t p = 0; p < prods.size(); ++p) {
            x(static_cast<Eigen::Index>(c), static_cast<Eigen::Index>(p)) =
                cells[locs[c]][prods[p]];
        }
    }
    auto spec = geo::location_specialisation(x);
    const auto ref = rows_by_key(dir / "output" / "china2017va_econgeo_locations.csv");
    for (std::size_t c = 0; c < locs.size(); ++c) {
        const auto& f = ref.at(locs[c]);
        const auto ci = static_cast<Eigen::Index>(c);
        EXPECT_NEAR(spec.krugman(ci), std::stod(f[2]), 1e-9) << locs[c];
        EXPECT_NEAR(spec.spec_coeff(ci), std::stod(f[3]), 1e-9) << locs[c];
        EXPECT_NEAR(spec.herfindahl(ci), std::stod(f[4]), 1e-9) << locs[c];
        EXPECT_NEAR(spec.entropy(ci), std::stod(f[5]), 5e-4) << locs[c];
        EXPECT_NEAR(spec.hachman(ci), std::stod(f[6]), 1e-9) << locs[c];
    }
    auto gini = geo::activity_gini(x);
    const auto pref = rows_by_key(dir / "output" / "china2017va_econgeo_products.csv");
    for (std::size_t p = 0; p < prods.size(); ++p) {
        EXPECT_NEAR(gini(static_cast<Eigen::Index>(p)), std::stod(pref.at(prods[p])[4]), 5e-4)
            << prods[p];
    }
}

TEST(Specialisation, KnownAnswers) {
    Matrix x(2, 2);
    x << 1, 1, 0, 2;  // location 1 spread evenly; location 2 only in activity 2
    auto s = geo::location_specialisation(x);
    EXPECT_DOUBLE_EQ(s.herfindahl(0), 0.5);
    EXPECT_DOUBLE_EQ(s.herfindahl(1), 1.0);
    EXPECT_DOUBLE_EQ(s.entropy(0), 1.0);
    EXPECT_DOUBLE_EQ(s.entropy(1), 0.0);
    // whole = (0.25, 0.75): |0.5-0.25| + |0.5-0.75| = 0.5
    EXPECT_DOUBLE_EQ(s.krugman(0), 0.5);
    Vector g = geo::activity_gini(x);
    EXPECT_DOUBLE_EQ(g(0), 0.5);          // all of activity 1 in one of two locations
    EXPECT_NEAR(g(1), 1.0 / 6.0, 1e-15);  // (1, 2): 2 (1 + 4) / (2 * 3) - 3 / 2
}

}  // namespace
}  // namespace tandem::test
