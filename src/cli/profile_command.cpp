#include <iostream>

#include <fmt/format.h>

#include "common.hpp"
#include "tandem/brief/profile.hpp"
#include "tandem/data/china_tables.hpp"
#include "tandem/data/datasets.hpp"

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
    cmd->add_option("regions", args->regions,
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
        for (const auto& region : args->regions) {
            auto p = brief::region_profile(set, region, options);
            const std::string prefix = p.region.name_en + " ";
            for (Table* t : {&p.summary, &p.structure, &p.multipliers, &p.key_sectors}) {
                if (args->out.format != "table" || !args->out.output.empty()) {
                    t->name = prefix + t->name.substr(0, t->name.find(" ("));
                }
                tables.push_back(std::move(*t));
            }
        }
        if (args->out.format == "table" && args->out.output.empty()) {
            std::cout << fmt::format(
                "Provincial input-output tables {} ({}; unit: {}). Source: {}\n\n", set.year,
                set.classification, set.unit, "provincial statistics bureaus / NBS of China");
        }
        emit(tables, args->out);
    });
}

}  // namespace tandem::cli
