// EconGeo's cross-reference on the 2017 provincial value added
// (tests/data/reference/ecomplexity/output/china2017va_econgeo_*.csv): Herfindahl, Krugman,
// specialisation coefficient, Hachman, average LQ, locational Gini, KCI, TCI, MORc, MORt,
// co-occurrence and probability relatedness to 1e-9; entropy and Gini as EconGeo rounds them
// (three decimals), relatedness density as the reference prints it (two decimals). Then
// known answers for the indicators the anchors do not cover.
#include "tandem/geo/specialisation.hpp"

#include <cmath>
#include <map>

#include <gtest/gtest.h>

#include "tandem/core/error.hpp"
#include "tandem/data/delimited.hpp"
#include "tandem/geo/complementarity.hpp"
#include "tandem/geo/complexity.hpp"
#include "tandem/geo/dynamics.hpp"
#include "tandem/geo/indices.hpp"
#include "tandem/geo/relatedness.hpp"

#include "support/reference.hpp"

namespace tandem::test {
namespace {

std::map<std::string, std::vector<std::string>> rows_by_key(const std::filesystem::path& file) {
    std::map<std::string, std::vector<std::string>> out;
    bool header = true;
    data::read_delimited(file, ',', [&](std::size_t, const std::vector<std::string>& f) {
        if (!header) {
            out[f[0]] = f;
        }
        header = false;
    });
    return out;
}

struct ProvinceMatrix {
    std::vector<std::string> locs;
    std::vector<std::string> prods;
    Matrix x;
};

// The 2017 provincial value added as EconGeo read it (the one negative cell, Tibet's, clipped
// to 0), locations and sectors sorted as strings.
const ProvinceMatrix& china2017() {
    static const ProvinceMatrix m = [] {
        const auto dir = reference_dir() / "ecomplexity";
        std::map<std::string, std::map<std::string, double>> cells;
        std::map<std::string, int> sectors;
        bool header = true;
        data::read_delimited(dir / "input" / "china2017_value_added.csv",
                             ',',
                             [&](std::size_t line, const std::vector<std::string>& f) {
                                 if (header) {
                                     header = false;
                                     return;
                                 }
                                 cells[f[1]][f[2]] = std::max(
                                     0.0, data::parse_number(f[3], "va", line, 4, "value added"));
                                 sectors[f[2]] = 0;
                             });
        ProvinceMatrix out;
        for (const auto& [k, _] : cells) {
            out.locs.push_back(k);
        }
        for (const auto& [k, _] : sectors) {
            out.prods.push_back(k);
        }
        out.x = Matrix::Zero(static_cast<Eigen::Index>(out.locs.size()),
                             static_cast<Eigen::Index>(out.prods.size()));
        for (std::size_t c = 0; c < out.locs.size(); ++c) {
            for (std::size_t p = 0; p < out.prods.size(); ++p) {
                out.x(static_cast<Eigen::Index>(c), static_cast<Eigen::Index>(p)) =
                    cells[out.locs[c]][out.prods[p]];
            }
        }
        return out;
    }();
    return m;
}

std::filesystem::path econgeo_output(const std::string& what) {
    return reference_dir() / "ecomplexity" / "output" / ("china2017va_econgeo_" + what + ".csv");
}

TEST(Specialisation, MatchesEconGeoOnChineseProvinces) {
    const auto& locs = china2017().locs;
    const auto& prods = china2017().prods;
    const Matrix& x = china2017().x;
    auto spec = geo::location_specialisation(x);
    const auto ref = rows_by_key(econgeo_output("locations"));
    for (std::size_t c = 0; c < locs.size(); ++c) {
        const auto& f = ref.at(locs[c]);
        const auto ci = static_cast<Eigen::Index>(c);
        EXPECT_NEAR(spec.krugman(ci), std::stod(f[2]), 1e-9) << locs[c];
        EXPECT_NEAR(spec.spec_coeff(ci), std::stod(f[3]), 1e-9) << locs[c];
        EXPECT_NEAR(spec.herfindahl(ci), std::stod(f[4]), 1e-9) << locs[c];
        EXPECT_NEAR(spec.entropy(ci), std::stod(f[5]), 5e-4) << locs[c];
        EXPECT_NEAR(spec.hachman(ci), std::stod(f[6]), 1e-9) << locs[c];
        EXPECT_NEAR(spec.lq_avg(ci), std::stod(f[7]), 1e-9) << locs[c];
    }
    auto gini = geo::activity_gini(x);
    const Vector loc_gini = geo::locational_gini(x);
    const auto pref = rows_by_key(econgeo_output("products"));
    for (std::size_t p = 0; p < prods.size(); ++p) {
        const auto pi = static_cast<Eigen::Index>(p);
        EXPECT_NEAR(gini(pi), std::stod(pref.at(prods[p])[4]), 5e-4) << prods[p];
        EXPECT_NEAR(loc_gini(pi), std::stod(pref.at(prods[p])[5]), 1e-9) << prods[p];
    }
}

TEST(EconGeo, ComplexityAndRelatednessOnChineseProvinces) {
    const auto& locs = china2017().locs;
    const auto& prods = china2017().prods;
    const Matrix lq = geo::rca_matrix(china2017().x);
    const Matrix mcp = (lq.array() >= 1.0).cast<double>();
    const Vector kci = geo::kci_econgeo(mcp);
    const Vector tci = geo::tci_econgeo(mcp);
    const auto mor = geo::method_of_reflections(mcp, 20);
    const auto lref = rows_by_key(econgeo_output("locations"));
    for (std::size_t c = 0; c < locs.size(); ++c) {
        const auto ci = static_cast<Eigen::Index>(c);
        EXPECT_EQ(mcp.row(ci).sum(), std::stod(lref.at(locs[c])[1])) << locs[c];
        EXPECT_NEAR(kci(ci), std::stod(lref.at(locs[c])[8]), 1e-9) << locs[c];
        EXPECT_NEAR(mor.locations(ci), std::stod(lref.at(locs[c])[9]), 1e-9) << locs[c];
    }
    const auto pref = rows_by_key(econgeo_output("products"));
    for (std::size_t p = 0; p < prods.size(); ++p) {
        const auto pi = static_cast<Eigen::Index>(p);
        EXPECT_EQ(mcp.col(pi).sum(), std::stod(pref.at(prods[p])[1])) << prods[p];
        EXPECT_NEAR(tci(pi), std::stod(pref.at(prods[p])[2]), 1e-9) << prods[p];
        EXPECT_NEAR(mor.activities(pi), std::stod(pref.at(prods[p])[3]), 1e-9) << prods[p];
    }

    const Matrix co = geo::co_occurrence(geo::presence_sparse(mcp));
    const Matrix rel = geo::relatedness(co, geo::RelatednessMethod::kProbability);
    std::map<std::string, Eigen::Index> pos;
    for (std::size_t p = 0; p < prods.size(); ++p) {
        pos[prods[p]] = static_cast<Eigen::Index>(p);
    }
    std::size_t pairs = 0;
    bool header = true;
    data::read_delimited(
        econgeo_output("relatedness"), ',', [&](std::size_t, const std::vector<std::string>& f) {
            if (header) {
                header = false;
                return;
            }
            const auto a = pos.at(f[0]);
            const auto b = pos.at(f[1]);
            EXPECT_EQ(co(a, b), std::stod(f[2])) << f[0] << ' ' << f[1];
            EXPECT_NEAR(rel(a, b), std::stod(f[3]), 1e-9) << f[0] << ' ' << f[1];
            EXPECT_EQ(rel(a, b), rel(b, a));
            ++pairs;
        });
    EXPECT_EQ(pairs, 839U);

    const Matrix density = geo::relatedness_density(mcp, rel);
    std::map<std::string, Eigen::Index> lpos;
    for (std::size_t c = 0; c < locs.size(); ++c) {
        lpos[locs[c]] = static_cast<Eigen::Index>(c);
    }
    std::size_t cells = 0;
    header = true;
    data::read_delimited(
        econgeo_output("cells"), ',', [&](std::size_t, const std::vector<std::string>& f) {
            if (header) {
                header = false;
                return;
            }
            const auto c = lpos.at(f[0]);
            const auto p = pos.at(f[1]);
            EXPECT_NEAR(lq(c, p), std::stod(f[2]), 1e-12 * std::max(1.0, lq(c, p)));
            EXPECT_EQ(mcp(c, p), std::stod(f[3]));
            EXPECT_NEAR(density(c, p), std::stod(f[4]), 0.005 + 1e-9) << f[0] << ' ' << f[1];
            ++cells;
        });
    EXPECT_EQ(cells, 1302U);
}

TEST(Specialisation, KnownAnswers) {
    Matrix x(2, 2);
    x << 1, 1, 0, 2;  // location 1 spread evenly; location 2 only in activity 2
    auto s = geo::location_specialisation(x);
    EXPECT_DOUBLE_EQ(s.herfindahl(0), 0.5);
    EXPECT_DOUBLE_EQ(s.herfindahl(1), 1.0);
    EXPECT_DOUBLE_EQ(s.entropy(0), 1.0);
    EXPECT_DOUBLE_EQ(s.entropy(1), 0.0);
    // whole = (0.25, 0.75): |0.5-0.25| + |0.5-0.75| = 0.5
    EXPECT_DOUBLE_EQ(s.krugman(0), 0.5);
    Vector g = geo::activity_gini(x);
    EXPECT_DOUBLE_EQ(g(0), 0.5);          // all of activity 1 in one of two locations
    EXPECT_NEAR(g(1), 1.0 / 6.0, 1e-15);  // (1, 2): 2 (1 + 4) / (2 * 3) - 3 / 2
}

// Hoover's index against its default reference, the locations' shares of the whole (EconGeo's
// hoover_index with no population given). x = [1 1; 0 2]: location totals (2, 2) give the
// reference (0.5, 0.5); activity 1 (1, 0): 50 (|1 - .5| + |0 - .5|) = 50; activity 2
// (1/3, 2/3): 50 (1/6 + 1/6) = 16.667.
TEST(Specialisation, HooverIndexDefaultReferenceIsTheLocationTotals) {
    Matrix x(2, 2);
    x << 1, 1, 0, 2;
    const Vector h = geo::hoover_index(x);
    ASSERT_EQ(h.size(), 2);
    EXPECT_NEAR(h(0), 50.0, 1e-12);
    EXPECT_NEAR(h(1), 50.0 / 3.0, 1e-12);
    // Three locations with totals (2, 3, 5): reference (0.2, 0.3, 0.5). Activity 1 (1, 1.5, 4)
    // has shares (2, 3, 8) / 13: 50 (0.6/13 + 0.9/13 + 1.5/13) = 50 * 3/13; activity 2
    // (1, 1.5, 1) has shares (2, 3, 2) / 7: 50 (0.6/7 + 0.9/7 + 1.5/7) = 50 * 3/7.
    Matrix y(3, 2);
    y << 1, 1, 1.5, 1.5, 4, 1;
    const Vector g = geo::hoover_index(y);
    EXPECT_NEAR(g(0), 150.0 / 13.0, 1e-12);
    EXPECT_NEAR(g(1), 150.0 / 7.0, 1e-12);
    // The default equals giving the location totals explicitly.
    EXPECT_NEAR(geo::hoover_index(y, (Vector(3) << 2, 3, 5).finished())(0), g(0), 1e-12);
}

// Pearson's correlation by hand: (1, 2, 3) against (1, 2, 4): deviations (-1, 0, 1) and
// (-4/3, -1/3, 5/3), products 3, squares 2 and 14/3, r = 3 / sqrt(28/3) = sqrt(27/28) = 0.98198.
TEST(Indices, PearsonKnownAnswers) {
    const Vector a = (Vector(3) << 1, 2, 3).finished();
    const Vector b = (Vector(3) << 1, 2, 4).finished();
    EXPECT_NEAR(geo::pearson(a, b), std::sqrt(27.0 / 28.0), 1e-15);
    EXPECT_NEAR(geo::pearson(a, b), 0.98198, 5e-6);
    EXPECT_NEAR(geo::pearson(b, a), std::sqrt(27.0 / 28.0), 1e-15);
    // Invariant to scale and shift (shares or levels give the same): 10 b + 7.
    EXPECT_NEAR(geo::pearson(a, (10.0 * b.array() + 7.0).matrix()), std::sqrt(27.0 / 28.0), 1e-14);
    const Vector c = (Vector(3) << 3, 2, 1).finished();
    EXPECT_NEAR(geo::pearson(a, c), -1.0, 1e-15);
    // (1, 0, 0, 1) against (0, 1, 1, 0): deviations +-1/2, r = -1; against (1, 1, 0, 0): 0.
    const Vector u = (Vector(4) << 1, 0, 0, 1).finished();
    EXPECT_NEAR(geo::pearson(u, (Vector(4) << 0, 1, 1, 0).finished()), -1.0, 1e-15);
    EXPECT_NEAR(geo::pearson(u, (Vector(4) << 1, 1, 0, 0).finished()), 0.0, 1e-15);
    // A constant vector has no variance: defined here as 0.
    EXPECT_EQ(geo::pearson(a, Vector::Constant(3, 4.0)), 0.0);
}

// EconGeo's hoover_index examples (its documentation): industrial counts against population.
TEST(Specialisation, HooverIndexDocumentedExamples) {
    Vector pop(5);
    pop << 10, 15, 20, 25, 30;
    Matrix mat(5, 4);
    mat << 0, 10, 0, 0, 0, 15, 0, 0, 0, 20, 0, 0, 0, 25, 0, 1, 0, 30, 1, 1;
    Matrix ind(5, 1);
    ind << 0, 10, 10, 30, 50;
    // 30% of the population produces 50% of the output.
    EXPECT_NEAR(geo::hoover_index(ind, pop)(0), 25.0, 1e-12);
    const Vector h = geo::hoover_index(mat, pop);
    EXPECT_EQ(h(0), 0.0);            // no output: nothing to distribute
    EXPECT_NEAR(h(1), 0.0, 1e-12);   // proportional to population
    EXPECT_NEAR(h(2), 70.0, 1e-12);  // 30% of the population produces everything
    EXPECT_NEAR(h(3), 45.0, 1e-12);  // 55% of the population produces everything
}

// The hypothetical example of the Clarksville Partnership's shift-share explanation: national
// economy +2%, national construction +3%, local construction +6% give shares of 2%, 1% and 3%.
TEST(Dynamics, ShiftShareKnownAnswer) {
    Matrix base(2, 2);
    Matrix end(2, 2);
    // Location 1 is the region (construction, other); location 2 the rest of the nation,
    // chosen so that the nation's construction grows 3% and its whole economy 2%.
    base << 100, 300, 900, 3700;
    end << 106, 306, 924, 3764;
    const auto s = geo::shift_share(base, end);
    EXPECT_NEAR(s.national_growth, 0.02, 1e-15);
    EXPECT_NEAR(s.activity_growth(0), 0.03, 1e-15);
    EXPECT_NEAR(s.national(0, 0), 2.0, 1e-12);
    EXPECT_NEAR(s.mix(0, 0), 1.0, 1e-12);
    EXPECT_NEAR(s.competitive(0, 0), 3.0, 1e-12);
    const Matrix sum = s.national + s.mix + s.competitive;
    EXPECT_TRUE(sum.isApprox(s.change, 1e-14));
    const Matrix g = geo::growth_percent(base, end);
    EXPECT_NEAR(g(0, 0), 6.0, 1e-12);
    Matrix b0(1, 2);
    Matrix e0(1, 2);
    b0 << 0, 0;
    e0 << 0, 5;
    const Matrix g0 = geo::growth_percent(b0, e0);
    EXPECT_EQ(g0(0, 0), 0.0);
    EXPECT_TRUE(std::isinf(g0(0, 1)));
    Matrix m0(2, 2);
    Matrix m1(2, 2);
    m0 << 1, 0, 0, 1;
    m1 << 1, 1, 0, 0;
    const auto t = geo::transitions(m0, m1);
    EXPECT_EQ(t.entries.sum(), 1.0);
    EXPECT_EQ(t.entries(0, 1), 1.0);
    EXPECT_EQ(t.exits.sum(), 1.0);
    EXPECT_EQ(t.exits(1, 1), 1.0);
}

// Tacchella et al. (2012) give the map, not a worked example: the first two iterates on
// M = [[1, 1], [1, 0]] worked by hand from it. F1 = (2, 1)/1.5, Q1 = (1/2, 1)/0.75;
// F2 = (2, 2/3)/(4/3) = (1.5, 0.5), Q2 = (4/9, 4/3)/(8/9) = (0.5, 1.5).
TEST(Indices, FitnessComplexityHandWorkedIterates) {
    Matrix m(2, 2);
    m << 1, 1, 1, 0;
    auto one = geo::fitness_complexity(m, 1);
    EXPECT_NEAR(one.fitness(0), 4.0 / 3.0, 1e-15);
    EXPECT_NEAR(one.fitness(1), 2.0 / 3.0, 1e-15);
    EXPECT_NEAR(one.complexity(0), 2.0 / 3.0, 1e-15);
    EXPECT_NEAR(one.complexity(1), 4.0 / 3.0, 1e-15);
    auto two = geo::fitness_complexity(m, 2);
    EXPECT_NEAR(two.fitness(0), 1.5, 1e-15);
    EXPECT_NEAR(two.fitness(1), 0.5, 1e-15);
    EXPECT_NEAR(two.complexity(0), 0.5, 1e-15);
    EXPECT_NEAR(two.complexity(1), 1.5, 1e-15);
    // Nested: the diversified location stays the fittest, the exclusive product the most
    // complex, and the means stay 1.
    auto many = geo::fitness_complexity(m, 30);
    EXPECT_GT(many.fitness(0), many.fitness(1));
    EXPECT_GT(many.complexity(1), many.complexity(0));
    EXPECT_NEAR(many.fitness.mean(), 1.0, 1e-12);
    EXPECT_LT(many.fitness(1), two.fitness(1));  // the less fit location tends to 0
}

// Michaely's index from its definition: shares (0.5, 0.5, 0) against (0.25, 0.25, 0.5) differ
// by 0.25 + 0.25 + 0.5 = 1, so the index is 100 (1 - 1/2) = 50.
TEST(Complementarity, MichaelyKnownAnswers) {
    Vector x(3);
    Vector m(3);
    x << 10, 10, 0;
    m << 1, 1, 2;
    EXPECT_NEAR(geo::trade_complementarity(x, m), 50.0, 1e-12);
    EXPECT_NEAR(geo::trade_complementarity(x, x * 7.0), 100.0, 1e-12);
    Vector only_third(3);
    only_third << 0, 0, 4;
    EXPECT_NEAR(geo::trade_complementarity(x, only_third), 0.0, 1e-12);
    Matrix ex(2, 3);
    Matrix im(2, 3);
    ex << 10, 10, 0, 0, 0, 1;
    im << 1, 1, 2, 5, 5, 0;
    const Matrix t = geo::trade_complementarity_matrix(ex, im);
    EXPECT_NEAR(t(0, 0), 50.0, 1e-12);
    EXPECT_NEAR(t(0, 1), 100.0, 1e-12);
    EXPECT_NEAR(t(1, 0), 50.0, 1e-12);
    EXPECT_NEAR(t(1, 1), 0.0, 1e-12);
    EXPECT_THROW(geo::trade_complementarity(Vector::Zero(3), m), Error);
}

// The four normalisations on a three-activity co-occurrence matrix, worked by hand from van
// Eck and Waltman's definitions as EconGeo implements them.
TEST(Relatedness, NormalisationsKnownAnswers) {
    Matrix co(3, 3);
    co << 9, 2, 1, 2, 9, 0, 1, 0, 9;  // diagonal ignored; s = (3, 2, 1), t = 6
    const Matrix cosine = geo::relatedness(co, geo::RelatednessMethod::kCosine);
    EXPECT_NEAR(cosine(0, 1), 2.0 / std::sqrt(6.0), 1e-15);
    EXPECT_EQ(cosine(1, 2), 0.0);
    EXPECT_EQ(cosine(0, 0), 0.0);
    const Matrix jac = geo::relatedness(co, geo::RelatednessMethod::kJaccard);
    EXPECT_NEAR(jac(0, 1), 2.0 / 3.0, 1e-15);
    EXPECT_NEAR(jac(0, 2), 1.0 / 3.0, 1e-15);
    const Matrix assoc = geo::relatedness(co, geo::RelatednessMethod::kAssociation);
    EXPECT_NEAR(assoc(0, 1), (2.0 / 6.0) / ((3.0 / 6.0) * (2.0 / 6.0)), 1e-15);
    const Matrix prob = geo::relatedness(co, geo::RelatednessMethod::kProbability);
    // expected = (3/6 * 2/3 + 2/6 * 3/4) * 3 = 1.75
    EXPECT_NEAR(prob(0, 1), 2.0 / 1.75, 1e-15);
    EXPECT_TRUE(prob.isApprox(prob.transpose()));
    Matrix mcp(1, 3);
    mcp << 1, 0, 0;
    const Matrix d = geo::relatedness_density(mcp, jac);
    // activity 2 relates to 1 (2/3) and 3 (0): all its relatedness is to activity 1.
    EXPECT_NEAR(d(0, 1), 100.0, 1e-12);
    EXPECT_NEAR(d(0, 0), 0.0, 1e-12);
    const auto avg = geo::relatedness_density_averages(mcp, d);
    EXPECT_NEAR(avg.internal(0), 0.0, 1e-12);
    EXPECT_NEAR(avg.external(0), (100.0 + 100.0) / 2.0, 1e-12);
}

}  // namespace
}  // namespace tandem::test

