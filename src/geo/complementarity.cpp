#include "tandem/geo/complementarity.hpp"

#include <limits>
#include <utility>

#include <fmt/format.h>

#include "tandem/core/error.hpp"

namespace tandem::geo {

double trade_complementarity(const Vector& exports_j, const Vector& imports_k) {
    if (exports_j.size() != imports_k.size()) {
        fail(ErrorCode::kInternal, "trade complementarity: product lists differ");
    }
    if ((exports_j.array() < 0.0).any() || (imports_k.array() < 0.0).any() ||
        !exports_j.allFinite() || !imports_k.allFinite()) {
        fail(ErrorCode::kInvalidInput, "trade complementarity needs finite flows >= 0");
    }
    const double xs = exports_j.sum();
    const double ms = imports_k.sum();
    if (!(xs > 0.0) || !(ms > 0.0)) {
        fail(ErrorCode::kInvalidInput,
             "trade complementarity is undefined for a region with no {}",
             xs > 0.0 ? "imports" : "exports");
    }
    return 100.0 * (1.0 - 0.5 * (imports_k / ms - exports_j / xs).cwiseAbs().sum());
}

Matrix trade_complementarity_matrix(const Matrix& exports, const Matrix& imports) {
    if (exports.rows() != imports.rows() || exports.cols() != imports.cols()) {
        fail(ErrorCode::kInternal, "trade complementarity: exports and imports differ in shape");
    }
    const auto n = exports.rows();
    Matrix out(n, n);
    for (Eigen::Index j = 0; j < n; ++j) {
        for (Eigen::Index k = 0; k < n; ++k) {
            // A region that sells or buys nothing has no pattern to compare: undefined (NaN),
            // so that one such region leaves its own pairs empty, not the whole table.
            out(j, k) =
                exports.row(j).sum() > 0.0 && imports.row(k).sum() > 0.0
                    ? trade_complementarity(exports.row(j).transpose(), imports.row(k).transpose())
                    : std::numeric_limits<double>::quiet_NaN();
        }
    }
    return out;
}

Table trade_complementarity_table(const TradeFlows& flows) {
    const Matrix tc = trade_complementarity_matrix(flows.exports, flows.imports);
    const auto n = static_cast<Eigen::Index>(flows.locations.size());
    Table t;
    t.name = "complementarity";
    t.units = "index, 0-100";
    t.rows.names = {"supplier", "buyer"};
    t.cols = Index::single("indicator", {"complementarity"});
    t.values.resize(n > 1 ? n * (n - 1) : 0, 1);
    Eigen::Index row = 0;
    for (Eigen::Index j = 0; j < n; ++j) {
        for (Eigen::Index k = 0; k < n; ++k) {
            if (j != k) {
                t.rows.labels.push_back({flows.locations[static_cast<std::size_t>(j)],
                                         flows.locations[static_cast<std::size_t>(k)]});
                t.values(row++, 0) = tc(j, k);
            }
        }
    }
    for (Eigen::Index j = 0; j < n; ++j) {
        for (const auto& [m, what] :
             {std::pair{&flows.exports, "sells"}, std::pair{&flows.imports, "buys"}}) {
            if (!(m->row(j).sum() > 0.0)) {
                t.notes.push_back(fmt::format(
                    "data caution: {} {} nothing in these data: its pairs are left empty",
                    flows.locations[static_cast<std::size_t>(j)],
                    what));
            }
        }
    }
    return t;
}

}  // namespace tandem::geo
