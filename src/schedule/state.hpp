// The scheduler's working state: who sits where in which slot, with a journal of changes so a
// failed repair attempt rolls back exactly. Private to src/schedule.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "tandem/schedule/event.hpp"

namespace tandem::schedule {

struct State {
    explicit State(const Event& event);

    const Event& event;
    int S = 0;
    int T = 0;
    int seats = 0;                        // attendees: a "together" group is one seat
    std::vector<int> seat;                // participant -> seat
    std::vector<char> avail;              // seat x slot
    std::vector<char> ok;                 // request x slot: both can attend
    std::vector<int> occ;                 // seat x slot -> request held there, or -1
    std::vector<int> slot_of;             // request -> slot, or -1
    std::vector<char> locked;             // request
    std::vector<long> weight;             // request
    std::vector<int> sa;                  // request -> seat of a
    std::vector<int> sb;                  // request -> seat of b
    std::vector<std::vector<int>> ex_of;  // request -> "one" sets it belongs to
    std::vector<int> ex_held;             // set -> the request holding it, or -1
    // request -> (other request, true when this one comes first) of its precedences
    std::vector<std::vector<std::pair<int, bool>>> precedes;
    std::vector<int> load;                  // slot -> meetings
    std::vector<std::vector<int>> at_slot;  // slot -> requests held there
    std::vector<int> pos_in_slot;           // request -> position in at_slot
    std::vector<int> seat_count;            // seat -> meetings
    // seat -> XOR of a hash of each (meeting, slot) it holds: equal again after a rollback,
    // so it keys repair's cache of failed attempts.
    std::vector<std::uint64_t> seat_hash;
    long total = 0;
    int held = 0;

    struct Change {
        int request;
        int from;
        int to;
    };
    std::vector<Change> journal;

    std::size_t idx(int s, int t) const {
        return static_cast<std::size_t>(s) * static_cast<std::size_t>(S) +
               static_cast<std::size_t>(t);
    }
    bool feasible(int r, int t) const {  // both can attend slot t
        return ok[static_cast<std::size_t>(r) * static_cast<std::size_t>(S) +
                  static_cast<std::size_t>(t)] != 0;
    }
    bool ex_free(int r) const;  // no colleague already meets the partner
    bool can_place(int r, int t) const;
    bool in_order(int r, int t) const;  // r in slot t keeps its precedences
    void place(int r, int t);
    void remove(int r);
    void rollback(std::size_t mark);
    int gaps(int seat) const;
    int gap_delta_add(int seat, int t) const;
    Schedule schedule() const;

private:
    int seat_root(int p);
};

}  // namespace tandem::schedule
