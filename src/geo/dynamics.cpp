#include "tandem/geo/dynamics.hpp"

#include <cmath>
#include <limits>

#include "tandem/core/error.hpp"

namespace tandem::geo {

namespace {

void check_same_shape(const Matrix& a, const Matrix& b, const char* what) {
    if (a.rows() != b.rows() || a.cols() != b.cols()) {
        fail(ErrorCode::kInvalidInput,
             "{}: the two periods must have the same locations and activities ({} x {} and "
             "{} x {})",
             what,
             a.rows(),
             a.cols(),
             b.rows(),
             b.cols());
    }
}

}  // namespace

ShiftShare shift_share(const Matrix& base,
                       const Matrix& end,
                       const Vector& national_base,
                       const Vector& national_end) {
    check_same_shape(base, end, "shift-share");
    if (!base.allFinite() || !end.allFinite() || (base.array() < 0.0).any() ||
        (end.array() < 0.0).any()) {
        fail(ErrorCode::kInvalidInput, "shift-share needs finite values >= 0");
    }
    Vector nb =
        national_base.size() == 0 ? Vector(base.colwise().sum().transpose()) : national_base;
    Vector ne = national_end.size() == 0 ? Vector(end.colwise().sum().transpose()) : national_end;
    if (nb.size() != base.cols() || ne.size() != base.cols()) {
        fail(ErrorCode::kUsage, "shift-share: national totals need one value per activity");
    }
    if (!(nb.sum() > 0.0)) {
        fail(ErrorCode::kInvalidInput, "shift-share: the base period's total is 0");
    }
    ShiftShare s;
    s.national_growth = ne.sum() / nb.sum() - 1.0;
    s.activity_growth.resize(base.cols());
    for (Eigen::Index i = 0; i < base.cols(); ++i) {
        // An activity absent nationally in the base period has no rate; its cells have e0 = 0,
        // so every term that uses the rate is 0 anyway.
        s.activity_growth(i) = nb(i) > 0.0 ? ne(i) / nb(i) - 1.0 : 0.0;
    }
    s.change = end - base;
    s.national = base * s.national_growth;
    s.mix = base * (s.activity_growth.array() - s.national_growth).matrix().asDiagonal();
    // competitive = e0 (g_ri - g_i) = (e1 - e0) - e0 g_i, which also holds where e0 = 0.
    s.competitive = s.change - base * s.activity_growth.asDiagonal();
    s.mix.array() += 0.0;  // -0 where the base is 0 reads oddly in tables
    s.national.array() += 0.0;
    return s;
}

Matrix growth_percent(const Matrix& base, const Matrix& end) {
    check_same_shape(base, end, "growth");
    Matrix g(base.rows(), base.cols());
    for (Eigen::Index p = 0; p < base.cols(); ++p) {
        for (Eigen::Index c = 0; c < base.rows(); ++c) {
            const double b = base(c, p);
            const double e = end(c, p);
            if (b == 0.0) {
                g(c, p) = e == 0.0 ? 0.0 : std::numeric_limits<double>::infinity();
            } else {
                g(c, p) = (e - b) / b * 100.0;
            }
        }
    }
    return g;
}

Transitions transitions(const Matrix& mcp_base, const Matrix& mcp_end) {
    check_same_shape(mcp_base, mcp_end, "entries and exits");
    Transitions t;
    t.entries = ((mcp_base.array() == 0.0) && (mcp_end.array() != 0.0)).cast<double>();
    t.exits = ((mcp_base.array() != 0.0) && (mcp_end.array() == 0.0)).cast<double>();
    return t;
}

}  // namespace tandem::geo
