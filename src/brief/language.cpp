// The brief in the reader's language, and the glossary of its indices.
#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "tandem/brief/brief.hpp"
#include "tandem/data/regions.hpp"

#include "amounts.hpp"

namespace tandem::brief {

namespace {

// The bilingual names a brief carries in its tables: adjacent (English, Chinese) levels.
void add_table_terms(const Table& t, i18n::Translator& tr) {
    for (std::size_t k = 1; k < t.rows.names.size(); ++k) {
        const auto& zh_level = t.rows.names[k];
        if (zh_level != "name_zh" && zh_level != "部门") {
            continue;
        }
        for (const auto& label : t.rows.labels) {
            tr.add_term(label[k - 1], label[k]);
        }
    }
}

// Which lines of which tables are amounts, read from the English labels before translation.
struct AmountLines {
    std::vector<Eigen::Index> summary, specialisations, complementarity, areas, scenario, map;
};

AmountLines amount_lines(const Brief& b) {
    AmountLines a;
    if (b.measure == "value added") {  // else the activity data's own unit
        a.summary = amount_rows(b.summary, {"value added", "value added *", "shift-share: *"});
        a.specialisations = {1};
        a.map = {2};
    }
    a.complementarity = amount_rows(b.complementarity, {"potential sales to the partner*"});
    if (b.areas.values.cols() == 5) {
        a.areas = {1, 2, 3, 4};
    }
    for (Eigen::Index c = 0; c < b.scenario.values.cols() && c < 6; ++c) {
        a.scenario.push_back(c);  // output and income; the last column is employment
    }
    return a;
}

void express_amounts(Brief& b, const AmountLines& a) {
    auto& u = b.amount_units;
    express(b.summary, a.summary, true, b.lang, u);
    express(b.specialisations, a.specialisations, false, b.lang, u);
    express(b.supply_chains, all_columns(b.supply_chains), false, b.lang, u);
    express(b.complementarity, a.complementarity, true, b.lang, u);
    express(b.areas, a.areas, false, b.lang, u);
    express(b.scenario, a.scenario, false, b.lang, u);
    express(b.flows, all_columns(b.flows), false, b.lang, u, true);
    express(b.map, a.map, false, b.lang, u);
}

}  // namespace

i18n::Translator china_translator(i18n::Lang lang, const std::vector<Code>& sectors) {
    i18n::Translator tr(lang);
    for (const auto& p : data::provinces()) {
        tr.add_term(p.name_en, p.name_zh);
    }
    for (const auto& area : cooperation_areas()) {
        tr.add_term(area.name_en, area.name_zh);
    }
    for (const auto& c : sectors) {
        tr.add_term(c.name_en, c.name_zh);
    }
    return tr;
}

Table partners_in_language(Table ranking, const std::vector<Code>& sectors, i18n::Lang lang) {
    china_translator(lang, sectors).table(ranking);
    return ranking;
}

const std::string& display_name(const Code& region, i18n::Lang lang) {
    return lang == i18n::Lang::kZh && !region.name_zh.empty() ? region.name_zh : region.name_en;
}

Brief in_language(Brief b, i18n::Lang lang, std::vector<std::string>* untranslated) {
    b.lang = lang;
    // Amounts are recognised by their English labels, and put into readable units last.
    const bool in_10k_cny = b.unit == "10k CNY";
    const AmountLines lines = amount_lines(b);
    if (lang == i18n::Lang::kEn) {
        if (in_10k_cny) {
            express_amounts(b, lines);
        }
        return b;
    }
    i18n::Translator tr = china_translator(lang, b.sectors);
    tr.add_term(b.a.name_en, b.a.name_zh);
    tr.add_term(b.b.name_en, b.b.name_zh);
    for (const Table* t : {&b.specialisations,
                           &b.key_sectors,
                           &b.supply_chains,
                           &b.relatedness,
                           &b.areas,
                           &b.scenario,
                           &b.map}) {
        add_table_terms(*t, tr);
    }
    for (Table* t : {&b.summary,
                     &b.specialisations,
                     &b.key_sectors,
                     &b.supply_chains,
                     &b.complementarity,
                     &b.relatedness,
                     &b.areas,
                     &b.scenario,
                     &b.flows,
                     &b.map}) {
        tr.table(*t);
    }
    tr.list(b.reasons);
    tr.list(b.notes);
    tr.list(b.cautions);
    b.scenario_text = tr(b.scenario_text);
    b.measure = tr(b.measure);
    b.rest = tr(b.rest);
    b.unit = tr(b.unit);
    b.source =
        b.source.starts_with("the official ")
            ? fmt::format("{} 年官方省级投入产出表及据此编制的中国省际多区域投入产出表（MRIO）",
                          b.year)
            : fmt::format("多区域投入产出表（MRIO）{}", b.source);
    if (untranslated != nullptr) {
        *untranslated = tr.untranslated();
    }
    if (in_10k_cny) {
        express_amounts(b, lines);
    }
    return b;
}

std::vector<GlossaryEntry> glossary(i18n::Lang lang) {
    struct Entry {
        i18n::Text term;
        i18n::Text meaning;
        i18n::Text reading;
    };
    static const std::vector<Entry> entries = {
        {{"RCA (revealed comparative advantage)", "显示性比较优势（RCA）"},
         {"A sector's share of the region's value added over its share of the nation's (Balassa).",
          "某部门占本地区增加值的比重与其占全国比重之比（巴拉萨指数）。"},
         {"Above 1: the region is specialised in the sector; 2 means twice the national weight.",
          "大于 1 表示该地区在此部门具有专业化优势；等于 2 表示比重为全国的两倍。"}},
        {{"ECI (economic complexity index)", "经济复杂度指数（ECI）"},
         {"How diverse and how rare the region's specialisations are, from the region-sector "
          "network (Hidalgo and Hausmann), standardised across regions.",
          "由地区—部门网络计算的地区专业化部门的多样性与稀缺性（Hidalgo 和 "
          "Hausmann），在各地区间标准化。"},
         {"Above 0: more complex than the average region; compare ranks rather than levels.",
          "大于 0 表示复杂度高于地区平均水平；宜比较排名而非数值。"}},
        {{"COI (complexity outlook index)", "复杂度前景指数（COI）"},
         {"How many complex sectors lie close to what the region already does.",
          "与本地区现有优势部门相近的高复杂度部门的多少。"},
         {"Higher: more nearby opportunities to diversify into complex sectors.",
          "数值越高，向高复杂度部门多元化的邻近机会越多。"}},
        {{"Fitness", "经济适应度"},
         {"The fitness-complexity measure of Tacchella et al.: diversification weighted by the "
          "sectors' complexity, computed iteratively.",
          "Tacchella 等提出的适应度—复杂度算法：以部门复杂度加权的多元化程度，迭代计算。"},
         {"Higher: a broader and more sophisticated set of capabilities; 1 is the average.",
          "数值越高，能力结构越宽、越高级；平均为 1。"}},
        {{"Herfindahl, entropy, Krugman", "赫芬达尔指数、熵、克鲁格曼专业化指数"},
         {"Concentration of value added across sectors (Herfindahl, entropy) and distance of the "
          "region's structure from the nation's (Krugman).",
          "增加值在各部门间的集中程度（赫芬达尔指数、熵）以及本地区结构与全国结构的差距（克鲁格曼指"
          "数）。"},
         {"Higher Herfindahl or Krugman, lower entropy: a more specialised economy.",
          "赫芬达尔或克鲁格曼指数越高、熵越低，经济越专业化。"}},
        {{"Hachman index", "哈克曼指数"},
         {"How closely the region's sector structure resembles the nation's (the inverse of the "
          "share-weighted RCA).",
          "本地区部门结构与全国结构的相似程度（以比重加权的 RCA 的倒数）。"},
         {"1: the same structure as the nation; towards 0: very different.",
          "等于 1 表示与全国结构相同；越接近 0 差异越大。"}},
        {{"Relatedness density", "关联密度"},
         {"The share of a sector's related sectors (by co-specialisation across regions) in "
          "which the region is specialised.",
          "与某部门相关（各地区共同专业化）的部门中，本地区已具优势的比例。"},
         {"Higher: the region has more of the capabilities the sector needs; new "
          "specialisations usually appear where density is high.",
          "数值越高，本地区具备该部门所需能力越多；新的优势部门通常出现在关联密度高处。"}},
        {{"PCI and COG", "产品复杂度（PCI）与机会收益（COG）"},
         {"PCI: the complexity of a sector; COG: how much a new specialisation in it would open "
          "up further complex sectors for the region.",
          "PCI 为部门的复杂度；COG 为本地区若在该部门形成优势，可带来的进一步高复杂度机会。"},
         {"Prefer sectors with high density and high COG.",
          "优先考虑关联密度与 COG 均较高的部门。"}},
        {{"Shift-share", "偏离-份额分析"},
         {"Growth of value added split into national growth, the region's industry mix and its "
          "competitiveness (sector by sector above or below the nation).",
          "将增加值增长分解为全国增长分量、产业结构分量与竞争力分量（逐部门高于或低于全国的部分）"
          "。"},
         {"A positive competitiveness share: the region's sectors grew faster than the same "
          "sectors nationally.",
          "竞争力分量为正，表示本地区各部门增长快于全国同部门。"}},
        {{"Power and sensitivity of dispersion", "影响力系数与感应度系数"},
         {"Rasmussen's backward (power) and forward (sensitivity) linkages from the region's "
          "Leontief inverse, relative to the average sector.",
          "由本地区列昂惕夫逆矩阵计算的后向（影响力）与前向（感应度）关联，相对于部门平均水平。"},
         {"Both above 1: a key sector that pulls and supplies many others.",
          "两者均大于 1 的为关键部门，对其他部门的拉动与支撑均强。"}},
        {{"Michaely complementarity", "米凯利互补指数"},
         {"How well one region's outflows by sector match the other's inflows (100 less half "
          "the sum of absolute differences of the sector shares).",
          "一地区各部门调出结构与另一地区调入结构的吻合程度（100 "
          "减去两者部门比重绝对差之和的一半）。"},
         {"0-100; higher: what one sells is what the other buys.",
          "取值 0—100；越高说明一方所卖正是另一方所买。"}},
        {{"Potential sales", "潜在销售"},
         {"What one region could sell the other more of: the smaller of its net supply to other "
          "regions and the partner's purchases from outside, less what it sells the partner "
          "already.",
          "一地区可向另一地区增加的销售：其对其他地区净供给与对方外购量中的较小者，减去现有对其销售"
          "。"},
         {"An upper bound of substitution, not a forecast; read it with the data cautions.",
          "是替代的上限而非预测；请结合数据提示阅读。"}},
        {{"Intra-regional, feedback and spillover effects", "区域内效应、反馈效应与溢出效应"},
         {"Output a demand change causes in the region through its own table alone, the extra "
          "output returning through the other regions, and output caused in the other regions "
          "(Miller and Blair, ch. 3).",
          "需求变化仅经本地区投入产出关系引起的产出、经其他地区返回本地区的追加产出，以及在其他地区"
          "引起的产出（Miller 和 Blair 第 3 章）。"},
         {"Spillover is the partner's and the rest of China's share of the win-win.",
          "溢出效应即合作方及全国其他地区分享的共赢部分。"}},
    };
    std::vector<GlossaryEntry> out;
    for (const auto& e : entries) {
        out.push_back({e.term.in(lang), e.meaning.in(lang), e.reading.in(lang)});
    }
    return out;
}

}  // namespace tandem::brief
