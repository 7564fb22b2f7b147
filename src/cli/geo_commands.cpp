// tandem geo ...: regional structure. `complexity` and `proximity` are drop-ins for
// py-ecomplexity's ecomplexity() and proximity() on long CSV files; the other subcommands cover
// EconGeo's indicators, shift-share, Fitness-Complexity and trade complementarity; `profile`
// reads the shipped provincial tables.
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "tandem/brief/structure.hpp"
#include "tandem/core/error.hpp"
#include "tandem/data/china_tables.hpp"
#include "tandem/data/datasets.hpp"
#include "tandem/data/delimited.hpp"
#include "tandem/data/long_panel.hpp"
#include "tandem/data/output_folder.hpp"
#include "tandem/data/regions.hpp"
#include "tandem/geo/complementarity.hpp"
#include "tandem/geo/complexity.hpp"
#include "tandem/geo/dynamics.hpp"
#include "tandem/geo/indices.hpp"
#include "tandem/geo/relatedness.hpp"
#include "tandem/geo/specialisation.hpp"

#include "common.hpp"

namespace tandem::cli {

namespace {

struct PanelArgs {
    std::string input;
    data::PanelColumns columns;
    double rca_threshold = 1.0;
    double rpop_threshold = 1.0;
    std::string presence = "rca";
    std::string population;
    std::string pop_col = "pop";
    double min_loc_total = 0.0;
    double min_prod_total = 0.0;
    std::vector<std::string> years;
    std::size_t max_cells = data::LongPanel::kDefaultMaxCells;
};

void add_panel_args(CLI::App& cmd, PanelArgs& a) {
    cmd.add_option("input", a.input, "long CSV: one row per time, location, product and value")
        ->required();
    cmd.add_option("--time", a.columns.time, "name of the time column (py-ecomplexity cols_input)");
    cmd.add_option("--loc", a.columns.loc, "name of the location column");
    cmd.add_option("--prod", a.columns.prod, "name of the product (activity) column");
    cmd.add_option("--val", a.columns.val, "name of the value column");
    cmd.add_option("--max-cells",
                   a.max_cells,
                   "refuse a year of more locations x products cells than this (5,000,000): a "
                   "sparse file would otherwise make a huge dense year and output");
    cmd.add_option("--presence",
                   a.presence,
                   "presence test: rca (RCA >= threshold), rpop (value per head, needs "
                   "--population), both, or given (value > 0 is presence)")
        ->check(CLI::IsMember({"rca", "rpop", "both", "given"}));
    cmd.add_option("--rca-threshold", a.rca_threshold, "presence where RCA >= this (default 1)");
    cmd.add_option("--rpop-threshold", a.rpop_threshold, "presence where RPOP >= this (default 1)");
    cmd.add_option("--population",
                   a.population,
                   "CSV with the location column and a population column (and optionally the "
                   "time column)");
    cmd.add_option("--pop-col", a.pop_col, "name of the population column (default pop)");
    cmd.add_option("--min-loc-total",
                   a.min_loc_total,
                   "leave out locations whose total is below this (tiny territories)");
    cmd.add_option(
        "--min-prod-total", a.min_prod_total, "leave out products whose total is below this");
    cmd.add_option("--year", a.years, "only these years (repeatable; default: all)");
}

std::string num(double v) {
    if (!std::isfinite(v)) {
        fail(ErrorCode::kInternal, "a non-finite value reached the output");
    }
    return fmt::format("{}", v);  // the shortest form that reads back to the same double
}

// Population by (time, location) or by location alone.
struct Population {
    std::map<std::pair<std::string, std::string>, double> by_time;
    std::map<std::string, double> by_loc;
    bool has_time = false;
};

Population read_population(const PanelArgs& a) {
    Population pop;
    std::vector<std::string> header;
    std::size_t cl = 0;
    std::size_t cp = 0;
    std::size_t ct = 0;
    data::read_delimited(
        a.population, ',', [&](std::size_t line, const std::vector<std::string>& f) {
            if (header.empty()) {
                header = f;
                auto find = [&](const std::string& name) -> std::optional<std::size_t> {
                    for (std::size_t i = 0; i < f.size(); ++i) {
                        if (f[i] == name) {
                            return i;
                        }
                    }
                    return std::nullopt;
                };
                const auto l = find(a.columns.loc);
                const auto p = find(a.pop_col);
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
                if (const auto t = find(a.columns.time)) {
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

geo::ComplexityOptions complexity_options(const PanelArgs& a,
                                          const data::YearMatrix& y,
                                          const Population* pop) {
    geo::ComplexityOptions o;
    o.rca_threshold = a.rca_threshold;
    o.rpop_threshold = a.rpop_threshold;
    o.presence = a.presence == "rpop"    ? geo::PresenceTest::kPopulation
                 : a.presence == "both"  ? geo::PresenceTest::kBoth
                 : a.presence == "given" ? geo::PresenceTest::kGiven
                                         : geo::PresenceTest::kRca;
    if (o.presence == geo::PresenceTest::kPopulation || o.presence == geo::PresenceTest::kBoth) {
        if (pop == nullptr) {
            fail(ErrorCode::kUsage, "--presence {} needs --population <csv>", a.presence);
        }
        o.population.resize(static_cast<Eigen::Index>(y.locations.size()));
        for (std::size_t c = 0; c < y.locations.size(); ++c) {
            const auto& loc = y.locations[c];
            double v = 0.0;
            if (pop->has_time) {
                auto it = pop->by_time.find({y.time, loc});
                v = it == pop->by_time.end() ? 0.0 : it->second;
            } else {
                auto it = pop->by_loc.find(loc);
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
    }
    return o;
}

// Drops locations, then products, whose totals are below the minimums; says so on stderr.
void apply_filters(const PanelArgs& a, data::YearMatrix& y, bool quiet) {
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
    if (!quiet) {
        std::cerr << fmt::format("year {}: filters left out {} location(s) and {} product(s)\n",
                                 y.time,
                                 y.locations.size() - locs.size(),
                                 y.products.size() - prods.size());
    }
    y.locations = std::move(locs);
    y.products = std::move(prods);
    y.values = std::move(kept);
}

// Reads the panel and calls fn for each selected year, one dense year at a time.
template <typename Fn>
void for_each_year(const PanelArgs& a, bool quiet, Fn&& fn) {
    const ProgressFn progress = terminal_progress(quiet);
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
        apply_filters(a, y, quiet);
        try {
            const auto options = complexity_options(a, y, pop.get());
            fn(y, options);
        } catch (const Error& e) {
            fail(e.code(), "{}: year {}: {}", a.input, y.time, e.what());
        }
        if (progress) {
            progress(fmt::format("year {}", y.time), t + 1, panel.years());
        }
    }
}

void report_dropped(const data::YearMatrix& y, const geo::ComplexityResult& r, bool quiet) {
    const std::size_t dropped =
        y.locations.size() - r.locations.size() + y.products.size() - r.products.size();
    if (dropped > 0 && !quiet) {
        std::cerr << fmt::format(
            "year {}: {} location(s) and {} product(s) with a total of 0 left out\n",
            y.time,
            y.locations.size() - r.locations.size(),
            y.products.size() - r.products.size());
    }
}

// A text sink: standard output, or a file renamed into place once complete.
class TextOut {
public:
    TextOut(const std::string& path, bool quiet) : path_(path), quiet_(quiet) {
        if (!path.empty() && path != "-") {
            file_ = std::make_unique<data::AtomicFile>(path);
        }
    }
    void write(const fmt::memory_buffer& buf) {
        std::ostream& out = file_ ? file_->stream() : std::cout;
        out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
    }
    void commit() {
        if (file_) {
            file_->commit();
            if (!quiet_) {
                std::cerr << "wrote " << path_ << '\n';
            }
        } else {
            std::cout.flush();
        }
    }

private:
    std::string path_;
    bool quiet_;
    std::unique_ptr<data::AtomicFile> file_;
};

// Rows of labelled indicators gathered over the years, for the table writers.
struct LongTable {
    std::vector<std::string> levels;
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> labels;
    std::vector<double> values;  // row-major

    void add(std::vector<std::string> label, std::initializer_list<double> row) {
        labels.push_back(std::move(label));
        values.insert(values.end(), row.begin(), row.end());
    }
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

std::optional<geo::RelatednessMethod> method_or_fail(const std::string& name) {
    auto m = geo::parse_relatedness_method(name);
    if (!m) {
        fail(ErrorCode::kUsage,
             "unknown relatedness method '{}': prob, association, cosine or jaccard",
             name);
    }
    return m;
}

// Two years of one panel on common locations and products (absent cells 0).
struct TwoYears {
    std::vector<std::string> locations;
    std::vector<std::string> products;
    Matrix base;
    Matrix end;
};

TwoYears two_years(const PanelArgs& a, const std::string& from, const std::string& to) {
    const auto panel = data::read_long_panel(a.input, a.columns);
    auto year = [&](const std::string& t) {
        const auto i = panel.find(t);
        if (i == panel.years()) {
            fail(ErrorCode::kInvalidInput, "{}: no year '{}' in the file", a.input, t);
        }
        auto y = panel.year_matrix(i, a.max_cells);
        apply_filters(a, y, true);
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

Matrix presence_of(const Matrix& values, double threshold) {
    return (geo::rca_matrix(values).array() >= threshold).cast<double>();
}

void add_complexity_command(CLI::App& group) {
    auto a = std::make_shared<PanelArgs>();
    auto out = std::make_shared<std::string>();
    auto quiet = std::make_shared<bool>(false);
    auto* cmd = group.add_subcommand(
        "complexity",
        "ECI, PCI, density, COI, COG and RCA for every year of a long CSV, written as\n"
        "py-ecomplexity writes them: the input columns, then diversity, ubiquity, mcp, eci,\n"
        "pci, density, coi, cog, rca; one row per location x product of each year. Years are\n"
        "computed and written one at a time.");
    add_panel_args(*cmd, *a);
    cmd->add_option("-o,--output", *out, "output CSV (standard output if not given)");
    cmd->add_flag("-q,--quiet", *quiet, "no messages on stderr");
    cmd->callback([a, out, quiet] {
        refuse_input_overlap(*out, {a->input, a->population});
        TextOut sink(*out, *quiet);
        fmt::memory_buffer buf;
        const auto& c = a->columns;
        fmt::format_to(std::back_inserter(buf),
                       "{},{},{},{},diversity,ubiquity,mcp,eci,pci,density,coi,cog,rca\n",
                       c.time,
                       c.loc,
                       c.prod,
                       c.val);
        for_each_year(*a, *quiet, [&](const data::YearMatrix& y, const geo::ComplexityOptions& o) {
            const geo::ComplexityResult r = geo::complexity(y.locations, y.products, y.values, o);
            report_dropped(y, r, *quiet);
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
                if (buf.size() > (1U << 22)) {
                    sink.write(buf);
                    buf.clear();
                }
            }
            sink.write(buf);
            buf.clear();
        });
        sink.commit();
    });
}

void add_proximity_command(CLI::App& group) {
    auto a = std::make_shared<PanelArgs>();
    auto out = std::make_shared<std::string>();
    auto quiet = std::make_shared<bool>(false);
    auto all_pairs = std::make_shared<bool>(false);
    auto* cmd = group.add_subcommand(
        "proximity",
        "Product proximity for every year: time,prod_1,prod_2,proximity. By default the pairs\n"
        "prod_1 < prod_2 (as strings) with proximity > 0; --all-pairs writes the full matrix.");
    add_panel_args(*cmd, *a);
    cmd->add_option("-o,--output", *out, "output CSV (standard output if not given)");
    cmd->add_flag("-q,--quiet", *quiet, "no messages on stderr");
    cmd->add_flag("--all-pairs", *all_pairs, "every ordered pair, diagonal and zeros included");
    cmd->callback([a, out, quiet, all_pairs] {
        refuse_input_overlap(*out, {a->input, a->population});
        TextOut sink(*out, *quiet);
        fmt::memory_buffer buf;
        fmt::format_to(std::back_inserter(buf), "{},prod_1,prod_2,proximity\n", a->columns.time);
        for_each_year(*a, *quiet, [&](const data::YearMatrix& y, const geo::ComplexityOptions& o) {
            const geo::ComplexityResult r = geo::complexity(y.locations, y.products, y.values, o);
            for (std::size_t p = 0; p < r.products.size(); ++p) {
                for (std::size_t q = 0; q < r.products.size(); ++q) {
                    const double v =
                        r.proximity(static_cast<Eigen::Index>(p), static_cast<Eigen::Index>(q));
                    if (*all_pairs || (r.products[p] < r.products[q] && v > 0.0)) {
                        fmt::format_to(std::back_inserter(buf),
                                       "{},{},{},{}\n",
                                       y.time,
                                       r.products[p],
                                       r.products[q],
                                       num(v));
                    }
                }
                if (buf.size() > (1U << 22)) {
                    sink.write(buf);
                    buf.clear();
                }
            }
        });
        sink.write(buf);
        sink.commit();
    });
}

struct IndicatorArgs {
    PanelArgs panel;
    OutputOptions out;
    std::string method = "prob";
    int steps = 20;
    int iterations = 100;
    bool econgeo = false;
    bool all_pairs = false;
};

void add_locations_command(CLI::App& group) {
    auto a = std::make_shared<IndicatorArgs>();
    auto* cmd = group.add_subcommand(
        "locations",
        "Indicators of each location and year: total, diversity, ECI and COI (py-ecomplexity),\n"
        "KCI (EconGeo's eigenvector), MORc (reflections), fitness (Tacchella et al.),\n"
        "Herfindahl, entropy, Krugman, specialisation coefficient, Hachman, average LQ, and\n"
        "the mean relatedness density of its own sectors (internal) and of the others.");
    add_panel_args(*cmd, a->panel);
    add_output_options(*cmd, a->out);
    cmd->add_option("--relatedness", a->method, "prob (default), association, cosine, jaccard");
    cmd->add_option("--steps", a->steps, "steps of the method of reflections (default 20)");
    cmd->add_option("--iterations", a->iterations, "Fitness-Complexity iterations (default 100)");
    cmd->callback([a] {
        const auto method = *method_or_fail(a->method);
        LongTable lt;
        lt.levels = {a->panel.columns.time, a->panel.columns.loc};
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
        for_each_year(a->panel,
                      a->out.quiet,
                      [&](const data::YearMatrix& y, const geo::ComplexityOptions& o) {
                          const auto r = geo::complexity(y.locations, y.products, y.values, o);
                          report_dropped(y, r, a->out.quiet);
                          const auto spec = geo::location_specialisation(r.value);
                          const Vector kci = geo::kci_econgeo(r.mcp);
                          const auto mor = geo::method_of_reflections(r.mcp, a->steps);
                          const auto fit = geo::fitness_complexity(r.mcp, a->iterations);
                          const Matrix rel = geo::relatedness(
                              geo::co_occurrence(geo::presence_sparse(r.mcp)), method);
                          const auto avg = geo::relatedness_density_averages(
                              r.mcp, geo::relatedness_density(r.mcp, rel));
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
                      });
        a->out.inputs = {a->panel.input, a->panel.population};
        emit({lt.table("locations")}, a->out);
    });
}

void add_products_command(CLI::App& group) {
    auto a = std::make_shared<IndicatorArgs>();
    auto* cmd = group.add_subcommand(
        "products",
        "Indicators of each product (activity) and year: total, ubiquity, PCI (py-ecomplexity),\n"
        "MORt (reflections), complexity (Fitness-Complexity), Gini, locational Gini, Hoover\n"
        "index (against the locations' totals); --econgeo adds EconGeo's TCI, a dense\n"
        "non-symmetric eigenproblem of the product matrix (slow beyond a few thousand).");
    add_panel_args(*cmd, a->panel);
    add_output_options(*cmd, a->out);
    cmd->add_option("--steps", a->steps, "steps of the method of reflections (default 20)");
    cmd->add_option("--iterations", a->iterations, "Fitness-Complexity iterations (default 100)");
    cmd->add_flag("--econgeo", a->econgeo, "also EconGeo's TCI");
    cmd->callback([a] {
        LongTable lt;
        lt.levels = {a->panel.columns.time, a->panel.columns.prod};
        lt.columns = {
            "total", "ubiquity", "pci", "mort", "complexity", "gini", "locational_gini", "hoover"};
        if (a->econgeo) {
            lt.columns.emplace_back("tci");
        }
        for_each_year(a->panel,
                      a->out.quiet,
                      [&](const data::YearMatrix& y, const geo::ComplexityOptions& o) {
                          const auto r = geo::complexity(y.locations, y.products, y.values, o);
                          report_dropped(y, r, a->out.quiet);
                          const auto mor = geo::method_of_reflections(r.mcp, a->steps);
                          const auto fit = geo::fitness_complexity(r.mcp, a->iterations);
                          const Vector gini = geo::activity_gini(r.value);
                          const Vector lgini = geo::locational_gini(r.value);
                          const Vector hoover = geo::hoover_index(r.value);
                          const Vector tci = a->econgeo ? geo::tci_econgeo(r.mcp) : Vector();
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
                              if (a->econgeo) {
                                  row.push_back(tci(p));
                              }
                              lt.add({y.time, r.products[j]}, row);
                          }
                      });
        a->out.inputs = {a->panel.input, a->panel.population};
        emit({lt.table("products")}, a->out);
    });
}

void add_relatedness_command(CLI::App& group) {
    auto a = std::make_shared<IndicatorArgs>();
    auto* cmd = group.add_subcommand(
        "relatedness",
        "Relatedness of product pairs from co-occurrence (EconGeo's relatedness()): time,\n"
        "prod_1, prod_2, cooccurrence, relatedness; pairs prod_1 < prod_2 that co-occur, or\n"
        "every ordered pair with --all-pairs.");
    add_panel_args(*cmd, a->panel);
    add_output_options(*cmd, a->out);
    cmd->add_option("--method", a->method, "prob (default), association, cosine, jaccard");
    cmd->add_flag("--all-pairs", a->all_pairs, "every ordered pair");
    cmd->callback([a] {
        const auto method = *method_or_fail(a->method);
        LongTable lt;
        lt.levels = {a->panel.columns.time, "prod_1", "prod_2"};
        lt.columns = {"cooccurrence", "relatedness"};
        for_each_year(
            a->panel,
            a->out.quiet,
            [&](const data::YearMatrix& y, const geo::ComplexityOptions& o) {
                const auto r = geo::complexity(y.locations, y.products, y.values, o);
                const Matrix co = geo::co_occurrence(geo::presence_sparse(r.mcp));
                const Matrix rel = geo::relatedness(co, method);
                for (std::size_t p = 0; p < r.products.size(); ++p) {
                    for (std::size_t q = 0; q < r.products.size(); ++q) {
                        const auto pi = static_cast<Eigen::Index>(p);
                        const auto qi = static_cast<Eigen::Index>(q);
                        if (a->all_pairs || (r.products[p] < r.products[q] && co(pi, qi) > 0.0)) {
                            lt.add({y.time, r.products[p], r.products[q]},
                                   {co(pi, qi), rel(pi, qi)});
                        }
                    }
                }
            });
        a->out.inputs = {a->panel.input, a->panel.population};
        emit({lt.table("relatedness")}, a->out);
    });
}

void add_density_command(CLI::App& group) {
    auto a = std::make_shared<IndicatorArgs>();
    auto* cmd = group.add_subcommand(
        "density",
        "Relatedness density (EconGeo, 0-100, unrounded) of each location around each product:\n"
        "time, loc, prod, value, rca, mcp, density; with the relatedness method of --method.");
    add_panel_args(*cmd, a->panel);
    add_output_options(*cmd, a->out);
    cmd->add_option("--method", a->method, "prob (default), association, cosine, jaccard");
    cmd->callback([a] {
        const auto method = *method_or_fail(a->method);
        LongTable lt;
        lt.levels = {a->panel.columns.time, a->panel.columns.loc, a->panel.columns.prod};
        lt.columns = {"value", "rca", "mcp", "density"};
        for_each_year(a->panel,
                      a->out.quiet,
                      [&](const data::YearMatrix& y, const geo::ComplexityOptions& o) {
                          const auto r = geo::complexity(y.locations, y.products, y.values, o);
                          const Matrix rel = geo::relatedness(
                              geo::co_occurrence(geo::presence_sparse(r.mcp)), method);
                          const Matrix d = geo::relatedness_density(r.mcp, rel);
                          for (std::size_t i = 0; i < r.locations.size(); ++i) {
                              for (std::size_t j = 0; j < r.products.size(); ++j) {
                                  const auto c = static_cast<Eigen::Index>(i);
                                  const auto p = static_cast<Eigen::Index>(j);
                                  lt.add({y.time, r.locations[i], r.products[j]},
                                         {r.value(c, p), r.rca(c, p), r.mcp(c, p), d(c, p)});
                              }
                          }
                      });
        a->out.inputs = {a->panel.input, a->panel.population};
        emit({lt.table("density")}, a->out);
    });
}

struct ChangeArgs {
    PanelArgs panel;
    OutputOptions out;
    std::string from;
    std::string to;
    bool by_location = false;
};

void add_change_args(CLI::App& cmd, ChangeArgs& a) {
    add_panel_args(cmd, a.panel);
    add_output_options(cmd, a.out);
    cmd.add_option("--from", a.from, "base year")->required();
    cmd.add_option("--to", a.to, "end year")->required();
}

void add_shift_share_command(CLI::App& group) {
    auto a = std::make_shared<ChangeArgs>();
    auto* cmd = group.add_subcommand(
        "shift-share",
        "Shift-share split of each location x product change between two years: national\n"
        "growth, industry mix and competitiveness (they sum to the change); the nation is the\n"
        "sum over all locations. --by-location sums each location's products.");
    add_change_args(*cmd, *a);
    cmd->add_flag("--by-location", a->by_location, "one row per location");
    cmd->callback([a] {
        const auto two = two_years(a->panel, a->from, a->to);
        const auto s = geo::shift_share(two.base, two.end);
        LongTable lt;
        lt.columns = {"base", "end", "change", "national", "mix", "competitive"};
        if (a->by_location) {
            lt.levels = {a->panel.columns.loc};
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
            lt.levels = {a->panel.columns.loc, a->panel.columns.prod};
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
        if (!a->out.quiet) {
            std::cerr << fmt::format(
                "national growth {} -> {}: {:.4g}%\n", a->from, a->to, s.national_growth * 100.0);
        }
        a->out.inputs = {a->panel.input, a->panel.population};
        emit({lt.table("shift_share")}, a->out);
    });
}

void add_dynamics_command(CLI::App& group) {
    auto a = std::make_shared<ChangeArgs>();
    auto* cmd = group.add_subcommand(
        "dynamics",
        "Growth and the entries and exits of specialisations between two years (EconGeo's\n"
        "growth_mat, entry_list, exit_list): loc, prod, base, end, growth_pct (empty where the\n"
        "base is 0 and the end is not), mcp_base, mcp_end, entry, exit.");
    add_change_args(*cmd, *a);
    cmd->callback([a] {
        const auto two = two_years(a->panel, a->from, a->to);
        const Matrix growth = geo::growth_percent(two.base, two.end);
        const Matrix m0 = presence_of(two.base, a->panel.rca_threshold);
        const Matrix m1 = presence_of(two.end, a->panel.rca_threshold);
        const auto t = geo::transitions(m0, m1);
        LongTable lt;
        lt.levels = {a->panel.columns.loc, a->panel.columns.prod};
        lt.columns = {"base", "end", "growth_pct", "mcp_base", "mcp_end", "entry", "exit"};
        std::size_t entries = 0;
        std::size_t exits = 0;
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
                entries += t.entries(c, p) > 0.0 ? 1 : 0;
                exits += t.exits(c, p) > 0.0 ? 1 : 0;
            }
        }
        if (!a->out.quiet) {
            std::cerr << fmt::format("{} -> {}: {} entries, {} exits of specialisations\n",
                                     a->from,
                                     a->to,
                                     entries,
                                     exits);
        }
        a->out.inputs = {a->panel.input, a->panel.population};
        emit({lt.table("dynamics")}, a->out);
    });
}

void add_complementarity_command(CLI::App& group) {
    struct Args {
        std::string exports;
        std::string imports;
        data::PanelColumns columns;
        std::string year;
        int china = 0;
        bool foreign = false;
        OutputOptions out;
    };
    auto a = std::make_shared<Args>();
    auto* cmd = group.add_subcommand(
        "complementarity",
        "Michaely's trade complementarity (0-100) of every ordered pair: how well the supplier's\n"
        "exports match the buyer's imports. From two long CSVs (--exports, --imports), or from\n"
        "the shipped provincial tables (--china 2017: outflows to and inflows from other\n"
        "provinces; with --foreign, exports and imports).");
    cmd->add_option("--exports", a->exports, "long CSV of exports (time, loc, prod, val)");
    cmd->add_option("--imports", a->imports, "long CSV of imports (same columns)");
    cmd->add_option("--china", a->china, "a year of the shipped provincial tables (2012, 2017)");
    cmd->add_flag("--foreign", a->foreign, "with --china: foreign exports and imports");
    cmd->add_option("--year", a->year, "the year of the CSVs (default: the first)");
    cmd->add_option("--time", a->columns.time, "name of the time column");
    cmd->add_option("--loc", a->columns.loc, "name of the location column");
    cmd->add_option("--prod", a->columns.prod, "name of the product column");
    cmd->add_option("--val", a->columns.val, "name of the value column");
    add_output_options(*cmd, a->out);
    cmd->callback([a] {
        geo::TradeFlows flows;
        if (a->china != 0) {
            auto trade = data::provincial_trade(data::load_provincial_tables(a->china), a->foreign);
            flows = {
                std::move(trade.provinces), std::move(trade.sales), std::move(trade.purchases)};
        } else {
            if (a->exports.empty() || a->imports.empty()) {
                fail(ErrorCode::kUsage, "give --exports and --imports, or --china <year>");
            }
            auto load = [&](const std::string& file) {
                const auto panel = data::read_long_panel(file, a->columns);
                const auto t = a->year.empty() ? 0 : panel.find(a->year);
                if (t >= panel.years()) {
                    fail(ErrorCode::kInvalidInput, "{}: no year '{}'", file, a->year);
                }
                return panel.year_matrix(t);
            };
            const auto x = load(a->exports);
            const auto m = load(a->imports);
            if (x.locations != m.locations || x.products != m.products) {
                fail(ErrorCode::kInvalidInput,
                     "{} and {} must list the same locations and products",
                     a->exports,
                     a->imports);
            }
            flows = {x.locations, x.values, m.values};
        }
        const Table table = geo::trade_complementarity_table(flows);
        a->out.inputs = {a->exports, a->imports};
        emit({table}, a->out);
    });
}

void add_profile_command_geo(CLI::App& group) {
    struct Args {
        std::string region;
        int year = 2017;
        int base = 2012;
        std::size_t top = 10;
        OutputOptions out;
    };
    auto a = std::make_shared<Args>();
    auto* cmd = group.add_subcommand(
        "profile",
        "A province's structure among all provinces from the shipped provincial tables (value\n"
        "added by sector): summary indicators, top specialisations, the nearest sectors it lacks\n"
        "(by density, with COG and PCI), and the shift-share split of its growth since --base.");
    cmd->add_option("region", a->region, "province: code, English or Chinese name")->required();
    cmd->add_option("--year", a->year, "table year (default 2017)");
    cmd->add_option("--base", a->base, "base year of the shift-share (default 2012)");
    cmd->add_option("--top", a->top, "sectors listed (default 10)");
    add_output_options(*cmd, a->out);
    cmd->callback([a] {
        const TableSet end = data::load_provincial_tables(a->year);
        const TableSet base = data::load_provincial_tables(a->base);
        brief::StructureOptions options;
        options.top = a->top;
        auto p = brief::structure_profile(end, base, a->region, options);
        const bool terminal = a->out.format == "table" && a->out.output.empty();
        if (!a->out.quiet) {
            for (const auto& n : p.notes) {
                std::cerr << "note: " << n << '\n';
            }
        }
        std::vector<Table> tables;
        const std::vector<std::pair<Table*, std::string>> titled = {
            {&p.summary,
             fmt::format("{} ({}) {}: structure among {} provinces ({}; value added by sector)",
                         p.region.name_en,
                         p.region.name_zh,
                         p.year,
                         end.tables.size(),
                         p.unit)},
            {&p.specialisations, "Top specialisations (RCA >= 1), by RCA"},
            {&p.opportunities,
             "Nearest sectors without RCA: density (py-ecomplexity), relatedness density "
             "(EconGeo), COG"},
            {&p.shift_share,
             fmt::format(
                 "Shift-share of value added {}-{}, by competitiveness", p.base_year, p.year)},
        };
        for (const auto& [table, title] : titled) {
            table->name = terminal ? title : table->name;
            tables.push_back(std::move(*table));
        }
        emit(tables, a->out);
    });
}

}  // namespace

void add_geo_commands(CLI::App& app) {
    auto* group = app.add_subcommand(
        "geo",
        "Regional structure: specialisation, relatedness, economic complexity (py-ecomplexity's "
        "and EconGeo's conventions), shift-share and trade complementarity.");
    group->require_subcommand(1);
    add_complexity_command(*group);
    add_proximity_command(*group);
    add_locations_command(*group);
    add_products_command(*group);
    add_relatedness_command(*group);
    add_density_command(*group);
    add_shift_share_command(*group);
    add_dynamics_command(*group);
    add_complementarity_command(*group);
    add_profile_command_geo(*group);
}

}  // namespace tandem::cli
