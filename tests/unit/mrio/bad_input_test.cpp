// Every kind of bad input gets one clear message naming the file, the row or column label and
// what was expected, and leaves no half-written output.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "tandem/core/error.hpp"
#include "tandem/data/output_folder.hpp"
#include "tandem/data/pymrio_format.hpp"
#include "tandem/mrio/calc.hpp"

#include "support/reference.hpp"

namespace tandem::test {
namespace {

namespace fs = std::filesystem;

class BadInput : public ::testing::Test {
protected:
    void SetUp() override {
        folder_ = tmp_.path() / "mrio";
        fs::remove_all(folder_);
        fs::copy(
            pymrio_reference() / "pymrio_format" / "raw", folder_, fs::copy_options::recursive);
    }

    std::vector<std::string> lines(const std::string& file) {
        std::ifstream in(folder_ / file);
        std::vector<std::string> out;
        std::string line;
        while (std::getline(in, line)) {
            out.push_back(line);
        }
        return out;
    }
    void write(const std::string& file, const std::vector<std::string>& content) {
        std::ofstream out(folder_ / file, std::ios::binary);
        for (const auto& l : content) {
            out << l << '\n';
        }
    }
    // Replaces the tab-separated cell `cell` (0-based) of line `line` (0-based).
    void set_cell(const std::string& file,
                  std::size_t line,
                  std::size_t cell,
                  const std::string& v) {
        auto content = lines(file);
        std::vector<std::string> cells;
        std::stringstream ss(content[line]);
        std::string c;
        while (std::getline(ss, c, '\t')) {
            cells.push_back(c);
        }
        cells[cell] = v;
        std::string joined;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            joined += (i ? "\t" : "") + cells[i];
        }
        content[line] = joined;
        write(file, content);
    }
    // Adds x.txt (pymrio's layout) with the given gross output.
    void add_x(const Vector& x) {
        Mrio m = data::read_pymrio(folder_);
        m.x = x;
        data::PymrioWriteOptions w;
        w.precision = 17;
        w.write_A = false;
        data::write_pymrio(m, folder_, w);
    }

    // Runs read + calc and returns the error (fails the test when there is none).
    Error error_of() {
        try {
            Mrio m = data::read_pymrio(folder_);
            mrio::calc_all(m);
        } catch (const Error& e) {
            return e;
        }
        ADD_FAILURE() << "expected an error";
        return Error(ErrorCode::kInternal, "");
    }

