#include "tandem/brief/request.hpp"

#include <algorithm>
#include <optional>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tandem/brief/structure.hpp"
#include "tandem/china/mrio_build.hpp"
#include "tandem/core/error.hpp"
#include "tandem/data/china_tables.hpp"
#include "tandem/data/datasets.hpp"
#include "tandem/data/regions.hpp"
#include "tandem/data/table_writers.hpp"
#include "tandem/data/tandem_format.hpp"
#include "tandem/mrio/calc.hpp"

namespace tandem::brief {

namespace {

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> out;
    std::string item;
    std::istringstream in(text);
    while (std::getline(in, item, sep)) {
        out.push_back(item);
    }
    return out;
}

// Whether an MRIO's regions are China's 31 provinces by their English names.
bool of_the_provinces(const Mrio& mrio) {
    const auto regions = mrio.regions();
    return regions.size() == 31 &&
           std::all_of(regions.begin(), regions.end(), [](const std::string& r) {
               try {
                   return data::resolve_province(r).name_en == r;
               } catch (const Error&) {
                   return false;
               }
           });
}

Activity activity_of(const BriefRequest& request,
                     const BriefData& data,
                     std::vector<std::string>* notes) {
    const TableSet& tables = data.tables;
    if (!request.activity.empty()) {
        std::vector<Code> regions;
        for (const auto& t : tables.tables) {
            regions.push_back(t.region);
        }
        return activity_from_panel(data::read_long_panel(request.activity, request.columns),
                                   regions,
                                   tables.sectors,
                                   request.measure,
                                   notes);
    }
    return activity_from_tables(tables, data.base ? &*data.base : nullptr);
}

// The earlier tables for growth: given, or the shipped 2012 ones for the 2017 tables.
void attach_base(const BriefRequest& request, BriefData& d) {
    if (!request.activity.empty()) {
        return;
    }
    if (!request.base.empty()) {
        d.base = data::read_table_set(request.base);
    } else if (d.tables.kind == "provincial" && d.tables.year == 2017) {
        d.base = data::load_provincial_tables(2012);
    }
}

}  // namespace

bool BriefRequest::is_valid(std::string* why) const {
    if (partners && regions.size() != 1) {
        *why = "a partner ranking takes one region";
        return false;
    }
    if (!partners && regions.size() != 2) {
        *why = fmt::format("a brief takes two regions (or one with --partners); {} given",
                           regions.size());
        return false;
    }
    if (top == 0) {
        *why = "list at least one sector per table (top >= 1)";
        return false;
    }
    if (!lang.empty() && lang != "en" && lang != "zh") {
        *why = fmt::format("unknown language '{}': expected en or zh", lang);
        return false;
    }
    return true;
}

std::vector<std::string> BriefRequest::inputs() const {
    return {mrio, tables, base, activity, scenario_file, areas};
}

DemandChange parse_demand_change(const std::string& text) {
    const auto parts = split(text, ':');
    if (parts.size() != 4) {
        fail(ErrorCode::kUsage,
             "--demand '{}': expected BUYER:SELLER:SECTORS:AMOUNT, e.g. "
             "Anhui:Heilongjiang:01,06:500000",
             text);
    }
    DemandChange c;
    c.buyer = parts[0];
    c.seller = parts[1];
    c.sectors = split(parts[2], ',');
    try {
        std::size_t used = 0;
        c.amount = std::stod(parts[3], &used);
        if (used != parts[3].size()) {
            throw std::invalid_argument("trailing");
        }
    } catch (const std::exception&) {
        fail(ErrorCode::kUsage, "--demand '{}': the amount '{}' is not a number", text, parts[3]);
    }
    return c;
}

BriefData load_brief_data(const BriefRequest& request) {
    require_valid(request);
    BriefData d;
    d.year = request.year == 0 ? 2017 : request.year;
    if (request.mrio.empty() && d.year != 2017 && d.year != 2012) {
        fail(ErrorCode::kInvalidInput,
             "--year {}: the shipped China MRIOs are of 2017 and 2012 (give --mrio for another)",
             d.year);
    }
    const std::string source =
        request.mrio.empty() ? fmt::format("china:{}", d.year) : request.mrio;
    d.mrio = china::load_mrio_spec(source);
    if (source.starts_with("china:")) {
        d.year = std::stoi(source.substr(6));
    } else if (d.mrio.x.size() == 0 && d.mrio.Z.size() > 0) {
        // A raw pymrio folder: gross output as pymrio's calc_x.
        d.mrio.x = mrio::output_from_flows(d.mrio);
    }
    if (!request.tables.empty()) {
        d.tables = data::read_table_set(request.tables);
        attach_base(request, d);
        return d;
    }
    const bool provinces = (d.year == 2017 || d.year == 2012) && of_the_provinces(d.mrio);
    if (provinces) {
        d.tables = data::load_provincial_tables(d.year);
    }
    if (!provinces || !mrio_matches_tables(d.mrio, d.tables)) {
        d.tables = tables_from_mrio(d.mrio, request.mrio.empty() ? d.year : request.year);
    }
    attach_base(request, d);
    return d;
}

