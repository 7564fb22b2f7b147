// The commands' Options structs and their settings, as every front end uses them: each setting
// reaches its field (enums through the library's parsers), names are unique within a command,
// and a command that is not valid is refused by its run function with a usage error that says
// why, before any file is read.
#include "tandem/china/commands.hpp"

#include <set>
#include <string>

#include <gtest/gtest.h>

#include "tandem/brief/profile.hpp"
#include "tandem/brief/request.hpp"
#include "tandem/brief/structure.hpp"
#include "tandem/core/error.hpp"
#include "tandem/geo/commands.hpp"
#include "tandem/match/commands.hpp"
#include "tandem/mrio/commands.hpp"
#include "tandem/schedule/command.hpp"
#include "tandem/service/service.hpp"

namespace tandem {
namespace {

void set(const Settings& settings, const std::string& name, const std::string& value) {
    const Setting* s = find_setting(settings, name);
    ASSERT_NE(s, nullptr) << name;
    assign(*s, value);
}

void expect_unique_names(const Settings& settings) {
    std::set<std::string> seen;
    for (const auto& s : settings) {
        EXPECT_TRUE(seen.insert(setting_name(s)).second) << setting_name(s);
        EXPECT_FALSE(s.help.empty()) << setting_name(s);
    }
}

// The usage error of calling run, or "" when it did not throw one.
template <typename Run>
std::string usage_error(Run run) {
    try {
        run();
    } catch (const Error& e) {
        return e.code() == ErrorCode::kUsage ? e.what() : std::string("code ") + e.what();
    }
    return "";
}

TEST(Commands, SettingsReachTheirFields) {
    china::BuildCommand build;
    const auto b = china::build_settings(build);
    set(b, "balance", "inflow");
    set(b, "transit", "keep");
    set(b, "negative-uses", "local");
    set(b, "employment-split", "output");
    set(b, "decay", "2");
    EXPECT_EQ(build.options.balance, china::MarginBalance::kInflow);
    EXPECT_FALSE(build.options.net_transit);
    EXPECT_FALSE(build.options.split_negative_uses);
    EXPECT_EQ(build.options.employment_split, china::EmploymentSplit::kOutput);
    EXPECT_DOUBLE_EQ(build.options.decay, 2.0);

    mrio::AnalysisCommand<mrio::LinkageOptions> linkages;
    set(mrio::analysis_settings(linkages), "forward", "leontief");
    set(mrio::analysis_settings(linkages), "solver", "sparse");
    EXPECT_EQ(linkages.options.forward, mrio::ForwardMeasure::kLeontief);
    EXPECT_EQ(linkages.options.solver, mrio::SolverKind::kSparse);

    mrio::AnalysisCommand<mrio::PriceOptions> prices;
    set(mrio::analysis_settings(prices), "cost-push", "reg1/electricity=0.05");
    ASSERT_EQ(prices.options.cost_push.size(), 1U);
    EXPECT_EQ(prices.options.cost_push[0].first, "reg1/electricity");
    EXPECT_DOUBLE_EQ(prices.options.cost_push[0].second, 0.05);

    schedule::ScheduleCommand sc;
    const auto s = schedule::schedule_settings(sc);
    set(s, "method", "milp");
    set(s, "objective", "breaks");
    set(s, "time-limit", "2.5");
    EXPECT_EQ(sc.solve.method, schedule::Method::kMilp);
    EXPECT_EQ(sc.solve.objective, schedule::Objective::kBreaks);
    EXPECT_DOUBLE_EQ(sc.solve.time_limit, 2.5);

    geo::ChangeCommand change;
    set(geo::change_settings(change), "presence", "both");
    set(geo::change_settings(change), "year", "2010");
    EXPECT_EQ(change.panel.presence, geo::PresenceTest::kBoth);
    EXPECT_EQ(change.panel.years, std::vector<std::string>{"2010"});

    brief::BriefRequest request;
    set(brief::brief_settings(request), "demand", "Anhui:Heilongjiang:01,06:500000");
    ASSERT_EQ(request.demand.size(), 1U);
    EXPECT_DOUBLE_EQ(request.demand[0].amount, 500000.0);

    match::FolderCommand run;
    set(match::run_settings(run), "lang", "zh");
    set(match::run_settings(run), "method", "heuristic");
    EXPECT_EQ(run.agenda.lang, i18n::Lang::kZh);
    EXPECT_EQ(run.method, schedule::Method::kHeuristic);
}

TEST(Commands, NamesAreUniqueAndHelped) {
    mrio::CalcCommand calc;
    mrio::ConvertCommand convert;
    mrio::ShowCommand show;
    mrio::ShockCommand shock;
    mrio::AggregateCommand aggregate;
    mrio::AnalysisCommand<mrio::MultiplierOptions> multipliers;
    mrio::AnalysisCommand<mrio::DecompositionOptions> decompose;
    geo::ChangeCommand change;
    geo::ComplementarityCommand complementarity;
    brief::BriefRequest brief;
    brief::ProfileRequest profile;
    brief::StructureRequest structure;
    china::BuildCommand build;
    china::ImportCommand import;
    match::SuggestCommand suggest;
    match::EventCommand event;
    match::FolderCommand folder;
    schedule::ScheduleCommand sc;
    service::ServeOptions serve;
    for (const auto& settings : {mrio::calc_settings(calc),
                                 mrio::convert_settings(convert),
                                 mrio::show_settings(show),
                                 mrio::shock_settings(shock),
                                 mrio::aggregate_settings(aggregate),
                                 mrio::analysis_settings(multipliers),
                                 mrio::analysis_settings(decompose),
                                 geo::change_settings(change),
                                 geo::complementarity_settings(complementarity),
                                 brief::brief_settings(brief),
                                 brief::profile_settings(profile),
                                 brief::structure_settings(structure),
                                 china::build_settings(build),
                                 china::import_settings(import),
                                 china::import_national_settings(import),
                                 match::suggest_command_settings(suggest),
                                 match::event_command_settings(event),
                                 match::agendas_settings(folder),
                                 match::run_settings(folder),
                                 schedule::schedule_settings(sc),
                                 service::serve_settings(serve)}) {
        expect_unique_names(settings);
    }
}

TEST(Commands, RunsRefuseWhatIsNotValid) {
    Mrio m;
    mrio::CalcCommand calc;
    calc.output = "out";
    calc.inverse = calc.no_inverse = true;
    EXPECT_EQ(usage_error([&] { mrio::run_calc(m, calc); }),
              "inverse and no-inverse exclude each other");
    mrio::AggregateCommand aggregate;
    aggregate.output = "out";
    EXPECT_EQ(usage_error([&] { mrio::run_aggregate(m, aggregate); }),
              "give --regions and/or --sectors");
    mrio::ShockCommand shock;
    shock.options.change.demand_region = "reg1";
    shock.options.change.scale = 2.0;
    shock.options.change.add = 5.0;
    EXPECT_EQ(usage_error([&] { mrio::run_shock(m, shock); }),
              "a change either scales the demand or adds an amount, not both");

    geo::ComplementarityCommand complementarity;
    EXPECT_EQ(usage_error([&] { geo::run_complementarity(complementarity); }),
              "give --exports and --imports, or --china <year>");
    complementarity.foreign = true;
    complementarity.exports = complementarity.imports = "x.csv";
    EXPECT_EQ(usage_error([&] { geo::run_complementarity(complementarity); }),
              "--foreign is for the shipped tables (--china)");
    geo::ChangeCommand change;
    change.panel.input = "panel.csv";
    change.from = change.to = "2015";
    EXPECT_EQ(usage_error([&] { geo::run_shift_share(change); }),
              "the base and end years are the same");

    brief::ProfileRequest profile;
    profile.options.top = 0;
    EXPECT_EQ(usage_error([&] { brief::profile_report(profile, true); }),
              "top: expected 1 to 42 sectors");
    brief::StructureRequest structure;
    structure.region = "Anhui";
    structure.year = 2012;
    structure.base = 2017;
    EXPECT_EQ(usage_error([&] { brief::structure_report(structure, true); }),
              "the base year of the shift-share comes after the year");

    china::BuildCommand build;
    build.output = "out";
    build.employment = "employment.csv";
    build.no_employment = true;
    EXPECT_EQ(usage_error([&] { china::run_build(build); }),
              "--employment and --no-employment exclude each other");
    china::ImportCommand import;
    import.from = "in";
    EXPECT_EQ(usage_error([&] { china::run_import(import); }), "no output folder (-o)");

    match::SuggestCommand suggest;
    suggest.symposium = "s.json";
    suggest.suggest.weight_areas = suggest.suggest.weight_sectors = suggest.suggest.weight_text = 0;
    EXPECT_EQ(usage_error([&] { match::run_suggest(suggest); }),
              "the weights must be 0 or more, and not all 0");
    match::FolderCommand folder;
    folder.symposium = "s.json";
    EXPECT_EQ(usage_error([&] { match::run_symposium(folder); }), "no output folder (-o)");

    schedule::ScheduleCommand sc;
    sc.event = "e.json";
    sc.solve.time_limit = 0;
    EXPECT_EQ(usage_error([&] { schedule::run_schedule(sc); }),
              "time-limit: expected seconds above 0 (at most 86400)");

    service::ServeOptions serve;
    serve.threads = 0;
    std::atomic<bool> stop{true};
    EXPECT_EQ(usage_error([&] { service::serve(serve, stop, {}); }), "threads: expected 1 to 256");
}

}  // namespace
}  // namespace tandem
