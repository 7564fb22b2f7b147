// tandem mrio ...: pymrio-compatible input-output analysis on a pymrio folder.
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <utility>

#include <fmt/format.h>

#include "tandem/china/mrio_build.hpp"
#include "tandem/core/error.hpp"
#include "tandem/data/delimited.hpp"
#include "tandem/data/pymrio_format.hpp"
#include "tandem/data/regions.hpp"
#include "tandem/data/tandem_format.hpp"
#include "tandem/mrio/analysis.hpp"
#include "tandem/mrio/calc.hpp"
#include "tandem/mrio/demand_change.hpp"

#include "common.hpp"

namespace tandem::cli {

namespace {

// Above these sizes L (and G) are not formed unless asked for, and A stays implicit in Z and x;
// documented in docs/cli.md.
constexpr std::size_t kInverseThreshold = 2000;
constexpr std::size_t kKeepAThreshold = 4000;
constexpr std::size_t kDenseAnalysisLimit = 6000;

mrio::SolverKind solver_kind(const std::string& name) {
    if (name == "dense") {
        return mrio::SolverKind::kDense;
    }
    if (name == "sparse") {
        return mrio::SolverKind::kSparse;
    }
    return mrio::SolverKind::kAuto;
}

struct ModelArgs {
    std::string folder;
    std::string solver = "auto";
    bool quiet = false;
};

void add_model_args(CLI::App& cmd, ModelArgs& args) {
    cmd.add_option("folder",
                   args.folder,
                   "an MRIO folder (pymrio's save_all or tandem's format), or china:2017 / "
                   "china:2012 for the shipped China MRIO (the default)");
    cmd.add_option("--solver", args.solver, "auto (sparse LU when A is sparse), dense or sparse")
        ->check(CLI::IsMember({"auto", "dense", "sparse"}));
}

Eigen::Index find_sector(const Mrio& m, const std::string& label) {
    std::vector<std::string> all;
    for (std::size_t i = 0; i < m.size(); ++i) {
        if (m.sectors.joined(i) == label) {
            return static_cast<Eigen::Index>(i);
        }
        all.push_back(m.sectors.joined(i));
    }
    fail(ErrorCode::kInvalidInput,
         "no sector '{}' (give region/sector); did you mean {}?",
         label,
         data::list_excerpt(data::nearest_names(label, all)));
}

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    std::string item;
    std::istringstream in(text);
    while (std::getline(in, item, ',')) {
        out.push_back(item);
    }
    return out;
}

// A concordance: a comma-separated list, or a file with one group per line (or "source,group").
std::vector<std::string> read_groups(const std::string& spec) {
    if (!std::filesystem::exists(spec)) {
        return split_list(spec);
    }
    std::vector<std::string> out;
    data::read_delimited(spec, ',', [&](std::size_t, const std::vector<std::string>& f) {
        out.push_back(f.back());
    });
    return out;
}

Table sector_table(const Mrio& m, std::string name, std::vector<std::string> cols, Matrix values) {
    Table t;
    t.name = std::move(name);
    t.rows = m.sectors;
    t.cols = Index::single("", cols);
    t.values = std::move(values);
    return t;
}

mrio::CalcOptions calc_options(const ModelArgs& args, std::size_t n) {
    mrio::CalcOptions o;
    o.solver.kind = solver_kind(args.solver);
    o.keep_A = n <= kKeepAThreshold;
    return o;
}

void require_dense_size(const Mrio& m, const char* what) {
    if (m.size() > kDenseAnalysisLimit) {
        fail(ErrorCode::kUsage,
             "{} needs the explicit inverse, limited to {} sectors; this table has {}",
             what,
             kDenseAnalysisLimit,
             m.size());
    }
}

}  // namespace

