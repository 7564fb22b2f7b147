// Fewer breaks, then fewer participants with an isolated meeting, by simulated annealing over
// the slots of the meetings held: a meeting moves to another slot, two meetings exchange their
// slots, or two whole slots exchange their meetings. No move changes which meetings are held,
// so the weighted total stays what it was; every move keeps every hard constraint
// (State::can_place).
#include "breaks.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>
#include <tuple>

#include "tandem/schedule/scheduler.hpp"

namespace tandem::schedule {

namespace {

using Clock = std::chrono::steady_clock;

// The three levels, compared in this order; annealing scalarises them.
struct Cost {
    long breaks = 0;
    long isolated = 0;
    long idle = 0;

    Cost& operator+=(const Cost& o) {
        breaks += o.breaks;
        isolated += o.isolated;
        idle += o.idle;
        return *this;
    }
    Cost operator-(const Cost& o) const {
        return Cost{breaks - o.breaks, isolated - o.isolated, idle - o.idle};
    }
    bool operator<(const Cost& o) const {
        return std::tie(breaks, isolated, idle) < std::tie(o.breaks, o.isolated, o.idle);
    }
    // Idle slots weigh half a break: tuned on generated 300- and 50-participant events, where
    // a lighter idle weight leaves long breaks that breaks-first annealing cannot close.
    long scalar() const { return 8 * breaks + 3 * isolated + 4 * idle; }
};

class Annealer {
public:
    Annealer(State& st, const BreakOptions& options)
        : st_(st), options_(options), members_(static_cast<std::size_t>(st.seats), 0) {
        for (int s : st.seat) {
            ++members_[static_cast<std::size_t>(s)];
        }
        const auto& sessions = st.event.sessions;
        if (sessions.empty()) {
            bounds_.push_back({0, st.S - 1});
        }
        for (const auto& s : sessions) {
            bounds_.push_back({s.first, s.last});
        }
    }

    BreakStats run() {
        std::vector<int> movable;
        for (std::size_t r = 0; r < st_.slot_of.size(); ++r) {
            if (st_.slot_of[r] >= 0 && st_.locked[r] == 0) {
                movable.push_back(static_cast<int>(r));
            }
        }
        Cost cost = init_costs();
        BreakStats stats;
        stats.breaks_before = cost.breaks;
        stats.isolated_before = cost.isolated;
        stats.idle_before = cost.idle;
        std::vector<int> best = st_.slot_of;
        Cost best_cost = cost;
        std::mt19937_64 rng(options_.seed);
        const long iterations = std::clamp<long>(
            static_cast<long>(movable.size()) * options_.moves_per_meeting, 20000, 4000000);
        // Three quarters of the time for the annealing, the rest for the descent.
        const auto started = Clock::now();
        const auto limit = std::chrono::duration<double>(std::max(0.0, options_.time_limit));
        const auto deadline = started + 0.75 * limit;
        const double t0 = options_.start_temperature;
        const double t1 = options_.end_temperature;
        long it = 0;
        double temperature = t0;
        for (; !movable.empty() && it < iterations && (options_.walk || cost.scalar() > 0); ++it) {
            if ((it & 1023) == 0 && Clock::now() > deadline) {
                break;
            }
            if ((it & 255) == 0) {
                temperature =
                    t0 *
                    std::pow(t1 / t0, static_cast<double>(it) / static_cast<double>(iterations));
            }
            const int r = pick(movable, rng);
            if (r < 0) {
                continue;
            }
            Cost delta;
            bool moved = false;
            const std::size_t mark = st_.journal.size();
            const int v = target(r, rng);
            moved = move(r, v, &delta) || exchange(r, v, rng, &delta);
            if (!moved) {
                continue;
            }
            const long d = delta.scalar();
            const bool accept = d <= 0 || std::uniform_real_distribution<double>(0.0, 1.0)(rng) <
                                              std::exp(-static_cast<double>(d) / temperature);
            if (!accept) {
                undo(mark);
                continue;
            }
            st_.journal.resize(mark);
            cost += delta;
            if (cost < best_cost) {
                best_cost = cost;
                best = st_.slot_of;
            }
        }
        if (options_.walk) {
            stats.breaks_after = cost.breaks;
            stats.isolated_after = cost.isolated;
            stats.idle_after = cost.idle;
            stats.iterations = it;
            return stats;
        }
        restore(best);
        cost = init_costs();
        // Descent from the best schedule: a move is kept when it makes nothing worse in the
        // order breaks, isolated, idle (equal moves too: they walk the plateaus). Annealing
        // lets idle slots drift at its last temperature; this takes them back.
        const long descent = iterations / 4;
        const auto end = started + limit;
        long d = 0;
        for (; !movable.empty() && d < descent && cost.scalar() > 0; ++d) {
            if ((d & 1023) == 0 && Clock::now() > end) {
                break;
            }
            const int r = pick(movable, rng);
            if (r < 0) {
                continue;
            }
            Cost delta;
            const std::size_t mark = st_.journal.size();
            const int v = target(r, rng);
            if (!(move(r, v, &delta) || exchange(r, v, rng, &delta))) {
                continue;
            }
            if (Cost{} < delta) {
                undo(mark);
                continue;
            }
            st_.journal.resize(mark);
            cost += delta;
        }
        stats.breaks_after = cost.breaks;
        stats.isolated_after = cost.isolated;
        stats.idle_after = cost.idle;
        stats.iterations = it + d;
        return stats;
    }

