#include "tandem/mrio/regional.hpp"

#include <algorithm>

#include "tandem/core/error.hpp"

namespace tandem::mrio {

namespace {

bool is_import(const std::string& code) {
    return code == "IM" || code == "IF" || code == "FU304";
}
bool is_export(const std::string& code) {
    return code == "EX" || code == "OF" || code == "FU302";
}
bool is_household(const std::string& code) {
    // HH1, HH2, ...: the household columns of tables derived from an MRIO (brief).
    return code == "FU101" || code == "FU102" || code == "THC" || code.starts_with("HH");
}

}  // namespace

RegionalModel regional_model(const TableSet& set, const RegionalTable& t) {
    const auto n = t.Z.rows();
    if (n == 0 || t.Z.cols() != n || t.x.size() != n) {
        fail(ErrorCode::kInvalidInput, "the table of {} is not square", t.region.name_en);
    }
    Vector imports = Vector::Zero(n);
    Vector local_final = Vector::Zero(n);
    Vector households = Vector::Zero(n);
    for (std::size_t c = 0; c < set.final_use.size(); ++c) {
        const auto& code = set.final_use[c].code;
        const auto col = t.Y.col(static_cast<Eigen::Index>(c));
        if (is_import(code)) {
            imports -= col;  // stored negative
        } else if (code == "NOF") {
            // 2002 publishes only net outflow: a negative net outflow counts as net inflow.
            imports += (-col).cwiseMax(0.0);
        } else if (!is_export(code)) {
            local_final += col;
            if (is_household(code)) {
                households += col;
            }
        }
    }
    RegionalModel out;
    out.import_share.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const double use = t.Z.row(i).sum() + local_final(i);
        out.import_share(i) = use > 0.0 ? std::clamp(imports(i) / use, 0.0, 1.0) : 0.0;
        if (use > 0.0 && imports(i) > use * (1.0 + 1e-9)) {
            out.capped.push_back(i);
        }
    }
    const Vector local = Vector::Ones(n) - out.import_share;
    Mrio& m = out.mrio;
    m.name = t.region.name_en;
    m.description = set.classification + ", " + t.region.name_en + ", regional flows";
    std::vector<std::string> sectors;
    for (const auto& s : set.sectors) {
        sectors.push_back(s.name_en);
    }
    m.sectors = Index::product("region", {t.region.name_en}, "sector", sectors);
    m.final_demand =
        Index::product("region", {t.region.name_en}, "category", {"Final demand for local output"});
    m.units.assign(static_cast<std::size_t>(n), set.unit);
    m.Z = local.asDiagonal() * t.Z;
    m.x = t.x;
    m.Y = (t.x - m.Z.rowwise().sum());
    out.value_added = t.V.colwise().sum().transpose();
    out.compensation = t.V.row(0).transpose();
    Extension va;
    va.name = "Value added";
    va.stressors.names = {"item"};
    for (const auto& v : set.value_added) {
        va.stressors.labels.push_back({v.name_en});
        va.units.push_back(set.unit);
    }
    va.stressors.labels.push_back({"Total value added"});
    va.units.push_back(set.unit);
    va.F.resize(t.V.rows() + 1, n);
    va.F.topRows(t.V.rows()) = t.V;
    va.F.row(t.V.rows()) = out.value_added.transpose();
    m.extensions.push_back(std::move(va));

    const double income = out.compensation.sum();
    out.closure.income.resize(1, n);
    out.closure.consumption.resize(n, 1);
    for (Eigen::Index j = 0; j < n; ++j) {
        out.closure.income(0, j) = t.x(j) > 0.0 ? out.compensation(j) / t.x(j) : 0.0;
        out.closure.consumption(j, 0) = income > 0.0 ? households(j) * local(j) / income : 0.0;
    }
    return out;
}

}  // namespace tandem::mrio
