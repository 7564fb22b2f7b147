#include "tandem/geo/panel_reports.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "tandem/core/error.hpp"
#include "tandem/data/delimited.hpp"
#include "tandem/geo/dynamics.hpp"
#include "tandem/geo/indices.hpp"
#include "tandem/geo/specialisation.hpp"

namespace tandem::geo {

namespace {

// Population by (time, location) or by location alone.
struct Population {
    std::map<std::pair<std::string, std::string>, double> by_time;
    std::map<std::string, double> by_loc;
    bool has_time = false;
};

std::optional<std::size_t> column(const std::vector<std::string>& header, const std::string& name) {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == name) {
            return i;
        }
    }
    return std::nullopt;
}

Population read_population(const PanelOptions& a) {
    Population pop;
    std::vector<std::string> header;
    std::size_t cl = 0;
    std::size_t cp = 0;
    std::size_t ct = 0;
    data::read_delimited(
        a.population, ',', [&](std::size_t line, const std::vector<std::string>& f) {
            if (header.empty()) {
                header = f;
                const auto l = column(f, a.columns.loc);
                const auto p = column(f, a.pop_col);
                if (!l || !p) {
                    data::fail_at(a.population,
                                  line,
                                  1,
                                  fmt::format("expected columns '{}' and '{}' (found: {})",
                                              a.columns.loc,
                                              a.pop_col,
                                              fmt::join(f, ", ")));
                }
                cl = *l;
                cp = *p;
                if (const auto t = column(f, a.columns.time)) {
                    ct = *t;
                    pop.has_time = true;
                }
                return;
            }
            if (f.size() != header.size()) {
                data::fail_at(a.population,
                              line,
                              std::min(f.size(), header.size()) + 1,
                              fmt::format("expected {} cells, found {}", header.size(), f.size()));
            }
            const double v = data::parse_number(f[cp], a.population, line, cp + 1, a.pop_col);
            if (!(v > 0.0)) {
                data::fail_at(a.population, line, cp + 1, "population must be a positive number");
            }
            if (pop.has_time) {
                pop.by_time[{f[ct], f[cl]}] = v;
            } else {
                pop.by_loc[f[cl]] = v;
            }
        });
    return pop;
}

ComplexityOptions complexity_options(const PanelOptions& a,
                                     const data::YearMatrix& y,
                                     const Population* pop) {
    ComplexityOptions o;
    o.rca_threshold = a.rca_threshold;
    o.rpop_threshold = a.rpop_threshold;
    o.presence = a.presence;
    if (o.presence != PresenceTest::kPopulation && o.presence != PresenceTest::kBoth) {
        return o;
    }
    o.population.resize(static_cast<Eigen::Index>(y.locations.size()));
    for (std::size_t c = 0; c < y.locations.size(); ++c) {
        const auto& loc = y.locations[c];
        double v = 0.0;
        if (pop->has_time) {
            const auto it = pop->by_time.find({y.time, loc});
            v = it == pop->by_time.end() ? 0.0 : it->second;
        } else {
            const auto it = pop->by_loc.find(loc);
            v = it == pop->by_loc.end() ? 0.0 : it->second;
        }
        if (v == 0.0) {
            fail(ErrorCode::kInvalidInput,
                 "{}: no population for location '{}'{}",
                 a.population,
                 loc,
                 pop->has_time ? fmt::format(" in {}", y.time) : std::string());
        }
        o.population(static_cast<Eigen::Index>(c)) = v;
    }
    return o;
}