    // Every seat's cost and the set of seats above 0, from the schedule as it stands.
    Cost init_costs() {
        seat_cost_.assign(static_cast<std::size_t>(st_.seats), Cost{});
        bad_.clear();
        bad_at_.assign(static_cast<std::size_t>(st_.seats), -1);
        Cost cost;
        for (int s = 0; s < st_.seats; ++s) {
            seat_cost_[static_cast<std::size_t>(s)] = seat_cost(s);
            cost += seat_cost_[static_cast<std::size_t>(s)];
            mark_seat(s);
        }
        return cost;
    }

private:
    State& st_;
    BreakOptions options_;
    std::vector<int> members_;  // seat -> participants sitting there
    std::vector<std::pair<int, int>> bounds_;
    std::vector<Cost> seat_cost_;
    std::vector<int> touched_;
    std::vector<int> busy_;
    std::vector<Cost> previous_;  // of the seats touched by the last move, for undo
    std::vector<int> chain_;
    std::vector<int> dest_;
    std::vector<int> bad_;     // seats with a cost above 0
    std::vector<int> bad_at_;  // seat -> position in bad_, or -1

    // One seat's breaks, isolated meeting (0 or 1) and idle slots between its first and last
    // meeting of a session, over the slots it can attend, each times the seat's members.
    Cost seat_cost(int s) const {
        Cost c;
        for (const auto& [first, last] : bounds_) {
            int blocks = 0;
            int length = 0;
            int idle_run = 0;  // idle slots since the last meeting
            bool in_block = false;
            bool single = false;
            for (int t = first; t <= last; ++t) {
                const auto k = st_.idx(s, t);
                if (st_.occ[k] >= 0) {
                    if (!in_block) {
                        ++blocks;
                        length = 0;
                        if (blocks > 1) {
                            c.idle += idle_run;
                        }
                    }
                    in_block = true;
                    idle_run = 0;
                    ++length;
                } else if (st_.avail[k] != 0) {
                    single = single || (in_block && length == 1);
                    in_block = false;
                    ++idle_run;
                }
            }
            single = single || (in_block && length == 1);
            c.breaks += blocks > 0 ? blocks - 1 : 0;
            c.isolated = c.isolated || (blocks >= 2 && single) ? 1 : 0;
        }
        const long m = members_[static_cast<std::size_t>(s)];
        c.breaks *= m;
        c.isolated = options_.isolated ? c.isolated * m : 0;
        c.idle *= m;
        return c;
    }

