// tandem china ...: the official Chinese input-output tables (the work in china/commands.hpp).
#include <iostream>

#include "tandem/china/commands.hpp"
#include "tandem/data/datasets.hpp"
#include "tandem/data/regions.hpp"

#include "common.hpp"

namespace tandem::cli {

namespace {

void add_import_command(CLI::App& group,
                        const char* name,
                        const char* help,
                        Settings (*settings)(china::ImportCommand&),
                        std::vector<std::string> (*run)(const china::ImportCommand&)) {
    auto c = std::make_shared<china::ImportCommand>();
    add_command(group, name, help, settings(*c))->callback([c, run] {
        refuse_input_overlap(c->output, {c->from});
        for (const auto& line : run(*c)) {
            std::cerr << line << '\n';
        }
    });
}

}  // namespace

void add_china_commands(CLI::App& app) {
    auto* group = app.add_subcommand("china", "China's official input-output tables and regions.");
    group->require_subcommand(1);
    auto build = std::make_shared<china::BuildCommand>();
    add_command(
        *group,
        "build",
        "Build China's inter-provincial MRIO of a year from the shipped provincial tables:\n"
        "foreign imports by proportional use, inter-provincial trade by a doubly constrained\n"
        "gravity model fitted by RAS, Chenery-Moses assembly (docs/china-mrio.md). Writes\n"
        "<dir>/pymrio (pymrio's saved folder), <dir>/tandem (tandem's format), the build log\n"
        "(build_log.md, build_log.json) and the residual tables (provinces, identities,\n"
        "trade, distances_km as CSV).",
        china::build_settings(*build))
        ->callback([c = build] {
            refuse_input_overlap(c->output, {c->employment, data::data_dir().string()});
            const std::string log = china::run_build(*c, terminal_progress(c->quiet));
            if (!c->quiet) {
                std::cerr << log << "wrote " << c->output << '\n';
            }
        });
    add_import_command(
        *group,
        "import",
        "Import the provincial tables of a year (CHNIO layout: io_<year>.csv,\n"
        "sectors_<year>.csv) into tandem's table-set format, checking every balance.",
        china::import_settings,
        china::run_import);
    add_import_command(
        *group,
        "import-national",
        "Import a national table (ionet layout: china_<year>_42.csv non-competitive, or\n"
        "china_2020_153.csv competitive) into tandem's table-set format.",
        china::import_national_settings,
        china::run_import_national);
    auto out = std::make_shared<OutputOptions>();
    add_command(*group,
                "regions",
                "China's provinces: GB/T 2260 and ISO 3166-2 codes, names, groups.",
                {},
                out.get())
        ->callback([out] { emit({data::provinces_table()}, *out); });
    add_command(*group, "datasets", "List the datasets shipped with tandem.", {})->callback([] {
        for (const auto& line : china::dataset_lines()) {
            std::cout << line << '\n';
        }
    });
}

}  // namespace tandem::cli
