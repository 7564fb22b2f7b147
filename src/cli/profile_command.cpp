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
    std::string lang;
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
    cmd->add_option("--lang",
                    args->lang,
                    "en or zh (default: zh when every region is named "
                    "in Chinese, else en)")
        ->check(CLI::IsMember({"en", "zh"}));
    cmd->callback([args] {
        const TableSet set = args->tables.empty() ? data::load_provincial_tables(args->year)
                                                  : data::read_table_set(args->tables);
        brief::ProfileOptions options;
        options.top = args->top;
        const bool terminal = args->out.format == "table" && args->out.output.empty();
        const auto report = brief::profile_report(
            set, args->regions, options, terminal, i18n::language_for(args->lang, args->regions));
        if (terminal) {
            std::cout << report.header << "\n\n";
        }
        emit(report.tables, args->out);
    });
}

}  // namespace tandem::cli
