// The settings of the brief's, profile's and structure's requests, and the runs of the last two.
#include "tandem/brief/profile.hpp"
#include "tandem/brief/request.hpp"
#include "tandem/brief/structure.hpp"
#include "tandem/core/error.hpp"
#include "tandem/data/china_tables.hpp"
#include "tandem/data/datasets.hpp"

namespace tandem::brief {

namespace {

Setting lang_setting(std::string& lang, const char* help) {
    return {"--lang", help, &lang, {"en", "zh"}};
}

}  // namespace

Settings brief_settings(BriefRequest& r) {
    auto& demand = r.demand;
    return {
        {"regions", "two provinces (codes, English or Chinese names)", &r.regions, {}, true},
        {"--partners", "rank every other province as a partner of one", &r.partners},
        {"--demand",
         "scenario change BUYER:SELLER:SECTORS:AMOUNT (10k CNY; repeatable), e.g. "
         "Anhui:Heilongjiang:01,06:500000; default: each buys 10% of the top-3 potential from the "
         "other",
         Setting::ParseEach([&demand](const std::vector<std::string>& changes) {
             for (const auto& change : changes) {
                 demand.push_back(parse_demand_change(change));
             }
         })},
        {"--scenario",
         "a scenario in a TOML file (name, and [[change]] tables with buyer, seller, sectors, "
         "amount; docs/brief.md)",
         &r.scenario_file},
        {"--year",
         "the shipped China MRIO and provincial tables of 2017 (default; growth from 2012) or "
         "2012 (no growth); with --mrio, the year shown",
         &r.year,
         {},
         false,
         1900,
         2100},
        {"--mrio",
         "another MRIO: a tandem or pymrio folder (e.g. the tandem/ folder of `tandem china build "
         "--decay 2`, or an MRIO of other countries), or china:2012; regions that are not "
         "China's provinces get tables derived from the MRIO",
         &r.mrio},
        {"--tables",
         "the regional table set the MRIO was built from (default: the shipped provincial tables "
         "when the MRIO is of the provinces, else derived)",
         &r.tables},
        {"--base",
         "an earlier table set for growth and shift-share (default: shipped 2012 for the 2017 "
         "tables; none otherwise)",
         &r.base},
        {"--activity",
         "activity data by region and sector as a long CSV (time, loc, prod, val; e.g. "
         "employment): specialisations, complexity and relatedness from its last year, growth and "
         "shift-share from its first to its last",
         &r.activity},
        {"--time", "time column of --activity (default time)", &r.columns.time},
        {"--loc", "region column of --activity (default loc)", &r.columns.loc},
        {"--prod", "sector column of --activity (default prod)", &r.columns.prod},
        {"--val", "value column of --activity (default val)", &r.columns.val},
        {"--measure", "what --activity measures, for the labels (default activity)", &r.measure},
        {"--areas",
         "cooperation areas as a CSV concordance to the MRIO's sectors (area, sector, optional "
         "name, name_zh); default: the symposium's ten areas on China's 42 sectors",
         &r.areas},
        {"--top", "sectors listed per table (default 8)", &r.top},
        lang_setting(r.lang,
                     "en or zh: the language of every label, reason and note (default: zh when "
                     "both regions are named in Chinese, else en)"),
    };
}

bool ProfileRequest::is_valid(std::string* why) const {
    return all_valid(why,
                     {{!regions.empty(), "no region"},
                      {options.top >= 1 && options.top <= 42, "top: expected 1 to 42 sectors"},
                      {lang.empty() || lang == "en" || lang == "zh", "lang: expected en or zh"}});
}

Settings profile_settings(ProfileRequest& r) {
    return {
        {"regions",
         "provinces by code (CN-HL, 230000), English or Chinese name; default: Heilongjiang "
         "Anhui",
         &r.regions},
        {"--year", "table year: 2017 or 2012 (shipped)", &r.year},
        {"--tables", "a tandem table-set folder to use instead", &r.tables},
        {"--top", "sectors listed per table", &r.options.top, {}, false, 1, 42},
        lang_setting(r.lang,
                     "en or zh (default: zh when every region is named in Chinese, else en)"),
    };
}

ProfileReport profile_report(const ProfileRequest& r, bool titles_as_names) {
    require_valid(r);
    const TableSet set =
        r.tables.empty() ? data::load_provincial_tables(r.year) : data::read_table_set(r.tables);
    return profile_report(
        set, r.regions, r.options, titles_as_names, i18n::language_for(r.lang, r.regions));
}

bool StructureRequest::is_valid(std::string* why) const {
    return all_valid(why,
                     {{!region.empty(), "no region"},
                      {options.top >= 1, "top: expected 1 or more sectors"},
                      {base <= year, "the base year of the shift-share comes after the year"},
                      {lang.empty() || lang == "en" || lang == "zh", "lang: expected en or zh"}});
}

Settings structure_settings(StructureRequest& r) {
    return {
        {"region", "province: code, English or Chinese name", &r.region, {}, true},
        {"--year", "table year (default 2017)", &r.year},
        {"--base", "base year of the shift-share (default 2012)", &r.base},
        {"--top", "sectors listed (default 10)", &r.options.top},
        lang_setting(r.lang, "en or zh (default: zh when the region is named in Chinese)"),
    };
}

StructureReport structure_report(const StructureRequest& r, bool titles_as_names) {
    require_valid(r);
    return structure_report(data::load_provincial_tables(r.year),
                            data::load_provincial_tables(r.base),
                            r.region,
                            r.options,
                            titles_as_names,
                            i18n::language_for(r.lang, {r.region}));
}

}  // namespace tandem::brief
