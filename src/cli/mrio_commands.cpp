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
#include "tandem/mrio/reports.hpp"

#include "common.hpp"

namespace tandem::cli {

namespace {

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

mrio::CalcOptions calc_options(const ModelArgs& args, std::size_t n) {
    return mrio::calc_options_for(n, mrio::parse_solver_kind(args.solver));
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
                !a->no_inverse && (a->inverse || m.size() <= mrio::kInverseThreshold);
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
            mrio::ShockOptions options;
            options.solver = mrio::parse_solver_kind(a->model.solver);
            options.change.demand_region = a->demand_region;
            options.change.category = a->category;
            options.change.from_region = a->from_region;
            options.change.sector = a->sector;
            if (a->has_scale) {
                options.change.scale = a->scale;
            } else {
                options.change.add = a->add;
            }
            auto [shocked, tables] =
                mrio::shock_report(load_model(a->model.folder, progress), options, progress);
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
            mrio::MultiplierOptions options;
            options.solver = mrio::parse_solver_kind(a->model.solver);
            options.income = a->income;
            options.households = a->households;
            std::string why;
            if (!options.is_valid(&why)) {
                fail(ErrorCode::kUsage, "{} (--income and --households)", why);
            }
            Mrio m = load_model(a->model.folder, terminal_progress(a->out.quiet));
            emit({mrio::multipliers_table(m, options)}, a->out);
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
            mrio::LinkageOptions options;
            options.solver = mrio::parse_solver_kind(a->model.solver);
            options.forward = a->forward == "ghosh" ? mrio::ForwardMeasure::kGhosh
                                                    : mrio::ForwardMeasure::kLeontief;
            emit({mrio::linkages_table(m, options)}, a->out);
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
            emit({mrio::extraction_table(m, mrio::parse_solver_kind(a->model.solver))}, a->out);
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
            emit({mrio::decomposition_table(m,
                                            a->method == "miller"
                                                ? mrio::DecompositionMethod::kMiller
                                                : mrio::DecompositionMethod::kRound,
                                            mrio::parse_solver_kind(a->model.solver))},
                 a->out);
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
            options.explicit_inverse = out.size() <= mrio::kInverseThreshold;
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
            mrio::PriceOptions options;
            options.solver = mrio::parse_solver_kind(a->model.solver);
            for (const auto& spec : a->push) {
                const auto eq = spec.rfind('=');
                if (eq == std::string::npos) {
                    fail(
                        ErrorCode::kUsage, "--cost-push '{}': expected region/sector=change", spec);
                }
                options.cost_push.emplace_back(
                    spec.substr(0, eq),
                    data::parse_number(
                        spec.substr(eq + 1), "--cost-push", 1, eq + 2, "the cost change"));
            }
            emit({mrio::price_table(m, options)}, a->out);
        });
    }
}

}  // namespace tandem::cli
