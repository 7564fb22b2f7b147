#include "tandem/data/tandem_format.hpp"

#include <fstream>

#include <gtest/gtest.h>

#include "tandem/core/error.hpp"
#include "tandem/data/pymrio_format.hpp"
#include "tandem/mrio/calc.hpp"

#include "support/reference.hpp"

namespace tandem::test {
namespace {

namespace fs = std::filesystem;

Mrio calculated() {
    Mrio m = data::read_pymrio(pymrio_reference() / "pymrio_format" / "raw");
    mrio::CalcOptions o;
    o.ghosh = true;
    o.explicit_inverse = true;
    mrio::calc_all(m, o);
    return m;
}

TEST(TandemFormat, EveryAccountRoundTripsExactly) {
    Mrio m = calculated();
    TempDir dir;
    data::write_tandem_mrio(m, dir.path() / "t");
    Mrio back = data::read_mrio(dir.path() / "t");
    EXPECT_EQ(account_names(back), account_names(m));
    for (const auto& name : account_names(m)) {
        EXPECT_EQ(account_table(back, name).values, account_table(m, name).values) << name;
    }
    EXPECT_EQ(back.sectors, m.sectors);
    EXPECT_EQ(back.extensions[0].units, m.extensions[0].units);
    EXPECT_EQ(back.name, m.name);
    // the CSV is the documented layout
    std::ifstream x(dir.path() / "t" / "x.csv");
    std::string header;
    std::getline(x, header);
    EXPECT_EQ(header, "region,sector,indout");
    EXPECT_TRUE(fs::exists(dir.path() / "t" / "emissions" / "D_cba_reg.csv"));
}

TEST(TandemFormat, ATandemFolderCalculatesLikeThePymrioOne) {
    Mrio raw = data::read_pymrio(pymrio_reference() / "pymrio_format" / "raw");
    TempDir dir;
    data::write_tandem_mrio(raw, dir.path() / "t");
    Mrio m = data::read_mrio(dir.path() / "t");
    mrio::calc_all(m);
    Table want = read_reference_csv(pymrio_reference() / "base" / "Emissions__D_cba_reg.csv", 2);
    EXPECT_TRUE(tables_match(account_table(m, "Emissions/D_cba_reg"), want));
}

TEST(TandemFormat, MismatchedLabelsAreNamed) {
    Mrio raw = data::read_pymrio(pymrio_reference() / "pymrio_format" / "raw");
    TempDir dir;
    data::write_tandem_mrio(raw, dir.path() / "t");
    const fs::path y = dir.path() / "t" / "Y.csv";
    std::ifstream in(y);
    std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    in.close();
    all.replace(all.find("reg1,mining"), 11, "reg1,minng");
    std::ofstream(y) << all;
    try {
        data::read_mrio(dir.path() / "t");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("Y.csv:3:2: expected row 'reg1/mining'"),
                  std::string::npos)
            << e.what();
    }
}

TEST(TandemFormat, AManifestThatIsNotTandemsIsRejected) {
    TempDir dir;
    std::ofstream(dir.path() / "manifest.json") << "{\"format\": \"other\"}";
    EXPECT_THROW(data::read_mrio(dir.path()), Error);
}

}  // namespace
}  // namespace tandem::test
