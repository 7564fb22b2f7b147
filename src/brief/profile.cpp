#include "tandem/brief/profile.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "tandem/brief/brief.hpp"
#include "tandem/brief/structure.hpp"
#include "tandem/core/error.hpp"
#include "tandem/data/regions.hpp"
#include "tandem/mrio/analysis.hpp"
#include "tandem/mrio/calc.hpp"
#include "tandem/mrio/regional.hpp"

#include "amounts.hpp"

namespace tandem::brief {

namespace {

Index sector_index(const TableSet& set, const std::vector<Eigen::Index>& order) {
    Index idx;
    idx.names = {"sector", "name_zh"};
    for (auto i : order) {
        const auto& s = set.sectors[static_cast<std::size_t>(i)];
        idx.labels.push_back({s.name_en, s.name_zh});
    }
    return idx;
}

std::vector<Eigen::Index> top_by(const Vector& v, std::size_t count) {
    std::vector<Eigen::Index> order(static_cast<std::size_t>(v.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return v(a) > v(b); });
    order.resize(std::min(count, order.size()));
    return order;
}

double column_total(const TableSet& set, const RegionalTable& t, const char* code) {
    const int c = set.final_use_index(code);
    return c < 0 ? 0.0 : t.Y.col(c).sum();
}

}  // namespace

RegionProfile region_profile(const TableSet& set,
                             const std::string& region,
                             const ProfileOptions& options) {
    std::vector<Code> regions;
    for (const auto& table : set.tables) {
        regions.push_back(table.region);
    }
    const RegionalTable* t = &set.tables[static_cast<std::size_t>(
        find_region(regions, region, fmt::format("the {} tables", set.year)))];
    RegionProfile p;
    p.region = t->region;
    p.year = set.year;
    p.unit = set.unit;
    const auto n = t->Z.rows();

    // China = the sum of all provincial tables of the year.
    Vector china_va = Vector::Zero(n);
    Vector china_go = Vector::Zero(n);
    for (const auto& other : set.tables) {
        china_va += other.V.colwise().sum().transpose();
        china_go += other.x;
    }
    const Vector va = t->V.colwise().sum().transpose();
    const double va_total = va.sum();

    // Three-sector split where the classification is China's (agriculture first, industry up
    // to and including construction); other classifications have no such order.
    const bool three_sectors =
        !set.sectors.empty() && set.sectors.front().name_en.starts_with("Agricult");
    Eigen::Index construction = n - 1;
    for (std::size_t i = 0; i < set.sectors.size(); ++i) {
        if (set.sectors[i].name_en.starts_with("Construction")) {
            construction = static_cast<Eigen::Index>(i);
            break;
        }
    }
    const double primary = va(0);
    const double secondary = va.segment(1, construction).sum();
    const double tertiary = va_total - primary - secondary;

    {
        Table& s = p.summary;
        s.name = "size and structure";
        s.rows.names = {"indicator", "指标"};
        s.cols = Index::single("", {"value", "share of China %"});
        struct Row {
            const char* en;
            const char* zh;
            double value;
            double china;
        };
        double china_ex = 0.0;
        double china_of = 0.0;
        for (const auto& other : set.tables) {
            china_ex += column_total(set, other, "EX");
            china_of += column_total(set, other, "OF");
        }
        std::vector<Row> rows = {
            {"Gross output", "总产出", t->x.sum(), china_go.sum()},
            {"Value added (GDP)", "增加值", va_total, china_va.sum()},
            {"Compensation of employees", "劳动者报酬", t->V.row(0).sum(), 0.0},
            {"Exports", "出口", column_total(set, *t, "EX"), china_ex},
            {"Imports", "进口", -column_total(set, *t, "IM"), 0.0},
            {"Outflow to other provinces", "国内省外流出", column_total(set, *t, "OF"), china_of},
            {"Inflow from other provinces", "国内省外流入", -column_total(set, *t, "IF"), 0.0},
            {"Value added / gross output %", "增加值率 %", 100.0 * va_total / t->x.sum(), 0.0},
        };
        if (three_sectors) {
            rows.push_back(
                {"Primary industry % of VA", "第一产业占比 %", 100.0 * primary / va_total, 0.0});
            rows.push_back({"Secondary industry % of VA",
                            "第二产业占比 %",
                            100.0 * secondary / va_total,
                            0.0});
            rows.push_back(
                {"Tertiary industry % of VA", "第三产业占比 %", 100.0 * tertiary / va_total, 0.0});
        }
        s.values.resize(static_cast<Eigen::Index>(rows.size()), 2);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            s.rows.labels.push_back({rows[i].en, rows[i].zh});
            s.values(static_cast<Eigen::Index>(i), 0) = rows[i].value;
            s.values(static_cast<Eigen::Index>(i), 1) =
                rows[i].china > 0.0 ? 100.0 * rows[i].value / rows[i].china
                                    : std::numeric_limits<double>::quiet_NaN();
        }
    }
    {
        const auto order = top_by(va, options.top);
        Table& s = p.structure;
        s.name = "largest sectors by value added";
        s.rows = sector_index(set, order);
        s.cols = Index::single("", {"value added", "% of region", "location quotient"});
        s.values.resize(static_cast<Eigen::Index>(order.size()), 3);
        for (std::size_t k = 0; k < order.size(); ++k) {
            const auto i = order[k];
            const auto r = static_cast<Eigen::Index>(k);
            s.values(r, 0) = va(i);
            s.values(r, 1) = 100.0 * va(i) / va_total;
            s.values(r, 2) = china_va(i) > 0.0 ? (va(i) / va_total) / (china_va(i) / china_va.sum())
                                               : std::numeric_limits<double>::quiet_NaN();
        }
    }
    auto model = mrio::regional_model(set, *t);
    if (!model.capped.empty()) {
        std::vector<std::string> codes;
        for (const auto i : model.capped) {
            codes.push_back(set.sectors[static_cast<std::size_t>(i)].code);
        }
        p.multipliers.notes.push_back(fmt::format(
            "data caution: {} sector(s) ({}) draw more from outside (imports and inflows) than "
            "the region uses of them (re-exports, transit or inconsistent source data): their "
            "import share is capped at 100% and they buy nothing locally in the model",
            codes.size(),
            fmt::join(codes, ", ")));
    }
    mrio::CalcOptions calc;
    calc.check = false;  // published tables may carry small negative cells; checked on import
    auto solver = mrio::calc_all(model.mrio, calc);
    const Vector recix = model.mrio.reciprocal_output();
    std::vector<mrio::CoefficientRow> rows = {
        {"value added", recix.cwiseProduct(model.value_added)},
        {"income", recix.cwiseProduct(model.compensation)},
    };
    auto mult = mrio::multipliers(model.mrio.a_matrix(), solver, rows, model.closure);
    {
        const Vector output = mult.simple.row(0).transpose();
        const auto order = top_by(output, options.top);
        Table& s = p.multipliers;
        s.name = "highest output multipliers";
        s.rows = sector_index(set, order);
        s.cols = Index::single(
            "",
            {"output I", "output II", "value added I", "income I", "income II", "import share %"});
        s.values.resize(static_cast<Eigen::Index>(order.size()), 6);
        for (std::size_t k = 0; k < order.size(); ++k) {
            const auto i = order[k];
            const auto r = static_cast<Eigen::Index>(k);
            s.values(r, 0) = mult.simple(0, i);
            s.values(r, 1) = mult.total(0, i);
            s.values(r, 2) = mult.simple(1, i);
            s.values(r, 3) = mult.type1(2, i);
            s.values(r, 4) = mult.type2(2, i);
            s.values(r, 5) = 100.0 * model.import_share(i);
        }
    }
    {
        auto link = mrio::linkages(model.mrio.x, solver);
        std::vector<Eigen::Index> keys;
        for (Eigen::Index i = 0; i < n; ++i) {
            if (link.kind[static_cast<std::size_t>(i)] == "key") {
                keys.push_back(i);
            }
        }
        std::stable_sort(keys.begin(), keys.end(), [&](auto a, auto b) {
            return link.power(a) + link.sensitivity(a) > link.power(b) + link.sensitivity(b);
        });
        Table& s = p.key_sectors;
        s.name = "key sectors";
        s.rows = sector_index(set, keys);
        s.cols = Index::single(
            "", {"power of dispersion", "sensitivity of dispersion", "value added share %"});
        s.values.resize(static_cast<Eigen::Index>(keys.size()), 3);
        for (std::size_t k = 0; k < keys.size(); ++k) {
            const auto i = keys[k];
            const auto r = static_cast<Eigen::Index>(k);
            s.values(r, 0) = link.power(i);
            s.values(r, 1) = link.sensitivity(i);
            s.values(r, 2) = 100.0 * va(i) / va_total;
        }
    }
    return p;
}

