#include "tandem/brief/structure.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

#include <fmt/format.h>

#include "tandem/brief/brief.hpp"
#include "tandem/core/error.hpp"
#include "tandem/data/delimited.hpp"
#include "tandem/data/regions.hpp"
#include "tandem/geo/complexity.hpp"
#include "tandem/geo/dynamics.hpp"
#include "tandem/geo/indices.hpp"
#include "tandem/geo/relatedness.hpp"
#include "tandem/geo/specialisation.hpp"

#include "amounts.hpp"
#include "names.hpp"

namespace tandem::brief {

ValueAddedMatrix value_added_by_sector(const TableSet& set) {
    ValueAddedMatrix m;
    m.sectors = set.sectors;
    m.values.resize(static_cast<Eigen::Index>(set.tables.size()),
                    static_cast<Eigen::Index>(set.sectors.size()));
    for (std::size_t r = 0; r < set.tables.size(); ++r) {
        const auto& t = set.tables[r];
        m.provinces.push_back(t.region);
        const Vector va = t.V.colwise().sum().transpose();
        for (Eigen::Index s = 0; s < va.size(); ++s) {
            double v = va(s);
            if (v < 0.0) {
                v = 0.0;
                ++m.clipped;
            }
            m.values(static_cast<Eigen::Index>(r), s) = v;
        }
    }
    return m;
}

namespace {

// 1-based rank of position i when sorted descending.
int rank_desc(const Vector& v, Eigen::Index i) {
    int r = 1;
    for (Eigen::Index j = 0; j < v.size(); ++j) {
        if (v(j) > v(i)) {
            ++r;
        }
    }
    return r;
}

Index sector_index(const std::vector<Code>& sectors, const std::vector<Eigen::Index>& rows) {
    std::vector<std::vector<std::string>> labels;
    for (auto s : rows) {
        const auto& c = sectors[static_cast<std::size_t>(s)];
        labels.push_back({c.code, c.name_en, c.name_zh});
    }
    return Index({"sector", "name", "name_zh"}, labels);
}

Table make_table(std::string name,
                 const std::vector<Code>& sectors,
                 const std::vector<Eigen::Index>& rows,
                 const std::vector<std::string>& columns,
                 const std::vector<Vector>& data) {
    Table t;
    t.name = std::move(name);
    t.rows = sector_index(sectors, rows);
    t.cols = Index::single("indicator", columns);
    t.values.resize(static_cast<Eigen::Index>(rows.size()),
                    static_cast<Eigen::Index>(columns.size()));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            t.values(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(c)) = data[c](rows[i]);
        }
    }
    return t;
}

bool has_name(const TableSet& set, const std::string& code, const std::string& name) {
    for (const auto& s : set.sectors) {
        if (s.code == code) {
            return s.name_en.starts_with(name);
        }
    }
    return false;
}

}  // namespace

