// The number format for people (docs/formats.md, "Numbers for people"): each rule of the policy
// with the column it applies to and the text it must give.
#include "tandem/data/number_format.hpp"

#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tandem/data/table_writers.hpp"

namespace tandem::test {
namespace {

Matrix column(const std::vector<double>& values) {
    Matrix m(static_cast<Eigen::Index>(values.size()), 1);
    for (std::size_t i = 0; i < values.size(); ++i) {
        m(static_cast<Eigen::Index>(i), 0) = values[i];
    }
    return m;
}

std::vector<std::string> formatted(const std::vector<double>& values, bool thousands = true) {
    const Matrix m = column(values);
    const auto f = data::column_format(m.col(0));
    std::vector<std::string> out;
    for (double v : values) {
        out.push_back(data::format_number(v, f, thousands));
    }
    return out;
}

using Texts = std::vector<std::string>;

TEST(NumberFormat, WholeNumbersAreIntegersWithSeparators) {
    EXPECT_EQ(formatted({1368590, 6, 0, -42000}), (Texts{"1,368,590", "6", "0", "-42,000"}));
    EXPECT_EQ(formatted({1368590}, false), (Texts{"1368590"}));
}

TEST(NumberFormat, RanksPrintAsIntegers) {
    EXPECT_EQ(formatted({1, 2, 3, 6}), (Texts{"1", "2", "3", "6"}));
}

TEST(NumberFormat, FractionsGetFourSignificantDigits) {
    // Output multipliers: largest 2.75 -> 3 decimals on every row.
    EXPECT_EQ(formatted({2.75, 1.0, 1.23456}), (Texts{"2.750", "1.000", "1.235"}));
    // Shares below 1: largest 0.5 -> 4 decimals.
    EXPECT_EQ(formatted({0.5, 0.125, 0.00004}), (Texts{"0.5000", "0.1250", "0"}));
    // Largest 387.806 -> 1 decimal.
    EXPECT_EQ(formatted({387.806, 12.04}), (Texts{"387.8", "12.0"}));
}

TEST(NumberFormat, TheTypicalMagnitudeSetsTheDecimals) {
    // The column of the issue: 0, 2.03e-09, 387.806 and 1,368,590.4 in one column; the median
    // non-zero magnitude is 387.8.
    EXPECT_EQ(formatted({0.0, 2.02999e-09, 387.806, 1368590.4}),
              (Texts{"0", "0", "387.8", "1,368,590.4"}));
    // One outlier does not round a column of multipliers away.
    EXPECT_EQ(formatted({2.066, 1.6, 7559.2, 1.76}),
              (Texts{"2.066", "1.600", "7,559.200", "1.760"}));
    // A column of amounts: no decimals.
    EXPECT_EQ(formatted({1368590.4, 20345.25, 0.6}), (Texts{"1,368,590", "20,345", "1"}));
}

TEST(NumberFormat, ZeroAndNegativeRoundingToZeroAreZero) {
    EXPECT_EQ(formatted({-0.0, -0.00001, 0.9}), (Texts{"0", "0", "0.9000"}));
}

TEST(NumberFormat, ExponentOnlyWhereTheMagnitudeDemandsIt) {
    EXPECT_EQ(formatted({1.5e15, 2.0}), (Texts{"1.500e+15", "2.000e+00"}));
    EXPECT_EQ(formatted({3.2e-5, 1.0e-6}), (Texts{"3.200e-05", "1.000e-06"}));
    EXPECT_EQ(formatted({9.6e12}), (Texts{"9,600,000,000,000"}));
}

TEST(NumberFormat, MissingValuesAreADash) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(formatted({nan, 1.5}), (Texts{"-", "1.500"}));
}

TEST(NumberFormat, TerminalTablesUseTheColumnFormatAndShowUnitsAndNotes) {
    Table t;
    t.name = "Output multipliers";
    t.units = "output per unit of final demand";
    t.notes = {"scenario: none"};
    t.rows = Index::single("sector", {"a", "b"});
    t.cols = Index::single("", {"multiplier", "rank"});
    t.values.resize(2, 2);
    t.values << 2.75, 1, 1.5, 2;
    const std::string text = data::render_table(t);
    EXPECT_NE(text.find("Output multipliers (output per unit of final demand)"), std::string::npos)
        << text;
    std::istringstream lines(text);
    std::vector<std::string> words;
    for (std::string w; lines >> w;) {
        words.push_back(w);
    }
    // ... the six words of the two rows, then the note (three words).
    const std::vector<std::string> rows(words.end() - 9, words.end() - 3);
    EXPECT_EQ(rows, (Texts{"a", "2.750", "1", "b", "1.500", "2"})) << text;
    EXPECT_NE(text.find("note: scenario: none"), std::string::npos) << text;
}

TEST(NumberFormat, ReadableCsvHasNoSeparatorsAndNotesGoBeside) {
    Table t;
    t.name = "Sizes";
    t.units = "10,000 yuan";
    t.notes = {"a note, with a comma"};
    t.rows = Index::single("region", {"x"});
    t.cols = Index::single("", {"output", "share"});
    t.values.resize(1, 2);
    t.values << 1368590.4, 0.123456;
    std::ostringstream csv;
    data::write_readable_csv(t, csv);
    EXPECT_EQ(csv.str(), "region,output,share\nx,1368590,0.1235\n");
    std::ostringstream notes;
    data::write_notes_csv({t}, notes);
    EXPECT_EQ(notes.str(),
              "table,field,text\nSizes,title,Sizes\nSizes,units,\"10,000 yuan\"\n"
              "Sizes,note,\"a note, with a comma\"\n");
    EXPECT_EQ(data::notes_path_for("out/a.csv"), std::filesystem::path("out/a.notes.csv"));
}

}  // namespace
}  // namespace tandem::test
