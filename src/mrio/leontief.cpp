#include "tandem/mrio/leontief.hpp"

#include <cmath>
#include <vector>

#include <lapacke.h>
#include <umfpack.h>

#include "tandem/core/error.hpp"

namespace tandem::mrio {

bool SolverOptions::is_valid(std::string* why) const {
    if (!(sparse_density >= 0.0 && sparse_density <= 1.0)) {
        if (why != nullptr) {
            *why = "sparse_density must lie in [0, 1]";
        }
        return false;
    }
    return true;
}

struct LeontiefSolver::Impl {
    std::size_t n = 0;
    // Dense path: LAPACK LU of I - A (column-major, in place) and its pivots.
    Matrix lu;
    std::vector<lapack_int> pivots;
    // Sparse path: UMFPACK factors of I - A in compressed-column form.
    bool sparse = false;
    std::vector<SuiteSparse_long> col_ptr;
    std::vector<SuiteSparse_long> row_idx;
    std::vector<double> vals;
    void* numeric = nullptr;

    ~Impl() {
        if (numeric != nullptr) {
            umfpack_dl_free_numeric(&numeric);
        }
    }

    void solve_dense(Matrix& b, char trans) const {
        if (b.cols() == 0) {
            return;
        }
        auto info = LAPACKE_dgetrs(LAPACK_COL_MAJOR,
                                   trans,
                                   static_cast<lapack_int>(n),
                                   static_cast<lapack_int>(b.cols()),
                                   lu.data(),
                                   static_cast<lapack_int>(n),
                                   pivots.data(),
                                   b.data(),
                                   static_cast<lapack_int>(b.rows()));
        if (info != 0) {
            fail(ErrorCode::kInternal, "LAPACK dgetrs failed with info {}", info);
        }
    }