    // The cost change over the seats touched since `touched_` was cleared.
    Cost recost() {
        std::sort(touched_.begin(), touched_.end());
        touched_.erase(std::unique(touched_.begin(), touched_.end()), touched_.end());
        Cost delta;
        previous_.clear();
        for (int s : touched_) {
            const Cost now = seat_cost(s);
            previous_.push_back(seat_cost_[static_cast<std::size_t>(s)]);
            delta += now - seat_cost_[static_cast<std::size_t>(s)];
            seat_cost_[static_cast<std::size_t>(s)] = now;
            mark_seat(s);
        }
        return delta;
    }

    void touch(int r) {
        touched_.push_back(st_.sa[static_cast<std::size_t>(r)]);
        touched_.push_back(st_.sb[static_cast<std::size_t>(r)]);
    }

    bool move(int r, int t, Cost* delta) {
        const int from = st_.slot_of[static_cast<std::size_t>(r)];
        if (t == from) {
            return false;
        }
        const std::size_t mark = st_.journal.size();
        st_.remove(r);
        if (!st_.can_place(r, t)) {
            st_.rollback(mark);
            return false;
        }
        st_.place(r, t);
        touched_.clear();
        touch(r);
        *delta = recost();
        return true;
    }

    // Mostly a meeting of an attendee with a break, an isolated meeting or idle slots.
    int pick(const std::vector<int>& movable, std::mt19937_64& rng) {
        if (bad_.empty() || rng() % 10 < 2) {
            return movable[rng() % movable.size()];
        }
        const int seat = bad_[rng() % bad_.size()];
        busy_.clear();
        for (int t = 0; t < st_.S; ++t) {
            const int m = st_.occ[st_.idx(seat, t)];
            if (m >= 0 && st_.locked[static_cast<std::size_t>(m)] == 0) {
                busy_.push_back(m);
            }
        }
        return busy_.empty() ? -1 : busy_[rng() % busy_.size()];
    }

    void mark_seat(int seat) {
        const auto su = static_cast<std::size_t>(seat);
        const bool is_bad = seat_cost_[su].scalar() > 0;
        if (is_bad && bad_at_[su] < 0) {
            bad_at_[su] = static_cast<int>(bad_.size());
            bad_.push_back(seat);
        } else if (!is_bad && bad_at_[su] >= 0) {
            const int last = bad_.back();
            bad_[static_cast<std::size_t>(bad_at_[su])] = last;
            bad_at_[static_cast<std::size_t>(last)] = bad_at_[su];
            bad_.pop_back();
            bad_at_[su] = -1;
        }
    }

    // Where to try meeting r: mostly next to another meeting of one of its attendees (what
    // closes a break), else anywhere.
    int target(int r, std::mt19937_64& rng) {
        const auto ru = static_cast<std::size_t>(r);
        const int any = static_cast<int>(rng() % static_cast<unsigned>(st_.S));
        if (rng() % 10 < 3) {
            return any;
        }
        const int seat = rng() % 2 == 0 ? st_.sa[ru] : st_.sb[ru];
        busy_.clear();
        for (int t = 0; t < st_.S; ++t) {
            const int m = st_.occ[st_.idx(seat, t)];
            if (m >= 0 && m != r) {
                busy_.push_back(t);
            }
        }
        if (busy_.empty()) {
            return any;
        }
        const int next = busy_[rng() % busy_.size()] + (rng() % 2 == 0 ? -1 : 1);
        return next >= 0 && next < st_.S ? next : any;
    }

