// The fast path: greedy by priority, then repair of every unscheduled request (a direct place,
// moving a blocking meeting to another slot, a Kempe-chain swap of two slots, or evicting
// lighter meetings and re-placing them), then coverage (nobody without a meeting when that
// costs no weight) and idle-gap compaction. Every change goes through one journal, so a
// failed attempt rolls back exactly.
#include <algorithm>
#include <cstdint>
#include <numeric>
#include <span>

#include "tandem/core/error.hpp"
#include "tandem/schedule/scheduler.hpp"

#include "breaks.hpp"
#include "state.hpp"

namespace tandem::schedule {

namespace {

// SplitMix64 of a (meeting, slot) pair.
std::uint64_t mix(int r, int t) {
    std::uint64_t z = (static_cast<std::uint64_t>(static_cast<std::uint32_t>(r)) << 20) ^
                      static_cast<std::uint64_t>(static_cast<std::uint32_t>(t)) ^
                      0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

}  // namespace

State::State(const Event& ev) : event(ev), S(ev.slots), T(ev.tables) {
    const int np = static_cast<int>(ev.participants.size());
    seat.resize(static_cast<std::size_t>(np));
    std::iota(seat.begin(), seat.end(), 0);
    for (const auto& g : ev.colleagues) {
        if (g.kind == ColleagueRule::Kind::kTogether) {
            // Union of groups: a member of two "together" groups joins them.
            const int root = seat_root(g.members[0]);
            for (int m : g.members) {
                seat[static_cast<std::size_t>(seat_root(m))] = root;
            }
        }
    }
    for (int p = 0; p < np; ++p) {
        seat[static_cast<std::size_t>(p)] = seat_root(p);
    }
    seats = np;
    avail.assign(static_cast<std::size_t>(seats) * static_cast<std::size_t>(S), 1);
    for (int p = 0; p < np; ++p) {
        for (int t = 0; t < S; ++t) {
            if (!ev.can_attend(p, t)) {
                avail[idx(seat[static_cast<std::size_t>(p)], t)] = 0;
            }
        }
    }
    occ.assign(avail.size(), -1);
    const auto nr = ev.requests.size();
    slot_of.assign(nr, -1);
    locked.assign(nr, 0);
    weight.resize(nr);
    sa.resize(nr);
    sb.resize(nr);
    for (std::size_t r = 0; r < nr; ++r) {
        weight[r] = ev.requests[r].priority;
        sa[r] = seat[static_cast<std::size_t>(ev.requests[r].a)];
        sb[r] = seat[static_cast<std::size_t>(ev.requests[r].b)];
    }
    ok.assign(nr * static_cast<std::size_t>(S), 0);
    for (std::size_t r = 0; r < nr; ++r) {
        for (int t = 0; t < S && sa[r] != sb[r]; ++t) {
            const int session = ev.requests[r].session;
            ok[r * static_cast<std::size_t>(S) + static_cast<std::size_t>(t)] =
                avail[idx(sa[r], t)] != 0 && avail[idx(sb[r], t)] != 0 &&
                        (session < 0 || ev.session_of(t) == session)
                    ? 1
                    : 0;
        }
    }
    precedes.resize(nr);
    for (const auto& p : ev.precedences) {
        precedes[static_cast<std::size_t>(p.before)].push_back({p.after, true});
        precedes[static_cast<std::size_t>(p.after)].push_back({p.before, false});
    }
    // "one" rules: every (rule, partner) is a set of requests of which one may be held.
    ex_of.resize(nr);
    int sets = 0;
    for (const auto& g : ev.colleagues) {
        if (g.kind != ColleagueRule::Kind::kOne) {
            continue;
        }
        std::vector<int> partner_set(static_cast<std::size_t>(np), -1);
        for (std::size_t r = 0; r < nr; ++r) {
            const auto& q = ev.requests[r];
            const bool ia = std::find(g.members.begin(), g.members.end(), q.a) != g.members.end();
            const bool ib = std::find(g.members.begin(), g.members.end(), q.b) != g.members.end();
            if (ia == ib) {
                continue;
            }
            const int partner = ia ? q.b : q.a;
            int& set = partner_set[static_cast<std::size_t>(partner)];
            if (set < 0) {
                set = sets++;
            }
            ex_of[r].push_back(set);
        }
    }
    ex_held.assign(static_cast<std::size_t>(sets), -1);
    load.assign(static_cast<std::size_t>(S), 0);
    at_slot.resize(static_cast<std::size_t>(S));
    pos_in_slot.assign(nr, -1);
    seat_count.assign(static_cast<std::size_t>(seats), 0);
    seat_hash.assign(static_cast<std::size_t>(seats), 0);
}

int State::seat_root(int p) {
    while (seat[static_cast<std::size_t>(p)] != p) {
        p = seat[static_cast<std::size_t>(p)];
    }
    return p;
}

bool State::ex_free(int r) const {
    for (int e : ex_of[static_cast<std::size_t>(r)]) {
        if (ex_held[static_cast<std::size_t>(e)] >= 0) {
            return false;
        }
    }
    return true;
}

bool State::can_place(int r, int t) const {
    const auto ru = static_cast<std::size_t>(r);
    return slot_of[ru] < 0 && feasible(r, t) && occ[idx(sa[ru], t)] < 0 &&
           occ[idx(sb[ru], t)] < 0 && load[static_cast<std::size_t>(t)] < T && ex_free(r) &&
           in_order(r, t);
}

bool State::in_order(int r, int t) const {
    for (const auto& [other, first] : precedes[static_cast<std::size_t>(r)]) {
        const int u = slot_of[static_cast<std::size_t>(other)];
        if (u >= 0 && (first ? t >= u : t <= u)) {
            return false;
        }
    }
    return true;
}

void State::place(int r, int t) {
    const auto ru = static_cast<std::size_t>(r);
    slot_of[ru] = t;
    occ[idx(sa[ru], t)] = r;
    occ[idx(sb[ru], t)] = r;
    ++load[static_cast<std::size_t>(t)];
    auto& list = at_slot[static_cast<std::size_t>(t)];
    pos_in_slot[ru] = static_cast<int>(list.size());
    list.push_back(r);
    for (int e : ex_of[ru]) {
        ex_held[static_cast<std::size_t>(e)] = r;
    }
    ++seat_count[static_cast<std::size_t>(sa[ru])];
    ++seat_count[static_cast<std::size_t>(sb[ru])];
    seat_hash[static_cast<std::size_t>(sa[ru])] ^= mix(r, t);
    seat_hash[static_cast<std::size_t>(sb[ru])] ^= mix(r, t);
    total += weight[ru];
    ++held;
    journal.push_back({r, -1, t});
}

void State::remove(int r) {
    const auto ru = static_cast<std::size_t>(r);
    const int t = slot_of[ru];
    slot_of[ru] = -1;
    occ[idx(sa[ru], t)] = -1;
    occ[idx(sb[ru], t)] = -1;
    --load[static_cast<std::size_t>(t)];
    auto& list = at_slot[static_cast<std::size_t>(t)];
    const int pos = pos_in_slot[ru];
    list[static_cast<std::size_t>(pos)] = list.back();
    pos_in_slot[static_cast<std::size_t>(list.back())] = pos;
    list.pop_back();
    pos_in_slot[ru] = -1;
    for (int e : ex_of[ru]) {
        ex_held[static_cast<std::size_t>(e)] = -1;
    }
    --seat_count[static_cast<std::size_t>(sa[ru])];
    --seat_count[static_cast<std::size_t>(sb[ru])];
    seat_hash[static_cast<std::size_t>(sa[ru])] ^= mix(r, t);
    seat_hash[static_cast<std::size_t>(sb[ru])] ^= mix(r, t);
    total -= weight[ru];
    --held;
    journal.push_back({r, t, -1});
}

void State::rollback(std::size_t mark) {
    while (journal.size() > mark) {
        const Change c = journal.back();
        journal.pop_back();
        if (c.to >= 0) {
            remove(c.request);
        } else {
            place(c.request, c.from);
        }
        journal.pop_back();  // the undo's own entry
    }
}

// Idle available slots between the first and last meeting of a seat.
int State::gaps(int s) const {
    int first = -1;
    int last = -1;
    int count = 0;
    for (int t = 0; t < S; ++t) {
        if (occ[idx(s, t)] >= 0) {
            first = first < 0 ? t : first;
            last = t;
            ++count;
        }
    }
    if (first < 0) {
        return 0;
    }
    int unavailable = 0;
    for (int t = first; t <= last; ++t) {
        unavailable += avail[idx(s, t)] == 0 ? 1 : 0;
    }
    return last - first + 1 - count - unavailable;
}

// The change in a seat's gaps if it also met in slot t (t free for it).
int State::gap_delta_add(int s, int t) const {
    int first = -1;
    int last = -1;
    for (int u = 0; u < S; ++u) {
        if (occ[idx(s, u)] >= 0) {
            first = first < 0 ? u : first;
            last = u;
        }
    }
    if (first < 0) {
        return 0;
    }
    if (t > first && t < last) {
        return -1;
    }
    int added = 0;
    const int lo = t < first ? t + 1 : last + 1;
    const int hi = t < first ? first - 1 : t - 1;
    for (int u = lo; u <= hi; ++u) {
        added += avail[idx(s, u)] != 0 ? 1 : 0;
    }
    return added;
}

namespace {

class Heuristic {
public:
    explicit Heuristic(State& s)
        : st_(s),
          of_seat_(static_cast<std::size_t>(s.seats)),
          // Small events get the deeper (slower) search: ejection chains and every
          // eviction and cascade; large ones the bounded one.
          thorough_(static_cast<long>(s.slot_of.size()) * s.S <= 20000) {
        chain_depth_ = thorough_ ? 1 : 0;
        std::vector<int> order(s.slot_of.size());
        std::iota(order.begin(), order.end(), 0);
        // Heavier requests first, so a freed attendee takes its heaviest open request.
        std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
            return s.weight[static_cast<std::size_t>(x)] > s.weight[static_cast<std::size_t>(y)];
        });
        for (int r : order) {
            of_seat_[static_cast<std::size_t>(s.sa[static_cast<std::size_t>(r)])].push_back(r);
            of_seat_[static_cast<std::size_t>(s.sb[static_cast<std::size_t>(r)])].push_back(r);
        }
    }