Brief run_brief(const BriefRequest& request) {
    return run_brief(request, load_brief_data(request));
}

Brief run_brief(const BriefRequest& request, const BriefData& d) {
    require_valid(request);
    std::vector<std::string> notes;
    const Activity activity = activity_of(request, d, &notes);
    BriefOptions options;
    options.top = request.top;
    if (!request.scenario_file.empty()) {
        options.scenario = read_scenario(request.scenario_file);
    }
    if (!request.demand.empty()) {
        if (options.scenario.name.empty()) {
            options.scenario.name = "given";
        }
        options.scenario.changes.insert(
            options.scenario.changes.end(), request.demand.begin(), request.demand.end());
    }
    if (!request.areas.empty()) {
        options.areas = read_areas(request.areas);
    }
    Brief b = two_region_brief(
        d.mrio, d.tables, activity, request.regions[0], request.regions[1], options);
    b.notes.insert(b.notes.begin(), notes.begin(), notes.end());
    return in_language(std::move(b), request.resolved_lang());
}

Table run_partner_ranking(const BriefRequest& request) {
    const BriefData d = load_brief_data(request);
    Table ranking = partner_ranking(d.mrio, d.tables, request.regions[0]);
    const auto lang = request.resolved_lang();
    std::vector<Code> regions;
    for (const auto& t : d.tables.tables) {
        regions.push_back(t.region);
    }
    const Code& self =
        regions[static_cast<std::size_t>(find_region(regions, request.regions[0], "the regions"))];
    // The title, first of the notes (a terminal shows it as the table's name).
    ranking.notes.insert(
        ranking.notes.begin(),
        lang == i18n::Lang::kZh
            ? fmt::format(
                  "{}的合作伙伴排名（得分：两个方向的米凯利互补指数与双向潜在销售的平均百分位）",
                  display_name(self, lang))
            : fmt::format("{}'s partners, ranked (score: the mean percentile of the Michaely "
                          "complementarity both ways and the potential sales both ways)",
                          self.name_en));
    return lang == i18n::Lang::kEn
               ? ranking
               : partners_in_language(std::move(ranking), d.tables.sectors, lang);
}

std::vector<Table> titled_tables(Brief b, bool titles_as_names) {
    const bool zh = b.lang == i18n::Lang::kZh;
    auto with_zh = [](const Code& c) {
        return c.name_zh.empty() ? c.name_en : fmt::format("{} ({})", c.name_en, c.name_zh);
    };
    const std::string year =
        b.year > 0 ? fmt::format(fmt::runtime(zh ? "，{} 年" : ", {}"), b.year) : std::string();
    // The unit in a title only where the amounts are still in the data's unit (else each
    // column or row names its own).
    const bool units_in_labels = !b.amount_units.empty();
    auto unit_note = [&](const char* en, const char* zh_text) {
        return units_in_labels ? std::string()
                               : fmt::format(fmt::runtime(zh ? zh_text : en), b.unit);
    };
    const std::vector<std::pair<Table*, std::string>> titled = {
        {&b.summary,
         zh ? fmt::format("{}与{}{}：两地经济概况{}",
                          display_name(b.a, b.lang),
                          display_name(b.b, b.lang),
                          year,
                          unit_note("", "（{}）"))
            : fmt::format("{} and {}{}: the two economies{}",
                          with_zh(b.a),
                          with_zh(b.b),
                          year,
                          unit_note(" ({})", ""))},
        {&b.specialisations,
         zh ? fmt::format("优势产业（{} 个地区中{}的显示性比较优势 RCA）", b.regions, b.measure)
            : fmt::format("Specialisations (RCA of {} among {} regions)", b.measure, b.regions)},
        {&b.key_sectors,
         zh ? "关键部门（影响力系数与感应度系数均大于 1，区域流量）"
            : "Key sectors (power and sensitivity of dispersion both above 1, regional flows)"},
        {&b.complementarity, zh ? "互补性的多种度量" : "Complementarity, measured several ways"},
        {&b.supply_chains,
         (zh ? "供应链：双方之间的流量，以及各自可向对方多销售的产品"
             : "Supply chains: flows between the two, and what each could sell the other more "
               "of") +
             unit_note(" ({})", "（{}）")},
        {&b.relatedness,
         zh ? "关联性：一方具优势、另一方接近的部门"
            : "Relatedness: what one is strong in and the other is close to"},
        {&b.areas,
         (zh ? "座谈会确定的合作领域（得分：双方在该领域的外购中可由对方供给的比重" +
                   unit_note("", "；流量与潜在销售：{}") + "）"
             : "The symposium's cooperation areas (score: the share of both regions' outside "
               "purchases in the area the other could supply" +
                   unit_note("; flows and potentials in {}", "") + ")")},
        {&b.scenario,
         (zh ? "共赢情景：" : "Win-win scenario: ") + b.scenario_text +
             unit_note(" (effects in {})", "（效应单位：{}）")},
    };
    std::vector<Table> out;
    for (const auto& [t, title] : titled) {
        if (t->values.size() == 0 && t->rows.size() == 0) {
            continue;
        }
        if (titles_as_names) {
            t->name = title;
        } else {
            t->notes.insert(t->notes.begin(), title);
        }
        out.push_back(std::move(*t));
    }
    return out;
}

