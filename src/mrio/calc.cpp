#include "tandem/mrio/calc.hpp"

#include <cmath>
#include <unordered_map>

#include "tandem/core/error.hpp"

namespace tandem::mrio {

bool CalcOptions::is_valid(std::string* why) const {
    return solver.is_valid(why);
}

namespace {

Vector reciprocal(const Eigen::Ref<const Vector>& v) {
    Vector r(v.size());
    for (Eigen::Index i = 0; i < v.size(); ++i) {
        r(i) = v(i) == 0.0 ? 0.0 : 1.0 / v(i);
    }
    return r;
}

void check_finite(const Matrix& m, const char* what, const Index& rows, const Index* cols) {
    for (Eigen::Index j = 0; j < m.cols(); ++j) {
        for (Eigen::Index i = 0; i < m.rows(); ++i) {
            if (!std::isfinite(m(i, j))) {
                fail(ErrorCode::kInvalidInput,
                     "{} has a non-finite value ({}) at row '{}', column '{}'",
                     what,
                     m(i, j),
                     rows.joined(static_cast<std::size_t>(i)),
                     cols != nullptr ? cols->joined(static_cast<std::size_t>(j))
                                     : std::to_string(j + 1));
            }
        }
    }
}

void check_shapes(const Mrio& m) {
    const auto n = static_cast<Eigen::Index>(m.size());
    if (n == 0) {
        fail(ErrorCode::kInvalidInput, "the MRIO has no sectors");
    }
    if (m.Z.size() > 0 && (m.Z.rows() != n || m.Z.cols() != n)) {
        fail(ErrorCode::kInvalidInput,
             "Z is {} x {}, expected {} x {} (the sector labels)",
             m.Z.rows(),
             m.Z.cols(),
             n,
             n);
    }
    if (m.A.size() > 0 && (m.A.rows() != n || m.A.cols() != n)) {
        fail(ErrorCode::kInvalidInput,
             "A is {} x {}, expected {} x {}",
             m.A.rows(),
             m.A.cols(),
             n,
             n);
    }
    if (m.Y.rows() != n || m.Y.cols() != static_cast<Eigen::Index>(m.final_demand.size())) {
        fail(ErrorCode::kInvalidInput,
             "Y is {} x {}, expected {} x {} (sectors x final-demand labels)",
             m.Y.rows(),
             m.Y.cols(),
             n,
             m.final_demand.size());
    }
    if (m.x.size() > 0 && m.x.size() != n) {
        fail(ErrorCode::kInvalidInput, "x has {} entries, expected {}", m.x.size(), n);
    }
    for (const auto& e : m.extensions) {
        const auto k = static_cast<Eigen::Index>(e.stressors.size());
        auto check = [&](const Matrix& a, const char* what, Eigen::Index cols) {
            if (a.size() > 0 && (a.rows() != k || a.cols() != cols)) {
                fail(ErrorCode::kInvalidInput,
                     "extension '{}': {} is {} x {}, expected {} x {}",
                     e.name,
                     what,
                     a.rows(),
                     a.cols(),
                     k,
                     cols);
            }
        };
        check(e.F, "F", n);
        check(e.S, "S", n);
        check(e.F_Y, "F_Y", m.Y.cols());
        check(e.S_Y, "S_Y", m.Y.cols());
        check(e.M, "M", n);
        if (e.F.size() == 0 && e.S.size() == 0) {
            fail(ErrorCode::kInvalidInput, "extension '{}' has neither F nor S", e.name);
        }
    }
}

// pymrio's Y.sum(axis=0): the total of each final-demand column.
Vector column_totals(const Matrix& Y) {
    return Y.colwise().sum().transpose();
}

struct Blocks {
    std::size_t regions = 0;
    std::size_t sectors = 0;
};

// pymrio's accounts assume every region lists the same sectors in the same order.
Blocks block_structure(const Mrio& m) {
    auto regions = m.regions();
    auto sectors = m.sector_names();
    Blocks b{regions.size(), sectors.size()};
    if (b.regions * b.sectors != m.size()) {
        fail(ErrorCode::kInvalidInput,
             "the footprint accounts need every region to list the same {} sectors; the table "
             "has {} rows for {} regions",
             b.sectors,
             m.size(),
             b.regions);
    }
    for (std::size_t r = 0; r < b.regions; ++r) {
        for (std::size_t j = 0; j < b.sectors; ++j) {
            const std::size_t i = r * b.sectors + j;
            if (m.sectors.at(i, 0) != regions[r] || m.sectors.at(i, 1) != sectors[j]) {
                fail(ErrorCode::kInvalidInput,
                     "row {} is '{}', expected '{}/{}': regions must be contiguous blocks listing "
                     "the same sectors in the same order",
                     i + 1,
                     m.sectors.joined(i),
                     regions[r],
                     sectors[j]);
            }
        }
    }
    return b;
}

Matrix group_columns(const Matrix& m, const std::vector<std::size_t>& group, std::size_t groups) {
    Matrix out = Matrix::Zero(m.rows(), static_cast<Eigen::Index>(groups));
    for (Eigen::Index c = 0; c < m.cols(); ++c) {
        out.col(static_cast<Eigen::Index>(group[static_cast<std::size_t>(c)])) += m.col(c);
    }
    return out;
}

void fill_extension_flows(Mrio& m) {
    const Vector y_totals = column_totals(m.Y);
    const Vector recix = m.reciprocal_output();
    for (auto& e : m.extensions) {
        if (e.F.size() == 0) {
            e.F = e.S * m.x.asDiagonal();
        }
        if (e.S.size() == 0) {
            e.S = e.F * recix.asDiagonal();
        }
        if (e.F_Y.size() > 0 && e.S_Y.size() == 0) {
            e.S_Y = e.F_Y * reciprocal(y_totals).asDiagonal();
        }
        if (e.S_Y.size() > 0 && e.F_Y.size() == 0) {
            e.F_Y = e.S_Y * y_totals.asDiagonal();
        }
    }
}

}  // namespace

void check_table(const Mrio& m, const CalcOptions& options) {
    check_shapes(m);
    const Index& s = m.sectors;
    check_finite(m.Y, "Y", s, &m.final_demand);
    for (const auto& e : m.extensions) {
        for (const Matrix* a : {&e.F, &e.S, &e.F_Y, &e.S_Y}) {
            if (a->size() > 0) {
                check_finite(*a, ("extension '" + e.name + "'").c_str(), e.stressors, nullptr);
            }
        }
    }
    const bool have_x = m.x.size() > 0;
    for (Eigen::Index j = 0; j < m.x.size(); ++j) {
        const auto label = s.joined(static_cast<std::size_t>(j));
        if (!std::isfinite(m.x(j))) {
            fail(ErrorCode::kInvalidInput, "gross output of '{}' is not finite", label);
        }
        if (m.x(j) < 0.0) {
            fail(ErrorCode::kInvalidInput,
                 "negative gross output {} for '{}' (output must be >= 0)",
                 m.x(j),
                 label);
        }
    }
    const Vector recix = have_x ? m.reciprocal_output() : Vector();
    // One pass over the flows (or coefficients), column by column: large tables are read once.
    const bool flows = m.Z.size() > 0;
    const Matrix& t = flows ? m.Z : m.A;
    const char* name = flows ? "Z" : "A";
    for (Eigen::Index j = 0; j < t.cols(); ++j) {
        double sum = 0.0;
        double abs_sum = 0.0;
        const double* col = t.col(j).data();
        for (Eigen::Index i = 0; i < t.rows(); ++i) {
            const double v = col[i];
            sum += v;
            abs_sum += std::fabs(v);
        }
        if (!std::isfinite(sum) || !std::isfinite(abs_sum)) {
            check_finite(t, name, s, &s);  // names the cell
        }
        if (!options.allow_negative_flows && abs_sum != sum) {
            for (Eigen::Index i = 0; i < t.rows(); ++i) {
                if (col[i] < 0.0) {
                    fail(ErrorCode::kInvalidInput,
                         "negative intermediate flow {} from '{}' to '{}' (flows must be >= 0)",
                         col[i],
                         s.joined(static_cast<std::size_t>(i)),
                         s.joined(static_cast<std::size_t>(j)));
                }
            }
        }
        if (!have_x && flows) {
            continue;
        }
        const auto label = s.joined(static_cast<std::size_t>(j));
        double colsum = sum;
        if (flows) {
            if (m.x(j) != 0.0 && recix(j) == 0.0) {
                continue;  // near-zero output: its column of A is 0 (docs/numerics.md)
            }
            if (m.x(j) == 0.0) {
                if (abs_sum != 0.0) {
                    fail(ErrorCode::kInvalidInput,
                         "'{}' has zero gross output but intermediate inputs of {}",
                         label,
                         abs_sum);
                }
                continue;
            }
            colsum = sum / m.x(j);
        }
        if (colsum >= 1.0) {
            fail(ErrorCode::kNumerical,
                 "the table is not productive: the column sum of A for '{}' is {:.6g} "
                 "(intermediate inputs of at least its gross output, so value added <= 0)",
                 label,
                 colsum);
        }
    }
}

void calc_accounts(Mrio& m, const LeontiefSolver& solver, const ProgressFn& progress) {
    if (m.extensions.empty()) {
        return;
    }
    const Blocks b = block_structure(m);
    const auto regions = m.regions();
    const auto sreg = m.sector_region();
    const auto fdreg = m.final_demand_region();
    const auto n = static_cast<Eigen::Index>(m.size());
    const auto nreg = static_cast<Eigen::Index>(b.regions);
    const auto nsec = static_cast<Eigen::Index>(b.sectors);

    // As pymrio, footprints already present (carried over by aggregation) are kept.
    std::vector<Extension*> todo;
    for (auto& e : m.extensions) {
        if (e.D_cba.size() == 0 || e.D_pba.size() == 0 || e.D_imp.size() == 0 ||
            e.D_exp.size() == 0) {
            todo.push_back(&e);
        }
    }
    if (!todo.empty()) {
        report(progress, "footprints", 0, 3);
        const Matrix y_agg = group_columns(m.Y, fdreg, b.regions);  // n x regions
        const Matrix x_reg = solver.solve(y_agg);  // output for each region's final demand
        const Vector x_tot = x_reg.rowwise().sum();
        Vector x_exp(n);
        for (Eigen::Index i = 0; i < n; ++i) {
            x_exp(i) =
                x_tot(i) - x_reg(i, static_cast<Eigen::Index>(sreg[static_cast<std::size_t>(i)]));
        }
        report(progress, "footprints", 1, 3);

        // Domestic multipliers S_s L_s. of every region s, all extensions at once: the part of
        // a region's footprint produced at home, which D_imp leaves out.
        Eigen::Index k_total = 0;
        for (const Extension* e : todo) {
            k_total += e->S.rows();
        }
        Matrix rhs = Matrix::Zero(n, k_total * nreg);
        Eigen::Index k0 = 0;
        for (const Extension* e : todo) {
            for (Eigen::Index k = 0; k < e->S.rows(); ++k) {
                for (Eigen::Index i = 0; i < n; ++i) {
                    const auto s = static_cast<Eigen::Index>(sreg[static_cast<std::size_t>(i)]);
                    rhs(i, s * k_total + k0 + k) = e->S(k, i);
                }
            }
            k0 += e->S.rows();
        }
        std::vector<Eigen::Index> first_row(static_cast<std::size_t>(rhs.cols()));
        for (Eigen::Index s = 0; s < nreg; ++s) {
            for (Eigen::Index k = 0; k < k_total; ++k) {
                first_row[static_cast<std::size_t>(s * k_total + k)] = s * nsec;
            }
        }
        const Matrix m_dom = solver.solve_transposed(rhs, first_row);  // n x (k_total * regions)
        report(progress, "footprints", 2, 3);
        // The multipliers are the sum of the domestic ones: M = S L = sum over s of S_s L_s.,
        // which saves a solve.
        k0 = 0;
        for (Extension* e : todo) {
            if (e->M.size() == 0) {
                Matrix mt = Matrix::Zero(n, e->S.rows());
                for (Eigen::Index s = 0; s < nreg; ++s) {
                    mt += m_dom.middleCols(s * k_total + k0, e->S.rows());
                }
                e->M = mt.transpose();
            }
            k0 += e->S.rows();
        }

        k0 = 0;
        for (Extension* e : todo) {
            const Eigen::Index k = e->S.rows();
            e->D_cba = Matrix::Zero(k, n);
            e->D_imp = Matrix::Zero(k, n);
            for (Eigen::Index s = 0; s < nreg; ++s) {
                for (Eigen::Index j = 0; j < nsec; ++j) {
                    auto cba = e->D_cba.col(s * nsec + j);
                    auto imp = e->D_imp.col(s * nsec + j);
                    for (Eigen::Index r = 0; r < nreg; ++r) {
                        const Eigen::Index src = r * nsec + j;
                        const double y = y_agg(src, s);
                        if (y == 0.0) {
                            continue;
                        }
                        for (Eigen::Index kk = 0; kk < k; ++kk) {
                            const double total = e->M(kk, src);
                            cba(kk) += total * y;
                            imp(kk) += (total - m_dom(src, s * k_total + k0 + kk)) * y;
                        }
                    }
                }
            }
            e->D_pba = e->S * x_tot.asDiagonal();
            e->D_exp = e->S * x_exp.asDiagonal();
            for (Matrix* derived : {&e->D_cba_reg,
                                    &e->D_pba_reg,
                                    &e->D_imp_reg,
                                    &e->D_exp_reg,
                                    &e->D_cba_cap,
                                    &e->D_pba_cap,
                                    &e->D_imp_cap,
                                    &e->D_exp_cap}) {
                derived->resize(0, 0);
            }
            k0 += k;
        }
        report(progress, "footprints", 3, 3);
    }

    Vector pop_inv;
    if (m.population.size() > 0) {
        std::unordered_map<std::string, Eigen::Index> pos;
        for (std::size_t i = 0; i < m.population_regions.size(); ++i) {
            pos.emplace(m.population_regions[i], static_cast<Eigen::Index>(i));
        }
        pop_inv.resize(nreg);
        for (Eigen::Index r = 0; r < nreg; ++r) {
            auto it = pos.find(regions[static_cast<std::size_t>(r)]);
            if (it == pos.end()) {
                fail(ErrorCode::kInvalidInput,
                     "population has no figure for region '{}'",
                     regions[static_cast<std::size_t>(r)]);
            }
            const double pop = m.population(it->second);
            pop_inv(r) = pop == 0.0 ? 0.0 : 1.0 / pop;
        }
    }
    for (auto& e : m.extensions) {
        const Eigen::Index k = e.D_cba.rows();
        if (e.D_cba_reg.size() == 0) {
            Matrix fy_agg = Matrix::Zero(k, nreg);
            if (e.F_Y.size() > 0) {
                fy_agg = group_columns(e.F_Y, fdreg, b.regions);
            }
            e.D_cba_reg = group_columns(e.D_cba, sreg, b.regions) + fy_agg;
            e.D_pba_reg = group_columns(e.D_pba, sreg, b.regions) + fy_agg;
            e.D_imp_reg = group_columns(e.D_imp, sreg, b.regions);
            e.D_exp_reg = group_columns(e.D_exp, sreg, b.regions);
        }
        if (pop_inv.size() > 0 && e.D_cba_cap.size() == 0) {
            e.D_cba_cap = e.D_cba_reg * pop_inv.asDiagonal();
            e.D_pba_cap = e.D_pba_reg * pop_inv.asDiagonal();
            e.D_imp_cap = e.D_imp_reg * pop_inv.asDiagonal();
            e.D_exp_cap = e.D_exp_reg * pop_inv.asDiagonal();
        }
    }
}

namespace {

void calc_multipliers(Mrio& m, const LeontiefSolver& solver, const CalcOptions& options) {
    if (m.extensions.empty()) {
        return;
    }
    // All extensions' S stacked: one solve with k right-hand sides gives every M = S L.
    Eigen::Index k_total = 0;
    for (const auto& e : m.extensions) {
        k_total += e.S.rows();
    }
    const auto n = static_cast<Eigen::Index>(m.size());
    Matrix st(n, k_total);
    Eigen::Index k0 = 0;
    for (const auto& e : m.extensions) {
        st.middleCols(k0, e.S.rows()) = e.S.transpose();
        k0 += e.S.rows();
    }
    bool need_m = false;
    bool need_down = false;
    for (const auto& e : m.extensions) {
        need_m = need_m || e.M.size() == 0;
        need_down = need_down || (options.ghosh && e.M_down.size() == 0);
    }
    Matrix mt;
    if (need_m) {
        mt = solver.solve_transposed(st);
    }
    Matrix down_t;
    if (need_down) {
        // Near-zero outputs (reciprocal 0) break G = x^-1 L x: B is then factored itself.
        const bool all_positive = (m.reciprocal_output().array() > 0.0).all();
        if (all_positive) {
            // G = x^-1 L x, so G S' = x^-1 L (x S'): the same factorisation serves Ghosh.
            down_t = m.reciprocal_output().asDiagonal() * solver.solve(m.x.asDiagonal() * st) - st;
        } else {
            const Vector recix = m.reciprocal_output();
            Matrix b_mat = recix.asDiagonal() * m.Z;
            auto ghosh = LeontiefSolver::from_coefficients(b_mat, m.sectors, options.solver);
            down_t = ghosh.solve(st) - st;
        }
    }
    k0 = 0;
    for (auto& e : m.extensions) {
        if (e.M.size() == 0) {
            e.M = mt.middleCols(k0, e.S.rows()).transpose();
        }
        if (need_down && e.M_down.size() == 0) {
            e.M_down = down_t.middleCols(k0, e.S.rows()).transpose();
        }
        k0 += e.S.rows();
    }
}

}  // namespace

LeontiefSolver calc_all(Mrio& m, const CalcOptions& options, const ProgressFn& progress) {
    require_valid(options, "calc");
    check_shapes(m);
    if (m.Z.size() == 0 && m.A.size() == 0) {
        fail(ErrorCode::kInvalidInput, "the MRIO needs Z or A");
    }
    report(progress, "factorising I - A", 0, 1);
    std::optional<LeontiefSolver> solver;
    if (m.x.size() == 0) {
        if (m.Z.size() > 0) {
            m.x = output_from_flows(m);
        } else {
            if (options.check) {
                check_table(m, options);
            }
            solver = LeontiefSolver::from_coefficients(m.A, m.sectors, options.solver);
            m.x = solver->solve(m.Y.rowwise().sum());
        }
    }
    if (options.check) {
        check_table(m, options);
    }
    const Vector recix = m.reciprocal_output();
    if (!solver) {
        solver = m.Z.size() > 0 ? LeontiefSolver::from_flows(m.Z, recix, m.sectors, options.solver)
                                : LeontiefSolver::from_coefficients(m.A, m.sectors, options.solver);
    }
    report(progress, "factorising I - A", 1, 1);
    if (m.Z.size() == 0) {
        m.Z = m.A * m.x.asDiagonal();
    }
    if (options.keep_A && m.A.size() == 0) {
        m.A = m.Z * recix.asDiagonal();
    }
    if (options.explicit_inverse && m.L.size() == 0) {
        report(progress, "inverting", 0, 1);
        m.L = solver->inverse();
        report(progress, "inverting", 1, 1);
    }
    if (options.ghosh) {
        if (options.keep_A && m.B.size() == 0) {
            m.B = recix.asDiagonal() * m.Z;
        }
        if (options.explicit_inverse && m.G.size() == 0) {
            if ((recix.array() > 0.0).all()) {
                m.G = recix.asDiagonal() * m.L * m.x.asDiagonal();
            } else {
                Matrix b_mat = recix.asDiagonal() * m.Z;
                m.G = LeontiefSolver::from_coefficients(b_mat, m.sectors, options.solver).inverse();
            }
        }
    }
    fill_extension_flows(m);
    // Footprints first: their domestic multipliers also give M.
    calc_accounts(m, *solver, progress);
    report(progress, "multipliers", 0, 1);
    calc_multipliers(m, *solver, options);
    report(progress, "multipliers", 1, 1);
    return std::move(*solver);
}

// ---------------------------------------------------------------------------------------------

FactorisedModel::FactorisedModel(Mrio base, const CalcOptions& options)
    : base_(std::move(base)), options_(options), solver_(calc_all(base_, options_)) {}

Vector FactorisedModel::output_for(const Matrix& Y_new) const {
    if (Y_new.rows() != base_.Y.rows() || Y_new.cols() != base_.Y.cols()) {
        fail(ErrorCode::kInvalidInput,
             "the new final demand is {} x {}, expected {} x {}",
             Y_new.rows(),
             Y_new.cols(),
             base_.Y.rows(),
             base_.Y.cols());
    }
    return solver_.solve(Y_new.rowwise().sum());
}

Mrio FactorisedModel::with_final_demand(const Matrix& Y_new, const ProgressFn& progress) const {
    Mrio r = base_;
    if (!r.has_explicit_A()) {
        r.A = base_.a_matrix();
    }
    r.reset_to_coefficients();
    r.Y = Y_new;
    check_shapes(r);
    r.x = output_for(Y_new);
    r.Z = r.A * r.x.asDiagonal();
    fill_extension_flows(r);
    calc_accounts(r, solver_, progress);
    return r;
}

ShockResult FactorisedModel::shock(const Matrix& Y_new) const {
    ShockResult r;
    r.x = output_for(Y_new);
    r.delta_x = r.x - base_.x;
    const auto sreg = base_.sector_region();
    const auto fdreg = base_.final_demand_region();
    const std::size_t nreg = base_.regions().size();
    const Matrix y_reg = group_columns(Y_new, fdreg, nreg);
    const Vector y_totals = column_totals(Y_new);
    for (const auto& e : base_.extensions) {
        Matrix fy = Matrix::Zero(e.S.rows(), static_cast<Eigen::Index>(nreg));
        if (e.S_Y.size() > 0) {
            fy = group_columns(e.S_Y * y_totals.asDiagonal(), fdreg, nreg);
        }
        r.D_cba_reg.push_back(e.M * y_reg + fy);
        r.D_pba_reg.push_back(group_columns(e.S * r.x.asDiagonal(), sreg, nreg) + fy);
    }
    return r;
}

// ---------------------------------------------------------------------------------------------

namespace {

struct GroupMap {
    std::vector<std::string> names;  // in order of first appearance
    std::vector<std::size_t> of;     // group of each source entry
};

GroupMap group_map(const std::vector<std::string>& groups) {
    GroupMap g;
    std::unordered_map<std::string, std::size_t> pos;
    for (const auto& name : groups) {
        auto [it, inserted] = pos.emplace(name, g.names.size());
        if (inserted) {
            g.names.push_back(name);
        }
        g.of.push_back(it->second);
    }
    return g;
}

}  // namespace

Mrio aggregate(const Mrio& src, const Aggregation& agg) {
    check_shapes(src);
    const auto regions = src.regions();
    const auto sectors = src.sector_names();
    block_structure(src);
    auto region_groups = agg.region_groups.empty() ? regions : agg.region_groups;
    auto sector_groups = agg.sector_groups.empty() ? sectors : agg.sector_groups;
    if (region_groups.size() != regions.size()) {
        fail(ErrorCode::kInvalidInput,
             "the region concordance has {} entries for {} regions",
             region_groups.size(),
             regions.size());
    }
    if (sector_groups.size() != sectors.size()) {
        fail(ErrorCode::kInvalidInput,
             "the sector concordance has {} entries for {} sectors",
             sector_groups.size(),
             sectors.size());
    }
    const GroupMap rg = group_map(region_groups);
    const GroupMap sg = group_map(sector_groups);
    const std::size_t nsec = sectors.size();
    const std::size_t n_new_sec = sg.names.size();

    Mrio out;
    out.name = src.name;
    out.description = src.description;
    out.system = src.system;
    out.version = src.version;
    out.history = src.history;
    out.sectors = Index::product(src.sectors.names[0], rg.names, src.sectors.names[1], sg.names);
    std::vector<std::size_t> row_map(src.size());
    for (std::size_t i = 0; i < src.size(); ++i) {
        row_map[i] = rg.of[i / nsec] * n_new_sec + sg.of[i % nsec];
    }
    const auto n_new = static_cast<Eigen::Index>(out.sectors.size());

    const auto categories = src.final_demand.unique(1);
    std::unordered_map<std::string, std::size_t> cat_pos;
    for (std::size_t c = 0; c < categories.size(); ++c) {
        cat_pos.emplace(categories[c], c);
    }
    out.final_demand =
        Index::product(src.final_demand.names[0], rg.names, src.final_demand.names[1], categories);
    const auto fdreg = src.final_demand_region();
    std::vector<std::size_t> fd_map(src.final_demand.size());
    for (std::size_t c = 0; c < fd_map.size(); ++c) {
        fd_map[c] = rg.of[fdreg[c]] * categories.size() + cat_pos.at(src.final_demand.at(c, 1));
    }

    const Matrix z = src.z_matrix();
    out.Z = Matrix::Zero(n_new, n_new);
    for (Eigen::Index j = 0; j < z.cols(); ++j) {
        const auto cj = static_cast<Eigen::Index>(row_map[static_cast<std::size_t>(j)]);
        for (Eigen::Index i = 0; i < z.rows(); ++i) {
            out.Z(static_cast<Eigen::Index>(row_map[static_cast<std::size_t>(i)]), cj) += z(i, j);
        }
    }
    out.Y = Matrix::Zero(n_new, static_cast<Eigen::Index>(out.final_demand.size()));
    for (Eigen::Index c = 0; c < src.Y.cols(); ++c) {
        const auto cc = static_cast<Eigen::Index>(fd_map[static_cast<std::size_t>(c)]);
        for (Eigen::Index i = 0; i < src.Y.rows(); ++i) {
            out.Y(static_cast<Eigen::Index>(row_map[static_cast<std::size_t>(i)]), cc) +=
                src.Y(i, c);
        }
    }
    out.units.assign(out.sectors.size(), "");
    for (std::size_t i = src.size(); i-- > 0;) {
        if (i < src.units.size()) {
            out.units[row_map[i]] = src.units[i];
        }
    }
    if (src.population.size() > 0) {
        out.population = Vector::Zero(static_cast<Eigen::Index>(rg.names.size()));
        out.population_regions = rg.names;
        for (std::size_t r = 0; r < src.population_regions.size(); ++r) {
            auto it = std::find(regions.begin(), regions.end(), src.population_regions[r]);
            if (it == regions.end()) {
                continue;
            }
            out.population(
                static_cast<Eigen::Index>(rg.of[static_cast<std::size_t>(it - regions.begin())])) +=
                src.population(static_cast<Eigen::Index>(r));
        }
    }
    for (const auto& e : src.extensions) {
        Extension ne;
        ne.name = e.name;
        ne.stressors = e.stressors;
        ne.units = e.units;
        ne.unit_column = e.unit_column;
        Matrix f = e.F.size() > 0 ? e.F : Matrix(e.S * src.x.asDiagonal());
        ne.F = Matrix::Zero(f.rows(), n_new);
        for (Eigen::Index j = 0; j < f.cols(); ++j) {
            ne.F.col(static_cast<Eigen::Index>(row_map[static_cast<std::size_t>(j)])) += f.col(j);
        }
        if (e.F_Y.size() > 0) {
            ne.F_Y = Matrix::Zero(e.F_Y.rows(), static_cast<Eigen::Index>(out.final_demand.size()));
            for (Eigen::Index c = 0; c < e.F_Y.cols(); ++c) {
                ne.F_Y.col(static_cast<Eigen::Index>(fd_map[static_cast<std::size_t>(c)])) +=
                    e.F_Y.col(c);
            }
        }
        // pymrio's aggregate keeps footprint accounts, which are flows, and sums them; the
        // aggregated system's footprints keep the detail of the original table.
        std::vector<std::size_t> region_map(regions.size());
        for (std::size_t r = 0; r < regions.size(); ++r) {
            region_map[r] = rg.of[r];
        }
        auto sum_columns = [](const Matrix& m,
                              const std::vector<std::size_t>& map,
                              Eigen::Index cols) {
            Matrix agg_m = Matrix::Zero(m.rows(), cols);
            for (Eigen::Index c = 0; c < m.cols(); ++c) {
                agg_m.col(static_cast<Eigen::Index>(map[static_cast<std::size_t>(c)])) += m.col(c);
            }
            return agg_m;
        };
        const auto n_reg_new = static_cast<Eigen::Index>(rg.names.size());
        if (e.D_cba.size() > 0 && e.D_pba.size() > 0 && e.D_imp.size() > 0 && e.D_exp.size() > 0) {
            ne.D_cba = sum_columns(e.D_cba, row_map, n_new);
            ne.D_pba = sum_columns(e.D_pba, row_map, n_new);
            ne.D_imp = sum_columns(e.D_imp, row_map, n_new);
            ne.D_exp = sum_columns(e.D_exp, row_map, n_new);
            if (e.D_cba_reg.size() > 0) {
                ne.D_cba_reg = sum_columns(e.D_cba_reg, region_map, n_reg_new);
                ne.D_pba_reg = sum_columns(e.D_pba_reg, region_map, n_reg_new);
                ne.D_imp_reg = sum_columns(e.D_imp_reg, region_map, n_reg_new);
                ne.D_exp_reg = sum_columns(e.D_exp_reg, region_map, n_reg_new);
            }
        }
        out.extensions.push_back(std::move(ne));
    }
    return out;
}

Vector output_from_flows(const Mrio& m) {
    // Column by column: Eigen's rowwise() sum strides through a column-major matrix.
    Vector x = m.Y.rowwise().sum();
    for (Eigen::Index j = 0; j < m.Z.cols(); ++j) {
        x += m.Z.col(j);
    }
    return x;
}

}  // namespace tandem::mrio