    void run() {
        place_locked();
        greedy();
        // Repair until a round gains nothing (each round retries only what changed).
        for (int round = 0; round < 6; ++round) {
            const auto before = st_.total;
            repair();
            if (st_.total == before) {
                break;
            }
        }
        shake_and_repair();
        finish();
    }

    // Small events with requests still open: rearrange the meetings held (a random walk of
    // the break annealing's moves, a few seeds; nothing held is lost) and repair again from
    // each new layout, which the repair cache sees as changed. Saturated events (popular
    // participants in every slot) need it: one layout's Kempe chains can be blocked where
    // another's are free. A walk rather than the annealing itself: a layout without breaks
    // gives the annealing nothing to move. When no layout gains, the schedule is put back.
    void shake_and_repair() {
        if (!thorough_ || open_requests() == 0) {
            return;
        }
        // Up to 24 layouts, stopping after 4 in a row that gain nothing (an event whose open
        // requests simply do not fit gains nothing from any). Counted, not timed:
        // deterministic.
        std::vector<int> best = st_.slot_of;
        long best_total = st_.total;
        int idle = 0;
        for (std::uint64_t seed = 2; seed < 50 && idle < 8 && open_requests() > 0; ++seed) {
            BreakOptions o;
            o.seed = seed;
            o.moves_per_meeting = 50;
            // A cap only: the 20,000 moves end first (about 10 ms; well under it with the
            // sanitizers too), so the layouts are deterministic.
            o.time_limit = 5.0;
            o.walk = true;
            o.start_temperature = 30.0;
            o.end_temperature = 30.0;
            reduce_breaks(st_, o);
            st_.journal.clear();
            repair();
            if (st_.total > best_total) {
                best = st_.slot_of;
                best_total = st_.total;
                idle = 0;
            } else {
                ++idle;
            }
        }
        load_slots(best);
    }

