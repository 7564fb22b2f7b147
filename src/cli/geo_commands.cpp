// tandem geo ...: regional structure. `complexity` and `proximity` are drop-ins for
// py-ecomplexity's ecomplexity() and proximity() on long CSV files; the other subcommands cover
// EconGeo's indicators, shift-share, Fitness-Complexity and trade complementarity; `profile`
// reads the shipped provincial tables.
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "tandem/brief/structure.hpp"
#include "tandem/core/error.hpp"
#include "tandem/data/china_tables.hpp"
#include "tandem/data/datasets.hpp"
#include "tandem/data/delimited.hpp"
#include "tandem/data/long_panel.hpp"
#include "tandem/data/output_folder.hpp"
#include "tandem/data/regions.hpp"
#include "tandem/geo/complementarity.hpp"
#include "tandem/geo/complexity.hpp"
#include "tandem/geo/panel_reports.hpp"

#include "common.hpp"

namespace tandem::cli {

namespace {

struct PanelArgs {
    geo::PanelOptions options;
    std::string presence = "rca";
};

void add_panel_args(CLI::App& cmd, PanelArgs& a) {
    auto& o = a.options;
    cmd.add_option("input", o.input, "long CSV: one row per time, location, product and value")
        ->required();
    cmd.add_option("--time", o.columns.time, "name of the time column (py-ecomplexity cols_input)");
    cmd.add_option("--loc", o.columns.loc, "name of the location column");
    cmd.add_option("--prod", o.columns.prod, "name of the product (activity) column");
    cmd.add_option("--val", o.columns.val, "name of the value column");
    cmd.add_option("--max-cells",
                   o.max_cells,
                   "refuse a year of more locations x products cells than this (5,000,000): a "
                   "sparse file would otherwise make a huge dense year and output");
    cmd.add_option("--presence",
                   a.presence,
                   "presence test: rca (RCA >= threshold), rpop (value per head, needs "
                   "--population), both, or given (value > 0 is presence)")
        ->check(CLI::IsMember({"rca", "rpop", "both", "given"}));
    cmd.add_option("--rca-threshold", o.rca_threshold, "presence where RCA >= this (default 1)");
    cmd.add_option("--rpop-threshold", o.rpop_threshold, "presence where RPOP >= this (default 1)");
    cmd.add_option("--population",
                   o.population,
                   "CSV with the location column and a population column (and optionally the "
                   "time column)");
    cmd.add_option("--pop-col", o.pop_col, "name of the population column (default pop)");
    cmd.add_option("--min-loc-total",
                   o.min_loc_total,
                   "leave out locations whose total is below this (tiny territories)");
    cmd.add_option(
        "--min-prod-total", o.min_prod_total, "leave out products whose total is below this");
    cmd.add_option("--year", o.years, "only these years (repeatable; default: all)");
}

// The panel options with the presence test named on the command line.
const geo::PanelOptions& panel_options(PanelArgs& a) {
    auto& o = a.options;
    o.presence = geo::parse_presence_test(a.presence).value_or(geo::PresenceTest::kRca);
    if ((a.presence == "rpop" || a.presence == "both") && o.population.empty()) {
        fail(ErrorCode::kUsage, "--presence {} needs --population <csv>", a.presence);
    }
    return o;
}

std::vector<std::string> panel_inputs(const PanelArgs& a) {
    return {a.options.input, a.options.population};
}

// Notes on stderr unless quiet.
geo::NoteFn stderr_notes(bool quiet) {
    if (quiet) {
        return {};
    }
    return [](const std::string& text) { std::cerr << text << '\n'; };
}

// A text sink: standard output, or a file renamed into place once complete.
class TextOut {
public:
    TextOut(const std::string& path, bool quiet) : path_(path), quiet_(quiet) {
        if (!path.empty() && path != "-") {
            file_ = std::make_unique<data::AtomicFile>(path);
        }
    }
    std::ostream& stream() { return file_ ? file_->stream() : std::cout; }
    void commit() {
        if (file_) {
            file_->commit();
            if (!quiet_) {
                std::cerr << "wrote " << path_ << '\n';
            }
        } else {
            std::cout.flush();
        }
    }

private:
    std::string path_;
    bool quiet_;
    std::unique_ptr<data::AtomicFile> file_;
};

geo::RelatednessMethod method_or_fail(const std::string& name) {
    const auto m = geo::parse_relatedness_method(name);
    if (!m) {
        fail(ErrorCode::kUsage,
             "unknown relatedness method '{}': prob, association, cosine or jaccard",
             name);
    }
    return *m;
}

void add_complexity_command(CLI::App& group) {
    auto a = std::make_shared<PanelArgs>();
    auto out = std::make_shared<std::string>();
    auto quiet = std::make_shared<bool>(false);
    auto* cmd = group.add_subcommand(
        "complexity",
        "ECI, PCI, density, COI, COG and RCA for every year of a long CSV, written as\n"
        "py-ecomplexity writes them: the input columns, then diversity, ubiquity, mcp, eci,\n"
        "pci, density, coi, cog, rca; one row per location x product of each year. Years are\n"
        "computed and written one at a time.");
    add_panel_args(*cmd, *a);
    cmd->add_option("-o,--output", *out, "output CSV (standard output if not given)");
    cmd->add_flag("-q,--quiet", *quiet, "no messages on stderr");
    cmd->callback([a, out, quiet] {
        refuse_input_overlap(*out, panel_inputs(*a));
        TextOut sink(*out, *quiet);
        geo::write_complexity_csv(
            panel_options(*a), sink.stream(), terminal_progress(*quiet), stderr_notes(*quiet));
        sink.commit();
    });
}

void add_proximity_command(CLI::App& group) {
    auto a = std::make_shared<PanelArgs>();
    auto out = std::make_shared<std::string>();
    auto quiet = std::make_shared<bool>(false);
    auto all_pairs = std::make_shared<bool>(false);
    auto* cmd = group.add_subcommand(
        "proximity",
        "Product proximity for every year: time,prod_1,prod_2,proximity. By default the pairs\n"
        "prod_1 < prod_2 (as strings) with proximity > 0; --all-pairs writes the full matrix.");
    add_panel_args(*cmd, *a);
    cmd->add_option("-o,--output", *out, "output CSV (standard output if not given)");
    cmd->add_flag("-q,--quiet", *quiet, "no messages on stderr");
    cmd->add_flag("--all-pairs", *all_pairs, "every ordered pair, diagonal and zeros included");
    cmd->callback([a, out, quiet, all_pairs] {
        refuse_input_overlap(*out, panel_inputs(*a));
        TextOut sink(*out, *quiet);
        geo::write_proximity_csv(panel_options(*a),
                                 *all_pairs,
                                 sink.stream(),
                                 terminal_progress(*quiet),
                                 stderr_notes(*quiet));
        sink.commit();
    });
}

struct IndicatorArgs {
    PanelArgs panel;
    OutputOptions out;
    std::string method = "prob";
    geo::IndicatorOptions options;

