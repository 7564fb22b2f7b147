// The China MRIO build: the shipped default equals a rebuild, the stated identities hold, the
// distances are right, and bad tables get clear errors.
#include "tandem/china/mrio_build.hpp"

#include <gtest/gtest.h>

#include "tandem/core/error.hpp"
#include "tandem/data/datasets.hpp"

namespace tandem::test {
namespace {

void expect_rebuild_equals_shipped(int year) {
    const auto folder = data::data_dir() / "china" / ("mrio_" + std::to_string(year));
    int stored = 0;
    const auto options = china::options_from_json(folder / "china_mrio.json", &stored);
    EXPECT_EQ(stored, year);
    const TableSet set = data::load_provincial_tables(year);
    const auto built = china::build_mrio(set, options);
    const auto shipped = china::read_trade_flows(set, folder / "trade_flows.csv");
    ASSERT_EQ(built.flows.size(), shipped.size());
    for (std::size_t i = 0; i < shipped.size(); ++i) {
        const double scale = std::max(1.0, shipped[i].cwiseAbs().maxCoeff());
        EXPECT_LE((built.flows[i] - shipped[i]).cwiseAbs().maxCoeff(), 1e-9 * scale)
            << year << " product " << set.sectors[i].code;
    }
    // The shipped MRIO, assembled from the shipped flows, is the built one.
    const Mrio loaded = china::load_china_mrio(year);
    EXPECT_TRUE(loaded.Z.isApprox(built.mrio.Z, 1e-9));
    EXPECT_TRUE(loaded.Y.isApprox(built.mrio.Y, 1e-9));
    EXPECT_EQ(loaded.x, built.mrio.x);

    const Mrio& m = built.mrio;
    const auto nr = static_cast<Eigen::Index>(set.tables.size());
    const auto n = static_cast<Eigen::Index>(set.sectors.size());
    ASSERT_EQ(m.Z.rows(), nr * n);
    // Exact identities: rows close on official output; columns (inputs, imports, value added)
    // within the published tables' own column balance; value added as published.
    const Vector rows = m.Z.rowwise().sum() + m.Y.rowwise().sum();
    EXPECT_LE(((rows - m.x).cwiseAbs().array() / m.x.cwiseAbs().array().max(1.0)).maxCoeff(), 1e-8);
    const Extension& fi = m.extensions.front();
    const Vector cols = m.Z.colwise().sum().transpose() + fi.F.colwise().sum().transpose();
    EXPECT_LE(((cols - m.x).cwiseAbs().array() / m.x.cwiseAbs().array().max(1.0)).maxCoeff(), 1e-3);
    for (Eigen::Index r = 0; r < nr; ++r) {
        const auto& t = set.tables[static_cast<std::size_t>(r)];
        EXPECT_TRUE(fi.F.block(0, r * n, t.V.rows(), n).isApprox(t.V)) << t.region.name_en;
    }
    EXPECT_EQ((m.Z.array() < 0.0).count(), 0);
    // Employment adds up to the national total of the mapped sectors.
    ASSERT_EQ(m.extensions.size(), 2U);
    const Vector national = china::national_employment_42(
        data::data_dir() / "china" / "employment.csv", year, set.sectors);
    EXPECT_NEAR(m.extensions[1].F.sum(), national.sum(), 1e-6 * national.sum());
    // Every rule is reported, whether or not it fired.
    EXPECT_GE(built.rules.size(), 10U);
}

TEST(ChinaMrio, Shipped2017EqualsRebuild) {
    expect_rebuild_equals_shipped(2017);
}

TEST(ChinaMrio, Shipped2012EqualsRebuild) {
    expect_rebuild_equals_shipped(2012);
}

TEST(ChinaMrio, GreatCircleDistances) {
    // Beijing - Shanghai about 1,068 km; a point to itself 0; symmetric.
    EXPECT_NEAR(china::great_circle_km(39.90, 116.41, 31.23, 121.47), 1068.0, 10.0);
    EXPECT_EQ(china::great_circle_km(30.0, 100.0, 30.0, 100.0), 0.0);
    EXPECT_DOUBLE_EQ(china::great_circle_km(45.80, 126.53, 31.82, 117.23),
                     china::great_circle_km(31.82, 117.23, 45.80, 126.53));
    const auto capitals = china::load_capitals();
    EXPECT_EQ(capitals.size(), 31U);
}

TEST(ChinaMrio, DecayShiftsTradeTowardsNeighbours) {
    const TableSet set = data::load_provincial_tables(2017);
    china::BuildOptions near;
    near.decay = 2.0;
    china::BuildOptions far;
    far.decay = 0.0;  // distance plays no part
    const auto a = china::build_mrio(set, near);
    const auto b = china::build_mrio(set, far);
    // Mean distance of a unit of traded value.
    auto mean_km = [](const china::BuildResult& r) {
        const Matrix& t = r.trade.values;
        return t.cwiseProduct(r.distances.values).sum() / t.sum();
    };
    EXPECT_LT(mean_km(a), mean_km(b));
}

TEST(ChinaMrio, NegativeUsesKeptLocalNeverCrossBorders) {
    const TableSet set = data::load_provincial_tables(2017);
    china::BuildOptions local;
    local.split_negative_uses = false;
    const auto r = china::build_mrio(set, local);
    const Mrio& m = r.mrio;
    const auto n = static_cast<Eigen::Index>(set.sectors.size());
    const auto nr = static_cast<Eigen::Index>(set.tables.size());
    const auto nc = m.Y.cols() / nr;
    // Off the diagonal blocks, the final uses of other provinces hold no negative flow.
    for (Eigen::Index a = 0; a < nr; ++a) {
        for (Eigen::Index b = 0; b < nr; ++b) {
            if (a != b) {
                EXPECT_GE(m.Y.block(a * n, b * nc, n, nc).minCoeff(), 0.0) << a << " " << b;
            }
        }
    }
    const Vector rows = m.Z.rowwise().sum() + m.Y.rowwise().sum();
    EXPECT_LE(((rows - m.x).cwiseAbs().array() / m.x.cwiseAbs().array().max(1.0)).maxCoeff(), 1e-8);
    EXPECT_NE(china::options_json(2017, local).find("\"negative_uses\": \"local\""),
              std::string::npos);
}

TEST(ChinaMrio, BadTablesGetClearErrors) {
    const TableSet good = data::load_provincial_tables(2017);
    {
        TableSet t = good;
        t.tables[11].Z(0, 0) += 1e6;  // Anhui's row 01 no longer balances
        try {
            china::build_mrio(t);
            ADD_FAILURE() << "expected an error";
        } catch (const Error& e) {
            EXPECT_NE(std::string(e.what()).find("Anhui (340000), sector 01"), std::string::npos)
                << e.what();
            EXPECT_NE(std::string(e.what()).find("does not balance"), std::string::npos);
        }
    }
    {
        TableSet t = good;
        const int of = t.final_use_index("OF");
        // Heilongjiang, sector 05: a negative outflow, the row kept balanced.
        const double was = t.tables[7].Y(4, of);
        t.tables[7].Y(4, of) = -100.0;
        t.tables[7].Y(4, t.final_use_index("FU101")) += was + 100.0;
        try {
            china::build_mrio(t);
            ADD_FAILURE() << "expected an error";
        } catch (const Error& e) {
            EXPECT_NE(std::string(e.what()).find("Heilongjiang (230000), sector 05"),
                      std::string::npos)
                << e.what();
            EXPECT_NE(std::string(e.what()).find("column OF"), std::string::npos);
        }
    }
    {
        TableSet t = good;
        t.tables[3].region.code = "990000";
        EXPECT_THROW(china::build_mrio(t), Error);
    }
    {
        TableSet t = good;
        t.tables[5].Z.conservativeResize(41, 41);  // a missing sector
        EXPECT_THROW(china::build_mrio(t), Error);
    }
    {
        TableSet t = good;
        t.final_use.erase(t.final_use.begin() + t.final_use_index("OF"));
        EXPECT_THROW(china::build_mrio(t), Error);  // no outflow column: not buildable
    }
}

}  // namespace
}  // namespace tandem::test
