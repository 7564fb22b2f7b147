// tandem china ...: the official Chinese input-output tables.
#include <fstream>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tandem/china/mrio_build.hpp"
#include "tandem/core/error.hpp"
#include "tandem/data/china_tables.hpp"
#include "tandem/data/datasets.hpp"
#include "tandem/data/output_folder.hpp"
#include "tandem/data/pymrio_format.hpp"
#include "tandem/data/regions.hpp"
#include "tandem/data/table_writers.hpp"
#include "tandem/data/tandem_format.hpp"

#include "common.hpp"

namespace tandem::cli {

void add_china_commands(CLI::App& app) {
    auto* group = app.add_subcommand("china", "China's official input-output tables and regions.");
    group->require_subcommand(1);
    {
        struct Args {
            int year = 2017;
            std::string out;
            double decay = 1.0;
            std::string balance = "mean";
            std::string employment_split = "compensation";
            std::string employment;
            std::string transit = "net";
            std::string negative_uses = "split";
            bool no_employment = false;
            bool quiet = false;
        };
        auto a = std::make_shared<Args>();
        auto* cmd = group->add_subcommand(
            "build",
            "Build China's inter-provincial MRIO of a year from the shipped provincial tables:\n"
            "foreign imports by proportional use, inter-provincial trade by a doubly constrained\n"
            "gravity model fitted by RAS, Chenery-Moses assembly (docs/china-mrio.md). Writes\n"
            "<dir>/pymrio (pymrio's saved folder), <dir>/tandem (tandem's format), the build log\n"
            "(build_log.md, build_log.json) and the residual tables (provinces, identities,\n"
            "trade, distances_km as CSV).");
        cmd->add_option("--year", a->year, "2017 (default) or 2012");
        cmd->add_option("-o,--output", a->out, "output folder")->required();
        cmd->add_option(
            "--decay", a->decay, "distance-decay exponent of the gravity model (default 1)");
        cmd->add_option("--balance",
                        a->balance,
                        "reconcile a product's national outflow and inflow totals: mean "
                        "(default), outflow or inflow")
            ->check(CLI::IsMember({"mean", "outflow", "inflow"}));
        cmd->add_option("--transit",
                        a->transit,
                        "goods passing through a province (outflows and exports above what it "
                        "produces for them): net (default: out of inflows and outflows) or keep")
            ->check(CLI::IsMember({"net", "keep"}));
        cmd->add_option("--negative-uses",
                        a->negative_uses,
                        "negative uses (inventory drawdowns): split by origin like the others "
                        "(default) or local (the province's own stocks)")
            ->check(CLI::IsMember({"split", "local"}));
        cmd->add_option("--employment-split",
                        a->employment_split,
                        "share a sector's national employment among provinces by compensation "
                        "(default) or output")
            ->check(CLI::IsMember({"compensation", "output"}));
        cmd->add_option("--employment",
                        a->employment,
                        "national employment table (default: data/china/employment.csv)");
        cmd->add_flag("--no-employment", a->no_employment, "no employment extension");
        cmd->add_flag("-q,--quiet", a->quiet, "no messages on stderr");
        cmd->callback([a] {
            const TableSet set = data::load_provincial_tables(a->year);
            china::BuildOptions o;
            o.decay = a->decay;
            o.balance = a->balance == "outflow"  ? china::MarginBalance::kOutflow
                        : a->balance == "inflow" ? china::MarginBalance::kInflow
                                                 : china::MarginBalance::kMean;
            o.net_transit = a->transit == "net";
            o.split_negative_uses = a->negative_uses == "split";
            o.employment_split = a->employment_split == "output"
                                     ? china::EmploymentSplit::kOutput
                                     : china::EmploymentSplit::kCompensation;
            if (!a->no_employment) {
                o.employment_csv = a->employment.empty()
                                       ? data::data_dir() / "china" / "employment.csv"
                                       : std::filesystem::path(a->employment);
            }
            const auto progress = terminal_progress(a->quiet);
            const auto r = china::build_mrio(set, o, progress);
            refuse_input_overlap(a->out, {a->employment, data::data_dir().string()});
            data::OutputFolder folder(a->out, "build_log.json");
            china::write_build(r, set, a->year, o, folder.path(), progress);
            folder.commit();
            if (!a->quiet) {
                std::cerr << china::build_log_markdown(r) << "wrote " << a->out << '\n';
            }
        });
    }
    {
        struct Args {
            int year = 2017;
            std::string from;
            std::string out;
            double tolerance = 0.0;
        };
        auto a = std::make_shared<Args>();
        auto* cmd = group->add_subcommand(
            "import",
            "Import the provincial tables of a year (CHNIO layout: io_<year>.csv,\n"
            "sectors_<year>.csv) into tandem's table-set format, checking every balance.");
        cmd->add_option("--year", a->year, "2002, 2007, 2012 or 2017")->required();
        cmd->add_option("--from", a->from, "folder with io_<year>.csv and sectors_<year>.csv")
            ->required();
        cmd->add_option("-o,--output", a->out, "output folder (tandem table set)")->required();
        cmd->add_option(
            "--tolerance",
            a->tolerance,
            "largest relative imbalance accepted in a row or column (default: 1e-3, 1e-2 "
            "for 2002)");
        cmd->callback([a] {
            data::ImportOptions options;
            options.balance_tolerance = a->tolerance;
            refuse_input_overlap(a->out, {a->from});
            auto set = data::import_provincial_chnio(a->from, a->year, options);
            data::write_table_set(set, a->out);
            for (const auto& note : set.notes) {
                std::cerr << "note: " << note << '\n';
            }
            std::cerr << fmt::format("{} provinces x {} sectors ({}) -> {}\n",
                                     set.tables.size(),
                                     set.sectors.size(),
                                     set.year,
                                     a->out);
        });
    }
    {
        struct Args {
            int year = 2017;
            std::string file;
            std::string out;
            double tolerance = 0.0;
        };
        auto a = std::make_shared<Args>();
        auto* cmd = group->add_subcommand(
            "import-national",
            "Import a national table (ionet layout: china_<year>_42.csv non-competitive, or\n"
            "china_2020_153.csv competitive) into tandem's table-set format.");
        cmd->add_option("--file", a->file, "the CSV file")->required();
        cmd->add_option("--year", a->year, "table year")->required();
        cmd->add_option("-o,--output", a->out, "output folder (tandem table set)")->required();
        cmd->add_option(
            "--tolerance",
            a->tolerance,
            "largest relative imbalance accepted in a row or column (default: 1e-3, 1e-2 "
            "for 2002)");
        cmd->callback([a] {
            data::ImportOptions options;
            options.balance_tolerance = a->tolerance;
            refuse_input_overlap(a->out, {a->file});
            auto set = data::import_national_ionet(a->file, a->year, options);
            data::write_table_set(set, a->out);
            for (const auto& note : set.notes) {
                std::cerr << "note: " << note << '\n';
            }
            std::cerr << fmt::format("national table {} x {} sectors ({}) -> {}\n",
                                     set.year,
                                     set.sectors.size(),
                                     set.classification,
                                     a->out);
        });
    }
    {
        auto out = std::make_shared<OutputOptions>();
        auto* cmd = group->add_subcommand(
            "regions", "China's provinces: GB/T 2260 and ISO 3166-2 codes, names, groups.");
        add_output_options(*cmd, *out);
        cmd->callback([out] { emit({data::provinces_table()}, *out); });
    }
    {
        auto* cmd = group->add_subcommand("datasets", "List the datasets shipped with tandem.");
        cmd->callback([] {
            std::cout << "data folder: " << data::data_dir().string() << "\n";
            for (int year : {2012, 2017}) {
                auto set = data::load_provincial_tables(year);
                std::cout << fmt::format("provincial {}: {} provinces x {} sectors, {}\n",
                                         year,
                                         set.tables.size(),
                                         set.sectors.size(),
                                         set.unit);
            }
            for (const char* id : {"2017_42", "2018_42", "2020_42", "2020_153"}) {
                auto set = data::load_national_table(id);
                std::cout << fmt::format(
                    "national {}: {} sectors, {}\n", id, set.sectors.size(), set.unit);
            }
        });
    }
}

}  // namespace tandem::cli
