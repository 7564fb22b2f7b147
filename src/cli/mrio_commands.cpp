// tandem mrio ...: pymrio-compatible input-output analysis (the work in mrio/commands.hpp).
#include <chrono>
#include <filesystem>
#include <iostream>
#include <utility>

#include <fmt/format.h>

#include "tandem/mrio/commands.hpp"

#include "common.hpp"

namespace tandem::cli {

namespace {

// A command that writes a folder: the model is loaded with progress, the output may not be
// the input.
template <typename Command, typename Run>
void add_folder_command(
    CLI::App& group, const char* name, const char* help, Settings (*settings)(Command&), Run run) {
    auto c = std::make_shared<Command>();
    add_command(group, name, help, settings(*c))->callback([c, run] {
        const auto t0 = std::chrono::steady_clock::now();
        auto progress = terminal_progress(c->quiet);
        refuse_input_overlap(c->output, {c->model});
        Mrio m = load_model(c->model, progress);
        const std::string summary = run(m, *c, progress);
        const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - t0;
        if (!c->quiet && !summary.empty()) {
            std::cerr << fmt::format("{} in {:.2f} s\n", summary, seconds.count());
        }
    });
}

// An analysis that answers one table.
template <typename Options>
void add_table_command(CLI::App& group, const char* name, const char* help) {
    auto c = std::make_shared<mrio::AnalysisCommand<Options>>();
    auto out = std::make_shared<OutputOptions>();
    add_command(group, name, help, mrio::analysis_settings(*c), out.get())->callback([c, out] {
        out->inputs = {c->model};
        Mrio m = load_model(c->model, terminal_progress(out->quiet));
        emit({mrio::run_analysis(m, c->options)}, *out);
    });
}

void add_show_command(CLI::App& group) {
    auto c = std::make_shared<mrio::ShowCommand>();
    auto out = std::make_shared<OutputOptions>();
    auto* cmd =
        add_command(group,
                    "show",
                    "Print or export one account (Z, x, Emissions/D_cba_reg, ...) of a folder.",
                    mrio::show_settings(*c),
                    out.get());
    cmd->callback([c, out] {
        // One positional: a folder or model spec, else the account of the default model.
        if (c->account.empty() && !c->model.empty() && !c->model.starts_with("china:") &&
            !std::filesystem::exists(c->model)) {
            c->account = std::exchange(c->model, std::string());
        }
        if (c->account.empty()) {
            fail(ErrorCode::kUsage, "account is required ('list' lists them)");
        }
        out->inputs = {c->model};
        Mrio m = load_model(c->model, terminal_progress(out->quiet));
        if (c->account == "list") {
            for (const auto& name : mrio::run_show_list(m, *c)) {
                std::cout << name << '\n';
            }
            return;
        }
        emit({mrio::run_show(m, *c)}, *out);
    });
}

void add_shock_command(CLI::App& group) {
    auto c = std::make_shared<mrio::ShockCommand>();
    auto out = std::make_shared<OutputOptions>();
    auto* cmd =
        add_command(group,
                    "shock",
                    "Change final demand and recompute on the factorised model (pymrio's\n"
                    "reset_all_to_coefficients semantics): changes in output and footprints.",
                    mrio::shock_settings(*c),
                    out.get());
    cmd->callback([c, out] {
        auto progress = terminal_progress(out->quiet);
        out->inputs = {c->model};
        refuse_input_overlap(c->save, out->inputs);
        emit(mrio::run_shock(load_model(c->model, progress), *c, progress), *out);
    });
}

}  // namespace

void add_mrio_commands(CLI::App& app) {
    auto* group = app.add_subcommand(
        "mrio", "Multi-regional input-output analysis on pymrio folders (pymrio's conventions).");
    group->require_subcommand(1);
    add_folder_command(*group,
                       "calc",
                       "Compute everything pymrio's calc_all computes and write it as a pymrio "
                       "folder.\nL (and G with --ghosh) are written below 2,000 sectors or with "
                       "--inverse.",
                       mrio::calc_settings,
                       mrio::run_calc);
    add_folder_command(
        *group,
        "convert",
        "Convert an MRIO folder between pymrio's layout and tandem's (no calculation).",
        mrio::convert_settings,
        [](Mrio& m, const mrio::ConvertCommand& c, const ProgressFn& progress) {
            mrio::run_convert(m, c, progress);
            return std::string();
        });
    add_show_command(*group);
    add_shock_command(*group);
    add_table_command<mrio::MultiplierOptions>(
        *group,
        "multipliers",
        "Output multipliers and multipliers of every extension row (Type I); with\n"
        "--income and --households also Type II (households closed region by region).");
    add_table_command<mrio::LinkageOptions>(
        *group,
        "linkages",
        "Rasmussen backward and forward linkages, power and sensitivity of dispersion,\n"
        "key sectors (both above 1).");
    add_table_command<mrio::ExtractionOptions>(
        *group,
        "extraction",
        "Hypothetical extraction of each sector (total, backward, forward): the loss of\n"
        "total gross output, absolute and as % of the total.");
    add_table_command<mrio::DecompositionOptions>(
        *group,
        "decompose",
        "Output multipliers split by region: Miller's intra-regional, feedback and\n"
        "spillover effects (to each region), or Round's multiplicative decomposition.");
    add_folder_command(*group,
                       "aggregate",
                       "Aggregate regions and/or sectors by concordance (as pymrio's aggregate) "
                       "and write\nthe aggregated, recalculated system as a pymrio folder.",
                       mrio::aggregate_settings,
                       [](Mrio& m, const mrio::AggregateCommand& c, const ProgressFn& progress) {
                           mrio::run_aggregate(m, c, progress);
                           return std::string();
                       });
    add_table_command<mrio::PriceOptions>(
        *group,
        "prices",
        "Leontief price model: the price change of every product when primary-input\n"
        "costs per unit of output change (cost push), e.g. --cost-push reg1/electricity=0.05.");
}

}  // namespace tandem::cli
