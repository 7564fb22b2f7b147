#include "tandem/mrio/leontief.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

#include <cblas.h>
#include <lapacke.h>
#include <umfpack.h>

#include "tandem/core/error.hpp"

#include <sys/mman.h>

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

namespace {

// The n x n buffer of the factors, mapped with its pages populated at once: a 9,800-sector LU
// is 768 MB, and faulting it in page by page costs about 0.6 s here (1.4 s with transparent
// huge pages, whose compaction stalls), against 0.4 s for MAP_POPULATE.
struct LuBuffer {
    double* data = nullptr;
    std::size_t bytes = 0;

    explicit LuBuffer(std::size_t count) : bytes(std::max<std::size_t>(count, 1) * sizeof(double)) {
        void* p = mmap(nullptr,
                       bytes,
                       PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE,
                       -1,
                       0);
        if (p == MAP_FAILED) {
            throw std::bad_alloc();
        }
        data = static_cast<double*>(p);
    }
    ~LuBuffer() { munmap(data, bytes); }
    LuBuffer(const LuBuffer&) = delete;
    LuBuffer& operator=(const LuBuffer&) = delete;
};

}  // namespace

struct LeontiefSolver::Impl {
    std::size_t n = 0;
    // Dense path: LAPACK LU of I - A (column-major, in place) and its pivots.
    std::unique_ptr<LuBuffer> buffer;
    std::vector<lapack_int> pivots;
    double* lu() const { return buffer->data; }
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
        if (b.cols() == 1) {
            // dgetrs goes through dtrsm, which is several times slower than two dtrsv for one
            // right-hand side (memory-bound: a shock on a 9,800-sector model reads 768 MB).
            solve_one(b.data(), trans);
            return;
        }
        auto info = LAPACKE_dgetrs(LAPACK_COL_MAJOR,
                                   trans,
                                   static_cast<lapack_int>(n),
                                   static_cast<lapack_int>(b.cols()),
                                   lu(),
                                   static_cast<lapack_int>(n),
                                   pivots.data(),
                                   b.data(),
                                   static_cast<lapack_int>(b.rows()));
        if (info != 0) {
            fail(ErrorCode::kInternal, "LAPACK dgetrs failed with info {}", info);
        }
    }

    // One right-hand side: memory-bound, so the work is arranged for bandwidth. Diagonal blocks
    // go to dtrsv, the panels below (above) them to dgemv, which OpenBLAS runs on every core.
    void solve_one(double* v, char trans) const {
        const auto nn = static_cast<int>(n);
        const double* f = lu();
        constexpr int kBlock = 512;
        if (trans == 'N') {
            for (std::size_t i = 0; i < n; ++i) {
                const auto p = static_cast<std::size_t>(pivots[i] - 1);
                if (p != i) {
                    std::swap(v[i], v[p]);
                }
            }
            for (int k = 0; k < nn; k += kBlock) {
                const int m = std::min(kBlock, nn - k);
                const double* diag = f + static_cast<std::ptrdiff_t>(k) * nn + k;
                cblas_dtrsv(
                    CblasColMajor, CblasLower, CblasNoTrans, CblasUnit, m, diag, nn, v + k, 1);
                if (k + m < nn) {
                    cblas_dgemv(CblasColMajor,
                                CblasNoTrans,
                                nn - k - m,
                                m,
                                -1.0,
                                diag + m,
                                nn,
                                v + k,
                                1,
                                1.0,
                                v + k + m,
                                1);
                }
            }
            for (int e = nn; e > 0; e -= kBlock) {
                const int k = std::max(0, e - kBlock);
                const int m = e - k;
                const double* col = f + static_cast<std::ptrdiff_t>(k) * nn;
                cblas_dtrsv(CblasColMajor,
                            CblasUpper,
                            CblasNoTrans,
                            CblasNonUnit,
                            m,
                            col + k,
                            nn,
                            v + k,
                            1);
                if (k > 0) {
                    cblas_dgemv(
                        CblasColMajor, CblasNoTrans, k, m, -1.0, col, nn, v + k, 1, 1.0, v, 1);
                }
            }
        } else {
            cblas_dtrsv(CblasColMajor, CblasUpper, CblasTrans, CblasNonUnit, nn, f, nn, v, 1);
            cblas_dtrsv(CblasColMajor, CblasLower, CblasTrans, CblasUnit, nn, f, nn, v, 1);
            for (std::size_t i = n; i-- > 0;) {
                const auto p = static_cast<std::size_t>(pivots[i] - 1);
                if (p != i) {
                    std::swap(v[i], v[p]);
                }
            }
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

template <typename Coefficient>
std::unique_ptr<LeontiefSolver::Impl> factor_dense(std::size_t n,
                                                   Coefficient coefficient,
                                                   const Index& labels) {
    auto impl = std::make_unique<LeontiefSolver::Impl>();
    impl->n = n;
    impl->buffer = std::make_unique<LuBuffer>(n * n);
    for (std::size_t j = 0; j < n; ++j) {
        double* col = impl->buffer->data + j * n;
        for (std::size_t i = 0; i < n; ++i) {
            col[i] = -coefficient(i, j);
        }
        col[j] += 1.0;
    }
    impl->pivots.resize(n);
    const auto nn = static_cast<lapack_int>(n);
    auto info = LAPACKE_dgetrf(LAPACK_COL_MAJOR, nn, nn, impl->lu(), nn, impl->pivots.data());
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

}  // namespace

LeontiefSolver::LeontiefSolver(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
LeontiefSolver::LeontiefSolver(LeontiefSolver&&) noexcept = default;
LeontiefSolver& LeontiefSolver::operator=(LeontiefSolver&&) noexcept = default;
LeontiefSolver::~LeontiefSolver() = default;

LeontiefSolver LeontiefSolver::from_coefficients(const Matrix& A,
                                                 const Index& labels,
                                                 const SolverOptions& options) {
    require_valid(options, "solver");
    const auto n = static_cast<std::size_t>(A.rows());
    auto coef = [&](std::size_t i, std::size_t j) {
        return A(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
    };
    if (use_sparse(n, coef, options)) {
        return LeontiefSolver(factor_sparse(n, coef, labels));
    }
    return LeontiefSolver(factor_dense(n, coef, labels));
}

LeontiefSolver LeontiefSolver::from_flows(const Matrix& Z,
                                          const Vector& recix,
                                          const Index& labels,
                                          const SolverOptions& options) {
    require_valid(options, "solver");
    const auto n = static_cast<std::size_t>(Z.rows());
    auto coef = [&](std::size_t i, std::size_t j) {
        return Z(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) *
               recix(static_cast<Eigen::Index>(j));
    };
    if (use_sparse(n, coef, options)) {
        return LeontiefSolver(factor_sparse(n, coef, labels));
    }
    return LeontiefSolver(factor_dense(n, coef, labels));
}

std::size_t LeontiefSolver::size() const {
    return impl_->n;
}
bool LeontiefSolver::is_sparse() const {
    return impl_->sparse;
}

Matrix LeontiefSolver::solve(const Matrix& rhs) const {
    return solve_impl(rhs, false);
}

Matrix LeontiefSolver::solve_transposed(const Matrix& rhs) const {
    return solve_impl(rhs, true);
}

Matrix LeontiefSolver::solve_impl(const Matrix& rhs, bool transposed) const {
    if (static_cast<std::size_t>(rhs.rows()) != impl_->n) {
        fail(ErrorCode::kInternal,
             "right-hand side has {} rows, the system {}",
             rhs.rows(),
             impl_->n);
    }
    Matrix b = rhs;
    if (impl_->sparse) {
        impl_->solve_sparse(b, transposed);
    } else {
        impl_->solve_dense(b, transposed ? 'T' : 'N');
    }
    return b;
}

Matrix LeontiefSolver::solve_transposed(const Matrix& rhs,
                                        const std::vector<Eigen::Index>& first_row) const {
    if (impl_->sparse || rhs.cols() < 2) {
        return solve_transposed(rhs);
    }
    if (static_cast<std::size_t>(rhs.rows()) != impl_->n ||
        first_row.size() != static_cast<std::size_t>(rhs.cols())) {
        fail(ErrorCode::kInternal, "right-hand side and its first rows do not match the system");
    }
    Matrix b = rhs;
    const auto n = static_cast<Eigen::Index>(impl_->n);
    const double* lu = impl_->lu();
    // A' = U' L' P': solve U' y = b (lower triangular: rows above first_row stay 0), then
    // L' z = y, then x = P z.
    // Columns go in batches of at least kBatch (dtrsm is slow on narrow right-hand sides),
    // each solved from the smallest first row of its batch.
    constexpr Eigen::Index kBatch = 64;
    for (Eigen::Index c0 = 0; c0 < b.cols();) {
        Eigen::Index c1 = c0 + 1;
        Eigen::Index first = first_row[static_cast<std::size_t>(c0)];
        while (c1 < b.cols() &&
               (c1 - c0 < kBatch || first_row[static_cast<std::size_t>(c1)] ==
                                        first_row[static_cast<std::size_t>(c1 - 1)])) {
            first = std::min(first, first_row[static_cast<std::size_t>(c1)]);
            ++c1;
        }
        const Eigen::Index r0 = std::clamp<Eigen::Index>(first, 0, n);
        const auto m = static_cast<int>(n - r0);
        if (m > 0) {
            cblas_dtrsm(CblasColMajor,
                        CblasLeft,
                        CblasUpper,
                        CblasTrans,
                        CblasNonUnit,
                        m,
                        static_cast<int>(c1 - c0),
                        1.0,
                        lu + r0 * n + r0,
                        static_cast<int>(n),
                        b.data() + c0 * n + r0,
                        static_cast<int>(n));
        }
        c0 = c1;
    }
    cblas_dtrsm(CblasColMajor,
                CblasLeft,
                CblasLower,
                CblasTrans,
                CblasUnit,
                static_cast<int>(n),
                static_cast<int>(b.cols()),
                1.0,
                lu,
                static_cast<int>(n),
                b.data(),
                static_cast<int>(n));
    for (Eigen::Index i = n; i-- > 0;) {
        const auto p = static_cast<Eigen::Index>(impl_->pivots[static_cast<std::size_t>(i)] - 1);
        if (p != i) {
            b.row(i).swap(b.row(p));
        }
    }
    return b;
}

Matrix LeontiefSolver::inverse() const {
    if (impl_->sparse) {
        return solve(Matrix::Identity(static_cast<Eigen::Index>(impl_->n),
                                      static_cast<Eigen::Index>(impl_->n)));
    }
    // (P L U)^-1 = U^-1 L^-1 P': invert U in place (dtrtri), then solve X L = U^-1 with the unit
    // lower factor still held by the solver (dtrsm), then undo the row interchanges on the
    // columns. Two level-3 calls: about 15% faster here than LAPACK's dgetri, same flops.
    const auto nn = static_cast<Eigen::Index>(impl_->n);
    const auto n = static_cast<lapack_int>(impl_->n);
    Matrix inv = Eigen::Map<const Matrix>(impl_->lu(), nn, nn);
    auto info = LAPACKE_dtrtri(LAPACK_COL_MAJOR, 'U', 'N', n, inv.data(), n);
    if (info != 0) {
        fail(ErrorCode::kNumerical, "LAPACK dtrtri failed with info {}", info);
    }
    inv.triangularView<Eigen::StrictlyLower>().setZero();
    cblas_dtrsm(CblasColMajor,
                CblasRight,
                CblasLower,
                CblasNoTrans,
                CblasUnit,
                static_cast<int>(n),
                static_cast<int>(n),
                1.0,
                impl_->lu(),
                static_cast<int>(n),
                inv.data(),
                static_cast<int>(n));
    for (Eigen::Index j = nn; j-- > 0;) {
        const auto q = static_cast<Eigen::Index>(impl_->pivots[static_cast<std::size_t>(j)] - 1);
        if (q != j) {
            inv.col(j).swap(inv.col(q));
        }
    }
    return inv;
}

}  // namespace tandem::mrio
