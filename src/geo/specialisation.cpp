#include "tandem/geo/specialisation.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "tandem/core/error.hpp"

namespace tandem::geo {

LocationSpecialisation location_specialisation(const Matrix& values) {
    if ((values.array() < 0.0).any() || !values.allFinite()) {
        fail(ErrorCode::kInvalidInput, "specialisation indicators need finite values >= 0");
    }
    const Vector total_c = values.rowwise().sum();
    const Vector whole = values.colwise().sum().transpose() / values.sum();
    LocationSpecialisation out;
    const auto nc = values.rows();
    out.herfindahl.resize(nc);
    out.entropy.resize(nc);
    out.krugman.resize(nc);
    out.spec_coeff.resize(nc);
    out.hachman.resize(nc);
    out.lq_avg.resize(nc);
    for (Eigen::Index c = 0; c < nc; ++c) {
        if (total_c(c) <= 0.0) {
            fail(ErrorCode::kInvalidInput, "location {} has a total of 0", c + 1);
        }
        const Vector s = values.row(c).transpose() / total_c(c);
        out.herfindahl(c) = s.squaredNorm();
        double h = 0.0;
        double lq_weighted = 0.0;
        for (Eigen::Index i = 0; i < s.size(); ++i) {
            if (s(i) > 0.0) {
                h -= s(i) * std::log2(s(i));
                lq_weighted += s(i) * (s(i) / whole(i));
            }
        }
        out.entropy(c) = h;
        out.krugman(c) = (s - whole).cwiseAbs().sum();
        out.spec_coeff(c) = 0.5 * out.krugman(c);
        out.hachman(c) = 1.0 / lq_weighted;
        out.lq_avg(c) = lq_weighted;
    }
    return out;
}

Vector activity_gini(const Matrix& values) {
    Vector out(values.cols());
    const auto n = static_cast<double>(values.rows());
    for (Eigen::Index i = 0; i < values.cols(); ++i) {
        std::vector<double> v(values.col(i).data(), values.col(i).data() + values.rows());
        std::sort(v.begin(), v.end());
        double sum = 0.0;
        double weighted = 0.0;
        for (std::size_t k = 0; k < v.size(); ++k) {
            sum += v[k];
            weighted += static_cast<double>(k + 1) * v[k];
        }
        out(i) = sum == 0.0 ? 0.0 : 2.0 * weighted / (n * sum) - (n + 1.0) / n;
    }
    return out;
}

Vector locational_gini(const Matrix& values) {
    const Vector total_c = values.rowwise().sum();
    const double total = total_c.sum();
    const auto nc = values.rows();
    Vector out(values.cols());
    std::vector<Eigen::Index> order(static_cast<std::size_t>(nc));
    for (Eigen::Index i = 0; i < values.cols(); ++i) {
        const double activity_total = values.col(i).sum();
        if (activity_total <= 0.0 || total <= 0.0) {
            out(i) = 0.0;
            continue;
        }
        // Location quotients up to a constant: the activity over the location's share.
        std::iota(order.begin(), order.end(), Eigen::Index{0});
        std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) {
            return values(a, i) / total_c(a) < values(b, i) / total_c(b);
        });
        double cum_ind = 0.0;
        double cum_pop = 0.0;
        double prev_ind = 0.0;
        double prev_pop = 0.0;
        double area = 0.0;
        for (std::size_t k = 0; k < order.size(); ++k) {
            cum_ind += values(order[k], i) / activity_total;
            cum_pop += total_c(order[k]) / total;
            if (k > 0) {
                area += cum_ind * prev_pop - prev_ind * cum_pop;
            }
            prev_ind = cum_ind;
            prev_pop = cum_pop;
        }
        out(i) = area / 2.0;
    }
    return out;
}

Vector hoover_index(const Matrix& values, const Vector& reference) {
    Vector ref = reference.size() == 0 ? Vector(values.rowwise().sum()) : reference;
    if (ref.size() != values.rows()) {
        fail(ErrorCode::kUsage,
             "the Hoover index needs one reference value per location ({} given for {})",
             ref.size(),
             values.rows());
    }
    if ((ref.array() < 0.0).any() || !(ref.sum() > 0.0)) {
        fail(ErrorCode::kInvalidInput, "the Hoover reference must be >= 0 with a positive total");
    }
    ref /= ref.sum();
    Vector out(values.cols());
    for (Eigen::Index i = 0; i < values.cols(); ++i) {
        const double t = values.col(i).sum();
        out(i) = t > 0.0 ? 50.0 * (values.col(i) / t - ref).cwiseAbs().sum() : 0.0;
    }
    return out;
}

}  // namespace tandem::geo