    // Puts every unlocked request into the slot `slots` gives it (-1: not held).
    void load_slots(const std::vector<int>& slots) {
        for (std::size_t r = 0; r < slots.size(); ++r) {
            if (st_.slot_of[r] >= 0 && st_.locked[r] == 0 && st_.slot_of[r] != slots[r]) {
                st_.remove(static_cast<int>(r));
            }
        }
        for (std::size_t r = 0; r < slots.size(); ++r) {
            if (slots[r] >= 0 && st_.slot_of[r] < 0) {
                st_.place(static_cast<int>(r), slots[r]);
            }
        }
        st_.journal.clear();
    }

    // Requests not held that have a slot both can attend.
    int open_requests() const {
        int n = 0;
        for (std::size_t r = 0; r < st_.slot_of.size(); ++r) {
            if (st_.slot_of[r] < 0) {
                for (int t = 0; t < st_.S; ++t) {
                    if (st_.feasible(static_cast<int>(r), t)) {
                        ++n;
                        break;
                    }
                }
            }
        }
        return n;
    }

    // Coverage and gap moves from a given schedule (the MILP's): never lowers its weight.
    void polish(const Schedule& from) {
        mark_locked();
        for (const auto& m : from.meetings) {
            st_.place(m.request, m.slot);
        }
        st_.journal.clear();
        finish();
    }

private:
    // A bounded look at a slot's meetings (a large event's slot holds thousands).
    static std::span<const int> first_of(const std::vector<int>& v) {
        return {v.data(), std::min<std::size_t>(v.size(), 64)};
    }

    State& st_;
    std::vector<std::vector<int>> of_seat_;  // seat -> its requests, heaviest first

    void mark_locked() {
        for (const auto& l : st_.event.locked) {
            st_.locked[static_cast<std::size_t>(l.request)] = 1;
        }
    }

    void place_locked() {
        mark_locked();
        for (const auto& l : st_.event.locked) {
            st_.place(l.request, l.slot);
        }
        st_.journal.clear();
    }

    // What never lowers the weighted total: coverage, then idle-gap moves and exchanges.
    void finish() {
        cover();
        compact();
        compact_swaps();
        compact();
    }

