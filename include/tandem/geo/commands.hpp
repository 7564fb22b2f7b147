// The `tandem geo` commands' settings (core/settings.hpp) and the work of those that are not a
// single report call: the options of a long panel, of the indicators, of a change between two
// years, and trade complementarity from CSVs or the shipped provincial tables.
#pragma once

#include <string>

#include "tandem/core/labels.hpp"
#include "tandem/core/settings.hpp"
#include "tandem/data/long_panel.hpp"
#include "tandem/geo/panel_reports.hpp"

namespace tandem::geo {

// The input positional, the column names, the presence test and the filters.
Settings panel_settings(PanelOptions& o);
// --time, --loc, --prod, --val; what names the panel of (the CSV, --activity's).
Settings column_settings(data::PanelColumns& columns, const std::string& of = "");
// --steps and --iterations.
Settings reflection_settings(IndicatorOptions& o);
// The relatedness method, as --relatedness or --method.
Setting relatedness_setting(IndicatorOptions& o, const std::string& names);

// `geo shift-share` and `geo dynamics`: the panel between two of its years.
struct ChangeCommand {
    PanelOptions panel;
    std::string from;
    std::string to;
    bool by_location = false;  // shift-share: one row per location

    bool is_valid(std::string* why) const;
};
Settings change_settings(ChangeCommand& c);
// The report's table and the line that sums it up ("national growth 2010 -> 2015: 12.5%").
struct ChangeReport {
    Table table;
    std::string summary;
};
ChangeReport run_shift_share(const ChangeCommand& c);
ChangeReport run_dynamics(const ChangeCommand& c);

// `geo complementarity`.
struct ComplementarityCommand {
    std::string exports;  // long CSVs of exports and imports (time, loc, prod, val)
    std::string imports;
    data::PanelColumns columns;
    std::string year;  // of the CSVs (empty: the first)
    int china = 0;     // or a year of the shipped provincial tables
    bool foreign = false;

    bool is_valid(std::string* why) const;
};
Settings complementarity_settings(ComplementarityCommand& c);
Table run_complementarity(const ComplementarityCommand& c);

}  // namespace tandem::geo