    TempDir tmp_;
    fs::path folder_;
};

#define EXPECT_MESSAGE(error, text) \
    EXPECT_NE(std::string((error).what()).find(text), std::string::npos) << (error).what()

TEST_F(BadInput, RaggedRow) {
    auto content = lines("Z.txt");
    content[5] += "\t1.0";
    write("Z.txt", content);
    auto e = error_of();
    EXPECT_EQ(e.code(), ErrorCode::kInvalidInput);
    EXPECT_MESSAGE(e, "Z.txt:6:");
    EXPECT_MESSAGE(e, "ragged");
}

TEST_F(BadInput, NonNumericCell) {
    set_cell("Z.txt", 4, 7, "12,5x");
    auto e = error_of();
    EXPECT_MESSAGE(e, "Z.txt:5:8:");
    EXPECT_MESSAGE(e, "reg1/mining");  // the row label
    EXPECT_MESSAGE(e, "reg1/trade");   // the column label
    EXPECT_MESSAGE(e, "'12,5x'");
}

TEST_F(BadInput, NanAndInfinityCells) {
    set_cell("Y.txt", 3, 2, "NaN");
    auto e = error_of();
    EXPECT_MESSAGE(e, "Y.txt:4:3:");
    EXPECT_MESSAGE(e, "finite");
    SetUp();
    set_cell("emissions/F.txt", 3, 4, "inf");
    auto e2 = error_of();
    EXPECT_MESSAGE(e2, "F.txt:4:5:");
    EXPECT_MESSAGE(e2, "finite");
}

TEST_F(BadInput, EmptyCell) {
    set_cell("Z.txt", 10, 3, "");
    auto e = error_of();
    EXPECT_MESSAGE(e, "Z.txt:11:4:");
    EXPECT_MESSAGE(e, "empty cell");
}

TEST_F(BadInput, LabelsThatDifferBetweenZAndY) {
    set_cell("Y.txt", 4, 1, "minning");
    auto e = error_of();
    EXPECT_MESSAGE(e, "Y.txt");
    EXPECT_MESSAGE(e, "row labels of Y");
    EXPECT_MESSAGE(e, "reg1/minning");
    EXPECT_MESSAGE(e, "reg1/mining");
}

TEST_F(BadInput, ColumnLabelsOfZThatDifferFromItsRows) {
    set_cell("Z.txt", 1, 4, "foood");
    auto e = error_of();
    EXPECT_MESSAGE(e, "column labels of Z");
    EXPECT_MESSAGE(e, "foood");
}

TEST_F(BadInput, NegativeGrossOutput) {
    Mrio m = data::read_pymrio(folder_);
    Vector x = m.Z.rowwise().sum() + m.Y.rowwise().sum();
    x(9) = -5.0;
    add_x(x);
    auto e = error_of();
    EXPECT_EQ(e.code(), ErrorCode::kInvalidInput);
    EXPECT_MESSAGE(e, "negative gross output");
    EXPECT_MESSAGE(e, "reg2/mining");
}

TEST_F(BadInput, ZeroOutputWithNonZeroInputs) {
    Mrio m = data::read_pymrio(folder_);
    Vector x = m.Z.rowwise().sum() + m.Y.rowwise().sum();
    x(3) = 0.0;
    add_x(x);
    auto e = error_of();
    EXPECT_MESSAGE(e, "reg1/electricity");
    EXPECT_MESSAGE(e, "zero gross output");
}

TEST_F(BadInput, NonProductiveTableNamesRegionAndSector) {
    Mrio m = data::read_pymrio(folder_);
    Vector x = m.Z.rowwise().sum() + m.Y.rowwise().sum();
    x(12) = 0.9 * m.Z.col(12).sum();  // inputs exceed output: column sum of A = 1.11
    add_x(x);
    auto e = error_of();
    EXPECT_EQ(e.code(), ErrorCode::kNumerical);
    EXPECT_MESSAGE(e, "not productive");
    EXPECT_MESSAGE(e, "reg2/construction");
    EXPECT_MESSAGE(e, "1.11111");
}

TEST_F(BadInput, NegativeFlows) {
    set_cell("Z.txt", 3, 3, "-7");
    auto e = error_of();
    EXPECT_MESSAGE(e, "negative intermediate flow -7");
    EXPECT_MESSAGE(e, "'reg1/food' to 'reg1/mining'");
}

TEST_F(BadInput, MissingFiles) {
    fs::remove(folder_ / "Y.txt");
    auto e = error_of();
    EXPECT_EQ(e.code(), ErrorCode::kIo);
    EXPECT_MESSAGE(e, "Y.txt: file not found");
    fs::remove_all(folder_);
    auto e2 = error_of();
    EXPECT_EQ(e2.code(), ErrorCode::kIo);
    EXPECT_MESSAGE(e2, "expected a pymrio folder");
}

TEST_F(BadInput, InvalidUtf8) {
    set_cell("Z.txt", 7, 1, "tr\xff\xfe");
    auto e = error_of();
    EXPECT_MESSAGE(e, "Z.txt:8:");
    EXPECT_MESSAGE(e, "invalid UTF-8");
}

TEST_F(BadInput, InvalidJson) {
    std::ofstream(folder_ / "file_parameters.json") << "{\"files\": {\"Z\": ";
    auto e = error_of();
    EXPECT_MESSAGE(e, "file_parameters.json:1:");
    EXPECT_MESSAGE(e, "not valid JSON");
}

TEST_F(BadInput, MalformedQuoting) {
    set_cell("Z.txt", 6, 0, "re\"g1");
    auto e = error_of();
    EXPECT_MESSAGE(e, "Z.txt:7:");
    EXPECT_MESSAGE(e, "quoting");
}

TEST_F(BadInput, WritingNeverOverwritesAFolderThatIsNotAPreviousOutput) {
    Mrio m = data::read_pymrio(folder_);
    fs::path target = tmp_.path() / "precious";
    fs::create_directories(target);
    std::ofstream(target / "notes.txt") << "keep me";
    try {
        data::write_pymrio(m, target);
        FAIL() << "expected a refusal";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::kIo);
        EXPECT_MESSAGE(e, "refusing to overwrite");
    }
    EXPECT_TRUE(fs::exists(target / "notes.txt"));
    EXPECT_EQ(std::distance(fs::directory_iterator(tmp_.path()), fs::directory_iterator()), 2);
}

TEST_F(BadInput, AFailedWriteLeavesThePreviousOutputIntact) {
    fs::path target = tmp_.path() / "out";
    fs::create_directories(target);
    std::ofstream(target / "file_parameters.json") << "{}";
    try {
        data::OutputFolder out(target, "file_parameters.json");
        std::ofstream(out.path() / "half.txt") << "partial";
        throw Error(ErrorCode::kIo, "disk full");
    } catch (const Error&) {
    }
    EXPECT_TRUE(fs::exists(target / "file_parameters.json"));
    EXPECT_FALSE(fs::exists(target / "half.txt"));
    // no temporary folder is left behind
    EXPECT_EQ(std::distance(fs::directory_iterator(tmp_.path()), fs::directory_iterator()), 2);
}

}  // namespace
}  // namespace tandem::test