    // Kempe chain: the meetings of slots u (r's) and v linked to r through shared attendees
    // exchange slots, so nobody sits twice in a slot; where that leaves a slot over its
    // tables, an unlinked meeting of the fuller side's chain is added the same way.
    bool exchange(int r, int v, std::mt19937_64& rng, Cost* delta) {
        const int u = st_.slot_of[static_cast<std::size_t>(r)];
        if (v == u) {
            return false;
        }
        chain_.clear();
        if (!grow_chain(r, u, v)) {
            return false;
        }
        int to_v = 0;  // meetings that move from u to v
        for (int m : chain_) {
            to_v += st_.slot_of[static_cast<std::size_t>(m)] == u ? 1 : -1;
        }
        const auto& there = st_.at_slot[static_cast<std::size_t>(v)];
        const auto& here = st_.at_slot[static_cast<std::size_t>(u)];
        if (to_v > 0 && st_.load[static_cast<std::size_t>(v)] + to_v > st_.T && !there.empty()) {
            if (!grow_chain(there[rng() % there.size()], u, v)) {
                return false;
            }
        } else if (to_v < 0 && st_.load[static_cast<std::size_t>(u)] - to_v > st_.T &&
                   !here.empty()) {
            if (!grow_chain(here[rng() % here.size()], u, v)) {
                return false;
            }
        }
        const std::size_t mark = st_.journal.size();
        std::vector<int>& dest = dest_;
        dest.clear();
        for (int m : chain_) {
            dest.push_back(st_.slot_of[static_cast<std::size_t>(m)] == u ? v : u);
            st_.remove(m);
        }
        for (std::size_t i = 0; i < chain_.size(); ++i) {
            if (!st_.can_place(chain_[i], dest[i])) {
                st_.rollback(mark);
                return false;
            }
            st_.place(chain_[i], dest[i]);
        }
        touched_.clear();
        for (int m : chain_) {
            touch(m);
        }
        *delta = recost();
        return true;
    }

    // Adds the component of `start` (meetings in slots u and v sharing an attendee) to chain_;
    // false when it meets a locked meeting, a slot it cannot use, or grows too long.
    bool grow_chain(int start, int u, int v) {
        if (std::find(chain_.begin(), chain_.end(), start) != chain_.end()) {
            return true;
        }
        std::size_t next = chain_.size();
        chain_.push_back(start);
        while (next < chain_.size()) {
            const int m = chain_[next++];
            const auto mu = static_cast<std::size_t>(m);
            const int other_slot = st_.slot_of[mu] == u ? v : u;
            if (st_.locked[mu] != 0 || !st_.feasible(m, other_slot) || chain_.size() > 48) {
                return false;
            }
            for (int seat : {st_.sa[mu], st_.sb[mu]}) {
                const int linked = st_.occ[st_.idx(seat, other_slot)];
                if (linked >= 0 &&
                    std::find(chain_.begin(), chain_.end(), linked) == chain_.end()) {
                    chain_.push_back(linked);
                }
            }
        }
        return true;
    }

    // Back to before the last move: the schedule, and the touched seats' costs as they were.
    void undo(std::size_t mark) {
        st_.rollback(mark);
        for (std::size_t i = 0; i < touched_.size(); ++i) {
            seat_cost_[static_cast<std::size_t>(touched_[i])] = previous_[i];
            mark_seat(touched_[i]);
        }
    }

    // Back to the best schedule seen: every movable meeting out, then into its best slot.
    void restore(const std::vector<int>& best) {
        const std::size_t mark = st_.journal.size();
        for (std::size_t r = 0; r < best.size(); ++r) {
            if (st_.slot_of[r] >= 0 && st_.slot_of[r] != best[r]) {
                st_.remove(static_cast<int>(r));
            }
        }
        for (std::size_t r = 0; r < best.size(); ++r) {
            if (best[r] >= 0 && st_.slot_of[r] < 0) {
                st_.place(static_cast<int>(r), best[r]);
            }
        }
        st_.journal.resize(mark);
    }
};

}  // namespace

BreakStats reduce_breaks(State& state, const BreakOptions& options) {
    return Annealer(state, options).run();
}

Schedule fewer_breaks(const Event& event,
                      const Schedule& schedule,
                      bool isolated,
                      double time_limit) {
    State st(event);
    for (const auto& l : event.locked) {
        st.locked[static_cast<std::size_t>(l.request)] = 1;
    }
    for (const auto& m : schedule.meetings) {
        st.place(m.request, m.slot);
    }
    st.journal.clear();
    BreakOptions options;
    options.isolated = isolated;
    options.time_limit = time_limit;
    reduce_breaks(st, options);
    return st.schedule();
}

}  // namespace tandem::schedule
