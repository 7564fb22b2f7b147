#include <iostream>

#include <fmt/format.h>

#include "tandem/brief/profile.hpp"
#include "tandem/data/china_tables.hpp"
#include "tandem/data/datasets.hpp"

#include "common.hpp"

namespace tandem::cli {

namespace {

struct ProfileArgs {
    std::vector<std::string> regions = {"Heilongjiang", "Anhui"};
    int year = 2017;
    std::string tables;  // a tandem table-set folder instead of the shipped tables
    std::size_t top = 8;
    OutputOptions out;
};

}  // namespace

void add_profile_command(CLI::App& app) {
    auto args = std::make_shared<ProfileArgs>();
    auto* cmd = app.add_subcommand(
        "profile",
        "Profile provinces from the shipped provincial input-output tables: size, structure,\n"
        "output, value-added and income multipliers, key sectors.");
    cmd->add_option("regions",
                    args->regions,
                    "provinces by code (CN-HL, 230000), English or Chinese name; default: "
                    "Heilongjiang Anhui");
    cmd->add_option("--year", args->year, "table year: 2017 or 2012 (shipped)");
    cmd->add_option("--tables", args->tables, "a tandem table-set folder to use instead");
    cmd->add_option("--top", args->top, "sectors listed per table")->check(CLI::Range(1, 42));
    add_output_options(*cmd, args->out);
    cmd->callback([args] {
        const TableSet set = args->tables.empty() ? data::load_provincial_tables(args->year)
                                                  : data::read_table_set(args->tables);
        std::vector<Table> tables;
        brief::ProfileOptions options;
        options.top = args->top;
        const bool terminal = args->out.format == "table" && args->out.output.empty();
        for (const auto& region : args->regions) {
            auto p = brief::region_profile(set, region, options);
            // On the terminal each table gets a title that explains it; files get short names.
            const std::vector<std::pair<Table*, std::string>> titled = {
                {&p.summary,
                 fmt::format(
                     "{} ({}) {}: size and structure", p.region.name_en, p.region.name_zh, p.year)},
                {&p.structure, fmt::format("Largest sectors by value added ({})", p.unit)},
                {&p.multipliers,
                 "Highest output multipliers (regional flows: imports and inflows removed)"},
                {&p.key_sectors, "Key sectors (power and sensitivity of dispersion both above 1)"},
            };
            for (const auto& [table, title] : titled) {
                if (terminal) {
                    table->name = title;
                } else {
                    // Files keep short names (sheets, file names) and carry the title.
                    table->name = p.region.name_en + " " + table->name;
                    table->notes.insert(table->notes.begin(), title);
                }
                tables.push_back(std::move(*table));
            }
            if (!terminal && !tables.empty()) {
                tables[tables.size() - titled.size()].notes.push_back(fmt::format(
                    "source: provincial input-output tables {} ({}; unit: {}), provincial "
                    "statistics bureaus / NBS of China",
                    set.year,
                    set.classification,
                    set.unit));
            }
        }
        if (terminal) {
            std::cout << fmt::format(
                "Provincial input-output tables {} ({}; unit: {}). Source: {}\n\n",
                set.year,
                set.classification,
                set.unit,
                "provincial statistics bureaus / NBS of China");
        }
        emit(tables, args->out);
    });
}

}  // namespace tandem::cli