Concordance common_sectors(const TableSet& base, const TableSet& end) {
    Concordance c;
    const bool same = base.sectors.size() == end.sectors.size() &&
                      std::equal(base.sectors.begin(),
                                 base.sectors.end(),
                                 end.sectors.begin(),
                                 [](const Code& a, const Code& b) {
                                     return a.code == b.code && a.name_en == b.name_en;
                                 });
    if (same) {
        c.sectors = end.sectors;
        for (std::size_t i = 0; i < end.sectors.size(); ++i) {
            c.of_base.push_back(static_cast<Eigen::Index>(i));
            c.of_end.push_back(static_cast<Eigen::Index>(i));
        }
        return c;
    }
    // The 2012 and 2017 lists of the provincial tables differ between codes 22 and 36: 2012's
    // 22 (other manufacturing) and 23 (scrap and waste) are 2017's 22; 2012's 24-35 are
    // 2017's 23-34; 2012's 36 (scientific research and technical services) is 2017's 35 (R&D)
    // and 36 (comprehensive technical services). The common list has 41 sectors.
    const bool chnio = base.sectors.size() == 42 && end.sectors.size() == 42 &&
                       has_name(base, "23", "Scrap and waste") &&
                       has_name(base, "36", "Scientific research") &&
                       has_name(end, "35", "Research and experimental") &&
                       has_name(end, "36", "Comprehensive technical");
    if (!chnio) {
        fail(ErrorCode::kInvalidInput,
             "the {} and {} tables classify sectors differently and tandem knows no concordance "
             "between them",
             base.year,
             end.year);
    }
    for (std::size_t i = 0; i < 34; ++i) {
        c.sectors.push_back(end.sectors[i]);
    }
    c.sectors.push_back(
        Code{"35-36", "Scientific research and technical services", "科学研究和技术服务"});
    for (std::size_t i = 36; i < 42; ++i) {
        c.sectors.push_back(end.sectors[i]);
    }
    for (Eigen::Index i = 0; i < 42; ++i) {
        // 2017: 01-35 -> positions 0-34, 36 -> 34 (merged with 35), 37-42 -> 35-40.
        c.of_end.push_back(i < 35 ? i : i - 1);
        // 2012: 01-22 -> 0-21, 23 -> 21, 24-36 -> 22-34, 37-42 -> 35-40.
        c.of_base.push_back(i < 22 ? i : i - 1);
    }
    return c;
}

namespace {

bool same_name(const Code& c, const std::string& name) {
    const std::string l = ascii_lower(name);
    return ascii_lower(c.code) == l || ascii_lower(c.name_en) == l ||
           (!c.name_zh.empty() && c.name_zh == name);
}

Eigen::Index find_sector(const std::vector<Code>& sectors, const std::string& name) {
    for (std::size_t i = 0; i < sectors.size(); ++i) {
        if (same_name(sectors[i], name)) {
            return static_cast<Eigen::Index>(i);
        }
    }
    return -1;
}

}  // namespace

Eigen::Index find_region(const std::vector<Code>& regions,
                         const std::string& name,
                         const std::string& context) {
    for (std::size_t r = 0; r < regions.size(); ++r) {
        if (same_name(regions[r], name)) {
            return static_cast<Eigen::Index>(r);
        }
    }
    // China's provinces: ISO codes, two-digit codes, full Chinese names and spellings.
    const bool provinces = std::any_of(
        regions.begin(), regions.end(), [](const Code& c) { return is_province_code(c.code); });
    if (provinces) {
        const auto& p = data::resolve_province(name);
        for (std::size_t r = 0; r < regions.size(); ++r) {
            if (regions[r].code == p.gb_code) {
                return static_cast<Eigen::Index>(r);
            }
        }
        fail(ErrorCode::kInvalidInput, "{} has no data for {} ({})", context, p.name_en, p.gb_code);
    }
    std::vector<std::string> names;
    for (const auto& c : regions) {
        names.push_back(c.code);
        if (c.name_en != c.code) {
            names.push_back(c.name_en);
        }
        if (!c.name_zh.empty()) {
            names.push_back(c.name_zh);
        }
    }
    fail(ErrorCode::kInvalidInput,
         "unknown region '{}' in {}; did you mean {}?",
         name,
         context,
         data::list_excerpt(data::nearest_names(name, names)));
}

Activity activity_from_tables(const TableSet& end, const TableSet* base) {
    Activity a;
    a.measure = "value added";
    a.unit = end.unit;
    a.year = end.year;
    a.end = value_added_by_sector(end);
    if (base != nullptr) {
        a.has_base = true;
        a.base_year = base->year;
        a.base = value_added_by_sector(*base);
        a.common = common_sectors(*base, end);
    }
    return a;
}

