#include "tandem/mrio/analysis.hpp"

#include <algorithm>
#include <cmath>

#include <Eigen/LU>

#include "tandem/core/error.hpp"

namespace tandem::mrio {

namespace {

Vector ratio(const Vector& num, const Vector& den) {
    Vector out(num.size());
    for (Eigen::Index i = 0; i < num.size(); ++i) {
        out(i) = den(i) == 0.0 ? 0.0 : num(i) / den(i);
    }
    return out;
}

void require(bool ok, const char* what) {
    if (!ok) {
        fail(ErrorCode::kInvalidInput, "{}", what);
    }
}

}  // namespace

MultiplierTable multipliers(const Matrix& A,
                            const LeontiefSolver& solver,
                            const std::vector<CoefficientRow>& rows,
                            const std::optional<HouseholdClosure>& closure) {
    const auto n = A.rows();
    require(static_cast<std::size_t>(n) == solver.size(), "A and the factorisation differ in size");
    const auto k = static_cast<Eigen::Index>(rows.size()) + 1;
    Matrix c(n, k);  // coefficient rows as columns: output first
    c.col(0).setOnes();
    MultiplierTable out;
    out.names.push_back("output");
    for (std::size_t r = 0; r < rows.size(); ++r) {
        require(rows[r].per_output.size() == n, "a coefficient row has the wrong length");
        c.col(static_cast<Eigen::Index>(r) + 1) = rows[r].per_output;
        out.names.push_back(rows[r].name);
    }
    out.simple = solver.solve_transposed(c).transpose();
    out.type1 = out.simple;
    for (Eigen::Index r = 1; r < k; ++r) {
        out.type1.row(r) = ratio(out.simple.row(r).transpose(), c.col(r)).transpose();
    }
    if (closure) {
        const Eigen::Index h = closure->income.rows();
        require(closure->income.cols() == n && closure->consumption.rows() == n &&
                    closure->consumption.cols() == h,
                "household closure matrices have the wrong shape");
        Matrix closed = Matrix::Zero(n + h, n + h);
        closed.topLeftCorner(n, n) = A;
        closed.block(0, n, n, h) = closure->consumption;
        closed.block(n, 0, h, n) = closure->income;
        if (closure->own.size() > 0) {
            require(closure->own.rows() == h && closure->own.cols() == h,
                    "household own-income block has the wrong shape");
            closed.block(n, n, h, h) = closure->own;
        }
        Matrix i_minus = Matrix::Identity(n + h, n + h) - closed;
        // c' L-bar = (L-bar' c)': factor the transpose once.
        Eigen::PartialPivLU<Matrix> lu_t(i_minus.transpose());
        Matrix c_closed = Matrix::Zero(n + h, k);
        c_closed.topRows(n) = c;
        // M&B's Type II multipliers count the n producing sectors only (the households row is
        // reported separately as the income multiplier).
        Matrix full = lu_t.solve(c_closed);  // (n+h) x k
        out.total = full.topRows(n).transpose();
        Matrix unit_rows = Matrix::Zero(n + h, h);
        unit_rows.bottomRows(h) = Matrix::Identity(h, h);
        out.household_income = lu_t.solve(unit_rows).topRows(n).transpose();
        out.type2 = out.total;
        for (Eigen::Index r = 1; r < k; ++r) {
            out.type2.row(r) = ratio(out.total.row(r).transpose(), c.col(r)).transpose();
        }
    }
    return out;
}

Linkages linkages(const Vector& x, const LeontiefSolver& solver, ForwardMeasure forward) {
    const auto n = static_cast<Eigen::Index>(solver.size());
    require(x.size() == n, "x and the factorisation differ in size");
    Linkages out;
    // Near-zero outputs count as zero (docs/numerics.md): such a sector has a zero column of A
    // and a zero row of B, takes no part in the means and is reported as "no output".
    const double floor = n > 0 ? kNegligibleOutput * x.cwiseAbs().maxCoeff() : 0.0;
    Vector xe = x;
    std::vector<bool> active(static_cast<std::size_t>(n), true);
    for (Eigen::Index j = 0; j < n; ++j) {
        if (x(j) == 0.0 || std::fabs(x(j)) <= floor) {
            xe(j) = 0.0;
            active[static_cast<std::size_t>(j)] = false;
            ++out.negligible;
        }
    }
    const Matrix ones = Matrix::Ones(n, 1);
    out.backward = solver.solve_transposed(ones).col(0);
    if (forward == ForwardMeasure::kGhosh) {
        // Row sums of G = x^-1 L x are (L x) / x; a zero row of B gives a row sum of 1.
        Vector lx = solver.solve(xe).col(0);
        out.forward = ratio(lx, xe);
        for (Eigen::Index j = 0; j < n; ++j) {
            if (!active[static_cast<std::size_t>(j)]) {
                out.forward(j) = 1.0;
            }
        }
    } else {
        out.forward = solver.solve(ones).col(0);
    }
    double bsum = 0.0;
    double fsum = 0.0;
    for (Eigen::Index j = 0; j < n; ++j) {
        if (active[static_cast<std::size_t>(j)]) {
            bsum += out.backward(j);
            fsum += out.forward(j);
        }
    }
    const double count = static_cast<double>(n - static_cast<Eigen::Index>(out.negligible));
    const double bmean = count > 0 ? bsum / count : 1.0;
    const double fmean = count > 0 ? fsum / count : 1.0;
    out.power = Vector::Zero(n);
    out.sensitivity = Vector::Zero(n);
    for (Eigen::Index j = 0; j < n; ++j) {
        if (!active[static_cast<std::size_t>(j)]) {
            out.kind.push_back("no output");
            continue;
        }
        out.power(j) = out.backward(j) / bmean;
        out.sensitivity(j) = out.forward(j) / fmean;
        const bool b = out.power(j) > 1.0;
        const bool f = out.sensitivity(j) > 1.0;
        out.kind.push_back(b && f ? "key" : b ? "backward" : f ? "forward" : "weak");
    }
    return out;
}

std::vector<SalesAboveOutput> sales_above_output(const Mrio& m) {
    const Vector sales = m.z_matrix().rowwise().sum();
    const Vector inverse = m.reciprocal_output();
    std::vector<SalesAboveOutput> out;
    for (Eigen::Index j = 0; j < sales.size(); ++j) {
        const double ratio = sales(j) * inverse(j);
        if (ratio > 1.0 + 1e-9) {
            out.push_back({static_cast<std::size_t>(j), ratio});
        }
    }
    std::sort(
        out.begin(), out.end(), [](const auto& a, const auto& b) { return a.ratio > b.ratio; });
    return out;
}

Extraction hypothetical_extraction(const Vector& x, const Matrix& L) {
    const auto n = L.rows();
    require(x.size() == n, "x and L differ in size");
    // Closed forms from block inversion of I - A (derivation in docs/numerics.md).
    const Vector colsum = L.colwise().sum().transpose();
    const Vector lx = L * x;
    Extraction out;
    out.total.resize(n);
    out.backward.resize(n);
    out.forward.resize(n);
    for (Eigen::Index j = 0; j < n; ++j) {
        const double d = L(j, j);
        out.total(j) = x(j) * colsum(j) / d;
        out.backward(j) = (colsum(j) - 1.0) * x(j) / d;
        out.forward(j) = (lx(j) - x(j)) / d;
    }
    return out;
}

namespace {

struct RegionBlocks {
    std::vector<Eigen::Index> start;
    std::vector<Eigen::Index> size;
    std::vector<std::size_t> of;  // region of each sector row
};

RegionBlocks region_blocks(const Mrio& mrio) {
    RegionBlocks b;
    b.of = mrio.sector_region();
    const auto regions = mrio.regions();
    b.start.assign(regions.size(), -1);
    b.size.assign(regions.size(), 0);
    for (std::size_t i = 0; i < b.of.size(); ++i) {
        const auto r = b.of[i];
        if (b.start[r] < 0) {
            b.start[r] = static_cast<Eigen::Index>(i);
        } else if (b.start[r] + b.size[r] != static_cast<Eigen::Index>(i)) {
            fail(ErrorCode::kInvalidInput,
                 "the sectors of region '{}' are not contiguous",
                 regions[r]);
        }
        ++b.size[r];
    }
    return b;
}

}  // namespace

RegionalEffects regional_effects(const Mrio& mrio, const Matrix& A, const Matrix& L) {
    const auto n = A.rows();
    require(static_cast<std::size_t>(n) == mrio.size() && L.rows() == n,
            "A, L and the labels differ in size");
    const RegionBlocks b = region_blocks(mrio);
    const auto nreg = static_cast<Eigen::Index>(b.start.size());
    RegionalEffects out;
    out.intra.resize(n);
    out.feedback.resize(n);
    out.spillover = Matrix::Zero(nreg, n);
    for (Eigen::Index r = 0; r < nreg; ++r) {
        const auto s0 = b.start[static_cast<std::size_t>(r)];
        const auto sz = b.size[static_cast<std::size_t>(r)];
        Matrix own = Matrix::Identity(sz, sz) - A.block(s0, s0, sz, sz);
        Matrix intra_inverse = own.partialPivLu().inverse();
        const Vector intra = intra_inverse.colwise().sum().transpose();
        for (Eigen::Index j = 0; j < sz; ++j) {
            const Eigen::Index col = s0 + j;
            out.intra(col) = intra(j);
            out.feedback(col) = L.block(s0, col, sz, 1).sum() - intra(j);
            for (Eigen::Index s = 0; s < nreg; ++s) {
                if (s != r) {
                    out.spillover(s, col) = L.block(b.start[static_cast<std::size_t>(s)],
                                                    col,
                                                    b.size[static_cast<std::size_t>(s)],
                                                    1)
                                                .sum();
                }
            }
        }
    }
    return out;
}

RoundDecomposition round_decomposition(const Mrio& mrio, const Matrix& A) {
    const auto n = A.rows();
    require(static_cast<std::size_t>(n) == mrio.size(), "A and the labels differ in size");
    const RegionBlocks b = region_blocks(mrio);
    const auto k = static_cast<Eigen::Index>(b.start.size());
    RoundDecomposition out;
    out.M1 = Matrix::Zero(n, n);
    Matrix a_off = A;
    for (std::size_t r = 0; r < b.start.size(); ++r) {
        const auto s0 = b.start[r];
        const auto sz = b.size[r];
        Matrix own = Matrix::Identity(sz, sz) - A.block(s0, s0, sz, sz);
        out.M1.block(s0, s0, sz, sz) = own.partialPivLu().inverse();
        a_off.block(s0, s0, sz, sz).setZero();
    }
    const Matrix a_tilde = out.M1 * a_off;
    const Matrix eye = Matrix::Identity(n, n);
    // M2 = I + A~ + ... + A~^(k-1) by Horner; then A~^k = A~ M2 - M2 + I.
    out.M2 = eye;
    for (Eigen::Index p = 1; p < k; ++p) {
        out.M2 = eye + a_tilde * out.M2;
    }
    const Matrix a_tilde_k = a_tilde * out.M2 - out.M2 + eye;
    out.M3 = (eye - a_tilde_k).partialPivLu().inverse();
    const Matrix m2m1 = out.M2 * out.M1;
    out.initial = Vector::Ones(n);
    out.intra = (out.M1 - eye).colwise().sum().transpose();
    out.spillover = (m2m1 - out.M1).colwise().sum().transpose();
    out.feedback = ((out.M3 - eye) * m2m1).colwise().sum().transpose();
    return out;
}

Vector leontief_prices(const LeontiefSolver& solver, const Vector& value_added_coefficients) {
    require(value_added_coefficients.size() == static_cast<Eigen::Index>(solver.size()),
            "value-added coefficients and the factorisation differ in size");
    return solver.solve_transposed(value_added_coefficients).col(0);
}

}  // namespace tandem::mrio
