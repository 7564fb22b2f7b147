#include "tandem/geo/complexity.hpp"

#include <cmath>

#include <Eigen/Eigenvalues>

#include "tandem/core/error.hpp"

#include <Spectra/SymEigsSolver.h>

namespace tandem::geo {

bool ComplexityOptions::is_valid(std::string* why) const {
    if (!(rca_threshold > 0.0) || !std::isfinite(rca_threshold)) {
        if (why != nullptr) {
            *why = "the RCA threshold must be a positive number";
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
    const Vector xc = r.value.rowwise().sum();
    const Vector xp = r.value.colwise().sum().transpose();
    const double total = xc.sum();
    r.rca.resize(nc, np);
    r.mcp.resize(nc, np);
    for (Eigen::Index p = 0; p < np; ++p) {
        for (Eigen::Index c = 0; c < nc; ++c) {
            r.rca(c, p) = (r.value(c, p) / xc(c)) / (xp(p) / total);
            r.mcp(c, p) = r.rca(c, p) >= options.rca_threshold ? 1.0 : 0.0;
        }
    }
    r.diversity = r.mcp.rowwise().sum();
    r.ubiquity = r.mcp.colwise().sum().transpose();
    for (Eigen::Index c = 0; c < nc; ++c) {
        if (r.diversity(c) == 0.0) {
            fail(ErrorCode::kInvalidInput,
                 "location '{}' has no product with RCA >= {}: diversity 0, ECI undefined",
                 r.locations[static_cast<std::size_t>(c)],
                 options.rca_threshold);
        }
    }
    for (Eigen::Index p = 0; p < np; ++p) {
        if (r.ubiquity(p) == 0.0) {
            fail(ErrorCode::kInvalidInput,
                 "product '{}' has no location with RCA >= {}: ubiquity 0, PCI undefined",
                 r.products[static_cast<std::size_t>(p)],
                 options.rca_threshold);
        }
    }

    // Mpp = U^-1 M' D^-1 M is similar to the symmetric S = U^-1/2 M' D^-1 M U^-1/2: the same
    // eigenvalues, eigenvectors kp = U^-1/2 v. A symmetric solver is exact and faster than the
    // non-symmetric eig py-ecomplexity uses (its maintainers' own suggestion, issues #45/#48).
    const Vector u_isqrt = r.ubiquity.cwiseSqrt().cwiseInverse();
    const Matrix m_scaled = r.diversity.cwiseSqrt().cwiseInverse().asDiagonal() * r.mcp *
                            u_isqrt.asDiagonal();  // D^-1/2 M U^-1/2
    Vector v2;
    const bool partial = options.eigen == EigenMethod::kPartial ||
                         (options.eigen == EigenMethod::kAuto && np >= 800);
    if (partial) {
        // Matrix-free: S x = B' (B x) with B = D^-1/2 M U^-1/2, never forming the P x P matrix.
        struct Op {
            using Scalar = double;
            const Matrix& b;
            Eigen::Index rows() const { return b.cols(); }
            Eigen::Index cols() const { return b.cols(); }
            void perform_op(const double* in, double* out) const {
                Eigen::Map<const Vector> x(in, b.cols());
                Eigen::Map<Vector> y(out, b.cols());
                y.noalias() = b.transpose() * (b * x);
            }
        } op{m_scaled};
        const auto ncv = std::min<Eigen::Index>(np, 40);
        Spectra::SymEigsSolver<Op> eigs(op, 2, ncv);
        eigs.init();
        eigs.compute(Spectra::SortRule::LargestAlge, 10000, 1e-14);
        if (eigs.info() != Spectra::CompInfo::Successful) {
            fail(ErrorCode::kNumerical, "the partial eigensolver did not converge");
        }
        v2 = eigs.eigenvectors().col(1);  // sorted largest first: the second largest
    } else {
        const Matrix s = m_scaled.transpose() * m_scaled;
        Eigen::SelfAdjointEigenSolver<Matrix> eig(s);
        if (eig.info() != Eigen::Success) {
            fail(ErrorCode::kNumerical, "the eigen-decomposition of the product matrix failed");
        }
        // Eigenvalues ascending: the second largest is at np - 2.
        v2 = eig.eigenvectors().col(np - 2);
    }
    Vector kp = u_isqrt.asDiagonal() * v2;
    Vector kc = r.diversity.cwiseInverse().asDiagonal() * (r.mcp * kp);
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

    // Proximity: co-occurrence over the larger ubiquity, unit diagonal.
    const Matrix co = r.mcp.transpose() * r.mcp;
    r.proximity.resize(np, np);
    for (Eigen::Index q = 0; q < np; ++q) {
        for (Eigen::Index p = 0; p < np; ++p) {
            r.proximity(p, q) = p == q ? 1.0 : co(p, q) / std::max(r.ubiquity(p), r.ubiquity(q));
        }
    }
    const Vector phi_colsum = r.proximity.colwise().sum().transpose();
    r.density = (r.mcp * r.proximity) * phi_colsum.cwiseInverse().asDiagonal();

    const Matrix absent = Matrix::Ones(nc, np) - r.mcp;
    const Vector coi_raw = (r.density.cwiseProduct(absent)) * kp;
    const double coi_std = population_std(coi_raw);
    r.coi = coi_std == 0.0 ? Vector(Vector::Zero(nc))
                           : Vector((coi_raw.array() - coi_raw.mean()) / coi_std);
    // cog_cp = (1 - m_cp) sum_q phi_qp (1 - m_cq) kp_q / sum_r phi_qr, over std(kc).
    const Matrix weighted = absent * (phi_colsum.cwiseInverse().cwiseProduct(kp)).asDiagonal();
    r.cog = absent.cwiseProduct(weighted * r.proximity) / kc_std;
    return r;
}

}  // namespace tandem::geo
