#include "tandem/china/commands.hpp"

#include <cmath>

#include <fmt/format.h>

#include "tandem/core/error.hpp"
#include "tandem/data/datasets.hpp"
#include "tandem/data/output_folder.hpp"

namespace tandem::china {

namespace {

Setting output_setting(std::string& output, const char* help) {
    return {"-o,--output", help, &output, {}, true};
}

Setting tolerance_setting(data::ImportOptions& o) {
    return {"--tolerance",
            "largest relative imbalance accepted in a row or column (default: 1e-3, 1e-2 for "
            "2002)",
            &o.balance_tolerance};
}

std::vector<std::string> with_notes(const TableSet& set, std::string written) {
    std::vector<std::string> lines;
    for (const auto& note : set.notes) {
        lines.push_back("note: " + note);
    }
    lines.push_back(std::move(written));
    return lines;
}

}  // namespace

bool BuildCommand::is_valid(std::string* why) const {
    return all_valid(why,
                     {{!output.empty(), "no output folder (-o)"},
                      {!no_employment || employment.empty(),
                       "--employment and --no-employment exclude each other"}});
}

bool ImportCommand::is_valid(std::string* why) const {
    return all_valid(why,
                     {{!from.empty(), "no input (--from or --file)"},
                      {!output.empty(), "no output folder (-o)"},
                      {std::isfinite(options.balance_tolerance) && options.balance_tolerance >= 0.0,
                       "tolerance: expected 0 (the year's default) or more"}});
}

Settings build_settings(BuildCommand& c) {
    auto& o = c.options;
    return {
        {"--year", "2017 (default) or 2012", &c.year},
        output_setting(c.output, "output folder"),
        {"--decay", "distance-decay exponent of the gravity model (default 1)", &o.decay},
        {"--balance",
         "reconcile a product's national outflow and inflow totals: mean (default), outflow or "
         "inflow",
         Setting::Parse([&o](const std::string& s) {
             o.balance = s == "outflow"  ? MarginBalance::kOutflow
                         : s == "inflow" ? MarginBalance::kInflow
                                         : MarginBalance::kMean;
         }),
         {"mean", "outflow", "inflow"}},
        {"--transit",
         "goods passing through a province (outflows and exports above what it produces for "
         "them): net (default: out of inflows and outflows) or keep",
         Setting::Parse([&o](const std::string& s) { o.net_transit = s == "net"; }),
         {"net", "keep"}},
        {"--negative-uses",
         "negative uses (inventory drawdowns): split by origin like the others (default) or "
         "local (the province's own stocks)",
         Setting::Parse([&o](const std::string& s) { o.split_negative_uses = s == "split"; }),
         {"split", "local"}},
        {"--employment-split",
         "share a sector's national employment among provinces by compensation (default) or "
         "output",
         Setting::Parse([&o](const std::string& s) {
             o.employment_split =
                 s == "output" ? EmploymentSplit::kOutput : EmploymentSplit::kCompensation;
         }),
         {"compensation", "output"}},
        {"--employment",
         "national employment table (default: data/china/employment.csv)",
         &c.employment},
        {"--no-employment", "no employment extension", &c.no_employment},
        {"-q,--quiet", "no messages on stderr", &c.quiet},
    };
}

std::string run_build(const BuildCommand& c, const ProgressFn& progress) {
    require_valid(c);
    const TableSet set = data::load_provincial_tables(c.year);
    BuildOptions o = c.options;
    if (!c.no_employment) {
        o.employment_csv = c.employment.empty() ? data::data_dir() / "china" / "employment.csv"
                                                : std::filesystem::path(c.employment);
    }
    const auto r = build_mrio(set, o, progress);
    data::OutputFolder folder(c.output, "build_log.json");
    write_build(r, set, c.year, o, folder.path(), progress);
    folder.commit();
    return build_log_markdown(r);
}

Settings import_settings(ImportCommand& c) {
    return {
        {"--year", "2002, 2007, 2012 or 2017", &c.year, {}, true},
        {"--from", "folder with io_<year>.csv and sectors_<year>.csv", &c.from, {}, true},
        output_setting(c.output, "output folder (tandem table set)"),
        tolerance_setting(c.options),
    };
}

Settings import_national_settings(ImportCommand& c) {
    return {
        {"--file", "the CSV file", &c.from, {}, true},
        {"--year", "table year", &c.year, {}, true},
        output_setting(c.output, "output folder (tandem table set)"),
        tolerance_setting(c.options),
    };
}

std::vector<std::string> run_import(const ImportCommand& c) {
    require_valid(c);
    const auto set = data::import_provincial_chnio(c.from, c.year, c.options);
    data::write_table_set(set, c.output);
    return with_notes(set,
                      fmt::format("{} provinces x {} sectors ({}) -> {}",
                                  set.tables.size(),
                                  set.sectors.size(),
                                  set.year,
                                  c.output));
}

std::vector<std::string> run_import_national(const ImportCommand& c) {
    require_valid(c);
    const auto set = data::import_national_ionet(c.from, c.year, c.options);
    data::write_table_set(set, c.output);
    return with_notes(set,
                      fmt::format("national table {} x {} sectors ({}) -> {}",
                                  set.year,
                                  set.sectors.size(),
                                  set.classification,
                                  c.output));
}

std::vector<std::string> dataset_lines() {
    std::vector<std::string> lines = {"data folder: " + data::data_dir().string()};
    for (int year : {2012, 2017}) {
        const auto set = data::load_provincial_tables(year);
        lines.push_back(fmt::format("provincial {}: {} provinces x {} sectors, {}",
                                    year,
                                    set.tables.size(),
                                    set.sectors.size(),
                                    set.unit));
    }
    for (const char* id : {"2017_42", "2018_42", "2020_42", "2020_153"}) {
        const auto set = data::load_national_table(id);
        lines.push_back(
            fmt::format("national {}: {} sectors, {}", id, set.sectors.size(), set.unit));
    }
    return lines;
}

}  // namespace tandem::china