void add_mrio_commands(CLI::App& app) {
    auto* group = app.add_subcommand(
        "mrio", "Multi-regional input-output analysis on pymrio folders (pymrio's conventions).");
    group->require_subcommand(1);

    // ---- calc
    {
        struct Args {
            ModelArgs model;
            std::string out;
            bool ghosh = false;
            bool inverse = false;
            bool no_inverse = false;
            int precision = 12;
            std::string to = "pymrio";
        };
        auto a = std::make_shared<Args>();
        auto* cmd = group->add_subcommand(
            "calc",
            "Compute everything pymrio's calc_all computes and write it as a pymrio folder.\n"
            "L (and G with --ghosh) are written below 2,000 sectors or with --inverse.");
        add_model_args(*cmd, a->model);
        cmd->add_option("-o,--output", a->out, "output folder (pymrio's saved-folder layout)")
            ->required();
        cmd->add_flag("--ghosh", a->ghosh, "also the Ghosh accounts B, G and M_down");
        cmd->add_flag("--inverse", a->inverse, "write the explicit inverse L (and G) at any size");
        cmd->add_flag("--no-inverse", a->no_inverse, "never form the explicit inverse");
        cmd->add_option("--precision",
                        a->precision,
                        "significant digits written (pymrio's default is 12; 17 keeps every bit)")
            ->check(CLI::Range(1, 17));
        cmd->add_option("--to",
                        a->to,
                        "output format: pymrio (saved-folder layout) or tandem (manifest + CSV)")
            ->check(CLI::IsMember({"pymrio", "tandem"}));
        cmd->add_flag("-q,--quiet", a->model.quiet, "no progress messages");
        cmd->callback([a] {
            const auto t0 = std::chrono::steady_clock::now();
            auto progress = terminal_progress(a->model.quiet);
            refuse_input_overlap(a->out, {a->model.folder});
            Mrio m = load_model(a->model.folder, progress);
            auto options = calc_options(a->model, m.size());
            options.ghosh = a->ghosh;
            options.explicit_inverse =
                !a->no_inverse && (a->inverse || m.size() <= kInverseThreshold);
            auto solver = mrio::calc_all(m, options, progress);
            if (a->to == "tandem") {
                data::write_tandem_mrio(m, a->out, progress);
            } else {
                data::PymrioWriteOptions w;
                w.precision = a->precision;
                w.write_L = options.explicit_inverse;
                w.write_B = a->ghosh;
                data::write_pymrio(m, a->out, w, progress);
            }
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            if (!a->model.quiet) {
                std::cerr << fmt::format(
                    "{} regions x {} sectors, {} extension(s); {} LU; {}wrote {} in {:.2f} s\n",
                    m.regions().size(),
                    m.sector_names().size(),
                    m.extensions.size(),
                    solver.is_sparse() ? "sparse" : "dense",
                    options.explicit_inverse ? "explicit L; " : "",
                    a->out,
                    seconds);
            }
        });
    }

    // ---- convert
    {
        struct Args {
            ModelArgs model;
            std::string out;
            std::string to = "tandem";
            int precision = 17;
        };
        auto a = std::make_shared<Args>();
        auto* cmd = group->add_subcommand(
            "convert",
            "Convert an MRIO folder between pymrio's layout and tandem's (no calculation).");
        add_model_args(*cmd, a->model);
        cmd->add_option("-o,--output", a->out, "output folder")->required();
        cmd->add_option("--to", a->to, "pymrio or tandem")
            ->check(CLI::IsMember({"pymrio", "tandem"}));
        cmd->add_option("--precision", a->precision, "significant digits for pymrio output")
            ->check(CLI::Range(1, 17));
        cmd->add_flag("-q,--quiet", a->model.quiet, "no progress messages");
        cmd->callback([a] {
            auto progress = terminal_progress(a->model.quiet);
            refuse_input_overlap(a->out, {a->model.folder});
            Mrio m = load_model(a->model.folder, progress);
            if (a->to == "tandem") {
                data::write_tandem_mrio(m, a->out, progress);
            } else {
                data::PymrioWriteOptions w;
                w.precision = a->precision;
                w.write_A = m.A.size() > 0;
                w.write_L = m.L.size() > 0;
                w.write_B = m.B.size() > 0;
                data::write_pymrio(m, a->out, w, progress);
            }
        });
    }

    // ---- show
    {
        struct Args {
            ModelArgs model;
            std::string account;
            bool calc = false;
            OutputOptions out;
        };
        auto a = std::make_shared<Args>();
        auto* cmd = group->add_subcommand(
            "show", "Print or export one account (Z, x, Emissions/D_cba_reg, ...) of a folder.");
        add_model_args(*cmd, a->model);
        cmd->add_option("account", a->account, "account name; 'list' lists them");
        cmd->add_flag("--calc", a->calc, "run calc_all first");
        add_output_options(*cmd, a->out);
        cmd->callback([a] {
            // One positional: a folder or model spec, else the account of the default model.
            if (a->account.empty()) {
                if (a->model.folder.empty()) {
                    fail(ErrorCode::kUsage, "account is required ('list' lists them)");
                }
                if (!a->model.folder.starts_with("china:") &&
                    !std::filesystem::exists(a->model.folder)) {
                    a->account = std::exchange(a->model.folder, std::string());
                } else {
                    fail(ErrorCode::kUsage, "account is required ('list' lists them)");
                }
            }
            a->out.inputs = {a->model.folder};
            Mrio m = load_model(a->model.folder, terminal_progress(a->out.quiet));
            if (a->calc) {
                mrio::calc_all(m, calc_options(a->model, m.size()));
            }
            if (a->account == "list") {
                for (const auto& name : account_names(m)) {
                    std::cout << name << '\n';
                }
                return;
            }
            emit({account_table(m, a->account)}, a->out);
        });
    }

    // ---- shock
    {
        struct Args {
            ModelArgs model;
            std::string demand_region;
            std::string category;
            std::string from_region;
            std::string sector;
            double scale = 1.0;
            double add = 0.0;
            bool has_scale = false;
            std::string save;
            OutputOptions out;
        };
        auto a = std::make_shared<Args>();
        auto* cmd = group->add_subcommand(
            "shock",
            "Change final demand and recompute on the factorised model (pymrio's\n"
            "reset_all_to_coefficients semantics): changes in output and footprints.");
        add_model_args(*cmd, a->model);
        cmd->add_option("--demand-region", a->demand_region, "region whose final demand changes")
            ->required();
        cmd->add_option("--category",
                        a->category,
                        "final-demand category (default: every category of the region)");
        cmd->add_option("--from-region", a->from_region, "only products of this supplying region");
        cmd->add_option("--sector", a->sector, "only this product (sector name)");
        auto* scale = cmd->add_option("--scale", a->scale, "multiply the selected demand by this");
        cmd->add_option("--add",
                        a->add,
                        "add this amount, spread over the selected cells in proportion to "
                        "their current values (evenly if all are 0)")
            ->excludes(scale);
        cmd->add_option("--save", a->save, "also write the shocked system as a pymrio folder");
        add_output_options(*cmd, a->out);
        cmd->callback([a, scale] {
            a->has_scale = scale->count() > 0;
            auto progress = terminal_progress(a->out.quiet);
            a->out.inputs = {a->model.folder};
            refuse_input_overlap(a->save, a->out.inputs);
            Mrio base = load_model(a->model.folder, progress);
            auto options = calc_options(a->model, base.size());
            options.keep_A = true;
            mrio::FactorisedModel model(std::move(base), options);
            const Mrio& m = model.base();
            mrio::DemandChange change;
            change.demand_region = a->demand_region;
            change.category = a->category;
            change.from_region = a->from_region;
            change.sector = a->sector;
            if (a->has_scale) {
                change.scale = a->scale;
            } else {
                change.add = a->add;
            }
            Mrio shocked = model.with_final_demand(mrio::changed_final_demand(m, change), progress);
            const std::string scenario = "scenario: " + mrio::describe(change);
            std::vector<Table> tables{mrio::output_change(m, shocked.x)};
            tables[0].notes.push_back(scenario);
            for (std::size_t e = 0; e < m.extensions.size(); ++e) {
                Table t = account_table(shocked, m.extensions[e].name + "/D_cba_reg");
                t.values -= m.extensions[e].D_cba_reg;
                t.name = m.extensions[e].folder_name() + "__delta_D_cba_reg";
                t.notes.push_back(scenario);
                tables.push_back(std::move(t));
            }
            if (!a->save.empty()) {
                data::PymrioWriteOptions w;
                data::write_pymrio(shocked, a->save, w, progress);
            }
            emit(tables, a->out);
        });
    }

    // ---- multipliers
    {
        struct Args {
            ModelArgs model;
            std::string income;
            std::string households;
            OutputOptions out;
        };
        auto a = std::make_shared<Args>();
        auto* cmd = group->add_subcommand(
            "multipliers",
            "Output multipliers and multipliers of every extension row (Type I); with\n"
            "--income and --households also Type II (households closed region by region).");
        add_model_args(*cmd, a->model);
        cmd->add_option("--income",
                        a->income,
                        "extension row of labour income, e.g. 'Factor Inputs/Value Added'");
        cmd->add_option("--households",
                        a->households,
                        "final-demand category of households, e.g. 'Final consumption "
                        "expenditure by households'");
        add_output_options(*cmd, a->out);
        cmd->callback([a] {
            a->out.inputs = {a->model.folder};
            Mrio m = load_model(a->model.folder, terminal_progress(a->out.quiet));
            auto options = calc_options(a->model, m.size());
            auto solver = mrio::calc_all(m, options);
            std::vector<mrio::CoefficientRow> rows;
            for (const auto& e : m.extensions) {
                for (std::size_t k = 0; k < e.stressors.size(); ++k) {
                    rows.push_back({e.name + "/" + e.stressors.joined(k),
                                    e.S.row(static_cast<Eigen::Index>(k)).transpose()});
                }
            }
            std::optional<mrio::HouseholdClosure> closure;
            if (!a->income.empty() || !a->households.empty()) {
                if (a->income.empty() || a->households.empty()) {
                    fail(ErrorCode::kUsage, "Type II needs both --income and --households");
                }
                require_dense_size(m, "the Type II closure");
                auto it = std::find_if(
                    rows.begin(), rows.end(), [&](const auto& r) { return r.name == a->income; });
                if (it == rows.end()) {
                    std::vector<std::string> names;
                    for (const auto& r : rows) {
                        names.push_back(r.name);
                    }
                    fail(ErrorCode::kInvalidInput,
                         "no extension row '{}'; rows: {}",
                         a->income,
                         data::list_excerpt(names));
                }
                const auto regions = m.regions();
                const auto sreg = m.sector_region();
                const auto fdreg = m.final_demand_region();
                const auto h = static_cast<Eigen::Index>(regions.size());
                const auto n = static_cast<Eigen::Index>(m.size());
                mrio::HouseholdClosure hc{Matrix::Zero(h, n), Matrix::Zero(n, h), Matrix()};
                Vector income_total = Vector::Zero(h);
                for (Eigen::Index j = 0; j < n; ++j) {
                    const auto r = static_cast<Eigen::Index>(sreg[static_cast<std::size_t>(j)]);
                    hc.income(r, j) = it->per_output(j);
                    income_total(r) += it->per_output(j) * m.x(j);
                }
                bool found = false;
                for (std::size_t c = 0; c < m.final_demand.size(); ++c) {
                    if (m.final_demand.at(c, 1) == a->households) {
                        found = true;
                        const auto r = static_cast<Eigen::Index>(fdreg[c]);
                        if (income_total(r) > 0.0) {
                            hc.consumption.col(r) +=
                                m.Y.col(static_cast<Eigen::Index>(c)) / income_total(r);
                        }
                    }
                }
                if (!found) {
                    fail(ErrorCode::kInvalidInput,
                         "no final-demand category '{}'; categories: {}",
                         a->households,
                         data::list_excerpt(m.final_demand.unique(1)));
                }
                closure = hc;
            }
            auto result = mrio::multipliers(m.a_matrix(), solver, rows, closure);
            std::vector<std::string> cols;
            Matrix values(static_cast<Eigen::Index>(m.size()), 0);
            // Row r of every block is result.names[r] ("output" first, then one per row).
            auto append = [&](const Matrix& block, const std::string& suffix) {
                for (Eigen::Index r = 0; r < block.rows(); ++r) {
                    cols.push_back(result.names.at(static_cast<std::size_t>(r)) + suffix);
                    values.conservativeResize(Eigen::NoChange, values.cols() + 1);
                    values.col(values.cols() - 1) = block.row(r).transpose();
                }
            };
            append(result.simple, " (simple)");
            append(result.type1, " (Type I)");
            if (closure) {
                append(result.total, " (total, households closed)");
                append(result.type2, " (Type II)");
            }
            Table t = sector_table(m, "multipliers", cols, std::move(values));
            t.notes = {
                "simple: effect in the whole system per unit of final demand for the "
                "column's sector (output: the column sum of L)",
                "Type I: the simple multiplier over the sector's own direct coefficient "
                "(0 where that is 0)"};
            if (closure) {
                t.notes.push_back(
                    "total and Type II: the same with households closed "
                    "(induced consumption)");
            }
            emit({t}, a->out);
        });
    }

    // ---- linkages
    {
        struct Args {
            ModelArgs model;
            std::string forward = "ghosh";
            OutputOptions out;
        };
        auto a = std::make_shared<Args>();
        auto* cmd = group->add_subcommand(
            "linkages",
            "Rasmussen backward and forward linkages, power and sensitivity of dispersion,\n"
            "key sectors (both above 1).");
        add_model_args(*cmd, a->model);
        cmd->add_option(
               "--forward", a->forward, "forward linkages from the Ghosh or Leontief inverse")
            ->check(CLI::IsMember({"ghosh", "leontief"}));
        add_output_options(*cmd, a->out);
        cmd->callback([a] {
            a->out.inputs = {a->model.folder};
            Mrio m = load_model(a->model.folder, terminal_progress(a->out.quiet));
            auto solver = mrio::calc_all(m, calc_options(a->model, m.size()));
            auto link = mrio::linkages(m.x,
                                       solver,
                                       a->forward == "ghosh" ? mrio::ForwardMeasure::kGhosh
                                                             : mrio::ForwardMeasure::kLeontief);
            Table t = sector_table(
                m,
                "linkages",
                {"backward", "forward", "power of dispersion", "sensitivity of dispersion"},
                Matrix(static_cast<Eigen::Index>(m.size()), 4));
            t.units =
                "backward and forward: sums of inverse coefficients; power and "
                "sensitivity: indices, mean 1";
            t.notes.push_back(a->forward == "ghosh"
                                  ? "forward linkages: row sums of the Ghosh inverse G"
                                  : "forward linkages: row sums of the Leontief inverse L");
            const auto oversold = mrio::sales_above_output(m);
            if (a->forward == "ghosh" && !oversold.empty()) {
                std::vector<std::string> worst;
                for (std::size_t k = 0; k < std::min<std::size_t>(3, oversold.size()); ++k) {
                    worst.push_back(fmt::format(
                        "{} ({:.0f} x)", m.sectors.joined(oversold[k].sector), oversold[k].ratio));
                }
                t.notes.push_back(fmt::format(
                    "data caution: {} sector(s) sell more to intermediate use than they "
                    "produce (negative final demand, e.g. imports booked in final demand); "
                    "their Ghosh forward linkages are inflated; largest: {}. Forward "
                    "linkages from the Leontief inverse do not depend on this",
                    oversold.size(),
                    fmt::join(worst, ", ")));
            }
            if (link.negligible > 0) {
                t.notes.push_back(fmt::format(
                    "{} sector(s) with near-zero output (at most {:g} x the largest) count as "
                    "zero output: their column of A and row of B are 0, they are left out of "
                    "the means and shown as 'no output'",
                    link.negligible,
                    mrio::kNegligibleOutput));
            }
            t.values.col(0) = link.backward;
            t.values.col(1) = link.forward;
            t.values.col(2) = link.power;
            t.values.col(3) = link.sensitivity;
            t.rows.names.push_back("kind");
            for (std::size_t i = 0; i < m.size(); ++i) {
                t.rows.labels[i].push_back(link.kind[i]);
            }
            emit({t}, a->out);
        });
    }

    // ---- extraction
    {
        struct Args {
            ModelArgs model;
            OutputOptions out;
        };
        auto a = std::make_shared<Args>();
        auto* cmd = group->add_subcommand(
            "extraction",
            "Hypothetical extraction of each sector (total, backward, forward): the loss of\n"
            "total gross output, absolute and as % of the total.");
        add_model_args(*cmd, a->model);
        add_output_options(*cmd, a->out);
        cmd->callback([a] {
            a->out.inputs = {a->model.folder};
            Mrio m = load_model(a->model.folder, terminal_progress(a->out.quiet));
            require_dense_size(m, "hypothetical extraction");
            auto options = calc_options(a->model, m.size());
            options.explicit_inverse = true;
            mrio::calc_all(m, options);
            auto ex = mrio::hypothetical_extraction(m.x, m.L);
            const double total = m.x.sum();
            Matrix v(static_cast<Eigen::Index>(m.size()), 6);
            v.col(0) = ex.total;
            v.col(1) = 100.0 * ex.total / total;
            v.col(2) = ex.backward;
            v.col(3) = 100.0 * ex.backward / total;
            v.col(4) = ex.forward;
            v.col(5) = 100.0 * ex.forward / total;
            emit({sector_table(
                     m,
                     "extraction",
                     {"total", "total %", "backward", "backward %", "forward", "forward %"},
                     v)},
                 a->out);
        });
    }

    // ---- decompose
    {
        struct Args {
            ModelArgs model;
            std::string method = "miller";
            OutputOptions out;
        };
        auto a = std::make_shared<Args>();
        auto* cmd = group->add_subcommand(
            "decompose",
            "Output multipliers split by region: Miller's intra-regional, feedback and\n"
            "spillover effects (to each region), or Round's multiplicative decomposition.");
        add_model_args(*cmd, a->model);
        cmd->add_option("--method", a->method, "miller or round")
            ->check(CLI::IsMember({"miller", "round"}));
        add_output_options(*cmd, a->out);
        cmd->callback([a] {
            a->out.inputs = {a->model.folder};
            Mrio m = load_model(a->model.folder, terminal_progress(a->out.quiet));
            require_dense_size(m, "the regional decomposition");
            auto options = calc_options(a->model, m.size());
            options.explicit_inverse = true;
            mrio::calc_all(m, options);
            const Matrix A = m.a_matrix();
            if (a->method == "miller") {
                auto eff = mrio::regional_effects(m, A, m.L);
                std::vector<std::string> cols = {"intra-regional", "feedback", "spillover total"};
                const auto regions = m.regions();
                for (const auto& r : regions) {
                    cols.push_back("spillover to " + r);
                }
                Matrix v(static_cast<Eigen::Index>(m.size()),
                         static_cast<Eigen::Index>(cols.size()));
                v.col(0) = eff.intra;
                v.col(1) = eff.feedback;
                v.col(2) = eff.spillover.colwise().sum().transpose();
                v.rightCols(eff.spillover.rows()) = eff.spillover.transpose();
                emit({sector_table(m, "miller_decomposition", cols, v)}, a->out);
            } else {
                auto round = mrio::round_decomposition(m, A);
                Matrix v(static_cast<Eigen::Index>(m.size()), 4);
                v.col(0) = round.initial;
                v.col(1) = round.intra;
                v.col(2) = round.spillover;
                v.col(3) = round.feedback;
                emit({sector_table(m,
                                   "round_decomposition",
                                   {"initial",
                                    "intra-regional",
                                    "spillover (open loop)",
                                    "feedback (closed loop)"},
                                   v)},
                     a->out);
            }
        });
    }

    // ---- aggregate
    {
        struct Args {
            ModelArgs model;
            std::string regions;
            std::string sectors;
            std::string out;
            int precision = 12;
        };
        auto a = std::make_shared<Args>();
        auto* cmd = group->add_subcommand(
            "aggregate",
            "Aggregate regions and/or sectors by concordance (as pymrio's aggregate) and write\n"
            "the aggregated, recalculated system as a pymrio folder.");
        add_model_args(*cmd, a->model);
        cmd->add_option("--regions",
                        a->regions,
                        "group of every region: comma-separated list or a file (one per line, or "
                        "'source,group')");
        cmd->add_option("--sectors", a->sectors, "group of every sector, likewise");
        cmd->add_option("-o,--output", a->out, "output folder")->required();
        cmd->add_option("--precision", a->precision, "significant digits written")
            ->check(CLI::Range(1, 17));
        cmd->add_flag("-q,--quiet", a->model.quiet, "no progress messages");
        cmd->callback([a] {
            auto progress = terminal_progress(a->model.quiet);
            refuse_input_overlap(a->out, {a->model.folder});
            Mrio m = load_model(a->model.folder, progress);
            mrio::Aggregation agg;
            if (!a->regions.empty()) {
                agg.region_groups = read_groups(a->regions);
            }
            if (!a->sectors.empty()) {
                agg.sector_groups = read_groups(a->sectors);
            }
            if (agg.region_groups.empty() && agg.sector_groups.empty()) {
                fail(ErrorCode::kUsage, "give --regions and/or --sectors");
            }
            Mrio out = mrio::aggregate(m, agg);
            auto options = calc_options(a->model, out.size());
            options.explicit_inverse = out.size() <= kInverseThreshold;
            mrio::calc_all(out, options, progress);
            data::PymrioWriteOptions w;
            w.precision = a->precision;
            w.write_L = options.explicit_inverse;
            data::write_pymrio(out, a->out, w, progress);
        });
    }

    // ---- prices
    {
        struct Args {
            ModelArgs model;
            std::vector<std::string> push;
            OutputOptions out;
        };
        auto a = std::make_shared<Args>();
        auto* cmd = group->add_subcommand(
            "prices",
            "Leontief price model: the price change of every product when primary-input\n"
            "costs per unit of output change (cost push), e.g. --cost-push reg1/electricity=0.05.");
        add_model_args(*cmd, a->model);
        cmd->add_option("--cost-push",
                        a->push,
                        "region/sector=change in value-added cost per unit of output")
            ->required();
        add_output_options(*cmd, a->out);
        cmd->callback([a] {
            a->out.inputs = {a->model.folder};
            Mrio m = load_model(a->model.folder, terminal_progress(a->out.quiet));
            auto solver = mrio::calc_all(m, calc_options(a->model, m.size()));
            Vector dv = Vector::Zero(static_cast<Eigen::Index>(m.size()));
            for (const auto& spec : a->push) {
                auto eq = spec.rfind('=');
                if (eq == std::string::npos) {
                    fail(
                        ErrorCode::kUsage, "--cost-push '{}': expected region/sector=change", spec);
                }
                double value = data::parse_number(
                    spec.substr(eq + 1), "--cost-push", 1, eq + 2, "the cost change");
                dv(find_sector(m, spec.substr(0, eq))) += value;
            }
            Vector dp = mrio::leontief_prices(solver, dv);
            Matrix v(static_cast<Eigen::Index>(m.size()), 1);
            v.col(0) = 100.0 * dp;
            emit({sector_table(m, "price_change", {"price change %"}, v)}, a->out);
        });
    }
}

}  // namespace tandem::cli
