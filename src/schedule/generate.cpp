#include "tandem/schedule/generate.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

#include <fmt/format.h>

#include "tandem/core/error.hpp"

namespace tandem::schedule {

namespace {

void add_sessions(const GenerateOptions& o, Event& ev) {
    if (o.sessions <= 1) {
        return;
    }
    const int k = std::min(o.sessions, o.slots);
    int first = 0;
    for (int i = 0; i < k; ++i) {
        const int slots = o.slots / k + (i < o.slots % k ? 1 : 0);
        ev.sessions.push_back(Session{fmt::format("session {}", i + 1), first, first + slots - 1});
        first += slots;
    }
}

// Slot by slot, pairs of participants free and available there, as many per slot as the
// requests need spread over the slots (at most `tables`): every request fits this grid.
void fill_grid(const GenerateOptions& o,
               std::mt19937_64& rng,
               std::discrete_distribution<int>& target,
               std::uniform_int_distribution<int>& requester,
               std::discrete_distribution<int>& priority,
               Event& ev) {
    const auto np = static_cast<std::size_t>(o.participants);
    const int per_slot = std::min(o.tables, (o.requests + o.slots - 1) / o.slots);
    std::set<std::pair<int, int>> seen;
    for (int t = 0; t < o.slots; ++t) {
        std::vector<char> busy(np, 0);
        int here = 0;
        for (int attempt = 0; attempt < 200 * per_slot && here < per_slot &&
                              static_cast<int>(ev.requests.size()) < o.requests;
             ++attempt) {
            const int a = requester(rng);
            const int b = target(rng);
            if (a == b || busy[static_cast<std::size_t>(a)] != 0 ||
                busy[static_cast<std::size_t>(b)] != 0 || !ev.can_attend(a, t) ||
                !ev.can_attend(b, t) || (o.bipartite && (a % 2) == (b % 2)) ||
                !seen.insert(std::minmax(a, b)).second) {
                continue;
            }
            busy[static_cast<std::size_t>(a)] = 1;
            busy[static_cast<std::size_t>(b)] = 1;
            ++here;
            ev.requests.push_back(Request{a, b, priority(rng) + 1, -1, {}});
        }
    }
    // Request order as the file would have it, not grid order.
    std::shuffle(ev.requests.begin(), ev.requests.end(), rng);
    for (std::size_t i = 0; i < ev.requests.size(); ++i) {
        ev.requests[i].records = {static_cast<int>(i) + 1};
    }
}

}  // namespace

Event generate_event(const GenerateOptions& o) {
    if (o.participants < 2 || o.slots < 1 || o.tables < 1 || o.requests < 0) {
        fail(ErrorCode::kUsage, "a generated event needs two participants, a slot and a table");
    }
    std::mt19937_64 rng(o.seed);
    Event ev;
    ev.slots = o.slots;
    ev.tables = o.tables;
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int p = 0; p < o.participants; ++p) {
        Participant part;
        part.id = fmt::format("p{}", p + 1);
        part.region = p % 2 == 0 ? "CN-HL" : "CN-AH";
        part.organisation = fmt::format("org{}", p / 3 + 1);
        for (int t = 0; t < o.slots && o.unavailable > 0.0; ++t) {
            if (unit(rng) < o.unavailable) {
                part.unavailable.push_back(t);
            }
        }
        ev.participants.push_back(std::move(part));
    }
    // Popularity: participant k is requested with weight 1/(k+1)^s, in a shuffled order.
    std::vector<int> order(static_cast<std::size_t>(o.participants));
    for (int p = 0; p < o.participants; ++p) {
        order[static_cast<std::size_t>(p)] = p;
    }
    std::shuffle(order.begin(), order.end(), rng);
    std::vector<double> weights(order.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
        weights[static_cast<std::size_t>(order[k])] =
            1.0 / std::pow(static_cast<double>(k + 1), o.popularity);
    }
    std::discrete_distribution<int> target(weights.begin(), weights.end());
    std::uniform_int_distribution<int> requester(0, o.participants - 1);
    std::vector<double> pw;
    for (int k = 1; k <= o.max_priority; ++k) {
        pw.push_back(1.0 / k);  // priority k with weight 1/k: heavier rarer
    }
    std::discrete_distribution<int> priority(pw.begin(), pw.end());
    std::vector<int> degree(static_cast<std::size_t>(o.participants), 0);
    std::set<std::pair<int, int>> seen;
    add_sessions(o, ev);
    if (o.all_fit) {
        fill_grid(o, rng, target, requester, priority, ev);
        return ev;
    }
    const long attempts = 50L * o.requests + 1000;
    for (long i = 0; i < attempts && static_cast<int>(ev.requests.size()) < o.requests; ++i) {
        const int a = requester(rng);
        const int b = target(rng);
        if (a == b || (o.bipartite && (a % 2) == (b % 2))) {
            continue;
        }
        if (o.max_degree > 0 && (degree[static_cast<std::size_t>(a)] >= o.max_degree ||
                                 degree[static_cast<std::size_t>(b)] >= o.max_degree)) {
            continue;
        }
        if (!seen.insert(std::minmax(a, b)).second) {
            continue;
        }
        ++degree[static_cast<std::size_t>(a)];
        ++degree[static_cast<std::size_t>(b)];
        ev.requests.push_back(Request{a, b, priority(rng) + 1, -1, {static_cast<int>(i) + 1}});
    }
    return ev;
}

}  // namespace tandem::schedule
