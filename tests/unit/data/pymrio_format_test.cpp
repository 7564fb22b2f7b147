// tandem writes pymrio's saved-folder layout exactly: the raw test MRIO comes back
// byte-identical, and a calculated folder has pymrio's files, headers and parameters.
#include "tandem/data/pymrio_format.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "tandem/core/error.hpp"
#include "tandem/mrio/calc.hpp"

#include "support/reference.hpp"

namespace tandem::test {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<fs::path> files_under(const fs::path& root) {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (e.is_regular_file() && e.path().filename() != "metadata.json") {
            out.push_back(fs::relative(e.path(), root));
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

TEST(PymrioFormat, RawFolderIsWrittenBackByteIdentical) {
    const fs::path raw = pymrio_reference() / "pymrio_format" / "raw";
    Mrio m = data::read_pymrio(raw);
    TempDir dir;
    data::write_pymrio(m, dir.path() / "out");
    const auto want = files_under(raw);
    ASSERT_EQ(files_under(dir.path() / "out"), want);
    for (const auto& f : want) {
        EXPECT_EQ(slurp(dir.path() / "out" / f), slurp(raw / f)) << f;
    }
    EXPECT_TRUE(fs::exists(dir.path() / "out" / "metadata.json"));
}

TEST(PymrioFormat, CalculatedFolderHasPymriosLayoutAndValues) {
    const fs::path calc = pymrio_reference() / "pymrio_format" / "calc";
    Mrio m = data::read_pymrio(pymrio_reference() / "pymrio_format" / "raw");
    mrio::CalcOptions options;
    options.explicit_inverse = true;
    mrio::calc_all(m, options);
    TempDir dir;
    data::PymrioWriteOptions w;
    w.write_L = true;
    data::write_pymrio(m, dir.path() / "out", w);
    const auto want = files_under(calc);
    ASSERT_EQ(files_under(dir.path() / "out"), want);
    for (const auto& f : want) {
        if (f.filename() == "file_parameters.json" || f.filename() == "unit.txt") {
            EXPECT_EQ(slurp(dir.path() / "out" / f), slurp(calc / f)) << f;
            continue;
        }
        // Headers identical; numbers written with pymrio's 12 digits agree to the last digit
        // but one (both sides round independently computed values).
        std::istringstream got(slurp(dir.path() / "out" / f));
        std::istringstream exp(slurp(calc / f));
        std::string gl;
        std::string el;
        std::size_t line = 0;
        while (std::getline(exp, el)) {
            ASSERT_TRUE(std::getline(got, gl)) << f << " ends early";
            ++line;
            std::istringstream gc(gl);
            std::istringstream ec(el);
            std::string g;
            std::string e;
            while (std::getline(ec, e, '\t')) {
                ASSERT_TRUE(std::getline(gc, g, '\t')) << f << ":" << line;
                char* end = nullptr;
                const double ev = std::strtod(e.c_str(), &end);
                if (e.empty() || *end != '\0') {
                    EXPECT_EQ(g, e) << f << ":" << line;
                } else {
                    const double gv = std::strtod(g.c_str(), nullptr);
                    EXPECT_NEAR(gv, ev, 2e-11 * std::fabs(ev) + 1e-12) << f << ":" << line;
                }
            }
        }
        EXPECT_FALSE(std::getline(got, gl)) << f << " has extra lines";
    }
}

TEST(PymrioFormat, FullPrecisionRoundTripIsExact) {
    Mrio m = data::read_pymrio(pymrio_reference() / "pymrio_format" / "raw");
    mrio::CalcOptions options;
    options.ghosh = true;
    options.explicit_inverse = true;
    mrio::calc_all(m, options);
    TempDir dir;
    data::PymrioWriteOptions w;
    w.precision = 17;
    w.write_L = true;
    w.write_B = true;
    data::write_pymrio(m, dir.path() / "out", w);
    Mrio back = data::read_pymrio(dir.path() / "out");
    EXPECT_EQ(back.Z, m.Z);
    EXPECT_EQ(back.L, m.L);
    EXPECT_EQ(back.G, m.G);
    EXPECT_EQ(back.B, m.B);
    EXPECT_EQ(back.x, m.x);
    ASSERT_EQ(back.extensions.size(), 2u);
    EXPECT_EQ(back.find_extension("Emissions")->D_cba_cap,
              m.find_extension("Emissions")->D_cba_cap);
    EXPECT_EQ(back.find_extension("Emissions")->M_down, m.find_extension("Emissions")->M_down);
    EXPECT_EQ(back.sectors, m.sectors);
    EXPECT_EQ(back.final_demand, m.final_demand);
    EXPECT_EQ(back.name, "testmrio");
}

TEST(PymrioFormat, LargeTablesWriteAWithoutHoldingIt) {
    Mrio m = data::read_pymrio(pymrio_reference() / "pymrio_format" / "raw");
    mrio::CalcOptions options;
    options.keep_A = false;
    mrio::calc_all(m, options);
    ASSERT_EQ(m.A.size(), 0);
    TempDir dir;
    data::PymrioWriteOptions w;
    w.precision = 17;
    data::write_pymrio(m, dir.path() / "out", w);
    Mrio back = data::read_pymrio(dir.path() / "out");
    EXPECT_LT((back.A - m.a_matrix()).cwiseAbs().maxCoeff(), 1e-15);
}

fs::path copy_raw(const TempDir& dir) {
    const fs::path raw = pymrio_reference() / "pymrio_format" / "raw";
    fs::copy(raw, dir.path() / "raw", fs::copy_options::recursive);
    return dir.path() / "raw";
}

TEST(PymrioFormat, CrOnlyLineBreaksReadAsLf) {
    TempDir dir;
    const fs::path raw = copy_raw(dir);
    std::string z = slurp(raw / "Z.txt");
    std::replace(z.begin(), z.end(), '\n', '\r');
    std::ofstream(raw / "Z.txt", std::ios::binary) << z;
    Mrio cr = data::read_pymrio(raw);
    Mrio lf = data::read_pymrio(pymrio_reference() / "pymrio_format" / "raw");
    ASSERT_EQ(cr.Z.rows(), lf.Z.rows());
    ASSERT_EQ(cr.Z.cols(), lf.Z.cols());
    EXPECT_EQ(cr.Z, lf.Z);
    EXPECT_EQ(cr.sectors.labels, lf.sectors.labels);
}

TEST(PymrioFormat, AbsurdDeclaredSizeIsRefusedBeforeAllocating) {
    TempDir dir;
    const fs::path raw = copy_raw(dir);
    try {
        data::read_pymrio_table(raw / "Z.txt", 2, 2'000'000'000, true);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::kInvalidInput);
        EXPECT_NE(std::string(e.what()).find("nr_header=2000000000"), std::string::npos)
            << e.what();
    }
}

TEST(PymrioFormat, NullMetadataIsAbsentAndWrongTypesAreInvalidInput) {
    TempDir dir;
    const fs::path raw = copy_raw(dir);
    std::ofstream(raw / "metadata.json", std::ios::binary)
        << R"({"name": "hand", "description": null, "system": null, "version": null})";
    Mrio m = data::read_pymrio(raw);
    EXPECT_EQ(m.name, "hand");
    EXPECT_EQ(m.Z.rows(), 48);
    std::ofstream(raw / "metadata.json", std::ios::binary) << R"({"version": {"a": 1}})";
    try {
        data::read_pymrio(raw);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::kInvalidInput);
        const std::string what = e.what();
        EXPECT_NE(what.find("metadata.json"), std::string::npos) << what;
        EXPECT_NE(what.find("\"version\""), std::string::npos) << what;
    }
}

}  // namespace
}  // namespace tandem::test
