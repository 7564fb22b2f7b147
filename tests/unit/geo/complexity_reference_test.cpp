// Reproduces py-ecomplexity's outputs in tests/data/reference/ecomplexity/output (cells,
// locations, products, proximity) within relative 1e-9 (absolute 1e-9 near zero; the reference
// files carry 15 significant digits).
#include <cmath>
#include <map>

#include <gtest/gtest.h>

#include "tandem/data/delimited.hpp"
#include "tandem/geo/complexity.hpp"

#include "support/reference.hpp"

namespace tandem::test {
namespace {

namespace fs = std::filesystem;

fs::path ecx() {
    return reference_dir() / "ecomplexity";
}

struct Panel {
    std::vector<std::string> locs;
    std::vector<std::string> prods;
    Matrix values;
};

// Reads one year of a long CSV: columns by position; time_col < 0 means a single year.
Panel read_year(const fs::path& file,
                int time_col,
                const std::string& year,
                int loc_col,
                int prod_col,
                int val_col) {
    std::map<std::string, std::map<std::string, double>> cells;
    std::map<std::string, int> prods;
    bool header = true;
    data::read_delimited(file, ',', [&](std::size_t line, const std::vector<std::string>& f) {
        if (header) {
            header = false;
            return;
        }
        if (time_col >= 0 && f[static_cast<std::size_t>(time_col)] != year) {
            return;
        }
        const auto& loc = f[static_cast<std::size_t>(loc_col)];
        const auto& prod = f[static_cast<std::size_t>(prod_col)];
        cells[loc][prod] += data::parse_number(
            f[static_cast<std::size_t>(val_col)], file.string(), line, 1, "value");
        prods[prod] = 0;
    });
    Panel p;
    for (const auto& [loc, _] : cells) {
        p.locs.push_back(loc);
    }
    for (const auto& [prod, _] : prods) {
        p.prods.push_back(prod);
    }
    p.values = Matrix::Zero(static_cast<Eigen::Index>(p.locs.size()),
                            static_cast<Eigen::Index>(p.prods.size()));
    for (std::size_t c = 0; c < p.locs.size(); ++c) {
        for (std::size_t j = 0; j < p.prods.size(); ++j) {
            auto it = cells[p.locs[c]].find(p.prods[j]);
            if (it != cells[p.locs[c]].end()) {
                p.values(static_cast<Eigen::Index>(c), static_cast<Eigen::Index>(j)) = it->second;
            }
        }
    }
    return p;
}

::testing::AssertionResult near(double got, double want, const std::string& what) {
    const double diff = std::fabs(got - want);
    if (diff <= 1e-9 || diff <= 1e-9 * std::fabs(want)) {
        return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << what << ": " << got << ", expected " << want;
}

std::vector<std::vector<std::string>> rows_of(const fs::path& file) {
    std::vector<std::vector<std::string>> rows;
    data::read_delimited(
        file, ',', [&](std::size_t, const std::vector<std::string>& f) { rows.push_back(f); });
    rows.erase(rows.begin());
    return rows;
}

int compare(const geo::ComplexityResult& r, const std::string& tag) {
    std::map<std::string, Eigen::Index> loc;
    std::map<std::string, Eigen::Index> prod;
    for (std::size_t i = 0; i < r.locations.size(); ++i) {
        loc[r.locations[i]] = static_cast<Eigen::Index>(i);
    }
    for (std::size_t i = 0; i < r.products.size(); ++i) {
        prod[r.products[i]] = static_cast<Eigen::Index>(i);
    }
    int failures = 0;
    auto check = [&](::testing::AssertionResult ok) {
        if (!ok && ++failures <= 5) {
            ADD_FAILURE() << tag << ": " << ok.message();
        }
    };
    const auto cells = rows_of(ecx() / "output" / (tag + "_cells.csv"));
    EXPECT_EQ(cells.size(), r.locations.size() * r.products.size()) << tag;
    for (const auto& f : cells) {
        if (loc.count(f[0]) == 0 || prod.count(f[1]) == 0) {
            ADD_FAILURE() << tag << ": no cell " << f[0] << "/" << f[1];
            ++failures;
            continue;
        }
        const auto c = loc[f[0]];
        const auto p = prod[f[1]];
        const std::string at = f[0] + "/" + f[1];
        check(near(r.rca(c, p), std::stod(f[3]), "rca " + at));
        check(near(r.mcp(c, p), std::stod(f[4]), "mcp " + at));
        check(near(r.density(c, p), std::stod(f[5]), "density " + at));
        check(near(r.cog(c, p), std::stod(f[6]), "cog " + at));
    }
    for (const auto& f : rows_of(ecx() / "output" / (tag + "_locations.csv"))) {
        const auto c = loc.at(f[0]);
        check(near(r.diversity(c), std::stod(f[1]), "diversity " + f[0]));
        check(near(r.eci(c), std::stod(f[2]), "eci " + f[0]));
        check(near(r.coi(c), std::stod(f[3]), "coi " + f[0]));
    }
    for (const auto& f : rows_of(ecx() / "output" / (tag + "_products.csv"))) {
        const auto p = prod.at(f[0]);
        check(near(r.ubiquity(p), std::stod(f[1]), "ubiquity " + f[0]));
        check(near(r.pci(p), std::stod(f[2]), "pci " + f[0]));
    }
    std::size_t positive = 0;
    for (Eigen::Index q = 0; q < r.proximity.cols(); ++q) {
        for (Eigen::Index p = 0; p < r.proximity.rows(); ++p) {
            if (r.products[static_cast<std::size_t>(p)] < r.products[static_cast<std::size_t>(q)] &&
                r.proximity(p, q) > 0) {
                ++positive;
            }
        }
    }
    const auto prox = rows_of(ecx() / "output" / (tag + "_proximity.csv"));
    EXPECT_EQ(prox.size(), positive) << tag;
    for (const auto& f : prox) {
        check(near(r.proximity(prod.at(f[0]), prod.at(f[1])),
                   std::stod(f[2]),
                   "proximity " + f[0] + "/" + f[1]));
    }
    return failures;
}

TEST(ComplexityReference, SyntheticDensePanelEveryYear) {
    for (const char* year : {"2000", "2001", "2002"}) {
        auto p = read_year(ecx() / "input" / "synth_31x42_3years.csv", 0, year, 1, 2, 3);
        auto r = geo::complexity(p.locs, p.prods, p.values);
        EXPECT_EQ(compare(r, std::string("synth_31x42_") + year), 0);
    }
}

TEST(ComplexityReference, SyntheticSparsePanelEveryYear) {
    for (const char* year : {"2000", "2001"}) {
        auto p = read_year(ecx() / "input" / "synth_60x150_sparse_2years.csv", 0, year, 1, 2, 3);
        auto r = geo::complexity(p.locs, p.prods, p.values);
        EXPECT_EQ(compare(r, std::string("synth_60x150_sparse_") + year), 0);
    }
}

TEST(ComplexityReference, ChinaProvincesValueAdded2017) {
    auto p = read_year(ecx() / "input" / "china2017_value_added.csv", 0, "2017", 1, 2, 3);
    auto r = geo::complexity(p.locs, p.prods, p.values);
    EXPECT_EQ(compare(r, "china2017va"), 0);
}

TEST(ComplexityReference, OecExportsByHsSection) {
    auto p = read_year(ecx() / "input" / "oec_global_exports_hs_sections.csv", -1, "", 0, 2, 4);
    auto r = geo::complexity(p.locs, p.prods, p.values);
    EXPECT_EQ(compare(r, "oec_global_exports_hs_sections"), 0);
}

TEST(ComplexityReference, WorldTradeSitc4WithBothEigensolvers) {
    // 785 products: both the dense and the partial (Lanczos) eigensolver must reproduce it.
    auto p = read_year(ecx() / "input" / "world_trade_avg_1998_to_2000.csv", -1, "", 0, 1, 2);
    for (auto method : {geo::EigenMethod::kDense, geo::EigenMethod::kPartial}) {
        geo::ComplexityOptions options;
        options.eigen = method;
        auto r = geo::complexity(p.locs, p.prods, p.values, options);
        EXPECT_EQ(compare(r, "world_trade_avg_1998_2000_sitc4"), 0);
    }
}

TEST(ComplexityReference, PartialEigensolverOnSmallSets) {
    auto p = read_year(ecx() / "input" / "china2017_value_added.csv", 0, "2017", 1, 2, 3);
    geo::ComplexityOptions options;
    options.eigen = geo::EigenMethod::kPartial;
    EXPECT_EQ(compare(geo::complexity(p.locs, p.prods, p.values, options), "china2017va"), 0);
}

}  // namespace
}  // namespace tandem::test
