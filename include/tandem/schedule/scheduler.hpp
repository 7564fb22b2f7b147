// Filling an event's slots x tables grid with requested one-to-one meetings: a capacitated
// edge-colouring problem (each meeting an edge, each slot a colour, at most `tables` edges of a
// colour, availability). The aim, in this order: the priority-weighted number of meetings held,
// then nobody left without a meeting when that costs no weight, then few idle gaps.
#pragma once

#include <string>
#include <string_view>

#include "tandem/core/i18n.hpp"
#include "tandem/core/progress.hpp"
#include "tandem/schedule/event.hpp"

namespace tandem::schedule {

enum class Method {
    kAuto,       // the heuristic, then the MILP when the event is small enough to prove
    kHeuristic,  // greedy, repair (moves, Kempe chains, evictions), gap compaction
    kMilp,       // the time-indexed MILP with CBC, started from the heuristic
};

// What is optimised after the priority-weighted meetings held (docs/schedule.md).
enum class Objective {
    kFull,    // then the fewest breaks, then the fewest participants with an isolated meeting
    kBreaks,  // then the fewest breaks
    kWeight,  // the weighted meetings only (and the heuristic's idle-gap moves)
};

struct SolveOptions {
    Method method = Method::kAuto;
    Objective objective = Objective::kFull;
    // Seconds for the break reduction; below 0: 0.4 ms per meeting held, from 0.3 s to 20 s.
    double break_time_limit = -1.0;
    double time_limit = 60.0;  // seconds for the MILP
    bool bound = false;        // also compute an upper bound on the weighted total
    // Largest MILP (request x slot variables) kAuto runs; above it the heuristic alone.
    long auto_milp_variables = 6000;
    // kAuto's time box for the MILP confirmation (seconds; time_limit when smaller). kAuto
    // skips the MILP when the heuristic holds every request.
    double auto_milp_seconds = 0.5;
};

struct Result {
    Schedule schedule;
    Summary summary;
    std::string method;      // what produced the schedule
    bool optimal = false;    // the weighted total is proven optimal
    bool has_bound = false;  // bound and bound_kind are set
    double bound = 0.0;      // an upper bound on the weighted total
    std::string bound_kind;  // "MILP optimum", "MILP bound (time limit)", "LP relaxation"
    std::vector<std::string> notes;

    // (bound - weighted total) / bound in %, 0 without a positive bound.
    double gap_percent() const {
        return has_bound && bound > 0.0
                   ? 100.0 * (bound - static_cast<double>(summary.weighted)) / bound
                   : 0.0;
    }
};

Result solve(const Event& event, const SolveOptions& options = {}, const ProgressFn& progress = {});

// "auto", "heuristic", "milp" and "full", "breaks", "weight": the names the CLI, the Python
// module and the service take; anything else throws Error(kUsage) naming the choices.
Method parse_method(std::string_view name);
Objective parse_objective(std::string_view name);

// The summary people read after a solve, one line each: meetings held, weighted total, idle
// gaps, breaks, isolated meetings, participants without a meeting, the bound and gap (when
// with_bound and the result has one), the method (with the seconds when given), the requests
// not held (the first 20, highest priority first, then a count) and the notes of the event and
// the solve. `tandem schedule`, `tandem match run` and the service print these.
struct SummaryText {
    bool with_bound = false;
    double seconds = -1.0;              // below 0: not shown
    i18n::Lang lang = i18n::Lang::kEn;  // Chinese: every line through the catalogue
};
std::vector<std::string> summary_lines(const Event& event,
                                       const Result& result,
                                       const SummaryText& text = {});

// The heuristic alone (slots only; tables are assigned by assign_tables).
Schedule heuristic_schedule(const Event& event);
// Coverage and idle-gap moves on a given valid schedule; never lowers its weighted total.
Schedule polish(const Event& event, const Schedule& schedule);
// The same meetings in other slots, with fewer breaks (then, with `isolated`, fewer
// participants with an isolated meeting): simulated annealing within `time_limit` seconds,
// deterministic unless the time limit cuts it short.
Schedule fewer_breaks(const Event& event,
                      const Schedule& schedule,
                      bool isolated = true,
                      double time_limit = 0.5);

struct MilpOutcome {
    bool failed = false;  // CBC failed (status below): nothing else is set
    int status = 0;
    bool feasible = false;
    bool optimal = false;
    double objective = 0.0;
    double bound = 0.0;  // best possible (CBC)
    Schedule schedule;   // slots only
};
// The time-indexed MILP: x[r][t] for every request r and slot t both can attend; each request
// at most once, each attendee at most once per slot, at most `tables` meetings per slot, "one"
// colleague rules, locked meetings fixed. start: a feasible schedule to begin from (or null).
MilpOutcome milp_schedule(const Event& event, double time_limit, const Schedule* start = nullptr);
struct BreaksOutcome {
    bool failed = false;  // CBC failed (status below): nothing else is set
    int status = 0;
    bool feasible = false;
    bool optimal = false;  // the breaks are proven the fewest for these meetings
    long breaks = 0;
    double bound = 0.0;  // the fewest breaks possible (CBC's bound)
    Schedule schedule;   // slots only
};
// The exact breaks model (docs/schedule.md): the meetings of `held`, every one kept, each in a
// slot both attendees can attend (sessions, locks, precedences, tables), placed to minimise the
// breaks; CBC from `held`'s slots, within time_limit seconds.
BreaksOutcome milp_breaks(const Event& event, const Schedule& held, double time_limit);
// An upper bound for events too large for the MILP: the LP of the degree-constrained
// relaxation (each attendee in at most as many meetings as slots it can attend, at most
// slots x tables meetings, "one" rules), which the time-indexed LP can only tighten.
double lp_bound(const Event& event);
// Number of MILP variables (request x slot pairs both can attend).
long milp_variables(const Event& event);

// Table numbers, slot by slot: locked tables kept; then the table one of the two sat at in
// the previous slot (people stay seated); then the lowest free one.
void assign_tables(const Event& event, Schedule& schedule);

}  // namespace tandem::schedule
