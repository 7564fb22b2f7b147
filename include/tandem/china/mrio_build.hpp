// China's inter-provincial MRIO from the official single-region provincial tables: foreign
// imports separated by the proportional-use assumption, inter-provincial trade by product
// estimated with a doubly constrained gravity model fitted by RAS, and Chenery-Moses
// assembly (docs/china-mrio.md states the method, its identities and its rules).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "tandem/core/io_table.hpp"
#include "tandem/core/mrio.hpp"
#include "tandem/core/progress.hpp"

namespace tandem::china {

struct Capital {
    std::string gb_code;
    std::string province;
    std::string city_en;
    std::string city_zh;
    double latitude = 0.0;
    double longitude = 0.0;
};
// data/china/capitals.csv (documented in data/china/SOURCE.md).
std::vector<Capital> load_capitals();
// Great-circle distance in km on a sphere of radius 6,371 km (haversine).
double great_circle_km(double lat1, double lon1, double lat2, double lon2);

// Goods passing through a province (rule transit-netted): where its outflows, exports and
// discrepancy exceed its output, the excess, up to the smaller of its inflow and outflow,
// appears in both and is not made there. Returns the amount to take out of both (>= 0).
double transit_through(
    double output, double exports, double outflow, double inflow, double discrepancy);

// National employment by sector (10,000 persons) from the ionet employment table (GB/T 4754
// sections and divisions), summed onto the 42 sectors of a provincial table year.
Vector national_employment_42(const std::filesystem::path& employment_csv,
                              int year,
                              const std::vector<Code>& sectors);

// How the national totals of outflows and inflows of a product, which differ in the published
// tables, are reconciled before RAS.
enum class MarginBalance {
    kMean,     // both scaled to their mean (default)
    kOutflow,  // inflows scaled to the outflow total
    kInflow,   // outflows scaled to the inflow total
};
// How the employment of a sector is shared among provinces.
enum class EmploymentSplit {
    kCompensation,  // by compensation of employees (equal pay per worker within a sector)
    kOutput,        // by gross output (equal labour productivity within a sector)
};

struct BuildOptions {
    // Distance-decay exponent of the gravity model: flows fall with distance^-decay. 1 is the
    // classic gravity form and the centre of the estimates (Disdier and Head 2008: mean
    // distance elasticity of trade 0.9 over 1,467 estimates).
    double decay = 1.0;
    MarginBalance balance = MarginBalance::kMean;
    bool net_transit = true;  // take goods passing through out of inflows and outflows
    // Negative uses (inventory drawdowns) split by origin like the others, or kept local.
    bool split_negative_uses = true;
    EmploymentSplit employment_split = EmploymentSplit::kCompensation;
    std::filesystem::path employment_csv;  // empty: no employment extension
    int ras_max_iterations = 10000;
    double ras_tolerance = 1e-12;  // largest relative margin error
};

// One documented rule: how often it fired and how much value (10k CNY) it moved.
struct RuleUse {
    std::string id;
    std::string description;
    std::size_t fired = 0;
    double moved = 0.0;
};

struct BuildResult {
    Mrio mrio;
    std::vector<RuleUse> rules;
    std::vector<std::string> log;  // options, data, convergence, identities: the build log
    Table provinces;               // per province: official and estimated margins, residuals
    Table identities;              // per identity: exact or approximate, largest residual
    Table trade;                   // province x province total inter-provincial flows
    Table distances;               // province x province, km
    // Inter-provincial flows by product (R x R each, from x to, diagonal 0) as assembled: with
    // the official tables they determine the MRIO (the shipped default stores them).
    std::vector<Matrix> flows;
};

BuildResult build_mrio(const TableSet& tables,
                       const BuildOptions& options = {},
                       const ProgressFn& progress = {});

// The MRIO from official tables and given inter-provincial flows (Chenery-Moses assembly only).
Mrio assemble_mrio(const TableSet& tables,
                   const std::vector<Matrix>& flows,
                   const BuildOptions& options = {});

// Trade flows as CSV (product, from, to, value; GB/T 2260 codes; non-zero cells), and back.
void write_trade_flows(const TableSet& tables,
                       const std::vector<Matrix>& flows,
                       const std::filesystem::path& file);
std::vector<Matrix> read_trade_flows(const TableSet& tables, const std::filesystem::path& file);

// The build options as JSON (decay, balance, transit, employment split) and back.
std::string options_json(int year, const BuildOptions& options);
BuildOptions options_from_json(const std::filesystem::path& file, int* year);

// The China MRIO shipped with tandem (data/china/mrio_<year>: the options and the trade flows
// of `tandem china build`, assembled with the shipped provincial tables): 2017 or 2012.
Mrio load_china_mrio(int year);
// The build log (what was done, the rules for the data's quirks and how much each moved, the
// identities and their residuals) as Markdown and as JSON.
std::string build_log_markdown(const BuildResult& r);
std::string build_log_json(const BuildResult& r);
// Everything `tandem china build` writes into folder: pymrio/ and tandem/ (the MRIO), the
// residual tables as CSV, trade_flows.csv, china_mrio.json (the options) and the build log.
void write_build(const BuildResult& r,
                 const TableSet& set,
                 int year,
                 const BuildOptions& options,
                 const std::filesystem::path& folder,
                 const ProgressFn& progress = {});
// The MRIO a command or request names: a folder (pymrio or tandem), "china:2017",
// "china:2012", or the shipped 2017 China MRIO when empty.
Mrio load_mrio_spec(const std::string& spec, const ProgressFn& progress = {});

}  // namespace tandem::china
