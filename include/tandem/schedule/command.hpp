// `tandem schedule` as a library call: its Options struct, settings (core/settings.hpp) and
// work.
#pragma once

#include <string>

#include "tandem/core/progress.hpp"
#include "tandem/core/settings.hpp"
#include "tandem/schedule/event.hpp"
#include "tandem/schedule/scheduler.hpp"

namespace tandem::schedule {

// `tandem schedule`.
struct ScheduleCommand {
    std::string event;   // the event JSON
    std::string output;  // the schedule CSV (empty: standard output)
    SolveOptions solve;
    std::string keep;  // a previous schedule whose meetings stay
    std::string lang = "en";
    bool quiet = false;

    bool is_valid(std::string* why) const;
};
Settings schedule_settings(ScheduleCommand& c);

// solve, then the exact validator: a schedule that breaks a hard constraint is never handed out
// (Error kInternal naming the first broken constraint). What every front end calls.
Result solve_checked(const Event& event,
                     const SolveOptions& options = {},
                     const ProgressFn& progress = {});

struct ScheduleRun {
    Event event;
    Result result;
    std::string csv;  // slot,table,a,b
};
// Reads the event (and the schedule to keep), solves, and checks every hard constraint: a
// schedule that breaks one is never handed out (an internal error).
ScheduleRun run_schedule(const ScheduleCommand& c, const ProgressFn& progress = {});

}  // namespace tandem::schedule
