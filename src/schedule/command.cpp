#include "tandem/schedule/command.hpp"

#include "tandem/core/error.hpp"

namespace tandem::schedule {

bool ScheduleCommand::is_valid(std::string* why) const {
    return all_valid(why,
                     {{!event.empty(), "no event file"},
                      {solve.time_limit > 0.0 && solve.time_limit <= 86400.0,
                       "time-limit: expected seconds above 0 (at most 86400)"},
                      {lang == "en" || lang == "zh", "lang: expected en or zh"}});
}

Settings schedule_settings(ScheduleCommand& c) {
    auto& solve = c.solve;
    return {
        {"event", "the event as JSON", &c.event, {}, true},
        {"-o,--output", "the schedule as CSV (default: standard output)", &c.output},
        {"--lang",
         "en or zh: the language of the printed summary (default en)",
         &c.lang,
         {"en", "zh"}},
        {"--method",
         "auto (the heuristic, and the exact MILP when the event is small), heuristic, or milp "
         "(CBC, within --time-limit)",
         Setting::Parse([&solve](const std::string& s) { solve.method = parse_method(s); }),
         {"auto", "heuristic", "milp"}},
        {"--objective",
         "after the weighted meetings held: full (then the fewest breaks, then the fewest "
         "participants with an isolated meeting; default), breaks, or weight (meetings only)",
         Setting::Parse([&solve](const std::string& s) { solve.objective = parse_objective(s); }),
         {"full", "breaks", "weight"}},
        {"--time-limit",
         "seconds for the MILP (default 60)",
         &solve.time_limit,
         {},
         false,
         0,
         86400,
         true},
        {"--bound",
         "also compute an upper bound on the weighted total (the MILP's, or the LP relaxation's "
         "for large events) and the gap to it",
         &solve.bound},
        {"--keep",
         "a previous schedule (slot,table,a,b) whose meetings stay where they are; only free "
         "slots and tables are filled",
         &c.keep},
        {"-q,--quiet", "no summary", &c.quiet},
    };
}

Result solve_checked(const Event& event, const SolveOptions& options, const ProgressFn& progress) {
    Result result = solve(event, options, progress);
    const auto problems = validate(event, result.schedule);
    if (!problems.empty()) {
        fail(ErrorCode::kInternal,
             "the schedule breaks a hard constraint ({}); please report it",
             problems.front());
    }
    return result;
}

ScheduleRun run_schedule(const ScheduleCommand& c, const ProgressFn& progress) {
    require_valid(c);
    ScheduleRun run{read_event(c.event), {}, {}};
    if (!c.keep.empty()) {
        keep_schedule(run.event, c.keep);
    }
    run.result = solve_checked(run.event, c.solve, progress);
    run.csv = schedule_csv(run.event, run.result.schedule);
    return run;
}

}  // namespace tandem::schedule