Activity activity_from_panel(const data::LongPanel& panel,
                             const std::vector<Code>& regions,
                             const std::vector<Code>& sectors,
                             const std::string& measure,
                             std::vector<std::string>* notes) {
    if (panel.years() == 0) {
        fail(ErrorCode::kInvalidInput, "the activity data hold no values");
    }
    auto year_number = [](const std::string& t) {
        try {
            std::size_t used = 0;
            const int y = std::stoi(t, &used);
            return used == t.size() ? y : 0;
        } catch (const std::exception&) {
            return 0;
        }
    };
    // Years in time order where they are numbers, else in the order of the file.
    std::vector<std::size_t> order(panel.years());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](auto x, auto y) {
        return year_number(panel.time(x)) < year_number(panel.time(y));
    });
    auto matrix = [&](std::size_t year) {
        const auto ym = panel.year_matrix(year);
        ValueAddedMatrix m;
        m.provinces = regions;
        m.sectors = sectors;
        m.values = Matrix::Zero(static_cast<Eigen::Index>(regions.size()),
                                static_cast<Eigen::Index>(sectors.size()));
        std::vector<bool> region_seen(regions.size(), false);
        std::vector<bool> sector_seen(sectors.size(), false);
        std::vector<Eigen::Index> rows(ym.locations.size(), -1);
        std::vector<Eigen::Index> cols(ym.products.size(), -1);
        std::vector<std::string> extra;
        for (std::size_t l = 0; l < ym.locations.size(); ++l) {
            for (std::size_t r = 0; r < regions.size(); ++r) {
                if (same_name(regions[r], ym.locations[l])) {
                    rows[l] = static_cast<Eigen::Index>(r);
                    region_seen[r] = true;
                }
            }
            if (rows[l] < 0) {
                extra.push_back(ym.locations[l]);
            }
        }
        for (std::size_t p = 0; p < ym.products.size(); ++p) {
            cols[p] = find_sector(sectors, ym.products[p]);
            if (cols[p] < 0) {
                std::vector<std::string> names;
                for (const auto& c : sectors) {
                    names.push_back(c.code);
                }
                fail(ErrorCode::kInvalidInput,
                     "activity data, {}: unknown sector '{}'; the MRIO's sectors are {} (did you "
                     "mean {}?)",
                     panel.time(year),
                     ym.products[p],
                     fmt::join(names, ", "),
                     fmt::join(data::nearest_names(ym.products[p], names), ", "));
            }
            sector_seen[static_cast<std::size_t>(cols[p])] = true;
        }
        for (std::size_t r = 0; r < regions.size(); ++r) {
            if (!region_seen[r]) {
                fail(ErrorCode::kInvalidInput,
                     "activity data, {}: no values for region {}",
                     panel.time(year),
                     regions[r].code);
            }
        }
        if (!extra.empty() && notes != nullptr) {
            notes->push_back(fmt::format("activity data, {}: regions outside the MRIO ignored: {}",
                                         panel.time(year),
                                         fmt::join(extra, ", ")));
        }
        for (std::size_t l = 0; l < ym.locations.size(); ++l) {
            if (rows[l] < 0) {
                continue;
            }
            for (std::size_t p = 0; p < ym.products.size(); ++p) {
                m.values(rows[l], cols[p]) +=
                    ym.values(static_cast<Eigen::Index>(l), static_cast<Eigen::Index>(p));
            }
        }
        return m;
    };
    Activity a;
    a.measure = measure;
    a.end = matrix(order.back());
    a.year = year_number(panel.time(order.back()));
    if (order.size() > 1) {
        a.has_base = true;
        a.base = matrix(order.front());
        a.base_year = year_number(panel.time(order.front()));
        a.common.sectors = sectors;
        for (std::size_t i = 0; i < sectors.size(); ++i) {
            a.common.of_base.push_back(static_cast<Eigen::Index>(i));
            a.common.of_end.push_back(static_cast<Eigen::Index>(i));
        }
    }
    return a;
}

StructureProfile structure_profile(const TableSet& end,
                                   const TableSet& base,
                                   const std::string& region,
                                   const StructureOptions& options) {
    return structure_profile(activity_from_tables(end, &base), region, options);
}

