// tandem brief: the complementarity of two provinces and the win-win of cooperating, from the
// China MRIO and the official provincial tables (docs/brief.md).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "tandem/core/io_table.hpp"
#include "tandem/core/labels.hpp"
#include "tandem/core/mrio.hpp"

namespace tandem::brief {

// A change in final demand: the buyer's final demand for the seller's products of the given
// sectors rises by `amount` (10k CNY), shared among the sectors by what the buyer buys of them
// from the seller now (equally where it buys none).
struct DemandChange {
    std::string buyer;                 // province code, English or Chinese name
    std::string seller;                // province code, English or Chinese name
    std::vector<std::string> sectors;  // sector codes ("01", ...)
    double amount = 0.0;
};

struct Scenario {
    std::string name;
    std::vector<DemandChange> changes;
};

// A scenario from a TOML file:
//   name = "Agri-food cooperation"
//   [[change]]
//   buyer = "Anhui"
//   seller = "Heilongjiang"
//   sectors = ["01", "06"]
//   amount = 500000   # 10k CNY
// Errors name the file, the change and the key (TOML syntax errors their line).
Scenario read_scenario(const std::filesystem::path& file);

// The ten cooperation areas of the Heilongjiang-Anhui symposium mapped to the 42 sectors.
struct CooperationArea {
    std::string id;
    std::string name_en;
    std::string name_zh;
    std::vector<std::string> sectors;
};
const std::vector<CooperationArea>& cooperation_areas();

struct BriefOptions {
    std::size_t top = 8;
    Scenario scenario;  // empty: the default scenario built from the top opportunities
};

struct Brief {
    Code a;
    Code b;
    int year = 0;
    std::string unit;
    Table summary;          // indicators of both, side by side
    Table specialisations;  // each region's top sectors by RCA
    Table key_sectors;      // each region's key sectors (Rasmussen linkages, regional flows)
    Table supply_chains;    // sectors: flows both ways, net supply, purchases, potential
    Table complementarity;  // the measures side by side
    Table relatedness;      // where one is specialised and the other is close
    Table areas;            // the cooperation areas, scored, with reasons
    Table scenario;         // effects by region: intra, feedback, spillover; VA, income, jobs
    Table flows;            // A, B, rest of China x the same: inter-regional flows (MRIO)
    Table map;              // every province: longitude, latitude of its capital, value added
    std::string scenario_text;
    std::vector<std::string> reasons;  // area reasons, in the areas' order
};

// mrio: the China MRIO of the tables' year; tables: its provincial tables; base: an earlier
// year for growth (may equal tables).
Brief two_region_brief(const Mrio& mrio,
                       const TableSet& tables,
                       const TableSet& base,
                       const std::string& a,
                       const std::string& b,
                       const BriefOptions& options = {});

// A self-contained HTML report of a brief (inline SVG charts, English and Chinese labels; opens
// offline): bar charts of specialisations and potentials, the flows between the two regions
// and the rest of China, a map of the provinces, and every table.
std::string brief_html(const Brief& brief);

// Every other province ranked by complementarity with `region`, with the reason.
Table partner_ranking(const Mrio& mrio, const TableSet& tables, const std::string& region);

// Effects of a scenario on the MRIO: rows region groups (the two regions and the rest of
// China, then the total), columns output intra / feedback / spillover / total, value added,
// labour income, employment.
Table scenario_effects(const Mrio& mrio,
                       const TableSet& tables,
                       const Scenario& scenario,
                       const std::string& a,
                       const std::string& b);

}  // namespace tandem::brief
