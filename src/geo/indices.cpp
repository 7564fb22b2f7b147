#include "tandem/geo/indices.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <vector>

#include <Eigen/Eigenvalues>

#include "tandem/core/error.hpp"

namespace tandem::geo {

namespace {

void check_presence(const Matrix& mcp) {
    if (mcp.rows() < 2 || mcp.cols() < 2) {
        fail(ErrorCode::kInvalidInput,
             "complexity indices need at least two locations and two activities");
    }
    for (Eigen::Index c = 0; c < mcp.rows(); ++c) {
        if (mcp.row(c).sum() == 0.0) {
            fail(ErrorCode::kInvalidInput, "location {} has no activity present", c + 1);
        }
    }
    for (Eigen::Index p = 0; p < mcp.cols(); ++p) {
        if (mcp.col(p).sum() == 0.0) {
            fail(ErrorCode::kInvalidInput, "activity {} is present nowhere", p + 1);
        }
    }
}

// R's round(x, 4): the decimal nearest to the double's exact value (printf rounds exactly;
// x * 1e4 rounded half-to-even does not, and the ties are frequent in transition matrices).
double round4(double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f", x);
    return std::strtod(buf, nullptr);
}

// The eigenvector of the second largest eigenvalue (by real part) of a non-symmetric matrix,
// divided by its sum, as R's eigen() and EconGeo use it.
Vector second_eigenvector_sum_normalised(const Matrix& t) {
    Eigen::EigenSolver<Matrix> eig(t);
    if (eig.info() != Eigen::Success) {
        fail(ErrorCode::kNumerical, "the eigen-decomposition of the transition matrix failed");
    }
    const auto values = eig.eigenvalues();
    std::vector<Eigen::Index> order(static_cast<std::size_t>(values.size()));
    std::iota(order.begin(), order.end(), Eigen::Index{0});
    // R's eigen() orders a non-symmetric matrix's eigenvalues by decreasing modulus.
    std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) {
        return std::abs(values(a)) > std::abs(values(b));
    });
    const Vector v = eig.eigenvectors().col(order[1]).real();
    const double sum = v.sum();
    if (sum == 0.0 || !std::isfinite(sum)) {
        fail(ErrorCode::kNumerical, "the second eigenvector sums to 0: the index is undefined");
    }
    return v / sum;
}

Matrix transition(const Matrix& from, const Matrix& to) {
    // Row-stochastic from x to: (from / rowsums) (to' / colsums)'
    const Vector rs = from.rowwise().sum();
    const Vector cs = from.colwise().sum().transpose();
    Matrix t = rs.cwiseInverse().asDiagonal() * from * cs.cwiseInverse().asDiagonal() * to;
    return t.unaryExpr([](double x) { return round4(x); });
}

}  // namespace

double pearson(const Vector& a, const Vector& b) {
    const Vector da = a.array() - a.mean();
    const Vector db = b.array() - b.mean();
    const double den = std::sqrt(da.squaredNorm() * db.squaredNorm());
    return den == 0.0 ? 0.0 : da.dot(db) / den;
}

Vector average_ranks(const Vector& v) {
    const auto n = v.size();
    std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), Eigen::Index{0});
    std::stable_sort(
        order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) { return v(a) < v(b); });
    Vector rank(n);
    std::size_t i = 0;
    while (i < order.size()) {
        std::size_t j = i;
        while (j + 1 < order.size() && v(order[j + 1]) == v(order[i])) {
            ++j;
        }
        const double mean_rank = (static_cast<double>(i + j) / 2.0) + 1.0;
        for (std::size_t k = i; k <= j; ++k) {
            rank(order[k]) = mean_rank;
        }
        i = j + 1;
    }
    return rank;
}

double spearman(const Vector& a, const Vector& b) {
    return pearson(average_ranks(a), average_ranks(b));
}

Reflections method_of_reflections(const Matrix& mcp, int steps) {
    check_presence(mcp);
    if (steps < 1) {
        fail(ErrorCode::kUsage, "the method of reflections needs at least one step");
    }
    const Vector diversity = mcp.rowwise().sum();
    const Vector ubiquity = mcp.colwise().sum().transpose();
    auto rescale = [](const Vector& x) -> Vector {
        const double lo = x.minCoeff();
        const double hi = x.maxCoeff();
        if (hi == lo) {
            return Vector::Zero(x.size());  // every location alike: no ranking to rescale
        }
        return (x.array() - lo) / (hi - lo) * 100.0;
    };
    Vector kc = diversity;
    Vector kp = ubiquity;
    for (int i = 1; i <= steps; ++i) {
        Vector next_c = diversity.cwiseInverse().asDiagonal() * (mcp * kp);
        Vector next_p = ubiquity.cwiseInverse().asDiagonal() * (mcp.transpose() * kc);
        if (i >= 3) {
            next_c = rescale(next_c);
            next_p = rescale(next_p);
        }
        kc = std::move(next_c);
        kp = std::move(next_p);
    }
    return {kc, kp};
}

Vector kci_econgeo(const Matrix& mcp) {
    check_presence(mcp);
    Vector kci = second_eigenvector_sum_normalised(transition(mcp, mcp.transpose()));
    if (pearson(kci, method_of_reflections(mcp, 20).locations) < 0.0) {
        kci = -kci;
    }
    return kci;
}

Vector tci_econgeo(const Matrix& mcp) {
    check_presence(mcp);
    const Matrix mt = mcp.transpose();
    Vector tci = second_eigenvector_sum_normalised(transition(mt, mcp));
    if (spearman(tci, mcp.colwise().sum().transpose()) > 0.0) {
        tci = -tci;
    }
    return tci;
}

FitnessComplexity fitness_complexity(const Matrix& mcp, int iterations) {
    check_presence(mcp);
    if (iterations < 1) {
        fail(ErrorCode::kUsage, "Fitness-Complexity needs at least one iteration");
    }
    Vector f = Vector::Ones(mcp.rows());
    Vector q = Vector::Ones(mcp.cols());
    for (int n = 0; n < iterations; ++n) {
        const Vector f_next = mcp * q;
        const Vector q_next = (mcp.transpose() * f.cwiseInverse()).cwiseInverse();
        f = f_next / f_next.mean();
        q = q_next / q_next.mean();
        if (!f.allFinite() || !q.allFinite() || (f.array() <= 0.0).any()) {
            // Fitness underflows to 0 after many iterations on strongly nested matrices.
            fail(ErrorCode::kNumerical,
                 "Fitness-Complexity degenerated after {} iterations (a fitness reached 0); "
                 "use fewer iterations",
                 n + 1);
        }
    }
    return {f, q};
}

}  // namespace tandem::geo
