// The library entry points of `tandem mrio` (tandem/mrio/reports.hpp) on Miller & Blair's
// two-sector example (section 2.3: Z = [150 500; 200 100], f = [350 1700], x = [1000 2000]),
// with its labour income h = (0.3, 0.25) as an extension row and f split into households
// (40, 320: consumption coefficients 0.05 and 0.4 of the 800 of household income, section
// 2.5) and other demand. Every figure is recomputed here from the matrices by dense algebra.
#include "tandem/mrio/reports.hpp"

#include <Eigen/Dense>
#include <gtest/gtest.h>

#include "tandem/core/error.hpp"
#include "tandem/core/mrio.hpp"

namespace tandem::test {
namespace {

Mrio example() {
    Mrio m;
    m.sectors = Index::product("region", {"r"}, "sector", {"s1", "s2"});
    m.final_demand = Index::product("region", {"r"}, "category", {"households", "other"});
    m.Z.resize(2, 2);
    m.Z << 150, 500, 200, 100;
    m.Y.resize(2, 2);
    m.Y << 40, 310, 320, 1380;
    m.units = {"$", "$"};
    Extension income;
    income.name = "Factor Inputs";
    income.stressors = Index::single("stressor", {"Labour income"});
    income.units = {"$"};
    income.F.resize(1, 2);
    income.F << 300, 500;  // h x: 0.3 * 1000, 0.25 * 2000
    m.extensions.push_back(income);
    return m;
}

Matrix leontief() {
    Matrix A(2, 2);
    A << 0.15, 0.25, 0.2, 0.05;
    return (Matrix::Identity(2, 2) - A).inverse();
}

double column(const Table& t, const std::string& name, Eigen::Index row) {
    for (std::size_t c = 0; c < t.cols.size(); ++c) {
        if (t.cols.joined(c) == name) {
            return t.values(row, static_cast<Eigen::Index>(c));
        }
    }
    ADD_FAILURE() << "no column " << name;
    return 0.0;
}

TEST(MrioReports, MultipliersTypeOneAndTwo) {
    Mrio m = example();
    mrio::MultiplierOptions o;
    o.income = "Factor Inputs/Labour income";
    o.households = "households";
    const Table t = mrio::multipliers_table(m, o);
    const Matrix L = leontief();
    EXPECT_NEAR(column(t, "output (simple)", 0), L.col(0).sum(), 1e-12);
    EXPECT_NEAR(column(t, "output (simple)", 1), L.col(1).sum(), 1e-12);
    const Vector h = (Vector(2) << 0.3, 0.25).finished();
    const Vector income = h.transpose() * L;  // simple income multipliers
    EXPECT_NEAR(column(t, "Factor Inputs/Labour income (simple)", 1), income(1), 1e-12);
    EXPECT_NEAR(column(t, "Factor Inputs/Labour income (Type I)", 0), income(0) / 0.3, 1e-12);
    // Households closed: A-bar = [A c; h 0] with c = (40, 320) / 800.
    Matrix Abar = Matrix::Zero(3, 3);
    Abar.topLeftCorner(2, 2) << 0.15, 0.25, 0.2, 0.05;
    Abar.block(0, 2, 2, 1) << 0.05, 0.4;
    Abar.block(2, 0, 1, 2) = h.transpose();
    const Matrix Lbar = (Matrix::Identity(3, 3) - Abar).inverse();
    const double type2 = (h.transpose() * Lbar.topLeftCorner(2, 2).col(0))(0) / 0.3;
    EXPECT_NEAR(column(t, "Factor Inputs/Labour income (Type II)", 0), type2, 1e-10);
    EXPECT_EQ(t.notes.size(), 3u);
}

TEST(MrioReports, OptionsAreChecked) {
    Mrio m = example();
    mrio::MultiplierOptions half;
    half.income = "Factor Inputs/Labour income";
    std::string why;
    EXPECT_FALSE(half.is_valid(&why));
    EXPECT_THROW(mrio::multipliers_table(m, half), Error);
    mrio::MultiplierOptions wrong;
    wrong.income = "Factor Inputs/Wages";
    wrong.households = "households";
    try {
        mrio::multipliers_table(m, wrong);
        ADD_FAILURE() << "an unknown income row was accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("rows: Factor Inputs/Labour income"),
                  std::string::npos)
            << e.what();
    }
    mrio::PriceOptions none;
    EXPECT_FALSE(none.is_valid(&why));
    mrio::ShockOptions nowhere;
    EXPECT_FALSE(nowhere.is_valid(&why));
}

TEST(MrioReports, ShockIsTheLeontiefResponse) {
    mrio::ShockOptions o;
    o.change.demand_region = "r";
    o.change.category = "other";
    o.change.scale = 1.1;
    const auto report = mrio::shock_report(example(), o);
    const Vector dy = (Vector(2) << 31, 138).finished();
    const Vector dx = leontief() * dy;
    ASSERT_FALSE(report.tables.empty());
    EXPECT_NEAR(report.shocked.x(0) - 1000, dx(0), 1e-9);
    EXPECT_NEAR(report.shocked.x(1) - 2000, dx(1), 1e-9);
    // The income row's consumption-based account changes by h' dx.
    ASSERT_EQ(report.tables.size(), 2u);
    EXPECT_NEAR(report.tables[1].values.sum(), 0.3 * dx(0) + 0.25 * dx(1), 1e-9);
}

// With final demand >= 0 no output changes by a larger share than a final-demand cell did; a
// negative cell (an inventory drawdown) makes a small output move more, and the table says so.
// Z = [0 100; 0 0], households (0, 1000), other (-40, 0): x = (60, 1000), A = [0 0.1; 0 0].
// Households x 1.1: dy = (0, 100), dx = (10, 100): +16.67% for s1 against +10% for the demand.
TEST(MrioReports, ShockCautionsAboutNegativeFinalDemand) {
    Mrio m;
    m.sectors = Index::product("region", {"r"}, "sector", {"s1", "s2"});
    m.final_demand = Index::product("region", {"r"}, "category", {"households", "other"});
    m.Z.resize(2, 2);
    m.Z << 0, 100, 0, 0;
    m.Y.resize(2, 2);
    m.Y << 0, -40, 1000, 0;
    m.units = {"$", "$"};
    mrio::ShockOptions o;
    o.change.demand_region = "r";
    o.change.category = "households";
    o.change.scale = 1.1;
    auto report = mrio::shock_report(m, o);
    const auto& t = report.tables.at(0);
    EXPECT_NEAR(t.values(0, 0), 10.0, 1e-9);
    EXPECT_NEAR(t.values(0, 1), 100.0 * 10.0 / 60.0, 1e-9);
    ASSERT_EQ(t.notes.size(), 2u);
    EXPECT_EQ(t.notes[1],
              "data caution: 1 sector(s) change by more than the largest change of a final-demand "
              "cell (10%), which only negative final demand in the base (inventory drawdowns, "
              "net exports) allows; largest r/s1: +16.67% of a base output of 60");
    // Without the negative cell (other = 0 for s1): x1 = 100, +10%, no caution.
    m.Y(0, 1) = 0;
    report = mrio::shock_report(m, o);
    EXPECT_NEAR(report.tables.at(0).values(0, 1), 10.0, 1e-9);
    EXPECT_EQ(report.tables.at(0).notes.size(), 1u);
}

TEST(MrioReports, PricesExtractionAndDecomposition) {
    Mrio m = example();
    mrio::PriceOptions p;
    p.cost_push = {{"r/s1", 0.05}};
    const Table prices = mrio::price_table(m, p);
    // dp' = dv' L: the price change of product j is 0.05 L(0, j).
    const Matrix L = leontief();
    EXPECT_NEAR(prices.values(0, 0), 100 * 0.05 * L(0, 0), 1e-10);
    EXPECT_NEAR(prices.values(1, 0), 100 * 0.05 * L(0, 1), 1e-10);
    p.cost_push = {{"r/steel", 0.05}};
    EXPECT_THROW(mrio::price_table(m, p), Error);

    Mrio e = example();
    const Table ex = mrio::extraction_table(e);
    // Total extraction of s1: x - (output of s2 alone on its own final demand).
    const double alone = 1700 / (1 - 0.05);
    EXPECT_NEAR(ex.values(0, 0), 3000 - alone, 1e-9);
    EXPECT_NEAR(ex.values(0, 1), 100 * (3000 - alone) / 3000, 1e-9);

    Mrio d = example();
    const Table miller = mrio::decomposition_table(d, mrio::DecompositionMethod::kMiller);
    // One region: everything is intra-regional, nothing spills over.
    EXPECT_NEAR(miller.values(0, 0), L.col(0).sum(), 1e-12);
    EXPECT_NEAR(miller.values(0, 2), 0.0, 1e-12);
}

TEST(MrioReports, LinkagesNameTheirForwardMeasure) {
    Mrio m = example();
    mrio::LinkageOptions o;
    o.forward = mrio::ForwardMeasure::kLeontief;
    const Table t = mrio::linkages_table(m, o);
    const Matrix L = leontief();
    EXPECT_NEAR(t.values(0, 0), L.col(0).sum(), 1e-12);
    EXPECT_NEAR(t.values(0, 1), L.row(0).sum(), 1e-12);
    EXPECT_EQ(t.notes.front(), "forward linkages: row sums of the Leontief inverse L");
}

}  // namespace
}  // namespace tandem::test
