// Reproduces every file of tests/data/reference/pymrio/{base,agg,shock} (pymrio 0.6.3's
// calc_all, aggregate and reset_all_to_coefficients on its own test MRIO; see its SOURCE.md)
// within relative error 1e-9, absolute 1e-9 near zero.
#include <filesystem>
#include <regex>

#include <gtest/gtest.h>

#include "tandem/data/pymrio_format.hpp"
#include "tandem/mrio/calc.hpp"

#include "support/reference.hpp"

namespace tandem::test {
namespace {

namespace fs = std::filesystem;

Mrio load_raw() {
    return data::read_pymrio(pymrio_reference() / "pymrio_format" / "raw");
}

// Maps a reference file name to tandem's account name: "Emissions__D_cba.csv" ->
// "Emissions/D_cba", "x.csv" -> "x".
std::string account_for(const fs::path& file) {
    std::string stem = file.stem().string();
    auto sep = stem.find("__");
    if (sep == std::string::npos) {
        return stem;
    }
    std::string ext = stem.substr(0, sep);
    for (auto& c : ext) {
        if (c == '_') {
            c = ' ';
        }
    }
    return ext + "/" + stem.substr(sep + 2);
}

int compare_folder(const Mrio& mrio, const fs::path& folder, const std::vector<std::string>& skip) {
    int compared = 0;
    for (const auto& entry : fs::directory_iterator(folder)) {
        const auto name = entry.path().filename().string();
        if (std::find(skip.begin(), skip.end(), name) != skip.end()) {
            continue;
        }
        SCOPED_TRACE(entry.path().string());
        const std::string account = account_for(entry.path());
        Table got = account_table(mrio, account);
        Table want = read_reference_csv(entry.path(), got.rows.levels());
        EXPECT_TRUE(tables_match(got, want)) << account;
        ++compared;
    }
    return compared;
}

TEST(PymrioReference, RawFolderReadsTheInputValuesExactly) {
    Mrio m = load_raw();
    EXPECT_EQ(m.size(), 48u);
    EXPECT_EQ(m.regions().size(), 6u);
    EXPECT_EQ(m.final_demand.size(), 42u);
    EXPECT_TRUE(tables_match(account_table(m, "Z"),
                             read_reference_csv(pymrio_reference() / "input" / "Z.csv", 2),
                             0,
                             0));
    EXPECT_TRUE(tables_match(account_table(m, "Y"),
                             read_reference_csv(pymrio_reference() / "input" / "Y.csv", 2),
                             0,
                             0));
    EXPECT_TRUE(
        tables_match(account_table(m, "Emissions/F"),
                     read_reference_csv(pymrio_reference() / "input" / "emissions__F.csv", 2),
                     0,
                     0));
    ASSERT_EQ(m.population.size(), 6);
    EXPECT_EQ(m.population(1), 3.7e9);
    EXPECT_EQ(m.units[0], "Mill USD");
    ASSERT_NE(m.find_extension("Emissions"), nullptr);
    EXPECT_EQ(m.find_extension("Emissions")->units[0], "kg");
}

TEST(PymrioReference, CalcAllWithGhoshMatchesEveryBaseFile) {
    Mrio m = load_raw();
    mrio::CalcOptions options;
    options.ghosh = true;
    options.explicit_inverse = true;
    mrio::calc_all(m, options);
    EXPECT_EQ(compare_folder(m, pymrio_reference() / "base", {}), 41);
}

TEST(PymrioReference, CalcAllWithoutTheInverseGivesTheSameAccounts) {
    Mrio m = load_raw();
    mrio::CalcOptions options;
    options.keep_A = false;
    options.ghosh = true;
    mrio::calc_all(m, options);
    EXPECT_EQ(m.L.size(), 0);
    EXPECT_EQ(m.A.size(), 0);
    EXPECT_EQ(compare_folder(m, pymrio_reference() / "base", {"A.csv", "L.csv", "G.csv", "B.csv"}),
              37);
}

TEST(PymrioReference, SparseSolverGivesTheSameAccounts) {
    Mrio m = load_raw();
    mrio::CalcOptions options;
    options.solver.kind = mrio::SolverKind::kSparse;
    options.explicit_inverse = true;
    options.ghosh = true;
    auto solver = mrio::calc_all(m, options);
    EXPECT_TRUE(solver.is_sparse());
    EXPECT_EQ(compare_folder(m, pymrio_reference() / "base", {}), 41);
}

TEST(PymrioReference, AggregationMatchesEveryAggFile) {
    // The anchor ran calc_all before aggregate: pymrio then sums the footprint accounts
    // instead of recomputing them on the aggregated table.
    Mrio m = load_raw();
    mrio::calc_all(m);
    mrio::Aggregation agg;
    agg.region_groups = {"EU", "EU", "EU", "other", "other", "other"};
    agg.sector_groups = {"primary",
                         "primary",
                         "industry",
                         "industry",
                         "industry",
                         "services",
                         "services",
                         "services"};
    Mrio a = mrio::aggregate(m, agg);
    mrio::CalcOptions options;
    options.explicit_inverse = true;
    mrio::calc_all(a, options);
    EXPECT_EQ(compare_folder(a, pymrio_reference() / "agg", {}), 37);
}

TEST(PymrioReference, AggregatingRawFlowsComputesFootprintsOnTheAggregatedTable) {
    Mrio m = load_raw();
    mrio::Aggregation agg;
    agg.region_groups = {"EU", "EU", "EU", "other", "other", "other"};
    Mrio a = mrio::aggregate(m, agg);
    mrio::calc_all(a);
    const Extension* e = a.find_extension("Emissions");
    ASSERT_NE(e, nullptr);
    // Whatever the aggregation, every region's consumption and production accounts close:
    // cba - pba = imp - exp, and the totals equal F + F_Y.
    const Matrix lhs = e->D_cba_reg - e->D_pba_reg;
    const Matrix rhs = e->D_imp_reg - e->D_exp_reg;
    EXPECT_LT((lhs - rhs).cwiseAbs().maxCoeff(), 1e-6 * e->D_cba_reg.maxCoeff());
    EXPECT_NEAR(e->D_cba_reg.sum(), e->F.sum() + e->F_Y.sum(), 1e-9 * e->D_cba_reg.sum());
}

TEST(PymrioReference, ShockOnTheFactorisedModelMatchesEveryShockFile) {
    Mrio base = load_raw();
    mrio::CalcOptions options;
    options.explicit_inverse = true;
    mrio::FactorisedModel model(base, options);
    Matrix y = model.base().Y;
    const auto fd = model.base().final_demand;
    std::size_t households = fd.size();
    for (std::size_t c = 0; c < fd.size(); ++c) {
        if (fd.at(c, 0) == "reg1" && fd.at(c, 1) == "Final consumption expenditure by households") {
            households = c;
        }
    }
    ASSERT_LT(households, fd.size());
    for (std::size_t i = 0; i < model.base().size(); ++i) {
        if (model.base().sectors.at(i, 0) == "reg2") {
            y(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(households)) *= 1.10;
        }
    }
    Mrio shocked = model.with_final_demand(y);
    // The quick path gives the same x and regional accounts.
    auto quick = model.shock(y);
    EXPECT_LT((quick.x - shocked.x).cwiseAbs().maxCoeff(), 1e-9 * shocked.x.maxCoeff());
    for (std::size_t e = 0; e < shocked.extensions.size(); ++e) {
        const Matrix& cba = shocked.extensions[e].D_cba_reg;
        const Matrix& pba = shocked.extensions[e].D_pba_reg;
        EXPECT_LT((quick.D_cba_reg[e] - cba).cwiseAbs().maxCoeff(),
                  1e-9 * cba.cwiseAbs().maxCoeff());
        EXPECT_LT((quick.D_pba_reg[e] - pba).cwiseAbs().maxCoeff(),
                  1e-9 * pba.cwiseAbs().maxCoeff());
    }
    EXPECT_EQ(compare_folder(shocked,
                             pymrio_reference() / "shock",
                             {"delta_x.csv", "emissions__delta_D_cba_reg.csv"}),
              37);

    // Differences to the base case: compared against the scale of the quantities they come
    // from, since pymrio's own round-off leaves 1e-7 where the true difference is 0.
    Table dx = account_table(shocked, "x");
    dx.values -= model.base().x;
    Table want_dx = read_reference_csv(pymrio_reference() / "shock" / "delta_x.csv", 2);
    dx.cols = want_dx.cols;
    EXPECT_TRUE(tables_match(dx, want_dx, 1e-7, 1e-9 * model.base().x.maxCoeff()));
    Table dd = account_table(shocked, "Emissions/D_cba_reg");
    dd.values -= model.base().find_extension("Emissions")->D_cba_reg;
    Table want_dd =
        read_reference_csv(pymrio_reference() / "shock" / "emissions__delta_D_cba_reg.csv", 2);
    const double scale = model.base().find_extension("Emissions")->D_cba_reg.maxCoeff();
    EXPECT_TRUE(tables_match(dd, want_dd, 1e-7, 1e-12 * scale));
}

}  // namespace
}  // namespace tandem::test
