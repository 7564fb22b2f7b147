#include "tandem/geo/complexity.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <thread>
#include <vector>

#include <Eigen/Eigenvalues>
#include <cblas.h>
#include <fmt/format.h>

#include "tandem/core/error.hpp"
#include "tandem/geo/indices.hpp"

#include <Spectra/SymEigsSolver.h>

namespace tandem::geo {

bool ComplexityOptions::is_valid(std::string* why) const {
    if (!(rca_threshold > 0.0) || !std::isfinite(rca_threshold) || !(rpop_threshold > 0.0) ||
        !std::isfinite(rpop_threshold)) {
        if (why != nullptr) {
            *why = "the RCA and RPOP thresholds must be positive numbers";
        }
        return false;
    }
    return true;
}

namespace {

double mean(const Vector& v) {
    return v.mean();
}

// numpy's std (ddof = 0).
double population_std(const Vector& v) {
    const double m = v.mean();
    return std::sqrt((v.array() - m).square().mean());
}

std::string presence_rule(const ComplexityOptions& o) {
    switch (o.presence) {
        case PresenceTest::kRca:
            return fmt::format("RCA >= {}", o.rca_threshold);
        case PresenceTest::kPopulation:
            return fmt::format("RPOP >= {}", o.rpop_threshold);
        case PresenceTest::kBoth:
            return fmt::format("RCA >= {} and RPOP >= {}", o.rca_threshold, o.rpop_threshold);
        case PresenceTest::kGiven:
            return "value > 0";
    }
    return "";
}

// Sums the 16-row segments phi[p0:p0+16, q] over the present q of one location, plain and
// weighted by w_q. Plain loops that the compiler vectorises; cloned for AVX2 with FMA, picked
// at run time, so a portable build still uses the wide registers where the CPU has them.
constexpr Eigen::Index kSegment = 16;

// GCC vector extensions: four doubles, lowered to one AVX register in the AVX2 clone and to
// two SSE registers otherwise.
using Double4 = double __attribute__((vector_size(32)));

__attribute__((target_clones("avx2", "default"))) void sum_segments(const double* pack,
                                                                    const int* present,
                                                                    Eigen::Index count,
                                                                    const double* w,
                                                                    double* plain,
                                                                    double* weighted) {
    static_assert(kSegment == 16);
    Double4 a0 = {};
    Double4 a1 = {};
    Double4 a2 = {};
    Double4 a3 = {};
    Double4 b0 = {};
    Double4 b1 = {};
    Double4 b2 = {};
    Double4 b3 = {};
    for (Eigen::Index k = 0; k < count; ++k) {
        const Eigen::Index q = present[k];
        const double* seg = pack + q * kSegment;
        Double4 s0;
        Double4 s1;
        Double4 s2;
        Double4 s3;
        std::memcpy(&s0, seg, sizeof s0);
        std::memcpy(&s1, seg + 4, sizeof s1);
        std::memcpy(&s2, seg + 8, sizeof s2);
        std::memcpy(&s3, seg + 12, sizeof s3);
        const double wq = w[q];
        a0 += s0;
        a1 += s1;
        a2 += s2;
        a3 += s3;
        b0 += wq * s0;
        b1 += wq * s1;
        b2 += wq * s2;
        b3 += wq * s3;
    }
    std::memcpy(plain, &a0, sizeof a0);
    std::memcpy(plain + 4, &a1, sizeof a1);
    std::memcpy(plain + 8, &a2, sizeof a2);
    std::memcpy(plain + 12, &a3, sizeof a3);
    std::memcpy(weighted, &b0, sizeof b0);
    std::memcpy(weighted + 4, &b1, sizeof b1);
    std::memcpy(weighted + 8, &b2, sizeof b2);
    std::memcpy(weighted + 12, &b3, sizeof b3);
}

// product = [M phi; M diag(w) phi] (2C x P) for a 0/1 sparse M and symmetric phi. Each row of
// M phi is the sum of the proximity rows of the products present there: nnz(M) x P additions,
// a sixth of the dense product's work at 16% presence. Output columns go in blocks of 16 whose
// slice of phi (16 x P, contiguous per column by symmetry) stays in L2 while every location
// sums it; blocks are shared among the cores.
void presence_times_proximity(const SparseMatrix& m,
                              const Vector& w,
                              const Matrix& phi,
                              Matrix& product) {
    const auto nc = m.rows();
    const auto np = m.cols();
    std::vector<std::vector<int>> present(static_cast<std::size_t>(nc));
    for (Eigen::Index p = 0; p < m.outerSize(); ++p) {
        for (SparseMatrix::InnerIterator it(m, p); it; ++it) {
            present[static_cast<std::size_t>(it.row())].push_back(static_cast<int>(p));
        }
    }
    const Eigen::Index full_blocks = np / kSegment;
    auto work = [&](Eigen::Index first, Eigen::Index last) {
        double plain[kSegment];
        double weighted[kSegment];
        // The block's slice packed contiguously: strided 128-byte reads across 5,000 columns
        // would cost a TLB miss each.
        std::vector<double> pack(static_cast<std::size_t>(np * kSegment));
        for (Eigen::Index b = first; b < last; ++b) {
            const Eigen::Index p0 = b * kSegment;
            for (Eigen::Index i = 0; i < kSegment; ++i) {
                const double* col = phi.col(p0 + i).data();  // = row p0 + i, by symmetry
                for (Eigen::Index q = 0; q < np; ++q) {
                    pack[static_cast<std::size_t>(q * kSegment + i)] = col[q];
                }
            }
            for (Eigen::Index c = 0; c < nc; ++c) {
                const auto& q = present[static_cast<std::size_t>(c)];
                sum_segments(pack.data(),
                             q.data(),
                             static_cast<Eigen::Index>(q.size()),
                             w.data(),
                             plain,
                             weighted);
                for (Eigen::Index i = 0; i < kSegment; ++i) {
                    product(c, p0 + i) = plain[i];
                    product(nc + c, p0 + i) = weighted[i];
                }
            }
        }
    };
    const auto threads = static_cast<Eigen::Index>(
        std::clamp<unsigned>(std::thread::hardware_concurrency(), 1U, 8U));
    if (threads == 1 || full_blocks < 2 * threads) {
        work(0, full_blocks);
    } else {
        std::vector<std::thread> pool;
        for (Eigen::Index t = 0; t < threads; ++t) {
            pool.emplace_back(work, full_blocks * t / threads, full_blocks * (t + 1) / threads);
        }
        for (auto& th : pool) {
            th.join();
        }
    }
    // The last columns, fewer than a block.
    for (Eigen::Index p = full_blocks * kSegment; p < np; ++p) {
        for (Eigen::Index c = 0; c < nc; ++c) {
            double a = 0.0;
            double b = 0.0;
            for (const int q : present[static_cast<std::size_t>(c)]) {
                a += phi(p, q);
                b += w(q) * phi(p, q);
            }
            product(c, p) = a;
            product(nc + c, p) = b;
        }
    }
}

}  // namespace

ComplexityResult complexity(const std::vector<std::string>& locations,
                            const std::vector<std::string>& products,
                            const Matrix& values,
                            const ComplexityOptions& options) {
    require_valid(options, "complexity");
    if (values.rows() != static_cast<Eigen::Index>(locations.size()) ||
        values.cols() != static_cast<Eigen::Index>(products.size())) {
        fail(ErrorCode::kInternal,
             "values are {} x {} for {} locations and {} products",
             values.rows(),
             values.cols(),
             locations.size(),
             products.size());
    }
    for (Eigen::Index p = 0; p < values.cols(); ++p) {
        for (Eigen::Index c = 0; c < values.rows(); ++c) {
            const double v = values(c, p);
            if (!std::isfinite(v) || v < 0.0) {
                fail(ErrorCode::kInvalidInput,
                     "value {} for location '{}', product '{}': values must be finite and >= 0",
                     v,
                     locations[static_cast<std::size_t>(c)],
                     products[static_cast<std::size_t>(p)]);
            }
        }
    }
    // Drop locations and products whose total is 0.
    const Vector row_total = values.rowwise().sum();
    const Vector col_total = values.colwise().sum().transpose();
    std::vector<Eigen::Index> keep_c;
    std::vector<Eigen::Index> keep_p;
    ComplexityResult r;
    for (Eigen::Index c = 0; c < values.rows(); ++c) {
        if (row_total(c) > 0.0) {
            keep_c.push_back(c);
            r.locations.push_back(locations[static_cast<std::size_t>(c)]);
        }
    }
    for (Eigen::Index p = 0; p < values.cols(); ++p) {
        if (col_total(p) > 0.0) {
            keep_p.push_back(p);
            r.products.push_back(products[static_cast<std::size_t>(p)]);
        }
    }
    const auto nc = static_cast<Eigen::Index>(keep_c.size());
    const auto np = static_cast<Eigen::Index>(keep_p.size());
    if (nc < 2 || np < 2) {
        fail(ErrorCode::kInvalidInput,
             "complexity needs at least two locations and two products with positive totals "
             "(found {} and {})",
             nc,
             np);
    }
    r.value.resize(nc, np);
    for (Eigen::Index p = 0; p < np; ++p) {
        for (Eigen::Index c = 0; c < nc; ++c) {
            r.value(c, p) =
                values(keep_c[static_cast<std::size_t>(c)], keep_p[static_cast<std::size_t>(p)]);
        }
    }
    r.rca = rca_matrix(r.value);
    Vector pop;
    if (options.presence == PresenceTest::kPopulation || options.presence == PresenceTest::kBoth) {
        if (options.population.size() != values.rows()) {
            fail(ErrorCode::kUsage,
                 "the population test needs a population for each of the {} locations",
                 values.rows());
        }
        pop.resize(nc);
        for (Eigen::Index c = 0; c < nc; ++c) {
            pop(c) = options.population(keep_c[static_cast<std::size_t>(c)]);
            if (!(pop(c) > 0.0) || !std::isfinite(pop(c))) {
                fail(ErrorCode::kInvalidInput,
                     "location '{}' has population {}: it must be a positive number",
                     r.locations[static_cast<std::size_t>(c)],
                     pop(c));
            }
        }
    }
    r.mcp.resize(nc, np);
    {
        const Vector xp = r.value.colwise().sum().transpose();
        const double pop_total = pop.size() > 0 ? pop.sum() : 0.0;
        for (Eigen::Index p = 0; p < np; ++p) {
            for (Eigen::Index c = 0; c < nc; ++c) {
                bool present = r.rca(c, p) >= options.rca_threshold;
                if (options.presence == PresenceTest::kGiven) {
                    present = r.value(c, p) > 0.0;
                } else if (options.presence != PresenceTest::kRca) {
                    const double rpop = (r.value(c, p) / pop(c)) / (xp(p) / pop_total);
                    const bool by_pop = rpop >= options.rpop_threshold;
                    present = options.presence == PresenceTest::kBoth ? present && by_pop : by_pop;
                }
                r.mcp(c, p) = present ? 1.0 : 0.0;
            }
        }
    }
    r.diversity = r.mcp.rowwise().sum();
    r.ubiquity = r.mcp.colwise().sum().transpose();
    for (Eigen::Index c = 0; c < nc; ++c) {
        if (r.diversity(c) == 0.0) {
            fail(ErrorCode::kInvalidInput,
                 "location '{}' has no product present ({}): diversity 0, ECI undefined",
                 r.locations[static_cast<std::size_t>(c)],
                 presence_rule(options));
        }
    }
    for (Eigen::Index p = 0; p < np; ++p) {
        if (r.ubiquity(p) == 0.0) {
            fail(ErrorCode::kInvalidInput,
                 "product '{}' is present in no location ({}): ubiquity 0, PCI undefined",
                 r.products[static_cast<std::size_t>(p)],
                 presence_rule(options));
        }
    }
    const SparseMatrix m = presence_sparse(r.mcp);

    // Mpp = U^-1 M' D^-1 M is similar to the symmetric S = U^-1/2 M' D^-1 M U^-1/2: the same
    // eigenvalues, eigenvectors kp = U^-1/2 v. A symmetric solver is exact and faster than the
    // non-symmetric eig py-ecomplexity uses (its maintainers' own suggestion, issues #45/#48).
    const Vector u_isqrt = r.ubiquity.cwiseSqrt().cwiseInverse();
    const SparseMatrix b = r.diversity.cwiseSqrt().cwiseInverse().asDiagonal() * m *
                           u_isqrt.asDiagonal();  // D^-1/2 M U^-1/2
    Vector v2;
    const bool partial = options.eigen == EigenMethod::kPartial ||
                         (options.eigen == EigenMethod::kAuto && np >= 800);
    if (partial) {
        // Matrix-free: S x = B' (B x), never forming the P x P matrix.
        struct Op {
            using Scalar = double;
            const SparseMatrix& b;
            Eigen::Index rows() const { return b.cols(); }
            Eigen::Index cols() const { return b.cols(); }
            void perform_op(const double* in, double* out) const {
                Eigen::Map<const Vector> x(in, b.cols());
                Eigen::Map<Vector> y(out, b.cols());
                const Vector bx = b * x;
                y.noalias() = b.transpose() * bx;
            }
        } op{b};
        const auto ncv = std::min<Eigen::Index>(np, 40);
        Spectra::SymEigsSolver<Op> eigs(op, 2, ncv);
        eigs.init();
        eigs.compute(Spectra::SortRule::LargestAlge, 10000, 1e-14);
        if (eigs.info() != Spectra::CompInfo::Successful) {
            fail(ErrorCode::kNumerical, "the partial eigensolver did not converge");
        }
        v2 = eigs.eigenvectors().col(1);  // sorted largest first: the second largest
    } else {
        const Matrix bd = Matrix(b);
        const Matrix s = bd.transpose() * bd;
        Eigen::SelfAdjointEigenSolver<Matrix> eig(s);
        if (eig.info() != Eigen::Success) {
            fail(ErrorCode::kNumerical, "the eigen-decomposition of the product matrix failed");
        }
        // Eigenvalues ascending: the second largest is at np - 2.
        v2 = eig.eigenvectors().col(np - 2);
    }
    Vector kp = u_isqrt.asDiagonal() * v2;
    Vector kc = r.diversity.cwiseInverse().asDiagonal() * (m * kp);
    if (pearson(r.diversity, kc) < 0.0) {
        kp = -kp;
        kc = -kc;
    }
    const double kc_mean = mean(kc);
    const double kc_std = population_std(kc);
    if (kc_std == 0.0) {
        fail(ErrorCode::kNumerical, "ECI is constant across locations: complexity undefined");
    }
    r.eci = (kc.array() - kc_mean) / kc_std;
    r.pci = (kp.array() - kc_mean) / kc_std;

    r.proximity = proximity_from_presence(m, r.ubiquity);
    const Vector phi_colsum = r.proximity.colwise().sum().transpose();
    // Density and COG both multiply a C x P matrix by the P x P proximity: one stacked BLAS
    // product [M; M diag(w)] phi does both (2 C P^2 flops, about 0.3 s at 250 x 5,000).
    // cog_cp = (1 - m_cp) sum_q phi_qp (1 - m_cq) w_q with w = kp / rowsum(phi): the sum over
    // the absent q is the sum over all q less the sum over the present ones.
    const Vector w = phi_colsum.cwiseInverse().cwiseProduct(kp);
    Matrix product(2 * nc, np);
    presence_times_proximity(m, w, r.proximity, product);
    r.density = product.topRows(nc) * phi_colsum.cwiseInverse().asDiagonal();

    const auto absent = 1.0 - r.mcp.array();
    const Vector coi_raw = (r.density.array() * absent).matrix() * kp;
    const double coi_std = population_std(coi_raw);
    r.coi = coi_std == 0.0 ? Vector(Vector::Zero(nc))
                           : Vector((coi_raw.array() - coi_raw.mean()) / coi_std);
    const Eigen::RowVectorXd all = w.transpose() * r.proximity;
    r.cog = (absent * ((-product.bottomRows(nc)).rowwise() + all).array()).matrix() / kc_std;
    return r;
}

Matrix rca_matrix(const Matrix& values) {
    const Vector xc = values.rowwise().sum();
    const Vector xp = values.colwise().sum().transpose();
    const double total = xc.sum();
    Matrix rca(values.rows(), values.cols());
    for (Eigen::Index p = 0; p < values.cols(); ++p) {
        for (Eigen::Index c = 0; c < values.rows(); ++c) {
            const double v = (values(c, p) / xc(c)) / (xp(p) / total);
            rca(c, p) = std::isfinite(v) ? v : 0.0;  // an empty row or column has no advantage
        }
    }
    return rca;
}

SparseMatrix presence_sparse(const Matrix& mcp) {
    std::vector<Eigen::Triplet<double>> t;
    for (Eigen::Index p = 0; p < mcp.cols(); ++p) {
        for (Eigen::Index c = 0; c < mcp.rows(); ++c) {
            if (mcp(c, p) != 0.0) {
                t.emplace_back(c, p, mcp(c, p));
            }
        }
    }
    SparseMatrix m(mcp.rows(), mcp.cols());
    m.setFromTriplets(t.begin(), t.end());
    return m;
}

namespace {

// The upper triangle of M'M by one BLAS rank-k update on the dense 0/1 matrix: at 250 x 5,000
// a scatter over the sparse rows touches the 200 MB result at random and is ten times slower.
Matrix co_occurrence_upper(const SparseMatrix& m) {
    const Matrix dense = Matrix(m);
    const auto np = dense.cols();
    Matrix co(np, np);
    cblas_dsyrk(CblasColMajor,
                CblasUpper,
                CblasTrans,
                static_cast<blasint>(np),
                static_cast<blasint>(dense.rows()),
                1.0,
                dense.data(),
                static_cast<blasint>(dense.rows()),
                0.0,
                co.data(),
                static_cast<blasint>(np));
    return co;
}

// Sets a(i, j) = a(j, i) = f(i, j, a(i, j)) for i <= j from the upper triangle, in cache-sized
// blocks so that the transposed writes stay in cache.
template <typename F>
void symmetrise_upper(Matrix& a, F&& f) {
    constexpr Eigen::Index kBlock = 64;
    const auto n = a.rows();
    for (Eigen::Index j0 = 0; j0 < n; j0 += kBlock) {
        const Eigen::Index j1 = std::min(j0 + kBlock, n);
        for (Eigen::Index i0 = 0; i0 <= j0; i0 += kBlock) {
            const Eigen::Index i1 = std::min(i0 + kBlock, n);
            for (Eigen::Index j = j0; j < j1; ++j) {
                for (Eigen::Index i = i0; i < std::min(i1, j + 1); ++i) {
                    const double v = f(i, j, a(i, j));
                    a(i, j) = v;
                    a(j, i) = v;
                }
            }
        }
    }
}

}  // namespace

Matrix co_occurrence(const SparseMatrix& m) {
    Matrix co = co_occurrence_upper(m);
    symmetrise_upper(co, [](Eigen::Index, Eigen::Index, double v) { return v; });
    return co;
}

Matrix proximity_from_presence(const SparseMatrix& m, const Vector& ubiquity) {
    Matrix phi = co_occurrence_upper(m);
    symmetrise_upper(phi, [&](Eigen::Index i, Eigen::Index j, double v) {
        return i == j ? 1.0 : v / std::max(ubiquity(i), ubiquity(j));
    });
    return phi;
}

}  // namespace tandem::geo
