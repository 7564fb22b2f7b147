// The Leontief system (I - A) x = y, factored once and solved for the right-hand sides needed.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "tandem/core/labels.hpp"

namespace tandem::mrio {

enum class SolverKind { kAuto, kDense, kSparse };

struct SolverOptions {
    SolverKind kind = SolverKind::kAuto;
    // kAuto picks the sparse LU (UMFPACK) when A has at most this share of non-zero cells
    // and at least min_sparse_size rows; the dense LAPACK LU otherwise.
    double sparse_density = 0.05;
    std::size_t min_sparse_size = 400;

    bool is_valid(std::string* why) const;
};

class LeontiefSolver {
public:
    // Factors I - A. labels name the offending sector when the system is singular.
    static LeontiefSolver from_coefficients(const Matrix& A,
                                            const Index& labels,
                                            const SolverOptions& options = {});
    // Factors I - Z diag(recix) without forming A: large tables hold one n x n matrix less.
    static LeontiefSolver from_flows(const Matrix& Z,
                                     const Vector& recix,
                                     const Index& labels,
                                     const SolverOptions& options = {});

    LeontiefSolver(LeontiefSolver&&) noexcept;
    LeontiefSolver& operator=(LeontiefSolver&&) noexcept;
    ~LeontiefSolver();

    std::size_t size() const;
    bool is_sparse() const;
    // L rhs = (I - A)^-1 rhs.
    Matrix solve(const Matrix& rhs) const;
    // L' rhs = (I - A)^-T rhs (multipliers: M' = L' S').
    Matrix solve_transposed(const Matrix& rhs) const;
    // As solve_transposed, for right-hand sides whose column c is zero above row first_row[c]
    // (footprints: stressor rows of one region). The forward substitution with U' skips those
    // rows, a third of the work on average.
    Matrix solve_transposed(const Matrix& rhs, const std::vector<Eigen::Index>& first_row) const;
    // The explicit inverse L; O(n^3): only when asked for.
    Matrix inverse() const;

    struct Impl;  // the factors; defined in leontief.cpp

private:
    explicit LeontiefSolver(std::unique_ptr<Impl> impl);
    Matrix solve_impl(const Matrix& rhs, bool transposed) const;
    std::unique_ptr<Impl> impl_;
};

}  // namespace tandem::mrio