ProfileReport profile_report(const TableSet& set,
                             const std::vector<std::string>& regions,
                             const ProfileOptions& options,
                             bool titles_as_names,
                             i18n::Lang lang) {
    const bool zh = lang == i18n::Lang::kZh;
    const i18n::Translator tr = china_translator(lang, set.sectors);
    ProfileReport out;
    const std::string source =
        zh ? "各省统计局 / 国家统计局" : "provincial statistics bureaus / NBS of China";
    out.header = zh ? fmt::format("{} 年省级投入产出表（{}；单位：{}）。数据来源：{}",
                                  set.year,
                                  tr(set.classification),
                                  tr(set.unit),
                                  source)
                    : fmt::format("Provincial input-output tables {} ({}; unit: {}). Source: {}",
                                  set.year,
                                  set.classification,
                                  set.unit,
                                  source);
    const bool convert = set.unit == "10k CNY";
    std::map<std::string, std::string> units;
    for (const auto& region : regions) {
        auto p = region_profile(set, region, options);
        const std::string name = display_name(p.region, lang);
        const std::vector<std::pair<Table*, std::string>> titled = {
            {&p.summary,
             zh ? fmt::format("{}（{} 年）：规模与结构", name, p.year)
                : fmt::format("{} ({}) {}: size and structure",
                              p.region.name_en,
                              p.region.name_zh,
                              p.year)},
            {&p.structure,
             zh ? fmt::format("增加值最大的部门{}", convert ? "" : "（" + tr(p.unit) + "）")
                : fmt::format("Largest sectors by value added{}",
                              convert ? "" : " (" + p.unit + ")")},
            {&p.multipliers,
             zh ? "产出乘数最高的部门（区域流量：扣除进口与省外调入）"
                : "Highest output multipliers (regional flows: imports and inflows removed)"},
            {&p.key_sectors,
             zh ? "关键部门（影响力系数与感应度系数均大于 1）"
                : "Key sectors (power and sensitivity of dispersion both above 1)"},
        };
        const std::size_t first = out.tables.size();
        // Amounts for people (data in 10k CNY): found by their English labels, shown after.
        const auto money = amount_rows(p.summary,
                                       {"Gross output",
                                        "Value added (GDP)",
                                        "Compensation of employees",
                                        "Exports",
                                        "Imports",
                                        "Outflow to other provinces",
                                        "Inflow from other provinces"});
        for (const auto& [table, title] : titled) {
            tr.table(*table);
            if (convert && table == &p.summary) {
                express_cells(p.summary, money, {0}, lang, units);
            } else if (convert && table == &p.structure) {
                express(p.structure, {0}, false, lang, units);
            }
            if (titles_as_names) {
                table->name = title;
            } else {
                table->name = p.region.name_en + " " + table->name;
                table->notes.insert(table->notes.begin(), title);
            }
            out.tables.push_back(std::move(*table));
        }
        if (!titles_as_names) {
            out.tables[first].notes.push_back(
                zh ? fmt::format("数据来源：{} 年省级投入产出表（{}；单位：{}），{}",
                                 set.year,
                                 tr(set.classification),
                                 tr(set.unit),
                                 source)
                   : fmt::format("source: provincial input-output tables {} ({}; unit: {}), {}",
                                 set.year,
                                 set.classification,
                                 set.unit,
                                 source));
        }
    }
    return out;
}

}  // namespace tandem::brief