    const geo::IndicatorOptions& indicator_options() {
        options.relatedness = method_or_fail(method);
        return options;
    }
};

void add_locations_command(CLI::App& group) {
    auto a = std::make_shared<IndicatorArgs>();
    auto* cmd = group.add_subcommand(
        "locations",
        "Indicators of each location and year: total, diversity, ECI and COI (py-ecomplexity),\n"
        "KCI (EconGeo's eigenvector), MORc (reflections), fitness (Tacchella et al.),\n"
        "Herfindahl, entropy, Krugman, specialisation coefficient, Hachman, average LQ, and\n"
        "the mean relatedness density of its own sectors (internal) and of the others.");
    add_panel_args(*cmd, a->panel);
    add_output_options(*cmd, a->out);
    cmd->add_option("--relatedness", a->method, "prob (default), association, cosine, jaccard");
    cmd->add_option("--steps", a->options.steps, "steps of the method of reflections (default 20)");
    cmd->add_option(
        "--iterations", a->options.iterations, "Fitness-Complexity iterations (default 100)");
    cmd->callback([a] {
        const Table t = geo::locations_table(panel_options(a->panel),
                                             a->indicator_options(),
                                             terminal_progress(a->out.quiet),
                                             stderr_notes(a->out.quiet));
        a->out.inputs = panel_inputs(a->panel);
        emit({t}, a->out);
    });
}

void add_products_command(CLI::App& group) {
    auto a = std::make_shared<IndicatorArgs>();
    auto* cmd = group.add_subcommand(
        "products",
        "Indicators of each product (activity) and year: total, ubiquity, PCI (py-ecomplexity),\n"
        "MORt (reflections), complexity (Fitness-Complexity), Gini, locational Gini, Hoover\n"
        "index (against the locations' totals); --econgeo adds EconGeo's TCI, a dense\n"
        "non-symmetric eigenproblem of the product matrix (slow beyond a few thousand).");
    add_panel_args(*cmd, a->panel);
    add_output_options(*cmd, a->out);
    cmd->add_option("--steps", a->options.steps, "steps of the method of reflections (default 20)");
    cmd->add_option(
        "--iterations", a->options.iterations, "Fitness-Complexity iterations (default 100)");
    cmd->add_flag("--econgeo", a->options.econgeo, "also EconGeo's TCI");
    cmd->callback([a] {
        const Table t = geo::products_table(panel_options(a->panel),
                                            a->indicator_options(),
                                            terminal_progress(a->out.quiet),
                                            stderr_notes(a->out.quiet));
        a->out.inputs = panel_inputs(a->panel);
        emit({t}, a->out);
    });
}

void add_relatedness_command(CLI::App& group) {
    auto a = std::make_shared<IndicatorArgs>();
    auto* cmd = group.add_subcommand(
        "relatedness",
        "Relatedness of product pairs from co-occurrence (EconGeo's relatedness()): time,\n"
        "prod_1, prod_2, cooccurrence, relatedness; pairs prod_1 < prod_2 that co-occur, or\n"
        "every ordered pair with --all-pairs.");
    add_panel_args(*cmd, a->panel);
    add_output_options(*cmd, a->out);
    cmd->add_option("--method", a->method, "prob (default), association, cosine, jaccard");
    cmd->add_flag("--all-pairs", a->options.all_pairs, "every ordered pair");
    cmd->callback([a] {
        const Table t = geo::relatedness_table(
            panel_options(a->panel), a->indicator_options(), terminal_progress(a->out.quiet));
        a->out.inputs = panel_inputs(a->panel);
        emit({t}, a->out);
    });
}

void add_density_command(CLI::App& group) {
    auto a = std::make_shared<IndicatorArgs>();
    auto* cmd = group.add_subcommand(
        "density",
        "Relatedness density (EconGeo, 0-100, unrounded) of each location around each product:\n"
        "time, loc, prod, value, rca, mcp, density; with the relatedness method of --method.");
    add_panel_args(*cmd, a->panel);
    add_output_options(*cmd, a->out);
    cmd->add_option("--method", a->method, "prob (default), association, cosine, jaccard");
    cmd->callback([a] {
        const Table t = geo::density_table(
            panel_options(a->panel), a->indicator_options(), terminal_progress(a->out.quiet));
        a->out.inputs = panel_inputs(a->panel);
        emit({t}, a->out);
    });
}

struct ChangeArgs {
    PanelArgs panel;
    OutputOptions out;
    std::string from;
    std::string to;
    bool by_location = false;
};

void add_change_args(CLI::App& cmd, ChangeArgs& a) {
    add_panel_args(cmd, a.panel);
    add_output_options(cmd, a.out);
    cmd.add_option("--from", a.from, "base year")->required();
    cmd.add_option("--to", a.to, "end year")->required();
}

void add_shift_share_command(CLI::App& group) {
    auto a = std::make_shared<ChangeArgs>();
    auto* cmd = group.add_subcommand(
        "shift-share",
        "Shift-share split of each location x product change between two years: national\n"
        "growth, industry mix and competitiveness (they sum to the change); the nation is the\n"
        "sum over all locations. --by-location sums each location's products.");
    add_change_args(*cmd, *a);
    cmd->add_flag("--by-location", a->by_location, "one row per location");
    cmd->callback([a] {
        const auto report =
            geo::shift_share_report(panel_options(a->panel), a->from, a->to, a->by_location);
        if (!a->out.quiet) {
            std::cerr << fmt::format("national growth {} -> {}: {:.4g}%\n",
                                     a->from,
                                     a->to,
                                     report.national_growth * 100.0);
        }
        a->out.inputs = panel_inputs(a->panel);
        emit({report.table}, a->out);
    });
}

void add_dynamics_command(CLI::App& group) {
    auto a = std::make_shared<ChangeArgs>();
    auto* cmd = group.add_subcommand(
        "dynamics",
        "Growth and the entries and exits of specialisations between two years (EconGeo's\n"
        "growth_mat, entry_list, exit_list): loc, prod, base, end, growth_pct (empty where the\n"
        "base is 0 and the end is not), mcp_base, mcp_end, entry, exit.");
    add_change_args(*cmd, *a);
    cmd->callback([a] {
        const auto report = geo::dynamics_report(panel_options(a->panel), a->from, a->to);
        if (!a->out.quiet) {
            std::cerr << fmt::format("{} -> {}: {} entries, {} exits of specialisations\n",
                                     a->from,
                                     a->to,
                                     report.entries,
                                     report.exits);
        }
        a->out.inputs = panel_inputs(a->panel);
        emit({report.table}, a->out);
    });
}

void add_complementarity_command(CLI::App& group) {
    struct Args {
        std::string exports;
        std::string imports;
        data::PanelColumns columns;
        std::string year;
        int china = 0;
        bool foreign = false;
        OutputOptions out;
    };
    auto a = std::make_shared<Args>();
    auto* cmd = group.add_subcommand(
        "complementarity",
        "Michaely's trade complementarity (0-100) of every ordered pair: how well the supplier's\n"
        "exports match the buyer's imports. From two long CSVs (--exports, --imports), or from\n"
        "the shipped provincial tables (--china 2017: outflows to and inflows from other\n"
        "provinces; with --foreign, exports and imports).");
    cmd->add_option("--exports", a->exports, "long CSV of exports (time, loc, prod, val)");
    cmd->add_option("--imports", a->imports, "long CSV of imports (same columns)");
    cmd->add_option("--china", a->china, "a year of the shipped provincial tables (2012, 2017)");
    cmd->add_flag("--foreign", a->foreign, "with --china: foreign exports and imports");
    cmd->add_option("--year", a->year, "the year of the CSVs (default: the first)");
    cmd->add_option("--time", a->columns.time, "name of the time column");
    cmd->add_option("--loc", a->columns.loc, "name of the location column");
    cmd->add_option("--prod", a->columns.prod, "name of the product column");
    cmd->add_option("--val", a->columns.val, "name of the value column");
    add_output_options(*cmd, a->out);
    cmd->callback([a] {
        geo::TradeFlows flows;
        if (a->china != 0) {
            auto trade = data::provincial_trade(data::load_provincial_tables(a->china), a->foreign);
            flows = {
                std::move(trade.provinces), std::move(trade.sales), std::move(trade.purchases)};
        } else {
            if (a->exports.empty() || a->imports.empty()) {
                fail(ErrorCode::kUsage, "give --exports and --imports, or --china <year>");
            }
            flows = geo::trade_flows_from_csv(a->exports, a->imports, a->columns, a->year);
        }
        a->out.inputs = {a->exports, a->imports};
        emit({geo::trade_complementarity_table(flows)}, a->out);
    });
}

void add_profile_command_geo(CLI::App& group) {
    struct Args {
        std::string region;
        int year = 2017;
        int base = 2012;
        std::size_t top = 10;
        std::string lang;
        OutputOptions out;
    };
    auto a = std::make_shared<Args>();
    auto* cmd = group.add_subcommand(
        "profile",
        "A province's structure among all provinces from the shipped provincial tables (value\n"
        "added by sector): summary indicators, top specialisations, the nearest sectors it lacks\n"
        "(by density, with COG and PCI), and the shift-share split of its growth since --base.");
    cmd->add_option("region", a->region, "province: code, English or Chinese name")->required();
    cmd->add_option("--year", a->year, "table year (default 2017)");
    cmd->add_option("--base", a->base, "base year of the shift-share (default 2012)");
    cmd->add_option("--top", a->top, "sectors listed (default 10)");
    add_output_options(*cmd, a->out);
    cmd->add_option("--lang", a->lang, "en or zh (default: zh when the region is named in Chinese)")
        ->check(CLI::IsMember({"en", "zh"}));
    cmd->callback([a] {
        brief::StructureOptions options;
        options.top = a->top;
        const bool terminal = a->out.format == "table" && a->out.output.empty();
        const auto lang = i18n::language_for(a->lang, {a->region});
        const auto report = brief::structure_report(data::load_provincial_tables(a->year),
                                                    data::load_provincial_tables(a->base),
                                                    a->region,
                                                    options,
                                                    terminal,
                                                    lang);
        if (!a->out.quiet) {
            for (const auto& n : report.notes) {
                std::cerr << (lang == i18n::Lang::kZh ? "注：" : "note: ") << n << '\n';
            }
        }
        emit(report.tables, a->out);
    });
}

}  // namespace

void add_geo_commands(CLI::App& app) {
    auto* group = app.add_subcommand(
        "geo",
        "Regional structure: specialisation, relatedness, economic complexity (py-ecomplexity's "
        "and EconGeo's conventions), shift-share and trade complementarity.");
    group->require_subcommand(1);
    add_complexity_command(*group);
    add_proximity_command(*group);
    add_locations_command(*group);
    add_products_command(*group);
    add_relatedness_command(*group);
    add_density_command(*group);
    add_shift_share_command(*group);
    add_dynamics_command(*group);
    add_complementarity_command(*group);
    add_profile_command_geo(*group);
}

}  // namespace tandem::cli
