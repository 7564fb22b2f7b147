#include "tandem/geo/relatedness.hpp"

#include <cmath>

#include "tandem/core/error.hpp"

namespace tandem::geo {

std::optional<RelatednessMethod> parse_relatedness_method(std::string_view name) {
    if (name == "prob" || name == "probability") {
        return RelatednessMethod::kProbability;
    }
    if (name == "association") {
        return RelatednessMethod::kAssociation;
    }
    if (name == "cosine") {
        return RelatednessMethod::kCosine;
    }
    if (name == "jaccard") {
        return RelatednessMethod::kJaccard;
    }
    return std::nullopt;
}

const char* relatedness_method_name(RelatednessMethod method) {
    switch (method) {
        case RelatednessMethod::kProbability:
            return "prob";
        case RelatednessMethod::kAssociation:
            return "association";
        case RelatednessMethod::kCosine:
            return "cosine";
        case RelatednessMethod::kJaccard:
            return "jaccard";
    }
    return "";
}

Matrix relatedness(const Matrix& co, RelatednessMethod method) {
    if (co.rows() != co.cols()) {
        fail(ErrorCode::kInternal, "a co-occurrence matrix must be square");
    }
    Matrix c = co;
    c.diagonal().setZero();
    const Vector s = c.colwise().sum().transpose();
    const double t = c.sum();
    const auto n = c.rows();
    Matrix r = Matrix::Zero(n, n);
    for (Eigen::Index j = 0; j < n; ++j) {
        for (Eigen::Index i = 0; i < n; ++i) {
            if (i == j || c(i, j) == 0.0) {
                continue;
            }
            const double si = s(j);  // EconGeo's si varies along a row, sj down a column
            const double sj = s(i);
            double v = 0.0;
            switch (method) {
                case RelatednessMethod::kProbability:
                    // Expected co-occurrences when the t/2 pairs are drawn without repetition.
                    v = c(i, j) /
                        (((si / t) * (sj / (t - si)) + (sj / t) * (si / (t - sj))) * (t / 2));
                    break;
                case RelatednessMethod::kAssociation:
                    v = (c(i, j) / t) / ((si / t) * (sj / t));
                    break;
                case RelatednessMethod::kCosine:
                    v = c(i, j) / std::sqrt(si * sj);
                    break;
                case RelatednessMethod::kJaccard:
                    v = c(i, j) / (si + sj - c(i, j));
                    break;
            }
            r(i, j) = std::isfinite(v) ? v : 0.0;
        }
    }
    return r;
}

Matrix relatedness_density(const Matrix& mcp, const Matrix& relatedness) {
    if (mcp.cols() != relatedness.rows() || relatedness.rows() != relatedness.cols()) {
        fail(ErrorCode::kInternal, "relatedness density: sizes differ");
    }
    const Vector total = relatedness.colwise().sum().transpose();
    Matrix d = mcp * relatedness;
    for (Eigen::Index p = 0; p < d.cols(); ++p) {
        if (total(p) > 0.0) {
            d.col(p) *= 100.0 / total(p);
        } else {
            d.col(p).setZero();
        }
    }
    return d;
}

DensityAverages relatedness_density_averages(const Matrix& mcp, const Matrix& density) {
    DensityAverages a;
    const auto nc = mcp.rows();
    a.internal = Vector::Zero(nc);
    a.external = Vector::Zero(nc);
    for (Eigen::Index c = 0; c < nc; ++c) {
        double in_sum = 0.0;
        double out_sum = 0.0;
        double in_n = 0.0;
        double out_n = 0.0;
        for (Eigen::Index p = 0; p < mcp.cols(); ++p) {
            if (mcp(c, p) > 0.0) {
                in_sum += density(c, p);
                in_n += 1.0;
            } else {
                out_sum += density(c, p);
                out_n += 1.0;
            }
        }
        a.internal(c) = in_n > 0.0 ? in_sum / in_n : 0.0;
        a.external(c) = out_n > 0.0 ? out_sum / out_n : 0.0;
    }
    return a;
}

}  // namespace tandem::geo