// Drops locations, then products, whose totals are below the minimums.
void apply_filters(const PanelOptions& a, data::YearMatrix& y, const NoteFn& note) {
    if (a.min_loc_total <= 0.0 && a.min_prod_total <= 0.0) {
        return;
    }
    std::vector<Eigen::Index> rows;
    for (Eigen::Index c = 0; c < y.values.rows(); ++c) {
        if (y.values.row(c).sum() >= a.min_loc_total) {
            rows.push_back(c);
        }
    }
    Matrix kept_rows(static_cast<Eigen::Index>(rows.size()), y.values.cols());
    std::vector<std::string> locs;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        kept_rows.row(static_cast<Eigen::Index>(i)) = y.values.row(rows[i]);
        locs.push_back(y.locations[static_cast<std::size_t>(rows[i])]);
    }
    std::vector<Eigen::Index> cols;
    for (Eigen::Index p = 0; p < kept_rows.cols(); ++p) {
        if (kept_rows.col(p).sum() >= a.min_prod_total) {
            cols.push_back(p);
        }
    }
    Matrix kept(kept_rows.rows(), static_cast<Eigen::Index>(cols.size()));
    std::vector<std::string> prods;
    for (std::size_t j = 0; j < cols.size(); ++j) {
        kept.col(static_cast<Eigen::Index>(j)) = kept_rows.col(cols[j]);
        prods.push_back(y.products[static_cast<std::size_t>(cols[j])]);
    }
    if (note) {
        note(fmt::format("year {}: filters left out {} location(s) and {} product(s)",
                         y.time,
                         y.locations.size() - locs.size(),
                         y.products.size() - prods.size()));
    }
    y.locations = std::move(locs);
    y.products = std::move(prods);
    y.values = std::move(kept);
}

void note_dropped(const data::YearMatrix& y, const ComplexityResult& r, const NoteFn& note) {
    const std::size_t dropped =
        y.locations.size() - r.locations.size() + y.products.size() - r.products.size();
    if (dropped > 0 && note) {
        note(fmt::format("year {}: {} location(s) and {} product(s) with a total of 0 left out",
                         y.time,
                         y.locations.size() - r.locations.size(),
                         y.products.size() - r.products.size()));
    }
}

// The shortest text that reads back to the same double (as py-ecomplexity's CSV keeps them).
std::string num(double v) {
    if (!std::isfinite(v)) {
        fail(ErrorCode::kInternal, "a non-finite value reached the output");
    }
    return fmt::format("{}", v);
}

// Rows of labelled indicators gathered over the years.
struct LongTable {
    std::vector<std::string> levels;
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> labels;
    std::vector<double> values;  // row-major

    void add(std::vector<std::string> label, const std::vector<double>& row) {
        labels.push_back(std::move(label));
        values.insert(values.end(), row.begin(), row.end());
    }
    Table table(std::string name) const {
        Table t;
        t.name = std::move(name);
        t.rows = Index(levels, labels);
        t.cols = Index::single("indicator", columns);
        t.values = Eigen::Map<
            const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
            values.data(),
            static_cast<Eigen::Index>(labels.size()),
            static_cast<Eigen::Index>(columns.size()));
        return t;
    }
};

// Streams a large text in pieces of 4 MB.
void flush_if_large(fmt::memory_buffer& buf, std::ostream& out) {
    if (buf.size() > (1U << 22)) {
        out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
        buf.clear();
    }
}

Matrix presence_of(const Matrix& values, double threshold) {
    return (rca_matrix(values).array() >= threshold).cast<double>();
}

}  // namespace

std::optional<PresenceTest> parse_presence_test(std::string_view name) {
    if (name == "rca") {
        return PresenceTest::kRca;
    }
    if (name == "rpop") {
        return PresenceTest::kPopulation;
    }
    if (name == "both") {
        return PresenceTest::kBoth;
    }
    if (name == "given") {
        return PresenceTest::kGiven;
    }
    return std::nullopt;
}

bool PanelOptions::is_valid(std::string* why) const {
    if (input.empty()) {
        *why = "no input file";
        return false;
    }
    if (!(rca_threshold > 0.0) || !(rpop_threshold > 0.0) || !std::isfinite(rca_threshold) ||
        !std::isfinite(rpop_threshold)) {
        *why = "the RCA and RPOP thresholds must be positive numbers";
        return false;
    }
    if ((presence == PresenceTest::kPopulation || presence == PresenceTest::kBoth) &&
        population.empty()) {
        *why = "the presence test by population (rpop, both) needs a population file";
        return false;
    }
    if (!std::isfinite(min_loc_total) || !std::isfinite(min_prod_total)) {
        *why = "the minimum totals must be finite";
        return false;
    }
    return true;
}

