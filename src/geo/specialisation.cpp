#include "tandem/geo/specialisation.hpp"

#include <algorithm>
#include <cmath>

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

}  // namespace tandem::geo
