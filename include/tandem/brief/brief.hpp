// tandem brief: the complementarity of two provinces and the win-win of cooperating, from the
// China MRIO and the official provincial tables (docs/brief.md).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "tandem/brief/structure.hpp"
#include "tandem/core/i18n.hpp"
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

// The cooperation areas of a CSV concordance (columns area, sector; optional name, name_zh;
// one row per area and sector), for classifications other than China's 42 sectors. Errors
// name the file, line and column.
std::vector<CooperationArea> read_areas(const std::filesystem::path& file);

struct BriefOptions {
    std::size_t top = 8;
    Scenario scenario;  // empty: the default scenario built from the top opportunities
    // Empty: the symposium's areas where the sectors are China's 42 (2017, or 2012 through
    // the documented concordance); left out for other classifications.
    std::vector<CooperationArea> areas;
};

// A provincial-style table per region of any MRIO, so the brief runs on MRIOs of other
// countries or of the world: each region's use of every product whatever its origin (Z and
// domestic final-demand columns), its outflows to (OF) and inflows from (IF, negative) the
// other regions, and value added from the factor_inputs extension (all rows but one named
// "Imports") or, without it, as output less intermediate inputs. Imports from outside the
// system are known only by using sector (if at all), so IM is left 0 and said in the notes.
// Regions that are China's provinces keep their codes and Chinese names.
TableSet tables_from_mrio(const Mrio& mrio, int year = 0);

// Transit netted out of the tables' outflows and inflows (n sectors x regions, positive, in
// place) exactly as `tandem china build` does (rule transit-netted, docs/china-mrio.md):
// where x - EX - OF - ERR < 0 the excess, up to the smaller of inflow and outflow, is taken
// out of both. Returns what was netted, n x regions.
Matrix net_transit(const TableSet& tables, Matrix& outflow, Matrix& inflow);

// Whether the MRIO has exactly the tables' regions (in order) and sectors.
bool mrio_matches_tables(const Mrio& mrio, const TableSet& tables);

struct Brief {
    i18n::Lang lang = i18n::Lang::kEn;  // of its labels and sentences (in_language)
    Code a;
    Code b;
    int year = 0;
    std::size_t regions = 0;  // in the system (the specialisations are among these)
    std::string unit;
    Table summary;              // indicators of both, side by side
    Table specialisations;      // each region's top sectors by RCA
    Table key_sectors;          // each region's key sectors (Rasmussen linkages, regional flows)
    Table supply_chains;        // sectors: flows both ways, net supply, purchases, potential
    Table complementarity;      // the measures side by side
    Table relatedness;          // where one is specialised and the other is close
    Table areas;                // the cooperation areas, scored, with reasons
    Table scenario;             // effects by region: intra, feedback, spillover; VA, income, jobs
    Table flows;                // A, B, rest of China x the same: inter-regional flows (MRIO)
    Table map;                  // every province: longitude, latitude of its capital, value added
    std::vector<Code> sectors;  // of the data, with their Chinese names where known
    // Amounts for people (in_language, data in 10k CNY): the unit each table's amounts were
    // put in, by table name ("CNY bn", "亿元"); the unit is also in those columns' or rows'
    // labels. Empty: amounts in `unit`, as in the data.
    std::map<std::string, std::string> amount_units;
    std::string scenario_text;
    std::vector<std::string> reasons;     // area reasons, in the areas' order
    std::string measure = "value added";  // of the specialisation and relatedness tables
    std::string rest = "Rest of China";   // the other regions of the system, together
    std::string source;                   // where the figures come from, one sentence
    std::vector<std::string> notes;       // rules applied to the data
    // Where the source data behind a finding look implausible (thresholds in docs/brief.md):
    // each names the region, the sector and the numbers.
    std::vector<std::string> cautions;
};

// mrio: the China MRIO of the tables' year; tables: its provincial tables; base: an earlier
// year for growth (may equal tables).
Brief two_region_brief(const Mrio& mrio,
                       const TableSet& tables,
                       const TableSet& base,
                       const std::string& a,
                       const std::string& b,
                       const BriefOptions& options = {});
// Any MRIO with its regions' tables (official, or tables_from_mrio) and activity data by
// region and sector in the tables' order (value added of the tables, or given data).
Brief two_region_brief(const Mrio& mrio,
                       const TableSet& tables,
                       const Activity& activity,
                       const std::string& a,
                       const std::string& b,
                       const BriefOptions& options = {});

// The brief as a reader of `lang` sees it: every label, reason, note and caution in that
// language (table names, the keys of files and sheets, stay), and where the data are in 10k CNY
// the amounts of each table in a unit people read: 万元 or 亿元 in Chinese, CNY k, M or bn in
// English, the unit in the column's (or row's) label. Other figures unchanged. Sector, area
// and region names come from the brief's own bilingual labels and data::provinces(). Text the
// catalogue lacks stays English and is listed in `untranslated` when given.
Brief in_language(Brief brief, i18n::Lang lang, std::vector<std::string>* untranslated = nullptr);

// A partner ranking (partner_ranking) in `lang`; sectors: of its data, for their names.
Table partners_in_language(Table ranking, const std::vector<Code>& sectors, i18n::Lang lang);

// A translator that knows China's provinces, the cooperation areas and the given sectors by
// their Chinese names (for any report on China's data).
i18n::Translator china_translator(i18n::Lang lang, const std::vector<Code>& sectors);

// The region's name in the brief's language.
const std::string& display_name(const Code& region, i18n::Lang lang);

// What each index of a brief means and how to read it, in one language: rows of
// (term, meaning, how to read); the HTML and PDF reports end with it.
struct GlossaryEntry {
    std::string term;
    std::string meaning;
    std::string reading;
};
std::vector<GlossaryEntry> glossary(i18n::Lang lang);

// A self-contained HTML report of a brief (inline SVG charts, English and Chinese labels; opens
// offline and prints on A4): bar charts of specialisations and potentials, the flows between
// the two regions and the rest of China, a map of the provinces, every table and a glossary,
// in the brief's language; fonts named for Chinese on Windows, macOS and Linux.
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