StructureProfile structure_profile(const Activity& activity,
                                   const std::string& region,
                                   const StructureOptions& options) {
    const ValueAddedMatrix& x1 = activity.end;
    const ValueAddedMatrix& x0 = activity.base;
    const Eigen::Index r1 = find_region(
        x1.provinces, region, fmt::format("the {} {}", activity.year, activity.measure));
    const Code& province = x1.provinces[static_cast<std::size_t>(r1)];
    const Concordance& common = activity.common;
    const std::string& measure = activity.measure;

    StructureProfile p;
    p.region = province;
    p.year = activity.year;
    p.base_year = activity.has_base ? activity.base_year : 0;
    p.unit = activity.unit;
    for (const auto* m : {&x1, &x0}) {
        if (m->clipped > 0) {
            p.notes.push_back(fmt::format("{}: {} negative value-added cell(s) set to 0",
                                          m == &x1 ? activity.year : activity.base_year,
                                          m->clipped));
        }
    }

    std::vector<std::string> locs;
    std::vector<std::string> prods;
    for (const auto& c : x1.provinces) {
        locs.push_back(c.code);
    }
    for (const auto& c : x1.sectors) {
        prods.push_back(c.code);
    }
    // Sectors with no value added anywhere drop out of complexity; keep positions to map back.
    const geo::ComplexityResult cx = geo::complexity(locs, prods, x1.values);
    std::vector<Eigen::Index> kept;  // complexity column -> sector position
    for (const auto& code : cx.products) {
        kept.push_back(
            static_cast<Eigen::Index>(std::find(prods.begin(), prods.end(), code) - prods.begin()));
    }
    const auto cr = static_cast<Eigen::Index>(
        std::find(cx.locations.begin(), cx.locations.end(), province.code) - cx.locations.begin());
    if (cr >= static_cast<Eigen::Index>(cx.locations.size())) {
        fail(ErrorCode::kInvalidInput,
             "{} has no {} in {}",
             province.name_en,
             measure,
             activity.year);
    }
    const auto ns = static_cast<Eigen::Index>(prods.size());
    const double nan = std::numeric_limits<double>::quiet_NaN();
    auto spread = [&](const Eigen::Ref<const Vector>& v) {
        Vector full = Vector::Constant(ns, nan);
        for (std::size_t i = 0; i < kept.size(); ++i) {
            full(kept[i]) = v(static_cast<Eigen::Index>(i));
        }
        return full;
    };
    const Vector rca = spread(cx.rca.row(cr).transpose());
    const Vector mcp = spread(cx.mcp.row(cr).transpose());
    const Vector pci = spread(cx.pci);
    const Vector density = spread(cx.density.row(cr).transpose());
    const Vector cog = spread(cx.cog.row(cr).transpose());
    const Matrix rel = geo::relatedness(geo::co_occurrence(geo::presence_sparse(cx.mcp)),
                                        geo::RelatednessMethod::kProbability);
    const Matrix rel_density = geo::relatedness_density(cx.mcp, rel);
    const Vector rdens = spread(rel_density.row(cr).transpose());
    const auto averages = geo::relatedness_density_averages(cx.mcp, rel_density);
    const auto spec = geo::location_specialisation(cx.value);
    const auto fitness = geo::fitness_complexity(cx.mcp, 100);

    const Vector va1 = x1.values.row(r1).transpose();
    const double total1 = va1.sum();
    const Vector share = va1 / total1 * 100.0;
    // Shift-share on the sectors both classifications share, against all regions of the
    // profile year (the nation of the tables); a region without base-year data (Tibet
    // before 2012) enters with 0.
    const auto nk = static_cast<Eigen::Index>(common.sectors.size());
    Matrix b = Matrix::Zero(x1.values.rows(), nk);
    Matrix e = Matrix::Zero(x1.values.rows(), nk);
    Vector growth = Vector::Constant(ns, nan);
    geo::ShiftShare shift;
    if (activity.has_base) {
        for (std::size_t r = 0; r < x1.provinces.size(); ++r) {
            const auto ri = static_cast<Eigen::Index>(r);
            for (Eigen::Index s = 0; s < ns; ++s) {
                e(ri, common.of_end[static_cast<std::size_t>(s)]) += x1.values(ri, s);
            }
            for (std::size_t k = 0; k < x0.provinces.size(); ++k) {
                if (x0.provinces[k].code != x1.provinces[r].code) {
                    continue;
                }
                for (Eigen::Index s = 0; s < x0.values.cols(); ++s) {
                    b(ri, common.of_base[static_cast<std::size_t>(s)]) +=
                        x0.values(static_cast<Eigen::Index>(k), s);
                }
            }
        }
        shift = geo::shift_share(b, e);
        const Vector growth_common = geo::growth_percent(b.row(r1), e.row(r1)).row(0).transpose();
        for (Eigen::Index s = 0; s < ns; ++s) {  // a sector's growth is that of its common sector
            growth(s) = growth_common(common.of_end[static_cast<std::size_t>(s)]);
        }
    }
    const double base_total = b.row(r1).sum();

    // Summary.
    const Vector totals = x1.values.rowwise().sum();
    std::vector<std::pair<std::string, double>> rows = {
        {measure, total1},
        {"share of all regions (%)", total1 / totals.sum() * 100.0},
        {"rank by " + measure, rank_desc(totals, r1)},
        {"diversity (sectors with RCA >= 1)", cx.diversity(cr)},
        {"ECI", cx.eci(cr)},
        {"ECI rank", rank_desc(cx.eci, cr)},
        {"COI", cx.coi(cr)},
        {"fitness", fitness.fitness(cr)},
        {"Herfindahl", spec.herfindahl(cr)},
        {"entropy (bits)", spec.entropy(cr)},
        {"Krugman specialisation", spec.krugman(cr)},
        {"Hachman", spec.hachman(cr)},
        {"relatedness density, own sectors", averages.internal(cr)},
        {"relatedness density, other sectors", averages.external(cr)},
    };
    if (activity.has_base) {
        rows.insert(rows.end(),
                    {
                        {fmt::format("{} {}", measure, activity.base_year), base_total},
                        {fmt::format("growth {}-{} (%)", activity.base_year, activity.year),
                         (total1 / base_total - 1.0) * 100.0},
                        {"shift-share: national growth", shift.national.row(r1).sum()},
                        {"shift-share: industry mix", shift.mix.row(r1).sum()},
                        {"shift-share: competitiveness", shift.competitive.row(r1).sum()},
                    });
    }
    p.summary.name = "summary";
    p.summary.rows_are_quantities = true;  // value added, shares, ranks: one quantity a row
    std::vector<std::vector<std::string>> labels;
    p.summary.values.resize(static_cast<Eigen::Index>(rows.size()), 1);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        labels.push_back({rows[i].first});
        p.summary.values(static_cast<Eigen::Index>(i), 0) = rows[i].second;
    }
    p.summary.rows = Index({"indicator"}, labels);
    p.summary.cols = Index::single("region", {p.region.name_en});

    // Specialisations: present sectors by RCA.
    std::vector<Eigen::Index> present;
    std::vector<Eigen::Index> absent;
    for (Eigen::Index s = 0; s < ns; ++s) {
        if (mcp(s) == 1.0) {
            present.push_back(s);
        } else if (mcp(s) == 0.0) {
            absent.push_back(s);
        }
    }
    std::stable_sort(
        present.begin(), present.end(), [&](auto a, auto c) { return rca(a) > rca(c); });
    if (present.size() > options.top) {
        present.resize(options.top);
    }
    p.specialisations = make_table("specialisations",
                                   x1.sectors,
                                   present,
                                   {measure, "share (%)", "RCA", "PCI", "growth (%)"},
                                   {va1, share, rca, pci, growth});
    // Opportunities: absent sectors closest to what the province has (py-ecomplexity density).
    std::stable_sort(
        absent.begin(), absent.end(), [&](auto a, auto c) { return density(a) > density(c); });
    if (absent.size() > options.top) {
        absent.resize(options.top);
    }
    p.opportunities = make_table("opportunities",
                                 x1.sectors,
                                 absent,
                                 {"density", "relatedness density", "COG", "PCI", "RCA"},
                                 {density, rdens, cog, pci, rca});
    if (!activity.has_base) {
        p.notes.push_back("no earlier year: growth and shift-share left out");
        return p;
    }
    // Shift-share: every common sector, by competitive effect.
    std::vector<Eigen::Index> all(static_cast<std::size_t>(nk));
    std::iota(all.begin(), all.end(), Eigen::Index{0});
    const Vector comp = shift.competitive.row(r1).transpose();
    std::stable_sort(all.begin(), all.end(), [&](auto a, auto c) { return comp(a) > comp(c); });
    p.shift_share = make_table("shift_share",
                               common.sectors,
                               all,
                               {fmt::format("{} {}", measure, activity.base_year),
                                fmt::format("{} {}", measure, activity.year),
                                "change",
                                "national growth",
                                "industry mix",
                                "competitiveness"},
                               {b.row(r1).transpose(),
                                e.row(r1).transpose(),
                                shift.change.row(r1).transpose(),
                                shift.national.row(r1).transpose(),
                                shift.mix.row(r1).transpose(),
                                comp});
    return p;
}

