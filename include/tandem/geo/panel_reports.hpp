// The `tandem geo` analyses of a long panel (time, location, product, value) as library entry
// points: the CLI, the HTTP service and the Python module call these and only print. A panel is
// read once and turned into a dense matrix one year at a time (data::LongPanel), so memory is
// one year's; each entry point says its cost beyond that.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "tandem/core/labels.hpp"
#include "tandem/core/progress.hpp"
#include "tandem/data/long_panel.hpp"
#include "tandem/geo/complementarity.hpp"
#include "tandem/geo/complexity.hpp"
#include "tandem/geo/relatedness.hpp"

namespace tandem::geo {

// Messages for the person running the analysis (filters applied, locations left out).
using NoteFn = std::function<void(const std::string&)>;

// "rca", "rpop", "both" or "given" (py-ecomplexity's presence_test names), or nothing.
std::optional<PresenceTest> parse_presence_test(std::string_view name);

struct PanelOptions {
    std::string input;  // the long CSV
    data::PanelColumns columns;
    PresenceTest presence = PresenceTest::kRca;
    double rca_threshold = 1.0;
    double rpop_threshold = 1.0;
    // A CSV of the location column and pop_col (and optionally the time column), for
    // PresenceTest::kPopulation and kBoth.
    std::string population;
    std::string pop_col = "pop";
    // Locations, then products, whose totals are below these are left out (tiny territories).
    double min_loc_total = 0.0;
    double min_prod_total = 0.0;
    std::vector<std::string> years;  // only these; empty: all
    std::size_t max_cells = data::LongPanel::kDefaultMaxCells;

    bool is_valid(std::string* why) const;
};

// Reads the panel and calls fn for each selected year with that year's complexity options
// (presence, population). Errors name the file and the year.
void for_each_year(const PanelOptions& options,
                   const std::function<void(const data::YearMatrix&, const ComplexityOptions&)>& fn,
                   const ProgressFn& progress = {},
                   const NoteFn& note = {});

// py-ecomplexity's ecomplexity() output as CSV (the input columns, then diversity, ubiquity,
// mcp, eci, pci, density, coi, cog, rca), written year by year: O(locations x products) per
// year, streamed.
void write_complexity_csv(const PanelOptions& options,
                          std::ostream& out,
                          const ProgressFn& progress = {},
                          const NoteFn& note = {});

// py-ecomplexity's proximity(): time,prod_1,prod_2,proximity; pairs prod_1 < prod_2 with
// proximity > 0, or every ordered pair. O(products^2) per year.
void write_proximity_csv(const PanelOptions& options,
                         bool all_pairs,
                         std::ostream& out,
                         const ProgressFn& progress = {},
                         const NoteFn& note = {});

struct IndicatorOptions {
    RelatednessMethod relatedness = RelatednessMethod::kProbability;
    int steps = 20;          // method of reflections
    int iterations = 100;    // Fitness-Complexity
    bool econgeo = false;    // products: EconGeo's TCI too (a dense non-symmetric eigenproblem)
    bool all_pairs = false;  // relatedness: every ordered pair
    bool is_valid(std::string* why) const;
};

// Each location and year: total, diversity, ECI, COI, KCI, MORc, fitness, Herfindahl, entropy,
// Krugman, specialisation coefficient, Hachman, average LQ, internal and external density.
Table locations_table(const PanelOptions& panel,
                      const IndicatorOptions& options,
                      const ProgressFn& progress = {},
                      const NoteFn& note = {});
// Each product and year: total, ubiquity, PCI, MORt, complexity, Gini, locational Gini,
// Hoover (and TCI).
Table products_table(const PanelOptions& panel,
                     const IndicatorOptions& options,
                     const ProgressFn& progress = {},
                     const NoteFn& note = {});
// Co-occurrence and relatedness of product pairs (EconGeo's relatedness()).
Table relatedness_table(const PanelOptions& panel,
                        const IndicatorOptions& options,
                        const ProgressFn& progress = {});
// Relatedness density (EconGeo, 0-100) of each location around each product.
Table density_table(const PanelOptions& panel,
                    const IndicatorOptions& options,
                    const ProgressFn& progress = {});

// Two years of one panel on common locations and products (absent cells 0).
struct TwoYears {
    std::vector<std::string> locations;
    std::vector<std::string> products;
    Matrix base;
    Matrix end;
};
TwoYears two_years(const PanelOptions& panel, const std::string& from, const std::string& to);

struct ShiftShareReport {
    Table table;  // base, end, change, national, mix, competitive
    double national_growth = 0.0;
};
// Shift-share of each location x product change (or of each location, by_location).
ShiftShareReport shift_share_report(const PanelOptions& panel,
                                    const std::string& from,
                                    const std::string& to,
                                    bool by_location);

struct DynamicsReport {
    Table table;  // base, end, growth_pct, mcp_base, mcp_end, entry, exit
    std::size_t entries = 0;
    std::size_t exits = 0;
};
// Growth and the entries and exits of specialisations (EconGeo's growth_mat, entry_list,
// exit_list).
DynamicsReport dynamics_report(const PanelOptions& panel,
                               const std::string& from,
                               const std::string& to);

// Exports and imports from two long CSVs of the same locations and products (year: the
// first when empty), for trade_complementarity_table.
TradeFlows trade_flows_from_csv(const std::string& exports,
                                const std::string& imports,
                                const data::PanelColumns& columns,
                                const std::string& year);

}  // namespace tandem::geo