bool IndicatorOptions::is_valid(std::string* why) const {
    if (steps < 0 || iterations < 1) {
        *why = "the steps of the reflections must be 0 or more and the iterations 1 or more";
        return false;
    }
    return true;
}

void for_each_year(const PanelOptions& a,
                   const std::function<void(const data::YearMatrix&, const ComplexityOptions&)>& fn,
                   const ProgressFn& progress,
                   const NoteFn& note) {
    require_valid(a);
    const auto panel = data::read_long_panel(a.input, a.columns);
    std::unique_ptr<Population> pop;
    if (!a.population.empty()) {
        pop = std::make_unique<Population>(read_population(a));
    }
    for (const auto& want : a.years) {
        if (panel.find(want) == panel.years()) {
            fail(ErrorCode::kInvalidInput, "{}: no year '{}' in the file", a.input, want);
        }
    }
    for (std::size_t t = 0; t < panel.years(); ++t) {
        if (!a.years.empty() &&
            std::find(a.years.begin(), a.years.end(), panel.time(t)) == a.years.end()) {
            continue;
        }
        auto y = panel.year_matrix(t, a.max_cells);
        apply_filters(a, y, note);
        try {
            fn(y, complexity_options(a, y, pop.get()));
        } catch (const Error& e) {
            fail(e.code(), "{}: year {}: {}", a.input, y.time, e.what());
        }
        report(progress, fmt::format("year {}", y.time), t + 1, panel.years());
    }
}

void write_complexity_csv(const PanelOptions& options,
                          std::ostream& out,
                          const ProgressFn& progress,
                          const NoteFn& note) {
    fmt::memory_buffer buf;
    const auto& c = options.columns;
    fmt::format_to(std::back_inserter(buf),
                   "{},{},{},{},diversity,ubiquity,mcp,eci,pci,density,coi,cog,rca\n",
                   c.time,
                   c.loc,
                   c.prod,
                   c.val);
    auto year = [&](const data::YearMatrix& y, const ComplexityOptions& o) {
        const ComplexityResult r = complexity(y.locations, y.products, y.values, o);
        note_dropped(y, r, note);
        for (std::size_t i = 0; i < r.locations.size(); ++i) {
            const auto ci = static_cast<Eigen::Index>(i);
            for (std::size_t j = 0; j < r.products.size(); ++j) {
                const auto pj = static_cast<Eigen::Index>(j);
                fmt::format_to(std::back_inserter(buf),
                               "{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
                               y.time,
                               r.locations[i],
                               r.products[j],
                               num(r.value(ci, pj)),
                               num(r.diversity(ci)),
                               num(r.ubiquity(pj)),
                               num(r.mcp(ci, pj)),
                               num(r.eci(ci)),
                               num(r.pci(pj)),
                               num(r.density(ci, pj)),
                               num(r.coi(ci)),
                               num(r.cog(ci, pj)),
                               num(r.rca(ci, pj)));
            }
            flush_if_large(buf, out);
        }
    };
    for_each_year(options, year, progress, note);
    out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
}

void write_proximity_csv(const PanelOptions& options,
                         bool all_pairs,
                         std::ostream& out,
                         const ProgressFn& progress,
                         const NoteFn& note) {
    fmt::memory_buffer buf;
    fmt::format_to(std::back_inserter(buf), "{},prod_1,prod_2,proximity\n", options.columns.time);
    auto year = [&](const data::YearMatrix& y, const ComplexityOptions& o) {
        const ComplexityResult r = complexity(y.locations, y.products, y.values, o);
        for (std::size_t p = 0; p < r.products.size(); ++p) {
            for (std::size_t q = 0; q < r.products.size(); ++q) {
                const double v =
                    r.proximity(static_cast<Eigen::Index>(p), static_cast<Eigen::Index>(q));
                if (all_pairs || (r.products[p] < r.products[q] && v > 0.0)) {
                    fmt::format_to(std::back_inserter(buf),
                                   "{},{},{},{}\n",
                                   y.time,
                                   r.products[p],
                                   r.products[q],
                                   num(v));
                }
            }
            flush_if_large(buf, out);
        }
    };
    for_each_year(options, year, progress, note);
    out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
}

