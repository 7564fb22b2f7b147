// tandem china ...: the official Chinese input-output tables.
#include <iostream>

#include <fmt/format.h>

#include "tandem/core/error.hpp"
#include "tandem/data/china_tables.hpp"
#include "tandem/data/datasets.hpp"
#include "tandem/data/regions.hpp"

#include "common.hpp"

namespace tandem::cli {

void add_china_commands(CLI::App& app) {
    auto* group = app.add_subcommand("china", "China's official input-output tables and regions.");
    group->require_subcommand(1);
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
        cmd->callback([out] {
            Table t;
            t.name = "provinces";
            t.rows.names = {"iso", "gb", "name", "名称", "groups"};
            t.cols = Index::single("", {});
            for (const auto& p : data::provinces()) {
                t.rows.labels.push_back({p.iso_code,
                                         p.gb_code,
                                         p.name_en,
                                         p.name_zh,
                                         fmt::format("{}", fmt::join(p.groups, "; "))});
            }
            t.values.resize(static_cast<Eigen::Index>(t.rows.size()), 0);
            emit({t}, *out);
        });
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