    std::vector<int> order_by_priority() const {
        const auto nr = st_.event.requests.size();
        std::vector<int> degree(static_cast<std::size_t>(st_.seats), 0);
        std::vector<int> options(nr, 0);
        for (std::size_t r = 0; r < nr; ++r) {
            ++degree[static_cast<std::size_t>(st_.sa[r])];
            ++degree[static_cast<std::size_t>(st_.sb[r])];
            for (int t = 0; t < st_.S; ++t) {
                options[r] += st_.feasible(static_cast<int>(r), t) ? 1 : 0;
            }
        }
        std::vector<int> order;
        for (std::size_t r = 0; r < nr; ++r) {
            if (st_.slot_of[r] < 0 && options[r] > 0) {
                order.push_back(static_cast<int>(r));
            }
        }
        // Heavier first; among equals the harder (busier attendees, fewer slots) first.
        std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
            const auto xu = static_cast<std::size_t>(x);
            const auto yu = static_cast<std::size_t>(y);
            if (st_.weight[xu] != st_.weight[yu]) {
                return st_.weight[xu] > st_.weight[yu];
            }
            const int dx = std::max(degree[static_cast<std::size_t>(st_.sa[xu])],
                                    degree[static_cast<std::size_t>(st_.sb[xu])]);
            const int dy = std::max(degree[static_cast<std::size_t>(st_.sa[yu])],
                                    degree[static_cast<std::size_t>(st_.sb[yu])]);
            if (dx != dy) {
                return dx > dy;
            }
            return options[xu] < options[yu];
        });
        return order;
    }

    // The free slot that adds the fewest gaps for both, then the emptiest (spreads the load).
    int best_slot(int r) const {
        int best = -1;
        int best_gap = 0;
        int best_load = 0;
        const auto ru = static_cast<std::size_t>(r);
        for (int t = 0; t < st_.S; ++t) {
            if (!st_.can_place(r, t)) {
                continue;
            }
            const int g = st_.gap_delta_add(st_.sa[ru], t) + st_.gap_delta_add(st_.sb[ru], t);
            const int l = st_.load[static_cast<std::size_t>(t)];
            if (best < 0 || g < best_gap || (g == best_gap && l < best_load)) {
                best = t;
                best_gap = g;
                best_load = l;
            }
        }
        return best;
    }

    void greedy() {
        for (int r : order_by_priority()) {
            const int t = best_slot(r);
            if (t >= 0) {
                st_.place(r, t);
            }
        }
        st_.journal.clear();
    }

    // Moves meeting m out of its slot to another where it fits; false (nothing changed) if none.
    // With depth > 0 a move may push one attendee's meeting on in turn (an ejection chain;
    // moving it back into the freed slot is a swap).
    bool relocate(int m, int avoid, int depth) {
        const auto mu = static_cast<std::size_t>(m);
        if (st_.locked[mu] != 0) {
            return false;
        }
        const int from = st_.slot_of[mu];
        const std::size_t mark = st_.journal.size();
        st_.remove(m);
        for (int t = 0; t < st_.S; ++t) {
            if (t != from && t != avoid && st_.can_place(m, t)) {
                st_.place(m, t);
                return true;
            }
        }
        for (int t = 0; depth > 0 && t < st_.S; ++t) {
            if (t == from || t == avoid || !st_.feasible(m, t) ||
                st_.load[static_cast<std::size_t>(t)] > st_.T) {
                continue;
            }
            const int b1 = st_.occ[st_.idx(st_.sa[mu], t)];
            const int b2 = st_.occ[st_.idx(st_.sb[mu], t)];
            // One blocker only (two would branch too widely), and room at the table.
            if ((b1 >= 0) == (b2 >= 0)) {
                continue;
            }
            const int b = b1 >= 0 ? b1 : b2;
            if (st_.locked[static_cast<std::size_t>(b)] != 0) {
                continue;
            }
            const std::size_t inner = st_.journal.size();
            if (relocate(b, t, depth - 1) && st_.can_place(m, t)) {
                st_.place(m, t);
                return true;
            }
            st_.rollback(inner);
        }
        st_.rollback(mark);
        return false;
    }

    // Places r in slot t after moving what blocks it there (its attendees' meetings, one
    // meeting when the slot is full) to other slots.
    bool place_with_moves(int r, int t) {
        const auto ru = static_cast<std::size_t>(r);
        if (!st_.feasible(r, t) || !st_.ex_free(r)) {
            return false;
        }
        const std::size_t mark = st_.journal.size();
        for (int s : {st_.sa[ru], st_.sb[ru]}) {
            const int m = st_.occ[st_.idx(s, t)];
            if (m >= 0 && !relocate(m, t, chain_depth_)) {
                st_.rollback(mark);
                return false;
            }
        }
        if (st_.load[static_cast<std::size_t>(t)] >= st_.T) {
            bool moved = false;
            // Copy: relocate changes the slot's list.
            const std::vector<int> here = st_.at_slot[static_cast<std::size_t>(t)];
            for (int m : here) {
                if (relocate(m, t, 0)) {
                    moved = true;
                    break;
                }
            }
            if (!moved) {
                st_.rollback(mark);
                return false;
            }
        }
        if (!st_.can_place(r, t)) {
            st_.rollback(mark);
            return false;
        }
        st_.place(r, t);
        return true;
    }

    // Kempe chain: r's first seat is free in slot s, the second is free in slot t; swap the
    // s/t meetings along the alternating path from the second seat so that it is free in s.
    bool kempe(int r, int s, int t, int from_seat, int other_seat) {
        std::vector<int> path;
        int cur = from_seat;
        int colour = s;
        while (true) {
            const int m = st_.occ[st_.idx(cur, colour)];
            if (m < 0) {
                break;
            }
            const auto mu = static_cast<std::size_t>(m);
            // Long chains rarely survive the availability and table checks: give up early.
            if (st_.locked[mu] != 0 || path.size() > 128) {
                return false;
            }
            path.push_back(m);
            const int next = st_.sa[mu] == cur ? st_.sb[mu] : st_.sa[mu];
            if (next == other_seat) {
                return false;  // an odd cycle through r's other seat: no swap frees it
            }
            cur = next;
            colour = colour == s ? t : s;
        }
        if (path.empty()) {
            return false;
        }
        int to_s = 0;
        int to_t = 0;
        for (int m : path) {
            const int slot = st_.slot_of[static_cast<std::size_t>(m)];
            const int dest = slot == s ? t : s;
            if (!st_.feasible(m, dest)) {
                return false;
            }
            (dest == s ? to_s : to_t) += 1;
        }
        const int load_s = st_.load[static_cast<std::size_t>(s)] - to_t + to_s + 1;
        const int load_t = st_.load[static_cast<std::size_t>(t)] - to_s + to_t;
        if (load_s > st_.T || load_t > st_.T) {
            return false;
        }
        const std::size_t mark = st_.journal.size();
        std::vector<int> dest(path.size());
        for (std::size_t i = 0; i < path.size(); ++i) {
            dest[i] = st_.slot_of[static_cast<std::size_t>(path[i])] == s ? t : s;
            st_.remove(path[i]);
        }
        for (std::size_t i = 0; i < path.size(); ++i) {
            if (!st_.can_place(path[i], dest[i])) {
                st_.rollback(mark);
                return false;
            }
            st_.place(path[i], dest[i]);
        }
        if (!st_.can_place(r, s)) {
            st_.rollback(mark);
            return false;
        }
        st_.place(r, s);
        return true;
    }

    bool insert(int r) {
        const auto ru = static_cast<std::size_t>(r);
        if (!st_.ex_free(r)) {
            return false;
        }
        const int t = best_slot(r);
        if (t >= 0) {
            st_.place(r, t);
            return true;
        }
        for (int u = 0; u < st_.S; ++u) {
            if (st_.feasible(r, u) && place_with_moves(r, u)) {
                return true;
            }
        }
        const int a = st_.sa[ru];
        const int b = st_.sb[ru];
        for (int s = 0; s < st_.S; ++s) {
            for (int t2 = 0; t2 < st_.S; ++t2) {
                if (s == t2 || !st_.feasible(r, s)) {
                    continue;
                }
                // a free in s, b busy in s and free in t2: free b in s along an s/t2 path.
                if (st_.occ[st_.idx(a, s)] < 0 && st_.occ[st_.idx(b, s)] >= 0 &&
                    st_.occ[st_.idx(b, t2)] < 0 && kempe(r, s, t2, b, a)) {
                    return true;
                }
                if (st_.occ[st_.idx(b, s)] < 0 && st_.occ[st_.idx(a, s)] >= 0 &&
                    st_.occ[st_.idx(a, t2)] < 0 && kempe(r, s, t2, a, b)) {
                    return true;
                }
            }
        }
        return false;
    }

    // What stands in r's way in slot t: its attendees' meetings, a colleague's meeting with
    // the same partner, and (if the slot stays full) its lightest movable meeting.
    bool blockers(int r, int t, std::vector<int>& out) const {
        const auto ru = static_cast<std::size_t>(r);
        out.clear();
        for (int s : {st_.sa[ru], st_.sb[ru]}) {
            const int m = st_.occ[st_.idx(s, t)];
            if (m >= 0 && std::find(out.begin(), out.end(), m) == out.end()) {
                out.push_back(m);
            }
        }
        for (int e : st_.ex_of[ru]) {
            const int m = st_.ex_held[static_cast<std::size_t>(e)];
            if (m >= 0 && std::find(out.begin(), out.end(), m) == out.end()) {
                out.push_back(m);
            }
        }
        int freed = 0;
        for (int m : out) {
            freed += st_.slot_of[static_cast<std::size_t>(m)] == t ? 1 : 0;
        }
        if (st_.load[static_cast<std::size_t>(t)] - freed >= st_.T) {
            int lightest = -1;
            for (int m : first_of(st_.at_slot[static_cast<std::size_t>(t)])) {
                if (st_.locked[static_cast<std::size_t>(m)] == 0 &&
                    std::find(out.begin(), out.end(), m) == out.end() &&
                    (lightest < 0 || st_.weight[static_cast<std::size_t>(m)] <
                                         st_.weight[static_cast<std::size_t>(lightest)])) {
                    lightest = m;
                }
            }
            if (lightest < 0) {
                return false;
            }
            out.push_back(lightest);
        }
        for (int m : out) {
            if (st_.locked[static_cast<std::size_t>(m)] != 0) {
                return false;
            }
        }
        return true;
    }

    // Evicts lighter meetings for r and re-places what it can; keeps the change only if the
    // weighted total rises (or, for coverage, stays and one more attendee meets).
    bool evict_for(int r, bool coverage) {
        const auto ru = static_cast<std::size_t>(r);
        std::vector<int> out;
        // The cheapest few slots to clear, cheapest first.
        std::vector<std::pair<long, int>> slots;
        for (int t = 0; t < st_.S; ++t) {
            if (!st_.feasible(r, t) || !blockers(r, t, out)) {
                continue;
            }
            long cost = 0;
            for (int m : out) {
                cost += st_.weight[static_cast<std::size_t>(m)];
            }
            if (cost < st_.weight[ru] || (coverage && cost == st_.weight[ru])) {
                slots.emplace_back(cost, t);
            }
        }
        std::stable_sort(slots.begin(), slots.end());
        if (slots.size() > 4 && !thorough_) {
            slots.resize(4);
        }
        for (const auto& slot : slots) {
            const int t = slot.second;
            blockers(r, t, out);
            const long before = st_.total;
            const int zero_before = coverage ? zero_count() : 0;
            const std::size_t mark = st_.journal.size();
            for (int m : out) {
                st_.remove(m);
            }
            if (!st_.can_place(r, t)) {
                st_.rollback(mark);
                continue;
            }
            st_.place(r, t);
            for (int m : out) {
                insert(m);
            }
            const bool better =
                coverage ? st_.total >= before && zero_count() < zero_before : st_.total > before;
            if (better) {
                return true;
            }
            st_.rollback(mark);
        }
        return false;
    }

    // Evicts one lighter meeting that stands in r's way (an attendee's meeting, or the
    // lightest in a full slot r could use), places r by any insert move, and re-places the
    // victim if it can: kept when the weighted total rises.
    bool evict_one(int r) {
        const auto ru = static_cast<std::size_t>(r);
        std::vector<int> victims;
        // An equal-weight victim pays only if one of its attendees has another open request.
        auto has_open = [&](int m) {
            const auto mu = static_cast<std::size_t>(m);
            for (int seat_id : {st_.sa[mu], st_.sb[mu]}) {
                if (seat_id == st_.sa[ru] || seat_id == st_.sb[ru]) {
                    continue;
                }
                for (int q : of_seat_[static_cast<std::size_t>(seat_id)]) {
                    if (q != m && q != r && st_.slot_of[static_cast<std::size_t>(q)] < 0) {
                        return true;
                    }
                }
            }
            return false;
        };
        auto consider = [&](int m) {
            if (m < 0 || st_.locked[static_cast<std::size_t>(m)] != 0 ||
                std::find(victims.begin(), victims.end(), m) != victims.end()) {
                return;
            }
            const long w = st_.weight[static_cast<std::size_t>(m)];
            if (w < st_.weight[ru] || (w == st_.weight[ru] && has_open(m))) {
                victims.push_back(m);
            }
        };
        for (int t = 0; t < st_.S; ++t) {
            if (!st_.feasible(r, t)) {
                continue;
            }
            consider(st_.occ[st_.idx(st_.sa[ru], t)]);
            consider(st_.occ[st_.idx(st_.sb[ru], t)]);
            if (st_.load[static_cast<std::size_t>(t)] >= st_.T) {
                int lightest = -1;
                for (int m : first_of(st_.at_slot[static_cast<std::size_t>(t)])) {
                    if (st_.locked[static_cast<std::size_t>(m)] == 0 &&
                        (lightest < 0 || st_.weight[static_cast<std::size_t>(m)] <
                                             st_.weight[static_cast<std::size_t>(lightest)])) {
                        lightest = m;
                    }
                }
                consider(lightest);
            }
        }
        for (int e : st_.ex_of[ru]) {
            consider(st_.ex_held[static_cast<std::size_t>(e)]);
        }
        std::stable_sort(victims.begin(), victims.end(), [&](int x, int y) {
            return st_.weight[static_cast<std::size_t>(x)] <
                   st_.weight[static_cast<std::size_t>(y)];
        });
        const long before = st_.total;
        for (int v : victims) {
            const std::size_t mark = st_.journal.size();
            const int freed = st_.slot_of[static_cast<std::size_t>(v)];
            st_.remove(v);
            // r goes where the victim was (that is what removing it freed), moving what else
            // blocks it there.
            const int depth = chain_depth_;
            chain_depth_ = 0;  // plain moves here: this runs for every victim
            bool placed = st_.can_place(r, freed) || place_with_moves(r, freed);
            chain_depth_ = depth;
            if (!placed && thorough_) {
                placed = insert(r);  // anywhere, by every move
            }
            if (placed) {
                if (st_.slot_of[ru] < 0) {
                    st_.place(r, freed);
                }
                if (!insert(v) && st_.total <= before) {
                    // An equal trade pays only if the victim's freed attendees now fit
                    // other open requests.
                    const auto vu = static_cast<std::size_t>(v);
                    // A few of the freed attendee's heaviest open requests (a popular
                    // attendee has hundreds).
                    for (int seat_id : {st_.sa[vu], st_.sb[vu]}) {
                        if (seat_id == st_.sa[ru] || seat_id == st_.sb[ru]) {
                            continue;
                        }
                        int tries = 0;
                        for (int q : of_seat_[static_cast<std::size_t>(seat_id)]) {
                            if (q != v && st_.slot_of[static_cast<std::size_t>(q)] < 0) {
                                if (insert(q) || (++tries == 4 && !thorough_)) {
                                    break;
                                }
                            }
                        }
                    }
                }
                if (st_.total > before) {
                    return true;
                }
            }
            st_.rollback(mark);
        }
        return false;
    }

    // An attendee busy in every slot it can attend, in heavier meetings wherever r could
    // meet: nothing but evicting one of those could make room, and that never pays.
    bool hopeless(int r) const {
        const auto ru = static_cast<std::size_t>(r);
        for (int seat_id : {st_.sa[ru], st_.sb[ru]}) {
            long lightest = -1;
            bool full = true;
            // Full: busy in every slot it can attend (a free one elsewhere could take a
            // meeting moved out of r's way).
            for (int t = 0; t < st_.S && full; ++t) {
                if (st_.avail[st_.idx(seat_id, t)] == 0) {
                    continue;
                }
                const int m = st_.occ[st_.idx(seat_id, t)];
                if (m < 0) {
                    full = false;
                } else if (st_.feasible(r, t) && st_.locked[static_cast<std::size_t>(m)] == 0) {
                    const long w = st_.weight[static_cast<std::size_t>(m)];
                    lightest = lightest < 0 ? w : std::min(lightest, w);
                }
            }
            if (full && (lightest < 0 || lightest > st_.weight[ru])) {
                return true;
            }
        }
        return false;
    }

    int zero_count() const {
        int z = 0;
        for (std::size_t p = 0; p < requested_.size(); ++p) {
            z +=
                requested_[p] && st_.seat_count[static_cast<std::size_t>(st_.seat[p])] == 0 ? 1 : 0;
        }
        return z;
    }

    std::vector<bool> requested_;
    // Ejection-chain depth of moves: 0 (plain moves) measured best for time and weight
    // (bench/: within 0.13% of the MILP optimum at 300 x 1,500 in 0.2 s); 1 is 4x slower.
    int chain_depth_ = 0;
    bool thorough_ = false;
    std::vector<std::uint64_t> failed_;  // request -> cache key of its last failed repair

    // 0 is never a stamp: a request that never failed has none.
    std::uint64_t stamp(int r) const {
        const auto ru = static_cast<std::size_t>(r);
        return ((st_.seat_hash[static_cast<std::size_t>(st_.sa[ru])] * 3) ^
                st_.seat_hash[static_cast<std::size_t>(st_.sb[ru])]) |
               1ULL;
    }

    void repair() {
        failed_.resize(st_.slot_of.size(), 0);
        for (int r : order_by_priority()) {
            const auto ru = static_cast<std::size_t>(r);
            if (st_.slot_of[ru] >= 0) {
                continue;
            }
            // Attempts that failed while neither attendee's meetings changed fail again.
            if (failed_[ru] == stamp(r)) {
                continue;
            }
            if (hopeless(r)) {
                failed_[ru] = stamp(r);
                continue;
            }
            if (insert(r) || evict_for(r, false) || evict_one(r)) {
                continue;
            }
            failed_[ru] = stamp(r);
        }
        st_.journal.clear();
    }

    // Attendees with requests but no meeting: place one of theirs, moving or evicting others
    // where the weighted total does not fall.
    void cover() {
        const auto np = st_.event.participants.size();
        requested_.assign(np, false);
        std::vector<std::vector<int>> of(np);
        for (std::size_t r = 0; r < st_.event.requests.size(); ++r) {
            const auto& q = st_.event.requests[r];
            requested_[static_cast<std::size_t>(q.a)] = true;
            requested_[static_cast<std::size_t>(q.b)] = true;
            of[static_cast<std::size_t>(q.a)].push_back(static_cast<int>(r));
            of[static_cast<std::size_t>(q.b)].push_back(static_cast<int>(r));
        }
        for (std::size_t p = 0; p < np; ++p) {
            if (!requested_[p] || st_.seat_count[static_cast<std::size_t>(st_.seat[p])] > 0) {
                continue;
            }
            auto mine = of[p];
            std::stable_sort(mine.begin(), mine.end(), [&](int x, int y) {
                return st_.weight[static_cast<std::size_t>(x)] >
                       st_.weight[static_cast<std::size_t>(y)];
            });
            for (int r : mine) {
                if (st_.slot_of[static_cast<std::size_t>(r)] < 0 &&
                    (insert(r) || evict_for(r, true))) {
                    break;
                }
            }
        }
        st_.journal.clear();
    }

    // Swaps two meetings between slots: a meeting moves into an attendee's gap at slot v, and
    // what stood in its way there (the partner's meeting in v, or in a full slot any meeting)
    // takes its old slot, if together the attendees involved are left fewer idle gaps.
    void compact_swaps() {
        for (int pass = 0; pass < 4; ++pass) {
            bool improved = false;
            for (std::size_t r = 0; r < st_.slot_of.size(); ++r) {
                const int u = st_.slot_of[r];
                if (u < 0 || st_.locked[r] != 0) {
                    continue;
                }
                const int a = st_.sa[r];
                const int b = st_.sb[r];
                if (st_.gaps(a) + st_.gaps(b) == 0) {
                    continue;
                }
                const int mine = static_cast<int>(r);
                bool done = false;
                for (int v = 0; v < st_.S && !done; ++v) {
                    if (v == u || !st_.feasible(mine, v) ||
                        !(inside_gap(a, v) || inside_gap(b, v))) {
                        continue;
                    }
                    const int ma = st_.occ[st_.idx(a, v)];
                    const int mb = st_.occ[st_.idx(b, v)];
                    std::vector<int> candidates;
                    if (ma >= 0 && mb >= 0) {
                        continue;  // both busy there: one swap cannot free them
                    }
                    if (ma >= 0 || mb >= 0) {
                        candidates.push_back(ma >= 0 ? ma : mb);
                    } else if (st_.load[static_cast<std::size_t>(v)] >= st_.T) {
                        const auto here = first_of(st_.at_slot[static_cast<std::size_t>(v)]);
                        candidates.assign(here.begin(), here.end());
                    }
                    for (int other : candidates) {
                        if (try_swap(mine, other)) {
                            improved = true;
                            done = true;
                            break;
                        }
                    }
                }
            }
            st_.journal.clear();
            if (!improved) {
                break;
            }
        }
    }

    // Exchanges the slots of two meetings when both fit and the attendees' gaps fall.
    bool try_swap(int x, int y) {
        const auto xu = static_cast<std::size_t>(x);
        const auto yu = static_cast<std::size_t>(y);
        if (st_.locked[yu] != 0) {
            return false;
        }
        const int u = st_.slot_of[xu];
        const int v = st_.slot_of[yu];
        std::vector<int> seats = {st_.sa[xu], st_.sb[xu], st_.sa[yu], st_.sb[yu]};
        std::sort(seats.begin(), seats.end());
        seats.erase(std::unique(seats.begin(), seats.end()), seats.end());
        int before = 0;
        for (int s : seats) {
            before += st_.gaps(s);
        }
        const std::size_t mark = st_.journal.size();
        st_.remove(x);
        st_.remove(y);
        if (!st_.can_place(x, v)) {
            st_.rollback(mark);
            return false;
        }
        st_.place(x, v);
        if (!st_.can_place(y, u)) {
            st_.rollback(mark);
            return false;
        }
        st_.place(y, u);
        int after = 0;
        for (int s : seats) {
            after += st_.gaps(s);
        }
        if (after < before) {
            return true;
        }
        st_.rollback(mark);
        return false;
    }

    // Slot t lies strictly between the seat's first and last meeting.
    bool inside_gap(int seat_id, int t) const {
        bool before = false;
        bool after = false;
        for (int x = 0; x < st_.S; ++x) {
            if (st_.occ[st_.idx(seat_id, x)] >= 0) {
                before = before || x < t;
                after = after || x > t;
            }
        }
        return before && after;
    }

    // Moves meetings to slots that leave their attendees fewer idle gaps.
    void compact() {
        for (int pass = 0; pass < 8; ++pass) {
            bool improved = false;
            for (std::size_t r = 0; r < st_.slot_of.size(); ++r) {
                const int from = st_.slot_of[r];
                if (from < 0 || st_.locked[r] != 0) {
                    continue;
                }
                const int a = st_.sa[r];
                const int b = st_.sb[r];
                const int before = st_.gaps(a) + st_.gaps(b);
                if (before == 0) {
                    continue;
                }
                const std::size_t mark = st_.journal.size();
                st_.remove(static_cast<int>(r));
                int best = from;
                int best_gaps = before;
                for (int t = 0; t < st_.S; ++t) {
                    if (t == from || !st_.can_place(static_cast<int>(r), t)) {
                        continue;
                    }
                    st_.place(static_cast<int>(r), t);
                    const int g = st_.gaps(a) + st_.gaps(b);
                    st_.remove(static_cast<int>(r));
                    if (g < best_gaps) {
                        best = t;
                        best_gaps = g;
                    }
                }
                st_.journal.resize(mark);
                st_.place(static_cast<int>(r), best);
                improved = improved || best != from;
            }
            st_.journal.clear();
            if (!improved) {
                break;
            }
        }
    }
};

}  // namespace

Schedule heuristic_schedule(const Event& event) {
    State st(event);
    Heuristic h(st);
    h.run();
    return st.schedule();
}

Schedule polish(const Event& event, const Schedule& schedule) {
    State st(event);
    Heuristic h(st);
    h.polish(schedule);
    return st.schedule();
}

Schedule State::schedule() const {
    Schedule s;
    for (std::size_t r = 0; r < slot_of.size(); ++r) {
        if (slot_of[r] >= 0) {
            s.meetings.push_back(Meeting{slot_of[r], 0, static_cast<int>(r)});
        }
    }
    return s;
}

}  // namespace tandem::schedule
