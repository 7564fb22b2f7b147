// Synthetic matchmaking events for tests and benchmarks: two delegations (or one open crowd),
// requests skewed towards popular participants as at real brokerage events, optional
// unavailability. Deterministic for a seed.
#pragma once

#include <cstdint>

#include "tandem/schedule/event.hpp"

namespace tandem::schedule {

struct GenerateOptions {
    int participants = 300;
    int requests = 1500;
    int slots = 16;
    int tables = 60;
    bool bipartite = false;    // requests only between the two regions (a delegation visit)
    int max_degree = 0;        // > 0: nobody in more requests than this
    double unavailable = 0.0;  // chance that a participant misses a given slot
    int max_priority = 3;      // priorities 1..max, heavier ones rarer
    double popularity = 1.0;   // Zipf exponent of being requested (0: uniform)
    std::uint64_t seed = 1;
    // Requests drawn slot by slot from a grid that holds them all (each slot up to `tables`
    // meetings of participants free and available there): every request can be held, as at
    // a brokerage event whose organiser admits only what fits.
    bool all_fit = false;
    int sessions = 1;  // the day cut into this many sessions of (nearly) equal slots
};

Event generate_event(const GenerateOptions& options);

}  // namespace tandem::schedule
