// Break reduction on a schedule held in a State (private to src/schedule).
#pragma once

#include <cstdint>

#include "state.hpp"

namespace tandem::schedule {

struct BreakOptions {
    bool isolated = true;           // also fewer participants with an isolated meeting
    long moves_per_meeting = 2000;  // tried moves per movable meeting (20,000 to 4,000,000)
    double time_limit = 0.5;        // seconds at most
    std::uint64_t seed = 1;         // deterministic for a seed (unless the time limit cuts it)
    // Of the annealing, in units of the scalarised cost 8 breaks + 3 isolated + 4 idle slots.
    double start_temperature = 6.0;
    double end_temperature = 1.0;
    // A random walk for new layouts: all the moves are tried even where nothing is left to
    // improve, and the schedule is left where the walk ends (not at the best seen).
    bool walk = false;
};

struct BreakStats {  // over participants (times the members of a "together" seat)
    long breaks_before = 0;
    long breaks_after = 0;
    long isolated_before = 0;
    long isolated_after = 0;
    long idle_before = 0;  // idle slots between blocks of one session
    long idle_after = 0;
    long iterations = 0;
};

// Moves meetings between slots (never changing which are held) to lower the breaks, then
// the participants with an isolated meeting; keeps the best schedule seen.
BreakStats reduce_breaks(State& state, const BreakOptions& options);

}  // namespace tandem::schedule
