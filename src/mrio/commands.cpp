#include "tandem/mrio/commands.hpp"

#include <filesystem>
#include <sstream>

#include <fmt/format.h>

#include "tandem/core/error.hpp"
#include "tandem/data/delimited.hpp"
#include "tandem/data/pymrio_format.hpp"
#include "tandem/data/tandem_format.hpp"
#include "tandem/mrio/calc.hpp"

namespace tandem::mrio {

namespace {

Settings output_folder_settings(std::string& output, int& precision, bool& quiet) {
    return {
        {"-o,--output", "output folder (pymrio's saved-folder layout)", &output, {}, true},
        {"--precision",
         "significant digits written (pymrio's default is 12; 17 keeps every bit)",
         &precision,
         {},
         false,
         1,
         17},
        {"-q,--quiet", "no progress messages", &quiet},
    };
}

Setting format_setting(std::string& to, const char* help) {
    return {"--to", help, &to, {"pymrio", "tandem"}};
}

// A concordance: a comma-separated list, or a file with one group per line (or "source,group").
std::vector<std::string> read_groups(const std::string& spec) {
    std::vector<std::string> out;
    if (!std::filesystem::exists(spec)) {
        std::string item;
        std::istringstream in(spec);
        while (std::getline(in, item, ',')) {
            out.push_back(item);
        }
        return out;
    }
    data::read_delimited(spec, ',', [&](std::size_t, const std::vector<std::string>& f) {
        out.push_back(f.back());
    });
    return out;
}

bool valid_output(const std::string& output, int precision, std::string* why) {
    return all_valid(
        why,
        {{!output.empty(), "no output folder (-o)"},
         {precision >= 1 && precision <= 17, "precision: expected 1 to 17 significant digits"}});
}

bool valid_format(const std::string& to, std::string* why) {
    return all_valid(why, {{to == "pymrio" || to == "tandem", "to: expected pymrio or tandem"}});
}

}  // namespace

bool CalcCommand::is_valid(std::string* why) const {
    return valid_output(output, precision, why) && valid_format(to, why) &&
           all_valid(why,
                     {{!(inverse && no_inverse), "inverse and no-inverse exclude each other"}});
}

bool ConvertCommand::is_valid(std::string* why) const {
    return valid_output(output, precision, why) && valid_format(to, why);
}

bool ShowCommand::is_valid(std::string* why) const {
    return all_valid(why, {{!account.empty(), "no account ('list' lists them)"}});
}

bool ShockCommand::is_valid(std::string* why) const {
    return options.is_valid(why);
}

bool AggregateCommand::is_valid(std::string* why) const {
    return valid_output(output, precision, why) &&
           all_valid(why,
                     {{!regions.empty() || !sectors.empty(), "give --regions and/or --sectors"}});
}

Settings model_settings(std::string& folder, SolverKind& solver) {
    return {
        {"folder",
         "an MRIO folder (pymrio's save_all or tandem's format), or china:2017 / china:2012 for "
         "the shipped China MRIO (the default)",
         &folder},
        {"--solver",
         "auto (sparse LU when A is sparse), dense or sparse",
         Setting::Parse([&solver](const std::string& s) { solver = parse_solver_kind(s); }),
         {"auto", "dense", "sparse"}},
    };
}

Settings calc_settings(CalcCommand& c) {
    return model_settings(c.model, c.solver) +
           output_folder_settings(c.output, c.precision, c.quiet) +
           Settings{
               {"--ghosh", "also the Ghosh accounts B, G and M_down", &c.ghosh},
               {"--inverse", "write the explicit inverse L (and G) at any size", &c.inverse},
               {"--no-inverse", "never form the explicit inverse", &c.no_inverse},
               format_setting(c.to,
                              "output format: pymrio (saved-folder layout) or tandem (manifest + "
                              "CSV)"),
           };
}

std::string run_calc(Mrio& m, const CalcCommand& c, const ProgressFn& progress) {
    require_valid(c);
    auto options = calc_options_for(m.size(), c.solver);
    options.ghosh = c.ghosh;
    options.explicit_inverse = !c.no_inverse && (c.inverse || m.size() <= kInverseThreshold);
    const auto solver = calc_all(m, options, progress);
    if (c.to == "tandem") {
        data::write_tandem_mrio(m, c.output, progress);
    } else {
        data::PymrioWriteOptions w;
        w.precision = c.precision;
        w.write_L = options.explicit_inverse;
        w.write_B = c.ghosh;
        data::write_pymrio(m, c.output, w, progress);
    }
    return fmt::format("{} regions x {} sectors, {} extension(s); {} LU; {}wrote {}",
                       m.regions().size(),
                       m.sector_names().size(),
                       m.extensions.size(),
                       solver.is_sparse() ? "sparse" : "dense",
                       options.explicit_inverse ? "explicit L; " : "",
                       c.output);
}

Settings convert_settings(ConvertCommand& c) {
    return model_settings(c.model, c.solver) +
           Settings{
               {"-o,--output", "output folder", &c.output, {}, true},
               format_setting(c.to, "pymrio or tandem"),
               {"--precision",
                "significant digits for pymrio output",
                &c.precision,
                {},
                false,
                1,
                17},
               {"-q,--quiet", "no progress messages", &c.quiet},
           };
}

void run_convert(const Mrio& m, const ConvertCommand& c, const ProgressFn& progress) {
    require_valid(c);
    if (c.to == "tandem") {
        data::write_tandem_mrio(m, c.output, progress);
        return;
    }
    data::PymrioWriteOptions w;
    w.precision = c.precision;
    w.write_A = m.A.size() > 0;
    w.write_L = m.L.size() > 0;
    w.write_B = m.B.size() > 0;
    data::write_pymrio(m, c.output, w, progress);
}

Settings show_settings(ShowCommand& c) {
    return model_settings(c.model, c.solver) +
           Settings{
               {"account", "account name; 'list' lists them", &c.account},
               {"--calc", "run calc_all first", &c.calc},
           };
}

Table run_show(Mrio& m, const ShowCommand& c) {
    require_valid(c);
    if (c.calc) {
        calc_all(m, calc_options_for(m.size(), c.solver));
    }
    return account_table(m, c.account);
}

std::vector<std::string> run_show_list(Mrio& m, const ShowCommand& c) {
    if (c.calc) {
        calc_all(m, calc_options_for(m.size(), c.solver));
    }
    return account_names(m);
}

Settings shock_settings(ShockCommand& c) {
    auto& change = c.options.change;
    return model_settings(c.model, c.options.solver) +
           Settings{
               {"--demand-region",
                "region whose final demand changes",
                &change.demand_region,
                {},
                true},
               {"--category",
                "final-demand category (default: every category of the region)",
                &change.category},
               {"--from-region", "only products of this supplying region", &change.from_region},
               {"--sector", "only this product (sector name)", &change.sector},
               {"--scale", "multiply the selected demand by this", &change.scale},
               {"--add",
                "add this amount, spread over the selected cells in proportion to their current "
                "values (evenly if all are 0)",
                &change.add},
               {"--save", "also write the shocked system as a pymrio folder", &c.save},
           };
}

std::vector<Table> run_shock(Mrio m, const ShockCommand& c, const ProgressFn& progress) {
    require_valid(c);
    auto [shocked, tables] = shock_report(std::move(m), c.options, progress);
    if (!c.save.empty()) {
        data::write_pymrio(shocked, c.save, {}, progress);
    }
    return tables;
}

Settings analysis_settings(AnalysisCommand<MultiplierOptions>& c) {
    return model_settings(c.model, c.options.solver) +
           Settings{
               {"--income",
                "extension row of labour income, e.g. 'Factor Inputs/Value Added'",
                &c.options.income},
               {"--households",
                "final-demand category of households, e.g. 'Final consumption expenditure by "
                "households'",
                &c.options.households},
           };
}

Settings analysis_settings(AnalysisCommand<LinkageOptions>& c) {
    auto& forward = c.options.forward;
    return model_settings(c.model, c.options.solver) +
           Settings{{"--forward",
                     "forward linkages from the Ghosh or Leontief inverse",
                     Setting::Parse([&forward](const std::string& s) {
                         forward =
                             s == "ghosh" ? ForwardMeasure::kGhosh : ForwardMeasure::kLeontief;
                     }),
                     {"ghosh", "leontief"}}};
}

Settings analysis_settings(AnalysisCommand<ExtractionOptions>& c) {
    return model_settings(c.model, c.options.solver);
}

Settings analysis_settings(AnalysisCommand<DecompositionOptions>& c) {
    auto& method = c.options.method;
    return model_settings(c.model, c.options.solver) +
           Settings{{"--method",
                     "miller or round",
                     Setting::Parse([&method](const std::string& s) {
                         method = s == "round" ? DecompositionMethod::kRound
                                               : DecompositionMethod::kMiller;
                     }),
                     {"miller", "round"}}};
}

Settings analysis_settings(AnalysisCommand<PriceOptions>& c) {
    auto& push = c.options.cost_push;
    return model_settings(c.model, c.options.solver) +
           Settings{{"--cost-push",
                     "region/sector=change in value-added cost per unit of output",
                     Setting::ParseEach([&push](const std::vector<std::string>& specs) {
                         for (const auto& spec : specs) {
                             push.push_back(parse_cost_push(spec));
                         }
                     }),
                     {},
                     true}};
}

Table run_analysis(Mrio& m, const MultiplierOptions& options) {
    std::string why;
    if (!options.is_valid(&why)) {
        fail(ErrorCode::kUsage, "{} (--income and --households)", why);
    }
    return multipliers_table(m, options);
}

Table run_analysis(Mrio& m, const LinkageOptions& options) {
    return linkages_table(m, options);
}

Table run_analysis(Mrio& m, const ExtractionOptions& options) {
    return extraction_table(m, options.solver);
}

Table run_analysis(Mrio& m, const DecompositionOptions& options) {
    return decomposition_table(m, options.method, options.solver);
}

Table run_analysis(Mrio& m, const PriceOptions& options) {
    require_valid(options);
    return price_table(m, options);
}

std::pair<std::string, double> parse_cost_push(const std::string& spec) {
    const auto eq = spec.rfind('=');
    if (eq == std::string::npos) {
        fail(ErrorCode::kUsage, "--cost-push '{}': expected region/sector=change", spec);
    }
    return {spec.substr(0, eq),
            data::parse_number(spec.substr(eq + 1), "--cost-push", 1, eq + 2, "the cost change")};
}

Settings aggregate_settings(AggregateCommand& c) {
    return model_settings(c.model, c.solver) +
           Settings{
               {"--regions",
                "group of every region: comma-separated list or a file (one per line, or "
                "'source,group')",
                &c.regions},
               {"--sectors", "group of every sector, likewise", &c.sectors},
               {"-o,--output", "output folder", &c.output, {}, true},
               {"--precision", "significant digits written", &c.precision, {}, false, 1, 17},
               {"-q,--quiet", "no progress messages", &c.quiet},
           };
}

void run_aggregate(const Mrio& m, const AggregateCommand& c, const ProgressFn& progress) {
    require_valid(c);
    Aggregation agg;
    if (!c.regions.empty()) {
        agg.region_groups = read_groups(c.regions);
    }
    if (!c.sectors.empty()) {
        agg.sector_groups = read_groups(c.sectors);
    }
    Mrio out = aggregate(m, agg);
    auto options = calc_options_for(out.size(), c.solver);
    options.explicit_inverse = out.size() <= kInverseThreshold;
    calc_all(out, options, progress);
    data::PymrioWriteOptions w;
    w.precision = c.precision;
    w.write_L = options.explicit_inverse;
    data::write_pymrio(out, c.output, w, progress);
}

}  // namespace tandem::mrio