std::vector<Table> file_tables(const Brief& b) {
    const bool zh = b.lang == i18n::Lang::kZh;
    auto tables = titled_tables(b, false);
    if (!tables.empty()) {
        auto& first = tables.front().notes;
        for (const auto& c : b.cautions) {
            first.push_back((zh ? "数据提示：" : "data caution: ") + c);
        }
        first.insert(first.end(), b.notes.begin(), b.notes.end());
        for (const auto& r : b.reasons) {
            first.push_back((zh ? "合作领域：" : "area: ") + r);
        }
    }
    return tables;
}

std::string closing_text(const Brief& b) {
    const bool zh = b.lang == i18n::Lang::kZh;
    std::string out;
    auto section = [&](const std::vector<std::string>& items, const std::string& heading) {
        if (items.empty()) {
            return;
        }
        out += "\n" + heading + "\n";
        for (const auto& item : items) {
            out += "  - " + item + "\n";
        }
    };
    section(b.reasons,
            zh ? fmt::format("各合作领域得分的理由（金额单位：{}）：", b.unit)
               : std::string("Why each area scores as it does:"));
    section(b.cautions,
            zh ? fmt::format("数据提示（阈值见 docs/brief.md；金额单位：{}）：", b.unit)
               : std::string("Data cautions (docs/brief.md gives the thresholds):"));
    section(b.notes, zh ? "数据说明：" : "Notes on the data:");
    return out;
}

i18n::Lang BriefRequest::resolved_lang() const {
    return i18n::language_for(lang, regions);
}

std::string brief_json(const Brief& brief) {
    // The tables of the files, and those behind the charts: the flows among the pair and the
    // rest, and every province's position and value added (the dashboard draws them).
    auto tables = titled_tables(brief, false);
    const bool zh = brief.lang == i18n::Lang::kZh;
    for (Table t : {brief.flows, brief.map}) {
        if (t.rows.size() > 0) {
            t.notes.insert(
                t.notes.begin(),
                t.name == "flows"
                    ? (zh ? "两地与其他地区之间的流量" : "Flows between the pair and the others")
                    : (zh ? "各省份省会位置与增加值"
                          : "The provinces at their capitals, with value added"));
            tables.push_back(std::move(t));
        }
    }
    std::ostringstream tables_json;
    data::write_json(tables, tables_json);
    nlohmann::ordered_json j;
    j["tables"] = nlohmann::ordered_json::parse(tables_json.str());
    j["cautions"] = brief.cautions;
    j["notes"] = brief.notes;
    j["reasons"] = brief.reasons;
    j["lang"] = std::string(i18n::lang_code(brief.lang));
    nlohmann::ordered_json terms = nlohmann::ordered_json::array();
    for (const auto& g : glossary(brief.lang)) {
        terms.push_back({{"term", g.term}, {"meaning", g.meaning}, {"reading", g.reading}});
    }
    j["glossary"] = std::move(terms);
    return j.dump(1) + "\n";
}

}  // namespace tandem::brief
