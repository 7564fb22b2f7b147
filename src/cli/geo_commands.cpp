// tandem geo ...: regional structure. `complexity` and `proximity` are drop-ins for
// py-ecomplexity's ecomplexity() and proximity() on long CSV files; the other subcommands cover
// EconGeo's indicators, shift-share, Fitness-Complexity and trade complementarity; `profile`
// reads the shipped provincial tables.
#include <iostream>
#include <memory>

#include "tandem/brief/structure.hpp"
#include "tandem/data/output_folder.hpp"
#include "tandem/geo/commands.hpp"
#include "tandem/geo/complementarity.hpp"

#include "common.hpp"

namespace tandem::cli {

namespace {

// Notes on stderr unless quiet.
geo::NoteFn stderr_notes(bool quiet) {
    if (quiet) {
        return {};
    }
    return [](const std::string& text) { std::cerr << text << '\n'; };
}

// A panel written as CSV year by year: to standard output, or a file renamed into place once
// complete.
struct StreamCommand {
    geo::PanelOptions panel;
    std::string output;
    bool quiet = false;
    bool all_pairs = false;
};

void add_stream_command(CLI::App& group, const char* name, const char* help, bool proximity) {
    auto c = std::make_shared<StreamCommand>();
    Settings settings =
        geo::panel_settings(c->panel) +
        Settings{
            {"-o,--output", "output CSV (standard output if not given)", &c->output},
            {"-q,--quiet", "no messages on stderr", &c->quiet},
        };
    if (proximity) {
        settings.push_back(
            {"--all-pairs", "every ordered pair, diagonal and zeros included", &c->all_pairs});
    }
    add_command(group, name, help, settings)->callback([c, proximity] {
        refuse_input_overlap(c->output, {c->panel.input, c->panel.population});
        std::unique_ptr<data::AtomicFile> file;
        if (!c->output.empty() && c->output != "-") {
            file = std::make_unique<data::AtomicFile>(c->output);
        }
        std::ostream& out = file ? file->stream() : std::cout;
        if (proximity) {
            geo::write_proximity_csv(
                c->panel, c->all_pairs, out, terminal_progress(c->quiet), stderr_notes(c->quiet));
        } else {
            geo::write_complexity_csv(
                c->panel, out, terminal_progress(c->quiet), stderr_notes(c->quiet));
        }
        if (!file) {
            std::cout.flush();
            return;
        }
        file->commit();
        if (!c->quiet) {
            std::cerr << "wrote " << c->output << '\n';
        }
    });
}

struct IndicatorCommand {
    geo::PanelOptions panel;
    geo::IndicatorOptions options;
    OutputOptions out;
};

using IndicatorTable = Table (*)(const geo::PanelOptions&,
                                 const geo::IndicatorOptions&,
                                 const ProgressFn&,
                                 const geo::NoteFn&);

void add_indicator_command(CLI::App& group,
                           const char* name,
                           const char* help,
                           const std::shared_ptr<IndicatorCommand>& c,
                           const Settings& settings,
                           IndicatorTable table) {
    add_command(group, name, help, geo::panel_settings(c->panel) + settings, &c->out)
        ->callback([c, table] {
            c->out.inputs = {c->panel.input, c->panel.population};
            emit({table(c->panel,
                        c->options,
                        terminal_progress(c->out.quiet),
                        stderr_notes(c->out.quiet))},
                 c->out);
        });
}

void add_indicator_commands(CLI::App& group) {
    auto c = std::make_shared<IndicatorCommand>();
    add_indicator_command(
        group,
        "locations",
        "Indicators of each location and year: total, diversity, ECI and COI (py-ecomplexity),\n"
        "KCI (EconGeo's eigenvector), MORc (reflections), fitness (Tacchella et al.),\n"
        "Herfindahl, entropy, Krugman, specialisation coefficient, Hachman, average LQ, and\n"
        "the mean relatedness density of its own sectors (internal) and of the others.",
        c,
        Settings{geo::relatedness_setting(c->options, "--relatedness")} +
            geo::reflection_settings(c->options),
        geo::locations_table);
    c = std::make_shared<IndicatorCommand>();
    add_indicator_command(
        group,
        "products",
        "Indicators of each product (activity) and year: total, ubiquity, PCI (py-ecomplexity),\n"
        "MORt (reflections), complexity (Fitness-Complexity), Gini, locational Gini, Hoover\n"
        "index (against the locations' totals); --econgeo adds EconGeo's TCI, a dense\n"
        "non-symmetric eigenproblem of the product matrix (slow beyond a few thousand).",
        c,
        geo::reflection_settings(c->options) +
            Settings{{"--econgeo", "also EconGeo's TCI", &c->options.econgeo}},
        geo::products_table);
    c = std::make_shared<IndicatorCommand>();
    add_indicator_command(
        group,
        "relatedness",
        "Relatedness of product pairs from co-occurrence (EconGeo's relatedness()): time,\n"
        "prod_1, prod_2, cooccurrence, relatedness; pairs prod_1 < prod_2 that co-occur, or\n"
        "every ordered pair with --all-pairs.",
        c,
        {geo::relatedness_setting(c->options, "--method"),
         {"--all-pairs", "every ordered pair", &c->options.all_pairs}},
        [](const auto& panel, const auto& options, const auto& progress, const auto&) {
            return geo::relatedness_table(panel, options, progress);
        });
    c = std::make_shared<IndicatorCommand>();
    add_indicator_command(
        group,
        "density",
        "Relatedness density (EconGeo, 0-100, unrounded) of each location around each product:\n"
        "time, loc, prod, value, rca, mcp, density; with the relatedness method of --method.",
        c,
        {geo::relatedness_setting(c->options, "--method")},
        [](const auto& panel, const auto& options, const auto& progress, const auto&) {
            return geo::density_table(panel, options, progress);
        });
}

void add_change_command(CLI::App& group,
                        const char* name,
                        const char* help,
                        geo::ChangeReport (*run)(const geo::ChangeCommand&)) {
    auto c = std::make_shared<geo::ChangeCommand>();
    auto out = std::make_shared<OutputOptions>();
    auto settings = geo::change_settings(*c);
    if (run == geo::run_shift_share) {
        settings.push_back({"--by-location", "one row per location", &c->by_location});
    }
    add_command(group, name, help, settings, out.get())->callback([c, out, run] {
        const auto report = run(*c);
        if (!out->quiet) {
            std::cerr << report.summary << '\n';
        }
        out->inputs = {c->panel.input, c->panel.population};
        emit({report.table}, *out);
    });
}

void add_profile_command_geo(CLI::App& group) {
    auto r = std::make_shared<brief::StructureRequest>();
    auto out = std::make_shared<OutputOptions>();
    auto* cmd = add_command(
        group,
        "profile",
        "A province's structure among all provinces from the shipped provincial tables (value\n"
        "added by sector): summary indicators, top specialisations, the nearest sectors it lacks\n"
        "(by density, with COG and PCI), and the shift-share split of its growth since --base.",
        brief::structure_settings(*r),
        out.get());
    cmd->callback([r, out] {
        const auto report =
            brief::structure_report(*r, out->format == "table" && out->output.empty());
        print_notes(
            report.notes, out->quiet, i18n::language_for(r->lang, {r->region}) == i18n::Lang::kZh);
        emit(report.tables, *out);
    });
}

}  // namespace

void add_geo_commands(CLI::App& app) {
    auto* group = app.add_subcommand(
        "geo",
        "Regional structure: specialisation, relatedness, economic complexity (py-ecomplexity's\n"
        "and EconGeo's conventions), shift-share and trade complementarity.");
    group->require_subcommand(1);
    add_stream_command(
        *group,
        "complexity",
        "ECI, PCI, density, COI, COG and RCA for every year of a long CSV, written as\n"
        "py-ecomplexity writes them: the input columns, then diversity, ubiquity, mcp, eci,\n"
        "pci, density, coi, cog, rca; one row per location x product of each year. Years are\n"
        "computed and written one at a time.",
        false);
    add_stream_command(
        *group,
        "proximity",
        "Product proximity for every year: time,prod_1,prod_2,proximity. By default the pairs\n"
        "prod_1 < prod_2 (as strings) with proximity > 0; --all-pairs writes the full matrix.",
        true);
    add_indicator_commands(*group);
    add_change_command(
        *group,
        "shift-share",
        "Shift-share split of each location x product change between two years: national\n"
        "growth, industry mix and competitiveness (they sum to the change); the nation is the\n"
        "sum over all locations. --by-location sums each location's products.",
        geo::run_shift_share);
    add_change_command(
        *group,
        "dynamics",
        "Growth and the entries and exits of specialisations between two years (EconGeo's\n"
        "growth_mat, entry_list, exit_list): loc, prod, base, end, growth_pct (empty where the\n"
        "base is 0 and the end is not), mcp_base, mcp_end, entry, exit.",
        geo::run_dynamics);
    auto c = std::make_shared<geo::ComplementarityCommand>();
    auto out = std::make_shared<OutputOptions>();
    add_command(
        *group,
        "complementarity",
        "Michaely's trade complementarity (0-100) of every ordered pair: how well the supplier's\n"
        "exports match the buyer's imports. From two long CSVs (--exports, --imports), or from\n"
        "the shipped provincial tables (--china 2017: outflows to and inflows from other\n"
        "provinces; with --foreign, exports and imports).",
        geo::complementarity_settings(*c),
        out.get())
        ->callback([c, out] {
            out->inputs = {c->exports, c->imports};
            emit({geo::run_complementarity(*c)}, *out);
        });
    add_profile_command_geo(*group);
}

}  // namespace tandem::cli
