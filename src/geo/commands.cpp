#include "tandem/geo/commands.hpp"

#include <fmt/format.h>

#include "tandem/core/error.hpp"
#include "tandem/data/china_tables.hpp"
#include "tandem/data/datasets.hpp"
#include "tandem/geo/complementarity.hpp"

namespace tandem::geo {

Settings column_settings(data::PanelColumns& columns, const std::string& of) {
    const auto help = [&of](const char* column, const char* name) {
        return of.empty() ? fmt::format("name of the {} column", column)
                          : fmt::format("{} column of {} (default {})", column, of, name);
    };
    return {
        {"--time", help("time", "time"), &columns.time},
        {"--loc", help(of.empty() ? "location" : "region", "loc"), &columns.loc},
        {"--prod", help(of.empty() ? "product" : "sector", "prod"), &columns.prod},
        {"--val", help("value", "val"), &columns.val},
    };
}

Settings panel_settings(PanelOptions& o) {
    auto& presence = o.presence;
    Settings columns = column_settings(o.columns);
    columns[0].help += " (py-ecomplexity cols_input)";
    columns[2].help = "name of the product (activity) column";
    return Settings{{"input",
                     "long CSV: one row per time, location, product and value",
                     &o.input,
                     {},
                     true}} +
           columns +
           Settings{
               {"--max-cells",
                "refuse a year of more locations x products cells than this (5,000,000): a "
                "sparse file would otherwise make a huge dense year and output",
                &o.max_cells},
               {"--presence",
                "presence test: rca (RCA >= threshold), rpop (value per head, needs "
                "--population), both, or given (value > 0 is presence)",
                Setting::Parse([&presence](const std::string& s) {
                    presence = parse_presence_test(s).value_or(PresenceTest::kRca);
                }),
                {"rca", "rpop", "both", "given"}},
               {"--rca-threshold", "presence where RCA >= this (default 1)", &o.rca_threshold},
               {"--rpop-threshold", "presence where RPOP >= this (default 1)", &o.rpop_threshold},
               {"--population",
                "CSV with the location column and a population column (and optionally the time "
                "column)",
                &o.population},
               {"--pop-col", "name of the population column (default pop)", &o.pop_col},
               {"--min-loc-total",
                "leave out locations whose total is below this (tiny territories)",
                &o.min_loc_total},
               {"--min-prod-total",
                "leave out products whose total is below this",
                &o.min_prod_total},
               {"--year", "only these years (repeatable; default: all)", &o.years},
           };
}

Settings reflection_settings(IndicatorOptions& o) {
    return {
        {"--steps", "steps of the method of reflections (default 20)", &o.steps},
        {"--iterations", "Fitness-Complexity iterations (default 100)", &o.iterations},
    };
}

Setting relatedness_setting(IndicatorOptions& o, const std::string& names) {
    auto& method = o.relatedness;
    return {names,
            "prob (default), association, cosine, jaccard",
            Setting::Parse([&method](const std::string& s) {
                method = parse_relatedness_method(s).value_or(RelatednessMethod::kProbability);
            }),
            {"prob", "association", "cosine", "jaccard"}};
}

bool ChangeCommand::is_valid(std::string* why) const {
    return panel.is_valid(why) &&
           all_valid(why,
                     {{!from.empty() && !to.empty(), "give the base and end years (--from, --to)"},
                      {from != to, "the base and end years are the same"}});
}

Settings change_settings(ChangeCommand& c) {
    return panel_settings(c.panel) + Settings{
                                         {"--from", "base year", &c.from, {}, true},
                                         {"--to", "end year", &c.to, {}, true},
                                     };
}

ChangeReport run_shift_share(const ChangeCommand& c) {
    require_valid(c);
    auto report = shift_share_report(c.panel, c.from, c.to, c.by_location);
    return {std::move(report.table),
            fmt::format(
                "national growth {} -> {}: {:.4g}%", c.from, c.to, report.national_growth * 100.0)};
}

ChangeReport run_dynamics(const ChangeCommand& c) {
    require_valid(c);
    auto report = dynamics_report(c.panel, c.from, c.to);
    return {std::move(report.table),
            fmt::format("{} -> {}: {} entries, {} exits of specialisations",
                        c.from,
                        c.to,
                        report.entries,
                        report.exits)};
}

bool ComplementarityCommand::is_valid(std::string* why) const {
    return all_valid(why,
                     {{china != 0 || (!exports.empty() && !imports.empty()),
                       "give --exports and --imports, or --china <year>"},
                      {china == 0 || (exports.empty() && imports.empty()),
                       "--china reads the shipped tables: leave out --exports and --imports"},
                      {!foreign || china != 0, "--foreign is for the shipped tables (--china)"}});
}

Settings complementarity_settings(ComplementarityCommand& c) {
    Settings columns = column_settings(c.columns);
    columns[2].help = "name of the product column";
    return Settings{
               {"--exports", "long CSV of exports (time, loc, prod, val)", &c.exports},
               {"--imports", "long CSV of imports (same columns)", &c.imports},
               {"--china", "a year of the shipped provincial tables (2012, 2017)", &c.china},
               {"--foreign", "with --china: foreign exports and imports", &c.foreign},
               {"--year", "the year of the CSVs (default: the first)", &c.year},
           } +
           columns;
}

Table run_complementarity(const ComplementarityCommand& c) {
    require_valid(c);
    if (c.china != 0) {
        auto trade = data::provincial_trade(data::load_provincial_tables(c.china), c.foreign);
        return trade_complementarity_table(
            {std::move(trade.provinces), std::move(trade.sales), std::move(trade.purchases)});
    }
    return trade_complementarity_table(
        trade_flows_from_csv(c.exports, c.imports, c.columns, c.year));
}

}  // namespace tandem::geo