Table locations_table(const PanelOptions& panel,
                      const IndicatorOptions& options,
                      const ProgressFn& progress,
                      const NoteFn& note) {
    require_valid(options);
    LongTable lt;
    lt.levels = {panel.columns.time, panel.columns.loc};
    lt.columns = {"total",
                  "diversity",
                  "eci",
                  "coi",
                  "kci",
                  "morc",
                  "fitness",
                  "herfindahl",
                  "entropy",
                  "krugman",
                  "spec_coeff",
                  "hachman",
                  "lq_avg",
                  "density_int",
                  "density_ext"};
    auto year = [&](const data::YearMatrix& y, const ComplexityOptions& o) {
        const auto r = complexity(y.locations, y.products, y.values, o);
        note_dropped(y, r, note);
        const auto spec = location_specialisation(r.value);
        const Vector kci = kci_econgeo(r.mcp);
        const auto mor = method_of_reflections(r.mcp, options.steps);
        const auto fit = fitness_complexity(r.mcp, options.iterations);
        const Matrix rel = relatedness(co_occurrence(presence_sparse(r.mcp)), options.relatedness);
        const auto avg = relatedness_density_averages(r.mcp, relatedness_density(r.mcp, rel));
        for (std::size_t i = 0; i < r.locations.size(); ++i) {
            const auto c = static_cast<Eigen::Index>(i);
            lt.add({y.time, r.locations[i]},
                   {r.value.row(c).sum(),
                    r.diversity(c),
                    r.eci(c),
                    r.coi(c),
                    kci(c),
                    mor.locations(c),
                    fit.fitness(c),
                    spec.herfindahl(c),
                    spec.entropy(c),
                    spec.krugman(c),
                    spec.spec_coeff(c),
                    spec.hachman(c),
                    spec.lq_avg(c),
                    avg.internal(c),
                    avg.external(c)});
        }
    };
    for_each_year(panel, year, progress, note);
    return lt.table("locations");
}

Table products_table(const PanelOptions& panel,
                     const IndicatorOptions& options,
                     const ProgressFn& progress,
                     const NoteFn& note) {
    require_valid(options);
    LongTable lt;
    lt.levels = {panel.columns.time, panel.columns.prod};
    lt.columns = {
        "total", "ubiquity", "pci", "mort", "complexity", "gini", "locational_gini", "hoover"};
    if (options.econgeo) {
        lt.columns.emplace_back("tci");
    }
    auto year = [&](const data::YearMatrix& y, const ComplexityOptions& o) {
        const auto r = complexity(y.locations, y.products, y.values, o);
        note_dropped(y, r, note);
        const auto mor = method_of_reflections(r.mcp, options.steps);
        const auto fit = fitness_complexity(r.mcp, options.iterations);
        const Vector gini = activity_gini(r.value);
        const Vector lgini = locational_gini(r.value);
        const Vector hoover = hoover_index(r.value);
        const Vector tci = options.econgeo ? tci_econgeo(r.mcp) : Vector();
        for (std::size_t j = 0; j < r.products.size(); ++j) {
            const auto p = static_cast<Eigen::Index>(j);
            std::vector<double> row = {r.value.col(p).sum(),
                                       r.ubiquity(p),
                                       r.pci(p),
                                       mor.activities(p),
                                       fit.complexity(p),
                                       gini(p),
                                       lgini(p),
                                       hoover(p)};
            if (options.econgeo) {
                row.push_back(tci(p));
            }
            lt.add({y.time, r.products[j]}, row);
        }
    };
    for_each_year(panel, year, progress, note);
    return lt.table("products");
}

