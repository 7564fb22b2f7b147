// A brief as one request: which regions, which data (the shipped China MRIO and provincial
// tables by default, or another MRIO, table set and activity panel), which scenario; the
// entry point `tandem brief`, the HTTP service's /api/v1/brief and the Python module's
// tandem.brief share. Loading the 2017 China MRIO (31 x 42) and its tables takes about a
// second; the brief itself tens of milliseconds.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tandem/brief/brief.hpp"
#include "tandem/core/io_table.hpp"
#include "tandem/core/mrio.hpp"
#include "tandem/core/settings.hpp"
#include "tandem/data/long_panel.hpp"

namespace tandem::brief {

struct BriefRequest {
    std::vector<std::string> regions;  // two (a brief) or one (partners)
    bool partners = false;             // rank every other region as a partner of regions[0]
    std::vector<DemandChange> demand;  // the scenario's changes (default: from the potentials)
    std::string scenario_file;         // a TOML scenario (docs/brief.md)
    std::size_t top = 8;               // sectors listed per table
    // The data: an MRIO folder or "china:2017" / "china:2012" (empty: the shipped China MRIO
    // of `year`), the regional table set it was built from, an earlier table set for growth.
    std::string mrio;
    std::string tables;
    std::string base;
    int year = 0;  // 0: 2017 for the shipped data, none shown for another MRIO
    // Activity by region and sector as a long panel (e.g. employment) instead of the tables'
    // value added.
    std::string activity;
    data::PanelColumns columns;
    std::string measure = "activity";
    std::string areas;  // a CSV concordance of cooperation areas (default: the symposium's)
    // "en" or "zh"; empty: Chinese when both regions were named in Chinese, else English.
    std::string lang;

    i18n::Lang resolved_lang() const;

    bool is_valid(std::string* why) const;
    // The files the request reads (an output may not replace one).
    std::vector<std::string> inputs() const;
};

// The request's settings as `tandem brief` offers them.
Settings brief_settings(BriefRequest& r);

// "BUYER:SELLER:SECTOR[,SECTOR...]:AMOUNT" (10k CNY), e.g. "Anhui:Heilongjiang:01,06:500000".
DemandChange parse_demand_change(const std::string& text);

struct BriefData {
    Mrio mrio;
    TableSet tables;
    int year = 0;
    std::optional<TableSet> base;  // the earlier tables for growth (shipped 2012 for 2017)
};
// The model and regional tables a request runs on: the provincial tables when the MRIO is of
// China's 31 provinces, else tables derived from the MRIO.
BriefData load_brief_data(const BriefRequest& request);

// The two-region brief of a request.
Brief run_brief(const BriefRequest& request);
// The same on data loaded before (load_brief_data of a request with the same data options),
// for a service answering many briefs: tens of milliseconds instead of a second.
Brief run_brief(const BriefRequest& request, const BriefData& data);
// Every other region ranked as a partner of request.regions[0].
Table run_partner_ranking(const BriefRequest& request);

// The brief's tables with their titles (in the brief's language), empty ones left out: as
// table names (titles_as_names, for a terminal) or as the first note (files keep short names
// for sheets and files).
std::vector<Table> titled_tables(Brief brief, bool titles_as_names);
// The tables for files: titled, and the first carries the reasons, cautions and notes.
std::vector<Table> file_tables(const Brief& brief);
// What a terminal prints below the tables: the areas' reasons, data cautions, notes.
std::string closing_text(const Brief& brief);

// The brief as one JSON object: "tables" (data::write_json's form: the file tables, then
// "flows" and "map", the data of the charts), "cautions", "notes",
// "reasons", "lang", "glossary". What `tandem brief A B -o brief.json` writes and /api/v1/brief
// answers.
std::string brief_json(const Brief& brief);

}  // namespace tandem::brief