StructureReport structure_report(const TableSet& end,
                                 const TableSet& base,
                                 const std::string& region,
                                 const StructureOptions& options,
                                 bool titles_as_names,
                                 i18n::Lang lang) {
    const bool zh = lang == i18n::Lang::kZh;
    const i18n::Translator tr = china_translator(lang, end.sectors);
    auto p = structure_profile(end, base, region, options);
    // Amounts for people where the data are in 10k CNY: found by their English labels.
    const bool convert = p.unit == "10k CNY";
    std::map<std::string, std::string> units;
    const auto money = amount_rows(p.summary, {"value added", "value added *", "shift-share: *"});
    const std::vector<std::pair<Table*, std::string>> titled = {
        {&p.summary,
         zh ? fmt::format("{}（{} 年）：在 {} 个省份中的产业结构（{}按部门增加值）",
                          display_name(p.region, lang),
                          p.year,
                          end.tables.size(),
                          convert ? "" : tr(p.unit) + "；")
            : fmt::format("{} ({}) {}: structure among {} provinces ({}value added by sector)",
                          p.region.name_en,
                          p.region.name_zh,
                          p.year,
                          end.tables.size(),
                          convert ? "" : p.unit + "; ")},
        {&p.specialisations,
         zh ? "主要优势部门（RCA ≥ 1），按 RCA 排序" : "Top specialisations (RCA >= 1), by RCA"},
        {&p.opportunities,
         zh ? "最接近的非优势部门：关联密度（py-ecomplexity）、关联密度（EconGeo）、COG"
            : "Nearest sectors without RCA: density (py-ecomplexity), relatedness density "
              "(EconGeo), COG"},
        {&p.shift_share,
         zh ? fmt::format("{}—{} 年增加值的偏离-份额分析，按竞争力分量排序", p.base_year, p.year)
            : fmt::format(
                  "Shift-share of value added {}-{}, by competitiveness", p.base_year, p.year)},
    };
    StructureReport out;
    for (const auto& [table, title] : titled) {
        tr.table(*table);
        if (convert && table == &p.summary) {
            express_cells(p.summary, money, {0}, lang, units);
        } else if (convert && table == &p.specialisations) {
            express(p.specialisations, {0}, false, lang, units);
        } else if (convert && table == &p.shift_share) {
            express(p.shift_share, all_columns(p.shift_share), false, lang, units);
        }
        table->name = titles_as_names ? title : table->name;
        out.tables.push_back(std::move(*table));
    }
    out.notes = p.notes;
    tr.list(out.notes);
    return out;
}

}  // namespace tandem::brief
