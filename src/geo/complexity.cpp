#include "tandem/geo/complexity.hpp"

#include <cmath>

#include <Eigen/Eigenvalues>
#include <fmt/format.h>

#include "tandem/core/error.hpp"

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

double correlation(const Vector& a, const Vector& b) {
    const Vector da = a.array() - a.mean();
    const Vector db = b.array() - b.mean();
    const double den = std::sqrt(da.squaredNorm() * db.squaredNorm());
    return den == 0.0 ? 0.0 : da.dot(db) / den;
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

}  // namespace

ComplexityResult complexity(const std::vector<std::string>& locations,
                            const std::vector<std::string>& products,
                            const Matrix& values,
                            const ComplexityOptions& options) {
    std::string why;
    if (!options.is_valid(&why)) {
        fail(ErrorCode::kUsage, "invalid complexity options: {}", why);
    }
    if (values.rows() != static_cast<Eigen::Index>(locations.size()) ||
        values.cols() != static_cast<Eigen::Index>(products.size())) {
        fail(ErrorCode::kInternal,
             "values are {} x {} for {} locations and {} products",
             values.rows(),
             values.cols(),
             locations.size(),
             products.size());
    }
    for (Eigen::Index c = 0; c < values.rows(); ++c) {
        for (Eigen::Index p = 0; p < values.cols(); ++p) {
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
    for (Eigen::Index c = 0; c < nc; ++c) {
        for (Eigen::Index p = 0; p < np; ++p) {
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
    if (correlation(r.diversity, kc) < 0.0) {
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
    // With M sparse the products cost nnz(M) x P, not C x P x P.
    r.density = (m * r.proximity) * phi_colsum.cwiseInverse().asDiagonal();

    const Matrix absent = Matrix::Ones(nc, np) - r.mcp;
    const Vector coi_raw = (r.density.cwiseProduct(absent)) * kp;
    const double coi_std = population_std(coi_raw);
    r.coi = coi_std == 0.0 ? Vector(Vector::Zero(nc))
                           : Vector((coi_raw.array() - coi_raw.mean()) / coi_std);
    // cog_cp = (1 - m_cp) sum_q phi_qp (1 - m_cq) w_q with w = kp / rowsum(phi): the sum over
    // the absent q is the sum over all q less the sum over the present ones, so M stays sparse.
    const Vector w = phi_colsum.cwiseInverse().cwiseProduct(kp);
    const Eigen::RowVectorXd all = w.transpose() * r.proximity;
    Matrix present_part = (m * w.asDiagonal()) * r.proximity;
    present_part = (-present_part).rowwise() + all;
    r.cog = absent.cwiseProduct(present_part) / kc_std;
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

Matrix co_occurrence(const SparseMatrix& m) {
    // Sum over locations of the outer product of their present products, upper triangle only:
    // sum_c diversity_c^2 / 2 additions instead of a dense C x P x P product.
    const auto np = m.cols();
    Matrix co = Matrix::Zero(np, np);
    const Eigen::SparseMatrix<double, Eigen::RowMajor> rows(m);
    std::vector<Eigen::Index> present;
    for (Eigen::Index c = 0; c < rows.rows(); ++c) {
        present.clear();
        for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(rows, c); it; ++it) {
            present.push_back(it.col());
        }
        for (std::size_t j = 0; j < present.size(); ++j) {
            double* col = co.col(present[j]).data();
            for (std::size_t i = 0; i <= j; ++i) {
                col[present[i]] += 1.0;
            }
        }
    }
    co.triangularView<Eigen::StrictlyLower>() = co.transpose();
    return co;
}

Matrix proximity_from_presence(const SparseMatrix& m, const Vector& ubiquity) {
    Matrix phi = co_occurrence(m);
    const auto np = phi.rows();
    for (Eigen::Index q = 0; q < np; ++q) {
        for (Eigen::Index p = 0; p < np; ++p) {
            phi(p, q) = p == q ? 1.0 : phi(p, q) / std::max(ubiquity(p), ubiquity(q));
        }
    }
    return phi;
}

}  // namespace tandem::geo