    void solve_sparse(Matrix& b, bool transposed) const {
        std::vector<double> out(n);
        const int sys = transposed ? UMFPACK_At : UMFPACK_A;
        for (Eigen::Index c = 0; c < b.cols(); ++c) {
            auto status = umfpack_dl_solve(sys,
                                           col_ptr.data(),
                                           row_idx.data(),
                                           vals.data(),
                                           out.data(),
                                           b.col(c).data(),
                                           numeric,
                                           nullptr,
                                           nullptr);
            if (status != UMFPACK_OK) {
                fail(ErrorCode::kNumerical, "UMFPACK solve failed with status {}", status);
            }
            std::copy(out.begin(), out.end(), b.col(c).data());
        }
    }
};

namespace {

[[noreturn]] void singular(const Index& labels, long long position) {
    std::string where = (position >= 0 && static_cast<std::size_t>(position) < labels.size())
                            ? labels.joined(static_cast<std::size_t>(position))
                            : std::string("unknown");
    fail(ErrorCode::kNumerical,
         "the Leontief system I - A is singular (pivot {} near sector '{}'): the table is not "
         "productive",
         position + 1,
         where);
}

std::unique_ptr<LeontiefSolver::Impl> factor_dense(Matrix&& i_minus_a, const Index& labels) {
    auto impl = std::make_unique<LeontiefSolver::Impl>();
    impl->n = static_cast<std::size_t>(i_minus_a.rows());
    impl->lu = std::move(i_minus_a);
    impl->pivots.resize(impl->n);
    const auto n = static_cast<lapack_int>(impl->n);
    auto info = LAPACKE_dgetrf(LAPACK_COL_MAJOR, n, n, impl->lu.data(), n, impl->pivots.data());
    if (info > 0) {
        singular(labels, info - 1);
    }
    if (info < 0) {
        fail(ErrorCode::kInternal, "LAPACK dgetrf failed with info {}", info);
    }
    return impl;
}

template <typename Coefficient>
std::unique_ptr<LeontiefSolver::Impl> factor_sparse(std::size_t n,
                                                    Coefficient coefficient,
                                                    const Index& labels) {
    auto impl = std::make_unique<LeontiefSolver::Impl>();
    impl->n = n;
    impl->sparse = true;
    impl->col_ptr.reserve(n + 1);
    impl->col_ptr.push_back(0);
    for (std::size_t j = 0; j < n; ++j) {
        for (std::size_t i = 0; i < n; ++i) {
            double v = (i == j ? 1.0 : 0.0) - coefficient(i, j);
            if (v != 0.0) {
                impl->row_idx.push_back(static_cast<SuiteSparse_long>(i));
                impl->vals.push_back(v);
            }
        }
        impl->col_ptr.push_back(static_cast<SuiteSparse_long>(impl->vals.size()));
    }
    void* symbolic = nullptr;
    const auto nn = static_cast<SuiteSparse_long>(n);
    auto status = umfpack_dl_symbolic(nn,
                                      nn,
                                      impl->col_ptr.data(),
                                      impl->row_idx.data(),
                                      impl->vals.data(),
                                      &symbolic,
                                      nullptr,
                                      nullptr);
    if (status != UMFPACK_OK) {
        fail(ErrorCode::kNumerical, "UMFPACK symbolic factorisation failed with status {}", status);
    }
    status = umfpack_dl_numeric(impl->col_ptr.data(),
                                impl->row_idx.data(),
                                impl->vals.data(),
                                symbolic,
                                &impl->numeric,
                                nullptr,
                                nullptr);
    umfpack_dl_free_symbolic(&symbolic);
    if (status == UMFPACK_WARNING_singular_matrix) {
        singular(labels, -1);
    }
    if (status != UMFPACK_OK) {
        fail(ErrorCode::kNumerical, "UMFPACK numeric factorisation failed with status {}", status);
    }
    return impl;
}

template <typename Coefficient>
bool use_sparse(std::size_t n, Coefficient coefficient, const SolverOptions& options) {
    if (options.kind == SolverKind::kDense) {
        return false;
    }
    if (options.kind == SolverKind::kSparse) {
        return true;
    }
    if (n < options.min_sparse_size) {
        return false;
    }
    std::size_t nonzero = 0;
    const auto limit = static_cast<std::size_t>(options.sparse_density * static_cast<double>(n) *
                                                static_cast<double>(n));
    for (std::size_t j = 0; j < n; ++j) {
        for (std::size_t i = 0; i < n; ++i) {
            if (coefficient(i, j) != 0.0 && ++nonzero > limit) {
                return false;
            }
        }
    }
    return true;
}

void check_options(const SolverOptions& options) {
    std::string why;
    if (!options.is_valid(&why)) {
        fail(ErrorCode::kUsage, "invalid solver options: {}", why);
    }
}

}  // namespace

LeontiefSolver::LeontiefSolver(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
LeontiefSolver::LeontiefSolver(LeontiefSolver&&) noexcept = default;
LeontiefSolver& LeontiefSolver::operator=(LeontiefSolver&&) noexcept = default;
LeontiefSolver::~LeontiefSolver() = default;

LeontiefSolver LeontiefSolver::from_coefficients(const Matrix& A,
                                                 const Index& labels,
                                                 const SolverOptions& options) {
    check_options(options);
    const auto n = static_cast<std::size_t>(A.rows());
    auto coef = [&](std::size_t i, std::size_t j) {
        return A(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
    };
    if (use_sparse(n, coef, options)) {
        return LeontiefSolver(factor_sparse(n, coef, labels));
    }
    Matrix m = -A;
    m.diagonal().array() += 1.0;
    return LeontiefSolver(factor_dense(std::move(m), labels));
}

LeontiefSolver LeontiefSolver::from_flows(const Matrix& Z,
                                          const Vector& recix,
                                          const Index& labels,
                                          const SolverOptions& options) {
    check_options(options);
    const auto n = static_cast<std::size_t>(Z.rows());
    auto coef = [&](std::size_t i, std::size_t j) {
        return Z(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) *
               recix(static_cast<Eigen::Index>(j));
    };
    if (use_sparse(n, coef, options)) {
        return LeontiefSolver(factor_sparse(n, coef, labels));
    }
    Matrix m = -(Z * recix.asDiagonal());
    m.diagonal().array() += 1.0;
    return LeontiefSolver(factor_dense(std::move(m), labels));
}

std::size_t LeontiefSolver::size() const {
    return impl_->n;
}
bool LeontiefSolver::is_sparse() const {
    return impl_->sparse;
}

Matrix LeontiefSolver::solve(const Matrix& rhs) const {
    if (static_cast<std::size_t>(rhs.rows()) != impl_->n) {
        fail(ErrorCode::kInternal,
             "right-hand side has {} rows, the system {}",
             rhs.rows(),
             impl_->n);
    }
    Matrix b = rhs;
    if (impl_->sparse) {
        impl_->solve_sparse(b, false);
    } else {
        impl_->solve_dense(b, 'N');
    }
    return b;
}

Matrix LeontiefSolver::solve_transposed(const Matrix& rhs) const {
    if (static_cast<std::size_t>(rhs.rows()) != impl_->n) {
        fail(ErrorCode::kInternal,
             "right-hand side has {} rows, the system {}",
             rhs.rows(),
             impl_->n);
    }
    Matrix b = rhs;
    if (impl_->sparse) {
        impl_->solve_sparse(b, true);
    } else {
        impl_->solve_dense(b, 'T');
    }
    return b;
}

Matrix LeontiefSolver::inverse() const {
    if (impl_->sparse) {
        return solve(Matrix::Identity(static_cast<Eigen::Index>(impl_->n),
                                      static_cast<Eigen::Index>(impl_->n)));
    }
    Matrix inv = impl_->lu;
    const auto n = static_cast<lapack_int>(impl_->n);
    auto info = LAPACKE_dgetri(LAPACK_COL_MAJOR, n, inv.data(), n, impl_->pivots.data());
    if (info != 0) {
        fail(ErrorCode::kNumerical, "LAPACK dgetri failed with info {}", info);
    }
    return inv;
}

}  // namespace tandem::mrio