Table relatedness_table(const PanelOptions& panel,
                        const IndicatorOptions& options,
                        const ProgressFn& progress) {
    require_valid(options);
    LongTable lt;
    lt.levels = {panel.columns.time, "prod_1", "prod_2"};
    lt.columns = {"cooccurrence", "relatedness"};
    auto year = [&](const data::YearMatrix& y, const ComplexityOptions& o) {
        const auto r = complexity(y.locations, y.products, y.values, o);
        const Matrix co = co_occurrence(presence_sparse(r.mcp));
        const Matrix rel = relatedness(co, options.relatedness);
        for (std::size_t p = 0; p < r.products.size(); ++p) {
            for (std::size_t q = 0; q < r.products.size(); ++q) {
                const auto pi = static_cast<Eigen::Index>(p);
                const auto qi = static_cast<Eigen::Index>(q);
                if (options.all_pairs || (r.products[p] < r.products[q] && co(pi, qi) > 0.0)) {
                    lt.add({y.time, r.products[p], r.products[q]}, {co(pi, qi), rel(pi, qi)});
                }
            }
        }
    };
    for_each_year(panel, year, progress);
    return lt.table("relatedness");
}

Table density_table(const PanelOptions& panel,
                    const IndicatorOptions& options,
                    const ProgressFn& progress) {
    require_valid(options);
    LongTable lt;
    lt.levels = {panel.columns.time, panel.columns.loc, panel.columns.prod};
    lt.columns = {"value", "rca", "mcp", "density"};
    auto year = [&](const data::YearMatrix& y, const ComplexityOptions& o) {
        const auto r = complexity(y.locations, y.products, y.values, o);
        const Matrix rel = relatedness(co_occurrence(presence_sparse(r.mcp)), options.relatedness);
        const Matrix d = relatedness_density(r.mcp, rel);
        for (std::size_t i = 0; i < r.locations.size(); ++i) {
            for (std::size_t j = 0; j < r.products.size(); ++j) {
                const auto c = static_cast<Eigen::Index>(i);
                const auto p = static_cast<Eigen::Index>(j);
                lt.add({y.time, r.locations[i], r.products[j]},
                       {r.value(c, p), r.rca(c, p), r.mcp(c, p), d(c, p)});
            }
        }
    };
    for_each_year(panel, year, progress);
    return lt.table("density");
}

TwoYears two_years(const PanelOptions& a, const std::string& from, const std::string& to) {
    require_valid(a);
    const auto panel = data::read_long_panel(a.input, a.columns);
    auto year = [&](const std::string& t) {
        const auto i = panel.find(t);
        if (i == panel.years()) {
            fail(ErrorCode::kInvalidInput, "{}: no year '{}' in the file", a.input, t);
        }
        auto y = panel.year_matrix(i, a.max_cells);
        apply_filters(a, y, {});
        return y;
    };
    const auto y0 = year(from);
    const auto y1 = year(to);
    TwoYears out;
    std::map<std::string, Eigen::Index> lp;
    std::map<std::string, Eigen::Index> pp;
    for (const auto* y : {&y0, &y1}) {
        for (const auto& l : y->locations) {
            lp.emplace(l, 0);
        }
        for (const auto& p : y->products) {
            pp.emplace(p, 0);
        }
    }
    for (auto& [k, v] : lp) {
        v = static_cast<Eigen::Index>(out.locations.size());
        out.locations.push_back(k);
    }
    for (auto& [k, v] : pp) {
        v = static_cast<Eigen::Index>(out.products.size());
        out.products.push_back(k);
    }
    auto place = [&](const data::YearMatrix& y) {
        Matrix m = Matrix::Zero(static_cast<Eigen::Index>(out.locations.size()),
                                static_cast<Eigen::Index>(out.products.size()));
        for (std::size_t c = 0; c < y.locations.size(); ++c) {
            for (std::size_t p = 0; p < y.products.size(); ++p) {
                m(lp.at(y.locations[c]), pp.at(y.products[p])) =
                    y.values(static_cast<Eigen::Index>(c), static_cast<Eigen::Index>(p));
            }
        }
        return m;
    };
    out.base = place(y0);
    out.end = place(y1);
    return out;
}

