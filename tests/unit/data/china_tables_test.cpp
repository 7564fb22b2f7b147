// The importer against the published figures (spot values checked in the raw .xls by the data's
// SOURCE.md), and the shipped tables against a fresh import.
#include "tandem/data/china_tables.hpp"

#include <fstream>

#include <gtest/gtest.h>

#include "tandem/core/error.hpp"
#include "tandem/data/datasets.hpp"

#include "support/reference.hpp"

namespace tandem::test {
namespace {

namespace fs = std::filesystem;

fs::path chnio() {
    return reference_dir() / "china" / "china_provincial_io_chnio";
}
fs::path ionet() {
    return reference_dir() / "china" / "china_national_io_ionet";
}

TEST(ChinaTables, ProvincialImportMatchesThePublishedFigures) {
    auto set = data::import_provincial_chnio(chnio(), 2017);
    EXPECT_EQ(set.tables.size(), 31u);
    EXPECT_EQ(set.sectors.size(), 42u);
    const auto* hl = set.find("230000");
    ASSERT_NE(hl, nullptr);
    EXPECT_EQ(hl->region.name_zh, "黑龙江");
    EXPECT_NEAR(hl->Z(0, 0), 10744829, 0.5);
    EXPECT_NEAR(hl->x(0), 55866294, 0.5);
    EXPECT_NEAR(hl->x.sum(), 357243274, 1.0);
    EXPECT_NEAR(hl->V.sum(), 159026793, 1.0);
    const auto* ah = set.find("340000");
    ASSERT_NE(ah, nullptr);
    EXPECT_NEAR(ah->x.sum(), 983066802, 1.0);
    EXPECT_NEAR(ah->V.sum(), 292771910, 1.0);
    // Signed so that every row balances.
    for (const auto& t : set.tables) {
        const Vector residual = t.Z.rowwise().sum() + t.Y.rowwise().sum() - t.x;
        EXPECT_LT(residual.cwiseAbs().maxCoeff(), 1e-3 * t.x.maxCoeff()) << t.region.name_en;
    }
    EXPECT_GE(set.final_use_index("IF"), 0);
}

TEST(ChinaTables, EveryPublishedYearImportsWithItsRulesNoted) {
    for (int year : {2002, 2007, 2012, 2017}) {
        auto set = data::import_provincial_chnio(chnio(), year);
        EXPECT_EQ(set.tables.size(), year < 2012 ? 30u : 31u) << year;  // no Tibet before 2012
        EXPECT_EQ(set.find("540000") != nullptr, year >= 2012) << year;
        ASSERT_NE(set.find("230000"), nullptr);
        ASSERT_NE(set.find("340000"), nullptr);
    }
    auto y2002 = data::import_provincial_chnio(chnio(), 2002);
    ASSERT_EQ(y2002.notes.size(), 4u);
    EXPECT_NE(y2002.notes[1].find("Hunan sector sec03"), std::string::npos) << y2002.notes[1];
    EXPECT_NE(y2002.notes[2].find("Guangxi VA004 of sector sec42 was blank"), std::string::npos);
    EXPECT_EQ(data::import_provincial_chnio(chnio(), 2017).notes.size(), 0u);
}

TEST(ChinaTables, ShippedTablesEqualAFreshImport) {
    for (int year : {2012, 2017}) {
        auto fresh = data::import_provincial_chnio(chnio(), year);
        auto shipped = data::load_provincial_tables(year);
        ASSERT_EQ(fresh.tables.size(), shipped.tables.size());
        for (std::size_t r = 0; r < fresh.tables.size(); ++r) {
            EXPECT_EQ(fresh.tables[r].Z, shipped.tables[r].Z) << year;
            EXPECT_EQ(fresh.tables[r].Y, shipped.tables[r].Y) << year;
            EXPECT_EQ(fresh.tables[r].V, shipped.tables[r].V) << year;
            EXPECT_EQ(fresh.tables[r].x, shipped.tables[r].x) << year;
        }
        EXPECT_FALSE(shipped.source.empty());
        EXPECT_FALSE(shipped.licence.empty());
    }
    for (auto [file, id, year] : {std::tuple{"china_2017_42.csv", "2017_42", 2017},
                                  std::tuple{"china_2020_153.csv", "2020_153", 2020}}) {
        auto fresh = data::import_national_ionet(ionet() / file, year);
        auto shipped = data::load_national_table(id);
        EXPECT_EQ(fresh.tables[0].Z, shipped.tables[0].Z) << id;
        EXPECT_EQ(fresh.tables[0].Z_imports, shipped.tables[0].Z_imports) << id;
        EXPECT_EQ(fresh.tables[0].x, shipped.tables[0].x) << id;
    }
}

TEST(ChinaTables, NationalNonCompetitiveTableSeparatesImports) {
    auto set = data::import_national_ionet(ionet() / "china_2017_42.csv", 2017);
    ASSERT_EQ(set.tables.size(), 1u);
    const auto& t = set.tables[0];
    EXPECT_EQ(t.Z.rows(), 42);
    EXPECT_EQ(t.Z_imports.rows(), 42);
    EXPECT_EQ(set.value_added.size(), 4u);
    // Domestic coefficients are below the competitive ones: imports are separate.
    EXPECT_GT(t.Z_imports.sum(), 0.0);
    auto competitive = data::import_national_ionet(ionet() / "china_2020_153.csv", 2020);
    EXPECT_EQ(competitive.sectors.size(), 153u);
    EXPECT_EQ(competitive.tables[0].Z_imports.size(), 0);
    EXPECT_GE(competitive.final_use_index("IM"), 0);
}

class ChinaBadInput : public ::testing::Test {
protected:
    void SetUp() override {
        fs::copy_file(chnio() / "sectors_2017.csv", tmp_.path() / "sectors_2017.csv");
        std::ifstream in(chnio() / "io_2017.csv");
        std::string line;
        while (std::getline(in, line)) {
            lines_.push_back(line);
        }
    }
    void write() {
        std::ofstream out(tmp_.path() / "io_2017.csv");
        for (const auto& l : lines_) {
            out << l << '\n';
        }
    }
    std::string error() {
        write();
        try {
            data::import_provincial_chnio(tmp_.path(), 2017);
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::kInvalidInput);
            return e.what();
        }
        ADD_FAILURE() << "expected an error";
        return "";
    }
    TempDir tmp_;
    std::vector<std::string> lines_;
};

TEST_F(ChinaBadInput, ARowThatDoesNotBalanceNamesProvinceSectorAndColumn) {
    // Beijing sec05: raise its first intermediate cell.
    auto& l = lines_[5];
    auto pos = l.find(',', l.find("\"sec05\"") + 8);
    l.insert(pos + 1, "9");
    auto msg = error();
    EXPECT_NE(msg.find("io_2017.csv:6"), std::string::npos) << msg;
    EXPECT_NE(msg.find("Beijing sector sec05"), std::string::npos) << msg;
    EXPECT_NE(msg.find("does not balance"), std::string::npos) << msg;
}

TEST_F(ChinaBadInput, AMissingSectorRow) {
    lines_.erase(lines_.begin() + 10);  // Beijing sec10
    auto msg = error();
    EXPECT_NE(msg.find("Beijing has no row for sector sec10"), std::string::npos) << msg;
}

TEST_F(ChinaBadInput, AnUnknownProvince) {
    auto& l = lines_[1];
    l.replace(l.find("Beijing"), 7, "Bejing");
    auto msg = error();
    EXPECT_NE(msg.find("io_2017.csv:2:2:"), std::string::npos) << msg;
    EXPECT_NE(msg.find("did you mean Beijing"), std::string::npos) << msg;
}

TEST_F(ChinaBadInput, ANegativeOutflow) {
    // Header position of OF; make Beijing sec01's outflow negative.
    std::vector<std::string> header;
    std::stringstream hs(lines_[0]);
    std::string h;
    while (std::getline(hs, h, ',')) {
        header.push_back(h);
    }
    const auto of = std::find(header.begin(), header.end(), "\"OF\"") - header.begin();
    std::vector<std::string> cells;
    std::stringstream cs(lines_[1]);
    std::string c;
    while (std::getline(cs, c, ',')) {
        cells.push_back(c);
    }
    cells[static_cast<std::size_t>(of)] = "-" + cells[static_cast<std::size_t>(of)];
    std::string joined;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        joined += (i ? "," : "") + cells[i];
    }
    lines_[1] = joined;
    auto msg = error();
    EXPECT_NE(msg.find("negative outflow"), std::string::npos) << msg;
    EXPECT_NE(msg.find("column OF"), std::string::npos) << msg;
}

}  // namespace
}  // namespace tandem::test
