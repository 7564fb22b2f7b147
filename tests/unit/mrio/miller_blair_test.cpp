// Known answers from Miller, R.E. and Blair, P.D. (2009), Input-Output Analysis: Foundations
// and Extensions, 2nd ed. [M&B]. The two-sector example of section 2.3 (Z = [150 500; 200 100],
// x = [1000 2000], f = [350 1700]) has L = [1.254 0.330; 0.264 1.122] (eq. 2.14 and the text
// after it) and output multipliers 1.518 and 1.452 (section 6.2.1). Its households-closed
// version (section 2.5) has A-bar = [.15 .25 .05; .2 .05 .4; .3 .25 .05] and
// L-bar = [1.365 .425 .251; .527 1.348 .595; .570 .489 1.289]. M&B print three decimals; the
// exact values below were derived by hand from the same matrices and agree with them.
#include <cmath>

#include <gtest/gtest.h>

#include "tandem/core/mrio.hpp"
#include "tandem/mrio/analysis.hpp"
#include "tandem/mrio/calc.hpp"

namespace tandem::test {
namespace {

Mrio two_sector() {
    Mrio m;
    m.sectors = Index::product("region", {"r"}, "sector", {"s1", "s2"});
    m.final_demand = Index::product("region", {"r"}, "category", {"f"});
    m.Z.resize(2, 2);
    m.Z << 150, 500, 200, 100;
    m.Y.resize(2, 1);
    m.Y << 350, 1700;
    m.units = {"$", "$"};
    return m;
}

TEST(MillerBlair, LeontiefInverseOfTheTwoSectorExample) {
    Mrio m = two_sector();
    mrio::CalcOptions o;
    o.explicit_inverse = true;
    mrio::calc_all(m, o);
    EXPECT_DOUBLE_EQ(m.x(0), 1000);
    EXPECT_DOUBLE_EQ(m.x(1), 2000);
    // (I - A)^-1 = [0.95 0.25; 0.2 0.85] / 0.7575
    EXPECT_NEAR(m.L(0, 0), 0.95 / 0.7575, 1e-12);
    EXPECT_NEAR(m.L(0, 1), 0.25 / 0.7575, 1e-12);
    EXPECT_NEAR(m.L(1, 0), 0.20 / 0.7575, 1e-12);
    EXPECT_NEAR(m.L(1, 1), 0.85 / 0.7575, 1e-12);
    EXPECT_NEAR(m.L(0, 0), 1.254, 5e-4);  // as printed in M&B
    EXPECT_NEAR(m.L(1, 1), 1.122, 5e-4);
}

TEST(MillerBlair, OutputIncomeAndTypeTwoMultipliers) {
    Mrio m = two_sector();
    auto solver = mrio::calc_all(m);
    const Vector h = (Vector(2) << 0.3, 0.25).finished();  // M&B's labour input coefficients
    mrio::HouseholdClosure closure;
    closure.income = h.transpose();
    closure.consumption = (Matrix(2, 1) << 0.05, 0.4).finished();
    closure.own = (Matrix(1, 1) << 0.05).finished();
    auto t = mrio::multipliers(m.a_matrix(), solver, {{"income", h}}, closure);
    // Simple output multipliers: column sums of L = (1.15, 1.10) / 0.7575.
    EXPECT_NEAR(t.simple(0, 0), 1.15 / 0.7575, 1e-12);
    EXPECT_NEAR(t.simple(0, 1), 1.10 / 0.7575, 1e-12);
    EXPECT_NEAR(t.simple(0, 0), 1.518, 5e-4);
    EXPECT_NEAR(t.simple(0, 1), 1.452, 5e-4);
    // Type I income multipliers: h'L / h.
    const double income1 = (0.3 * 0.95 + 0.25 * 0.20) / 0.7575;
    const double income2 = (0.3 * 0.25 + 0.25 * 0.85) / 0.7575;
    EXPECT_NEAR(t.simple(1, 0), income1, 1e-12);
    EXPECT_NEAR(t.type1(1, 0), income1 / 0.3, 1e-12);
    EXPECT_NEAR(t.type1(1, 1), income2 / 0.25, 1e-12);
    // Households closed: the first two rows of L-bar sum to M&B's 1.365 + .527 and .425 + 1.348.
    EXPECT_NEAR(t.total(0, 0), 1.365 + 0.527, 2e-3);
    EXPECT_NEAR(t.total(0, 1), 0.425 + 1.348, 2e-3);
    // Household row of L-bar: .570 and .489; divided by h, the Type II income multipliers.
    EXPECT_NEAR(t.household_income(0, 0), 0.570, 5e-4);
    EXPECT_NEAR(t.household_income(0, 1), 0.489, 5e-4);
    EXPECT_NEAR(t.household_income(0, 0) / 0.3, 1.900, 2e-3);
    EXPECT_NEAR(t.household_income(0, 1) / 0.25, 1.956, 2e-3);
    // Type II multipliers exceed Type I ones (M&B 6.2.2).
    EXPECT_GT(t.total(0, 0), t.simple(0, 0));
    EXPECT_GT(t.type2(1, 1), t.type1(1, 1));
}

// Extension rows with households closed (M&B 2.5, 6.2.2): total(r, j) = c_r' L-bar[0:2, j] over
// the two producing sectors, type2 = total / c_r (0 where c_r is 0). L-bar is the exact inverse
// of I - A-bar = [.85 -.25 -.05; -.2 .95 -.4; -.3 -.25 .95], worked by hand: det = .587875 and
// adj = [.8025 .25 .1475; .31 .7925 .35; .335 .2875 .7575] (L-bar = adj / det, whose three-decimal
// form is M&B's L-bar: .8025 / .587875 = 1.365, .31 / .587875 = .527, ...).
TEST(MillerBlair, ExtensionRowsWithHouseholdsClosedFromTheExactInverse) {
    Mrio m = two_sector();
    auto solver = mrio::calc_all(m);
    const Vector h = (Vector(2) << 0.3, 0.25).finished();
    const Vector e = (Vector(2) << 2.0, 0.5).finished();  // say, emissions per unit of output
    const Vector z = (Vector(2) << 0.0, 1.0).finished();  // a row with a zero coefficient
    mrio::HouseholdClosure closure;
    closure.income = h.transpose();
    closure.consumption = (Matrix(2, 1) << 0.05, 0.4).finished();
    closure.own = (Matrix(1, 1) << 0.05).finished();
    auto t = mrio::multipliers(
        m.a_matrix(), solver, {{"income", h}, {"emissions", e}, {"other", z}}, closure);
    ASSERT_EQ(t.total.rows(), 4);
    ASSERT_EQ(t.type2.rows(), 4);
    const double det = 0.587875;
    // L-bar[0:2, 0:2] (producing sectors) and L-bar[2, 0:2] (household row), by hand.
    const double l00 = 0.8025 / det;
    const double l10 = 0.31 / det;
    const double l01 = 0.25 / det;
    const double l11 = 0.7925 / det;
    EXPECT_NEAR(l00, 1.365, 5e-4);  // M&B's printed L-bar
    EXPECT_NEAR(l10, 0.527, 5e-4);
    EXPECT_NEAR(l01, 0.425, 5e-4);
    EXPECT_NEAR(l11, 1.348, 5e-4);
    // Output, households closed: the exact column sums (M&B 1.892, 1.773).
    EXPECT_NEAR(t.total(0, 0), (0.8025 + 0.31) / det, 1e-12);
    EXPECT_NEAR(t.total(0, 1), (0.25 + 0.7925) / det, 1e-12);
    EXPECT_NEAR(t.type2(0, 0), t.total(0, 0), 1e-15);  // output rows are not divided
    EXPECT_NEAR(t.household_income(0, 0), 0.335 / det, 1e-12);
    EXPECT_NEAR(t.household_income(0, 1), 0.2875 / det, 1e-12);
    // Income: h' L-bar[0:2, j]; M&B's L-bar gives 0.3 * 1.365 + 0.25 * 0.527 = 0.541 for j = 0.
    const double inc0 = 0.3 * l00 + 0.25 * l10;  // = 0.31825 / det
    const double inc1 = 0.3 * l01 + 0.25 * l11;  // = 0.273125 / det
    EXPECT_NEAR(t.total(1, 0), inc0, 1e-12);
    EXPECT_NEAR(t.total(1, 1), inc1, 1e-12);
    EXPECT_NEAR(t.total(1, 0), 0.3 * 1.365 + 0.25 * 0.527, 1e-3);
    EXPECT_NEAR(t.type2(1, 0), inc0 / 0.3, 1e-12);
    EXPECT_NEAR(t.type2(1, 1), inc1 / 0.25, 1e-12);
    // The household row of L-bar pays itself 0.05: it is the income row over 0.95.
    EXPECT_NEAR(t.household_income(0, 0), inc0 / 0.95, 1e-12);
    // Emissions: e' L-bar[0:2, j], Type II over e_j.
    EXPECT_NEAR(t.total(2, 0), 2.0 * l00 + 0.5 * l10, 1e-12);
    EXPECT_NEAR(t.total(2, 1), 2.0 * l01 + 0.5 * l11, 1e-12);
    EXPECT_NEAR(t.type2(2, 0), (2.0 * l00 + 0.5 * l10) / 2.0, 1e-12);
    EXPECT_NEAR(t.type2(2, 1), (2.0 * l01 + 0.5 * l11) / 0.5, 1e-12);
    // A zero coefficient: the total is still z' L-bar, the Type II multiplier 0 (not inf).
    EXPECT_NEAR(t.total(3, 0), l10, 1e-12);
    EXPECT_EQ(t.type2(3, 0), 0.0);
    EXPECT_NEAR(t.type2(3, 1), l11, 1e-12);
}

TEST(MillerBlair, RasmussenLinkagesWithGhoshForwardLinkages) {
    Mrio m = two_sector();
    auto solver = mrio::calc_all(m);
    auto link = mrio::linkages(m.x, solver);
    EXPECT_NEAR(link.backward(0), 1.15 / 0.7575, 1e-12);
    EXPECT_NEAR(link.backward(1), 1.10 / 0.7575, 1e-12);
    // B = x^-1 Z = [.15 .5; .1 .05]; G = [0.95 0.5; 0.1 0.85] / 0.7575; row sums:
    EXPECT_NEAR(link.forward(0), 1.45 / 0.7575, 1e-12);
    EXPECT_NEAR(link.forward(1), 0.95 / 0.7575, 1e-12);
    EXPECT_NEAR(link.power(0), 1.15 / 1.125, 1e-12);
    EXPECT_NEAR(link.sensitivity(1), 0.95 / 1.2, 1e-12);
    EXPECT_EQ(link.kind[0], "key");
    EXPECT_EQ(link.kind[1], "weak");
    auto leontief = mrio::linkages(m.x, solver, mrio::ForwardMeasure::kLeontief);
    EXPECT_NEAR(leontief.forward(0), 1.20 / 0.7575, 1e-12);
}

// Hypothetical extraction (M&B 12.2) by brute force: rebuild and resolve the reduced system.
TEST(MillerBlair, HypotheticalExtractionClosedFormsEqualBruteForce) {
    Matrix z(4, 4);
    z << 20, 35, 10, 5, 15, 10, 40, 20, 5, 25, 30, 10, 10, 5, 15, 25;
    Vector f(4);
    f << 130, 115, 80, 145;
    const Vector x = z.rowwise().sum() + f;
    Matrix a = z * x.cwiseInverse().asDiagonal();
    const Matrix eye = Matrix::Identity(4, 4);
    const Matrix l = (eye - a).inverse();
    auto ex = mrio::hypothetical_extraction(x, l);
    for (Eigen::Index j = 0; j < 4; ++j) {
        // total: remove row and column j and j's final demand
        std::vector<Eigen::Index> keep;
        for (Eigen::Index i = 0; i < 4; ++i) {
            if (i != j) {
                keep.push_back(i);
            }
        }
        Matrix ar(3, 3);
        Vector fr(3);
        for (std::size_t r = 0; r < 3; ++r) {
            fr(static_cast<Eigen::Index>(r)) = f(keep[r]);
            for (std::size_t c = 0; c < 3; ++c) {
                ar(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) =
                    a(keep[r], keep[c]);
            }
        }
        const Vector xr = (Matrix::Identity(3, 3) - ar).inverse() * fr;
        EXPECT_NEAR(ex.total(j), x.sum() - xr.sum(), 1e-9 * x.sum());
        // backward: column j of A set to 0
        Matrix ab = a;
        ab.col(j).setZero();
        const Vector xb = (eye - ab).inverse() * f;
        EXPECT_NEAR(ex.backward(j), x.sum() - xb.sum(), 1e-9 * x.sum());
        // forward: row j of B set to 0, value added fixed
        Matrix b = x.cwiseInverse().asDiagonal() * z;
        const Vector v = x - z.colwise().sum().transpose();
        b.row(j).setZero();
        const Vector xf = ((eye - b).transpose()).inverse() * v;
        EXPECT_NEAR(ex.forward(j), x.sum() - xf.sum(), 1e-9 * x.sum());
    }
}

TEST(MillerBlair, LeontiefPriceModelCostPush) {
    Mrio m = two_sector();
    auto solver = mrio::calc_all(m);
    const Matrix a = m.a_matrix();
    // Base-year value-added coefficients give unit prices (M&B 2.6).
    const Vector v = Vector::Ones(2) - a.colwise().sum().transpose();
    const Vector p = mrio::leontief_prices(solver, v);
    EXPECT_NEAR(p(0), 1.0, 1e-12);
    EXPECT_NEAR(p(1), 1.0, 1e-12);
    const Vector dp = mrio::leontief_prices(solver, (Vector(2) << 0.1, 0.0).finished());
    EXPECT_NEAR(dp(0), 0.1 * 0.95 / 0.7575, 1e-12);
    EXPECT_NEAR(dp(1), 0.1 * 0.25 / 0.7575, 1e-12);
}

// A two-region, two-sector system in M&B chapter 3's layout.
Mrio two_region() {
    Mrio m;
    m.sectors = Index::product("region", {"r", "s"}, "sector", {"1", "2"});
    m.final_demand = Index::product("region", {"r", "s"}, "category", {"f"});
    m.Z.resize(4, 4);
    m.Z << 150, 500, 50, 25, 200, 100, 400, 200, 300, 500, 50, 60, 75, 100, 60, 40;
    m.Y.resize(4, 2);
    m.Y << 200, 75, 1000, 100, 80, 1400, 25, 400;
    m.units.assign(4, "$");
    return m;
}

TEST(MillerBlair, IntraRegionalFeedbackAndSpilloverAddUpToTheOutputMultiplier) {
    Mrio m = two_region();
    mrio::CalcOptions o;
    o.explicit_inverse = true;
    mrio::calc_all(m, o);
    const Matrix a = m.a_matrix();
    auto eff = mrio::regional_effects(m, a, m.L);
    const Vector colsum = m.L.colwise().sum().transpose();
    for (Eigen::Index j = 0; j < 4; ++j) {
        EXPECT_NEAR(eff.intra(j) + eff.feedback(j) + eff.spillover.col(j).sum(), colsum(j), 1e-12);
        EXPECT_GT(eff.feedback(j), 0.0);  // M&B 3.5: interregional feedback is positive
    }
    // intra for region r: column sums of (I - A_rr)^-1
    const Matrix arr = a.topLeftCorner(2, 2);
    const Vector intra = (Matrix::Identity(2, 2) - arr).inverse().colwise().sum().transpose();
    EXPECT_NEAR(eff.intra(0), intra(0), 1e-12);
    EXPECT_NEAR(eff.spillover(1, 0), m.L.block(2, 0, 2, 1).sum(), 1e-12);
    EXPECT_EQ(eff.spillover(0, 0), 0.0);
}

TEST(MillerBlair, RoundDecompositionMultipliesBackToL) {
    Mrio m = two_region();
    mrio::CalcOptions o;
    o.explicit_inverse = true;
    mrio::calc_all(m, o);
    auto round = mrio::round_decomposition(m, m.a_matrix());
    const Matrix product = round.M3 * round.M2 * round.M1;
    EXPECT_LT((product - m.L).cwiseAbs().maxCoeff(), 1e-12);
    const Vector colsum = m.L.colwise().sum().transpose();
    for (Eigen::Index j = 0; j < 4; ++j) {
        EXPECT_NEAR(round.initial(j) + round.intra(j) + round.spillover(j) + round.feedback(j),
                    colsum(j),
                    1e-12);
    }
}

// Round's decomposition in closed form for 2 regions x 1 sector, A = [a b; c d] (derived by
// hand from the definitions): M1 = diag(1/(1-a), 1/(1-d)); A~ = M1 A_off = [0 b/(1-a); c/(1-d) 0];
// M2 = I + A~; A~^2 = q I with q = bc/((1-a)(1-d)), so M3 = I/(1-q). Column 1:
// intra = 1/(1-a) - 1 = a/(1-a); spillover = c/((1-a)(1-d)); feedback = q/(1-q) (1 +
// c/(1-d))/(1-a); and the four add up to the column sum of L = [1-d b; c 1-a] / ((1-a)(1-d) - bc).
TEST(MillerBlair, RoundDecompositionClosedFormForTwoRegionsOneSector) {
    const double a = 0.2;
    const double b = 0.3;
    const double c = 0.1;
    const double d = 0.4;
    Mrio m;
    m.sectors = Index::product("region", {"r", "s"}, "sector", {"1"});
    m.final_demand = Index::product("region", {"r", "s"}, "category", {"f"});
    const Matrix A = (Matrix(2, 2) << a, b, c, d).finished();
    auto round = mrio::round_decomposition(m, A);
    const double q = b * c / ((1 - a) * (1 - d));
    EXPECT_DOUBLE_EQ(round.initial(0), 1.0);
    EXPECT_DOUBLE_EQ(round.initial(1), 1.0);
    EXPECT_NEAR(round.intra(0), a / (1 - a), 1e-14);
    EXPECT_NEAR(round.intra(1), d / (1 - d), 1e-14);
    EXPECT_NEAR(round.spillover(0), c / ((1 - a) * (1 - d)), 1e-14);
    EXPECT_NEAR(round.spillover(1), b / ((1 - a) * (1 - d)), 1e-14);
    EXPECT_NEAR(round.feedback(0), q / (1 - q) * (1 + c / (1 - d)) / (1 - a), 1e-14);
    EXPECT_NEAR(round.feedback(1), q / (1 - q) * (1 + b / (1 - a)) / (1 - d), 1e-14);
    // Numbers: q = 0.0625; column 1: 1 + 0.25 + 0.208333 + 0.097222 = 1.555556 = 0.7 / 0.45.
    const double det = (1 - a) * (1 - d) - b * c;  // 0.45
    EXPECT_NEAR(round.initial(0) + round.intra(0) + round.spillover(0) + round.feedback(0),
                (1 - d + c) / det,
                1e-14);
    EXPECT_NEAR(round.initial(1) + round.intra(1) + round.spillover(1) + round.feedback(1),
                (1 - a + b) / det,
                1e-14);
    EXPECT_NEAR(round.M3(0, 0), 1 / (1 - q), 1e-14);
    EXPECT_NEAR(round.M3(0, 1), 0.0, 1e-14);
}

TEST(MillerBlair, RoundDecompositionHoldsForThreeRegions) {
    Mrio m;
    m.sectors = Index::product("region", {"a", "b", "c"}, "sector", {"1", "2"});
    m.final_demand = Index::product("region", {"a", "b", "c"}, "category", {"f"});
    m.Z = Matrix::Constant(6, 6, 10.0) + Matrix::Identity(6, 6) * 40.0;
    m.Y = Matrix::Constant(6, 3, 100.0);
    m.units.assign(6, "$");
    mrio::CalcOptions o;
    o.explicit_inverse = true;
    mrio::calc_all(m, o);
    auto round = mrio::round_decomposition(m, m.a_matrix());
    EXPECT_LT((round.M3 * round.M2 * round.M1 - m.L).cwiseAbs().maxCoeff(), 1e-12);
}

// Near-zero outputs (docs/numerics.md): an output of at most 1e-9 x the largest counts as zero
// wherever tandem divides by x. The shipped China MRIO has such a sector (output 4.4e-10,
// sales of 1,851.6): its Ghosh row sum (L x)_j / x_j was 1e13 and swamped every other sector's.
Mrio three_sector(bool with_tiny) {
    const Eigen::Index n = with_tiny ? 4 : 3;
    Mrio m;
    std::vector<std::string> names = {"s1", "s2", "s3"};
    if (with_tiny) {
        names.push_back("tiny");
    }
    m.sectors = Index::product("region", {"r"}, "sector", names);
    m.final_demand = Index::product("region", {"r"}, "category", {"f"});
    m.Z = Matrix::Zero(n, n);
    m.Z.topLeftCorner(3, 3) << 150, 500, 50, 200, 100, 400, 300, 250, 50;
    m.Y = Matrix::Zero(n, 1);
    m.Y.topRows(3) << 300, 1300, 900;
    m.x = Vector::Zero(n);
    m.x.head(3) << 1000, 2000, 1500;
    if (with_tiny) {
        m.Z.row(3) << 1.0, 0.5, 0.2, 0.0;  // sells far more than its output, as in the data
        m.Z(0, 3) = 1e-11;
        m.Z(1, 3) = 1e-11;
        m.x(3) = 1e-10;
    }
    m.units = std::vector<std::string>(static_cast<std::size_t>(n), "$");
    return m;
}

TEST(NearZeroOutput, GhoshLinkagesStayFiniteAndKeySectorsUnchanged) {
    Mrio base = three_sector(false);
    auto base_solver = mrio::calc_all(base);
    auto base_link = mrio::linkages(base.x, base_solver);
    EXPECT_EQ(base_link.negligible, 0u);

    Mrio m = three_sector(true);
    auto solver = mrio::calc_all(m);
    auto link = mrio::linkages(m.x, solver);
    EXPECT_EQ(link.negligible, 1u);
    for (Eigen::Index j = 0; j < 4; ++j) {
        EXPECT_TRUE(std::isfinite(link.forward(j))) << j;
        EXPECT_LT(link.forward(j), 10.0) << j;  // was about 1e10 for the tiny sector
        EXPECT_TRUE(std::isfinite(link.sensitivity(j))) << j;
    }
    EXPECT_EQ(link.kind[3], "no output");
    EXPECT_DOUBLE_EQ(link.forward(3), 1.0);  // a zero row of B
    int key = 0;
    for (std::size_t j = 0; j < 3; ++j) {
        EXPECT_EQ(link.kind[j], base_link.kind[j]) << j;
        key += link.kind[j] == "key" ? 1 : 0;
        // The Ghosh forward linkages of the other sectors are those without the tiny sector.
        EXPECT_NEAR(link.forward(static_cast<Eigen::Index>(j)),
                    base_link.forward(static_cast<Eigen::Index>(j)),
                    1e-9);
    }
    EXPECT_GT(key, 0);
    // Its column of A is 0 (no division by 1e-10).
    const Matrix A = m.a_matrix();
    EXPECT_EQ(A.col(3).cwiseAbs().maxCoeff(), 0.0);
    EXPECT_EQ(m.reciprocal_output()(3), 0.0);
}

TEST(NearZeroOutput, OutputsAboveTheThresholdAreDividedAsBefore) {
    Mrio m = three_sector(true);
    m.x(3) = 1e-3;  // 5e-7 x the largest output: above 1e-9, a real (small) output
    EXPECT_DOUBLE_EQ(m.reciprocal_output()(3), 1e3);
}

}  // namespace
}  // namespace tandem::test