ShiftShareReport shift_share_report(const PanelOptions& panel,
                                    const std::string& from,
                                    const std::string& to,
                                    bool by_location) {
    const auto two = two_years(panel, from, to);
    const auto s = shift_share(two.base, two.end);
    LongTable lt;
    lt.columns = {"base", "end", "change", "national", "mix", "competitive"};
    if (by_location) {
        lt.levels = {panel.columns.loc};
        for (std::size_t i = 0; i < two.locations.size(); ++i) {
            const auto c = static_cast<Eigen::Index>(i);
            lt.add({two.locations[i]},
                   {two.base.row(c).sum(),
                    two.end.row(c).sum(),
                    s.change.row(c).sum(),
                    s.national.row(c).sum(),
                    s.mix.row(c).sum(),
                    s.competitive.row(c).sum()});
        }
    } else {
        lt.levels = {panel.columns.loc, panel.columns.prod};
        for (std::size_t i = 0; i < two.locations.size(); ++i) {
            for (std::size_t j = 0; j < two.products.size(); ++j) {
                const auto c = static_cast<Eigen::Index>(i);
                const auto p = static_cast<Eigen::Index>(j);
                lt.add({two.locations[i], two.products[j]},
                       {two.base(c, p),
                        two.end(c, p),
                        s.change(c, p),
                        s.national(c, p),
                        s.mix(c, p),
                        s.competitive(c, p)});
            }
        }
    }
    return {lt.table("shift_share"), s.national_growth};
}

DynamicsReport dynamics_report(const PanelOptions& panel,
                               const std::string& from,
                               const std::string& to) {
    const auto two = two_years(panel, from, to);
    const Matrix growth = growth_percent(two.base, two.end);
    const Matrix m0 = presence_of(two.base, panel.rca_threshold);
    const Matrix m1 = presence_of(two.end, panel.rca_threshold);
    const auto t = transitions(m0, m1);
    LongTable lt;
    lt.levels = {panel.columns.loc, panel.columns.prod};
    lt.columns = {"base", "end", "growth_pct", "mcp_base", "mcp_end", "entry", "exit"};
    DynamicsReport out;
    for (std::size_t i = 0; i < two.locations.size(); ++i) {
        for (std::size_t j = 0; j < two.products.size(); ++j) {
            const auto c = static_cast<Eigen::Index>(i);
            const auto p = static_cast<Eigen::Index>(j);
            const double g = growth(c, p);
            lt.add({two.locations[i], two.products[j]},
                   {two.base(c, p),
                    two.end(c, p),
                    std::isfinite(g) ? g : std::numeric_limits<double>::quiet_NaN(),
                    m0(c, p),
                    m1(c, p),
                    t.entries(c, p),
                    t.exits(c, p)});
            out.entries += t.entries(c, p) > 0.0 ? 1U : 0U;
            out.exits += t.exits(c, p) > 0.0 ? 1U : 0U;
        }
    }
    out.table = lt.table("dynamics");
    return out;
}

TradeFlows trade_flows_from_csv(const std::string& exports,
                                const std::string& imports,
                                const data::PanelColumns& columns,
                                const std::string& year) {
    auto load = [&](const std::string& file) {
        const auto panel = data::read_long_panel(file, columns);
        const auto t = year.empty() ? 0 : panel.find(year);
        if (t >= panel.years()) {
            fail(ErrorCode::kInvalidInput, "{}: no year '{}'", file, year);
        }
        return panel.year_matrix(t);
    };
    const auto x = load(exports);
    const auto m = load(imports);
    if (x.locations != m.locations || x.products != m.products) {
        fail(ErrorCode::kInvalidInput,
             "{} and {} must list the same locations and products",
             exports,
             imports);
    }
    return {x.locations, x.values, m.values};
}

}  // namespace tandem::geo
