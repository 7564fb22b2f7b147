#include "tandem/mrio/leontief.hpp"

#include <random>

#include <gtest/gtest.h>

#include "tandem/core/error.hpp"

namespace tandem::test {
namespace {

Matrix random_coefficients(Eigen::Index n, double density, unsigned seed) {
    std::mt19937 g(seed);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    Matrix a = Matrix::Zero(n, n);
    for (Eigen::Index j = 0; j < n; ++j) {
        for (Eigen::Index i = 0; i < n; ++i) {
            if (i == j || u(g) < density) {
                a(i, j) = u(g);
            }
        }
        a.col(j) *= 0.6 / a.col(j).sum();  // column sums 0.6: productive
    }
    return a;
}

Index labels(Eigen::Index n) {
    std::vector<std::string> s;
    for (Eigen::Index i = 0; i < n; ++i) {
        s.push_back("s" + std::to_string(i));
    }
    return Index::product("region", {"r"}, "sector", s);
}

TEST(LeontiefSolver, SolveAndTransposedSolveAgreeWithTheExplicitInverse) {
    const Eigen::Index n = 60;
    Matrix a = random_coefficients(n, 0.3, 1337);
    auto solver = mrio::LeontiefSolver::from_coefficients(a, labels(n));
    Matrix l = solver.inverse();
    EXPECT_LT(((Matrix::Identity(n, n) - a) * l - Matrix::Identity(n, n)).cwiseAbs().maxCoeff(),
              1e-12);
    Matrix rhs = Matrix::Random(n, 3);
    EXPECT_LT((solver.solve(rhs) - l * rhs).cwiseAbs().maxCoeff(), 1e-12);
    EXPECT_LT((solver.solve_transposed(rhs) - l.transpose() * rhs).cwiseAbs().maxCoeff(), 1e-12);
}

TEST(LeontiefSolver, OneRightHandSideAcrossSeveralBlocksMatchesTheInverse) {
    // 1,100 rows: the blocked single-vector solve crosses two 512-row block boundaries.
    const Eigen::Index n = 1100;
    Matrix a = random_coefficients(n, 0.05, 11);
    mrio::SolverOptions dense;
    dense.kind = mrio::SolverKind::kDense;
    auto solver = mrio::LeontiefSolver::from_coefficients(a, labels(n), dense);
    Matrix l = solver.inverse();
    EXPECT_LT(((Matrix::Identity(n, n) - a) * l - Matrix::Identity(n, n)).cwiseAbs().maxCoeff(),
              1e-12);
    Matrix y = Matrix::Random(n, 1);
    EXPECT_LT((solver.solve(y) - l * y).cwiseAbs().maxCoeff(), 1e-11);
    EXPECT_LT((solver.solve_transposed(y) - l.transpose() * y).cwiseAbs().maxCoeff(), 1e-11);
    // the batched transposed solve with leading zero rows
    Matrix rhs = Matrix::Zero(n, 70);
    std::vector<Eigen::Index> first(70);
    for (Eigen::Index c = 0; c < 70; ++c) {
        first[static_cast<std::size_t>(c)] = (c / 7) * 100;
        rhs.block(first[static_cast<std::size_t>(c)], c, 100, 1).setRandom();
    }
    EXPECT_LT((solver.solve_transposed(rhs, first) - l.transpose() * rhs).cwiseAbs().maxCoeff(),
              1e-11);
}

TEST(LeontiefSolver, SparseAndDenseFactorisationsAgree) {
    const Eigen::Index n = 500;
    Matrix a = random_coefficients(n, 0.01, 7);
    mrio::SolverOptions dense;
    dense.kind = mrio::SolverKind::kDense;
    auto d = mrio::LeontiefSolver::from_coefficients(a, labels(n), dense);
    auto s = mrio::LeontiefSolver::from_coefficients(a, labels(n));  // auto picks sparse
    EXPECT_FALSE(d.is_sparse());
    EXPECT_TRUE(s.is_sparse());
    Matrix rhs = Matrix::Random(n, 2);
    EXPECT_LT((d.solve(rhs) - s.solve(rhs)).cwiseAbs().maxCoeff(), 1e-11);
    EXPECT_LT((d.solve_transposed(rhs) - s.solve_transposed(rhs)).cwiseAbs().maxCoeff(), 1e-11);
}

TEST(LeontiefSolver, FlowsAndCoefficientsGiveTheSameFactorisation) {
    const Eigen::Index n = 20;
    Matrix a = random_coefficients(n, 0.5, 3);
    Vector x = Vector::LinSpaced(n, 10.0, 200.0);
    Matrix z = a * x.asDiagonal();
    auto from_a = mrio::LeontiefSolver::from_coefficients(a, labels(n));
    auto from_z = mrio::LeontiefSolver::from_flows(z, x.cwiseInverse(), labels(n));
    EXPECT_LT((from_a.inverse() - from_z.inverse()).cwiseAbs().maxCoeff(), 1e-12);
}

TEST(LeontiefSolver, ASingularSystemIsReportedWithTheSector) {
    Matrix a(2, 2);
    a << 1.0, 0.0, 0.0, 0.5;  // sector s0 uses its whole output: I - A singular
    try {
        mrio::LeontiefSolver::from_coefficients(a, labels(2));
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::kNumerical);
        EXPECT_NE(std::string(e.what()).find("r/s0"), std::string::npos) << e.what();
    }
}

TEST(LeontiefSolver, InvalidOptionsAreRejected) {
    mrio::SolverOptions o;
    o.sparse_density = 2.0;
    std::string why;
    EXPECT_FALSE(o.is_valid(&why));
    EXPECT_FALSE(why.empty());
    EXPECT_THROW(mrio::LeontiefSolver::from_coefficients(Matrix::Zero(2, 2), labels(2), o), Error);
}

}  // namespace
}  // namespace tandem::test
