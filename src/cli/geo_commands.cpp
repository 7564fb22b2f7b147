// tandem geo ...: regional structure; `complexity` and `proximity` are drop-ins for
// py-ecomplexity's ecomplexity() and proximity() on long CSV files.
#include <cstdio>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "tandem/core/error.hpp"
#include "tandem/data/long_panel.hpp"
#include "tandem/data/output_folder.hpp"
#include "tandem/geo/complexity.hpp"

#include "common.hpp"

namespace tandem::cli {

namespace {

struct PanelArgs {
    std::string input;
    std::string out;
    data::PanelColumns columns;
    double rca_threshold = 1.0;
    bool quiet = false;
};

void add_panel_args(CLI::App& cmd, PanelArgs& a) {
    cmd.add_option("input", a.input, "long CSV: one row per time, location, product and value")
        ->required();
    cmd.add_option("-o,--output", a.out, "output CSV (standard output if not given)");
    cmd.add_option("--time", a.columns.time, "name of the time column (py-ecomplexity cols_input)");
    cmd.add_option("--loc", a.columns.loc, "name of the location column");
    cmd.add_option("--prod", a.columns.prod, "name of the product (activity) column");
    cmd.add_option("--val", a.columns.val, "name of the value column");
    cmd.add_option("--rca-threshold", a.rca_threshold, "presence where RCA >= this (default 1)");
    cmd.add_flag("-q,--quiet", a.quiet, "no messages on stderr");
}

std::string num(double v) {
    if (!std::isfinite(v)) {
        fail(ErrorCode::kInternal, "a non-finite value reached the output");
    }
    return fmt::format("{:.17g}", v);
}

void emit_text(const PanelArgs& a, const std::string& text) {
    if (a.out.empty() || a.out == "-") {
        std::cout << text;
    } else {
        data::write_file_atomically(a.out, text);
        if (!a.quiet) {
            std::cerr << "wrote " << a.out << '\n';
        }
    }
}

// One year's complexity; errors name the file and the year.
geo::ComplexityResult year_complexity(const PanelArgs& a, const data::YearMatrix& y) {
    geo::ComplexityOptions options;
    options.rca_threshold = a.rca_threshold;
    try {
        return geo::complexity(y.locations, y.products, y.values, options);
    } catch (const Error& e) {
        fail(e.code(), "{}: year {}: {}", a.input, y.time, e.what());
    }
}

}  // namespace

void add_geo_commands(CLI::App& app) {
    auto* group = app.add_subcommand("geo",
                                     "Regional structure: specialisation and economic complexity "
                                     "(py-ecomplexity's conventions).");
    group->require_subcommand(1);
    {
        auto a = std::make_shared<PanelArgs>();
        auto* cmd = group->add_subcommand(
            "complexity",
            "ECI, PCI, density, COI, COG and RCA for every year of a long CSV, written as\n"
            "py-ecomplexity writes them: the input columns, then diversity, ubiquity, mcp, eci,\n"
            "pci, density, coi, cog, rca; one row per location x product of each year.");
        add_panel_args(*cmd, *a);
        cmd->callback([a] {
            const auto panel = data::read_long_panel(a->input, a->columns);
            fmt::memory_buffer out;
            const auto& c = a->columns;
            fmt::format_to(std::back_inserter(out),
                           "{},{},{},{},diversity,ubiquity,mcp,eci,pci,density,coi,cog,rca\n",
                           c.time,
                           c.loc,
                           c.prod,
                           c.val);
            for (std::size_t t = 0; t < panel.years(); ++t) {
                const auto y = panel.year_matrix(t);
                const geo::ComplexityResult r = year_complexity(*a, y);
                const std::size_t dropped =
                    y.locations.size() - r.locations.size() + y.products.size() - r.products.size();
                if (dropped > 0 && !a->quiet) {
                    std::cerr << fmt::format(
                        "year {}: {} location(s) and {} product(s) with a total of 0 left out\n",
                        y.time,
                        y.locations.size() - r.locations.size(),
                        y.products.size() - r.products.size());
                }
                for (std::size_t i = 0; i < r.locations.size(); ++i) {
                    const auto ci = static_cast<Eigen::Index>(i);
                    for (std::size_t j = 0; j < r.products.size(); ++j) {
                        const auto pj = static_cast<Eigen::Index>(j);
                        fmt::format_to(std::back_inserter(out),
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
                }
            }
            emit_text(*a, fmt::to_string(out));
        });
    }
    {
        auto a = std::make_shared<PanelArgs>();
        auto all_pairs = std::make_shared<bool>(false);
        auto* cmd = group->add_subcommand(
            "proximity",
            "Product proximity for every year: time,prod_1,prod_2,proximity. By default the pairs\n"
            "prod_1 < prod_2 (as strings) with proximity > 0; --all-pairs writes the full matrix.");
        add_panel_args(*cmd, *a);
        cmd->add_flag("--all-pairs", *all_pairs, "every ordered pair, diagonal and zeros included");
        cmd->callback([a, all_pairs] {
            const auto panel = data::read_long_panel(a->input, a->columns);
            fmt::memory_buffer out;
            fmt::format_to(
                std::back_inserter(out), "{},prod_1,prod_2,proximity\n", a->columns.time);
            for (std::size_t t = 0; t < panel.years(); ++t) {
                const auto y = panel.year_matrix(t);
                const geo::ComplexityResult r = year_complexity(*a, y);
                for (std::size_t p = 0; p < r.products.size(); ++p) {
                    for (std::size_t q = 0; q < r.products.size(); ++q) {
                        const double v =
                            r.proximity(static_cast<Eigen::Index>(p), static_cast<Eigen::Index>(q));
                        if (*all_pairs || (r.products[p] < r.products[q] && v > 0.0)) {
                            fmt::format_to(std::back_inserter(out),
                                           "{},{},{},{}\n",
                                           y.time,
                                           r.products[p],
                                           r.products[q],
                                           num(v));
                        }
                    }
                }
            }
            emit_text(*a, fmt::to_string(out));
        });
    }
}

}  // namespace tandem::cli