namespace tandem::test {
namespace {

// py-ecomplexity's presence tests on a small matrix worked by hand.
TEST(Presence, PopulationBothAndGiven) {
    const std::vector<std::string> locs = {"a", "b", "c"};
    const std::vector<std::string> prods = {"x", "y"};
    Matrix x(3, 2);
    x << 8, 2, 2, 8, 5, 5;
    geo::ComplexityOptions o;
    o.presence = geo::PresenceTest::kPopulation;
    o.population = Vector::Ones(3);  // equal populations and equal totals: RPOP = RCA
    const auto by_pop = geo::complexity(locs, prods, x, o);
    const auto by_rca = geo::complexity(locs, prods, x);
    EXPECT_EQ(by_pop.mcp, by_rca.mcp);
    EXPECT_EQ(by_rca.mcp(2, 0), 1.0);  // RCA exactly 1 is presence
    // c twice as populous: 5 / 2 / (15 / 4) = 2/3 < 1 for both products, nothing present.
    o.population << 1, 1, 2;
    try {
        geo::complexity(locs, prods, x, o);
        ADD_FAILURE() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("location 'c' has no product present (RPOP >= 1)"),
                  std::string::npos)
            << e.what();
    }
    o.population = Vector::Ones(2);
    EXPECT_THROW(geo::complexity(locs, prods, x, o), Error);  // one population per location
    geo::ComplexityOptions given;
    given.presence = geo::PresenceTest::kGiven;
    Matrix m(3, 2);
    m << 1, 0, 0, 1, 1, 1;
    EXPECT_EQ(geo::complexity(locs, prods, m, given).mcp, m);
}

}  // namespace
}  // namespace tandem::test
