// The `tandem mrio` commands as library calls: each command's Options struct, its settings
// (the options every front end offers, core/settings.hpp) and the work on a loaded model.
// The model itself is named by a folder or "china:2017" and loaded by the caller
// (china::load_mrio_spec), so that this library does not depend on the China data.
#pragma once

#include <string>
#include <vector>

#include "tandem/core/labels.hpp"
#include "tandem/core/mrio.hpp"
#include "tandem/core/progress.hpp"
#include "tandem/core/settings.hpp"
#include "tandem/mrio/reports.hpp"

namespace tandem::mrio {

// The model positional ("folder") and --solver.
Settings model_settings(std::string& folder, SolverKind& solver);

// `mrio calc`: calc_all, then the whole system as a pymrio (or tandem) folder.
struct CalcCommand {
    std::string model;
    SolverKind solver = SolverKind::kAuto;
    std::string output;
    bool ghosh = false;
    bool inverse = false;     // the explicit L (and G) at any size
    bool no_inverse = false;  // never the explicit inverse
    int precision = 12;
    std::string to = "pymrio";  // or "tandem"
    bool quiet = false;

    bool is_valid(std::string* why) const;
};
Settings calc_settings(CalcCommand& c);
// Computes and writes; returns "31 regions x 42 sectors, 1 extension(s); sparse LU; wrote X".
std::string run_calc(Mrio& m, const CalcCommand& c, const ProgressFn& progress = {});

// `mrio convert`: the folder in the other layout, nothing computed.
struct ConvertCommand {
    std::string model;
    SolverKind solver = SolverKind::kAuto;
    std::string output;
    std::string to = "tandem";
    int precision = 17;
    bool quiet = false;

    bool is_valid(std::string* why) const;
};
Settings convert_settings(ConvertCommand& c);
void run_convert(const Mrio& m, const ConvertCommand& c, const ProgressFn& progress = {});

// `mrio show`: one account as a table ("list" lists them).
struct ShowCommand {
    std::string model;
    SolverKind solver = SolverKind::kAuto;
    std::string account;
    bool calc = false;

    bool is_valid(std::string* why) const;
};
Settings show_settings(ShowCommand& c);
// The account's table, or the names of the accounts for "list" (calc_all first when asked).
Table run_show(Mrio& m, const ShowCommand& c);
std::vector<std::string> run_show_list(Mrio& m, const ShowCommand& c);

// `mrio shock`.
struct ShockCommand {
    std::string model;
    ShockOptions options;
    std::string save;  // also the shocked system as a pymrio folder

    bool is_valid(std::string* why) const;
};
Settings shock_settings(ShockCommand& c);
std::vector<Table> run_shock(Mrio m, const ShockCommand& c, const ProgressFn& progress = {});

// The analyses that answer one table: `mrio multipliers|linkages|extraction|decompose|prices`.
// Each is the model and the analysis's options.
template <typename Options>
struct AnalysisCommand {
    std::string model;
    Options options;
};

struct ExtractionOptions {
    SolverKind solver = SolverKind::kAuto;
};
struct DecompositionOptions {
    SolverKind solver = SolverKind::kAuto;
    DecompositionMethod method = DecompositionMethod::kMiller;
};

Settings analysis_settings(AnalysisCommand<MultiplierOptions>& c);
Settings analysis_settings(AnalysisCommand<LinkageOptions>& c);
Settings analysis_settings(AnalysisCommand<ExtractionOptions>& c);
Settings analysis_settings(AnalysisCommand<DecompositionOptions>& c);
Settings analysis_settings(AnalysisCommand<PriceOptions>& c);

// The analysis's table; options that are not valid are a usage error saying why.
Table run_analysis(Mrio& m, const MultiplierOptions& options);
Table run_analysis(Mrio& m, const LinkageOptions& options);
Table run_analysis(Mrio& m, const ExtractionOptions& options);
Table run_analysis(Mrio& m, const DecompositionOptions& options);
Table run_analysis(Mrio& m, const PriceOptions& options);

// "region/sector=change" of --cost-push.
std::pair<std::string, double> parse_cost_push(const std::string& spec);

// `mrio aggregate`: aggregated by concordances, recalculated, written as a pymrio folder.
struct AggregateCommand {
    std::string model;
    SolverKind solver = SolverKind::kAuto;
    // A comma-separated list of every region's (sector's) group, or a file with one group per
    // line (or "source,group").
    std::string regions;
    std::string sectors;
    std::string output;
    int precision = 12;
    bool quiet = false;

    bool is_valid(std::string* why) const;
};
Settings aggregate_settings(AggregateCommand& c);
void run_aggregate(const Mrio& m, const AggregateCommand& c, const ProgressFn& progress = {});

}  // namespace tandem::mrio
