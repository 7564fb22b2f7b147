#include "tandem/core/labels.hpp"

#include <gtest/gtest.h>

#include "tandem/core/error.hpp"
#include "tandem/core/mrio.hpp"

namespace tandem::test {
namespace {

TEST(Index, ProductJoinAndUniqueKeepOrder) {
    auto idx = Index::product("region", {"b", "a"}, "sector", {"y", "x"});
    ASSERT_EQ(idx.size(), 4u);
    EXPECT_EQ(idx.joined(1), "b/x");
    EXPECT_EQ(idx.unique(0), (std::vector<std::string>{"b", "a"}));
    EXPECT_EQ(idx.unique(1), (std::vector<std::string>{"y", "x"}));
    EXPECT_EQ(idx.level_of("sector"), 1);
    EXPECT_EQ(idx.level_of("nope"), -1);
}

TEST(Mrio, AccountTableCarriesLabelsAndRejectsUnknownNames) {
    Mrio m;
    m.sectors = Index::product("region", {"r1", "r2"}, "sector", {"s"});
    m.final_demand = Index::product("region", {"r1", "r2"}, "category", {"hh"});
    m.Z = Matrix::Identity(2, 2);
    m.Y = Matrix::Ones(2, 2);
    m.x = Vector::Constant(2, 3.0);
    auto t = account_table(m, "x");
    EXPECT_EQ(t.rows.joined(1), "r2/s");
    EXPECT_EQ(t.cols.joined(0), "indout");
    EXPECT_EQ(t.values(1, 0), 3.0);
    try {
        account_table(m, "Emissions/D_cba");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::kInvalidInput);
        EXPECT_NE(std::string(e.what()).find("available: Z, Y, x"), std::string::npos) << e.what();
    }
    EXPECT_EQ(m.a_matrix()(0, 0), 1.0 / 3.0);
    EXPECT_EQ(m.sector_region(), (std::vector<std::size_t>{0, 1}));
}

TEST(Mrio, ExtensionFolderNamesFollowPymrio) {
    Extension e;
    e.name = "Factor Inputs";
    EXPECT_EQ(e.folder_name(), "factor_inputs");
}

}  // namespace
}  // namespace tandem::test
