// The exact breaks model (docs/schedule.md, "Exact breaks"): the meetings of a schedule placed
// again, each in one slot both attendees can have, to minimise the breaks, solved by CBC.
//
// x[m][t] = 1 when meeting m is in slot t. For each seat s and slot t of its day (the slots it
// can attend) y[s][t] = sum of x over the seat's meetings in t, and
//   start[s][t] >= y[s][t] - y[s][previous slot of its day in the session]  (a block starts)
//   has[s][k]   <= sum of y[s][t] over session k, has <= 1                  (meets in k)
// so that breaks of s = sum start - sum has, minimised. start and has are continuous: at an
// integer x the minimum makes them 0/1.
#include <algorithm>
#include <cmath>
#include <map>

#include "tandem/schedule/scheduler.hpp"

#include "lp.hpp"
#include "state.hpp"

namespace tandem::schedule {

BreaksOutcome milp_breaks(const Event& event, const Schedule& held, double time_limit) {
    BreaksOutcome out;
    // No schedule has fewer than 0 breaks.
    if (summarise(event, held).breaks == 0) {
        out.feasible = true;
        out.optimal = true;
        out.schedule = held;
        return out;
    }
    const State st(event);
    Lp lp;
    const std::size_t nm = held.meetings.size();
    std::vector<int> members(static_cast<std::size_t>(st.seats), 0);
    for (int s : st.seat) {
        ++members[static_cast<std::size_t>(s)];
    }
    std::vector<int> locked_slot(event.requests.size(), -1);
    for (const auto& l : event.locked) {
        locked_slot[static_cast<std::size_t>(l.request)] = l.slot;
    }
    std::vector<std::pair<int, int>> sessions;
    for (const auto& s : event.sessions) {
        sessions.emplace_back(s.first, s.last);
    }
    if (sessions.empty()) {
        sessions.emplace_back(0, st.S - 1);
    }

    // Rows: each meeting once (= 1), tables per slot, seat per slot, the block-start rows, the
    // has-a-meeting rows, precedences.
    std::vector<int> once(nm);
    for (auto& r : once) {
        r = lp.add_row(1.0, 1.0);
    }
    std::vector<int> tables(static_cast<std::size_t>(st.S));
    for (auto& r : tables) {
        r = lp.add_row(static_cast<double>(st.T));
    }
    const auto cell = [&](int s, int t) { return st.idx(s, t); };
    std::vector<int> seat_row(static_cast<std::size_t>(st.seats * st.S), -1);
    std::vector<int> start_row(seat_row.size(), -1);  // start row of (s, t)
    std::vector<int> next_row(seat_row.size(), -1);   // the start row where t is "previous"
    // (A row has <= sum of start per session, which rules out negative breaks in the LP
    // relaxation, made CBC slower on the generated events: left out.)
    std::vector<std::vector<int>> has_row(static_cast<std::size_t>(st.seats));
    for (int s = 0; s < st.seats; ++s) {
        for (const auto& [first, last] : sessions) {
            int previous = -1;
            has_row[static_cast<std::size_t>(s)].push_back(lp.add_row(0.0));
            for (int t = first; t <= last; ++t) {
                if (st.avail[cell(s, t)] == 0) {
                    continue;
                }
                seat_row[cell(s, t)] = lp.add_row(1.0);
                // -start + y[t] - y[previous] <= 0
                start_row[cell(s, t)] = lp.add_row(0.0);
                if (previous >= 0) {
                    next_row[cell(s, previous)] = start_row[cell(s, t)];
                }
                previous = t;
            }
        }
    }
    std::vector<std::vector<int>> order_row(event.precedences.size());
    for (auto& rows : order_row) {
        for (int t = 0; t < st.S; ++t) {
            rows.push_back(lp.add_row(1.0));
        }
    }
    const auto session_index = [&](int t) {
        for (std::size_t k = 0; k < sessions.size(); ++k) {
            if (t >= sessions[k].first && t <= sessions[k].second) {
                return k;
            }
        }
        return std::size_t{0};
    };

    struct Var {
        int meeting;
        int slot;
    };
    std::vector<Var> vars;
    for (std::size_t m = 0; m < nm; ++m) {
        const int r = held.meetings[m].request;
        const auto ru = static_cast<std::size_t>(r);
        for (int t = 0; t < st.S; ++t) {
            if (!st.feasible(r, t) || (locked_slot[ru] >= 0 && locked_slot[ru] != t)) {
                continue;
            }
            std::vector<std::pair<int, double>> col = {{once[m], 1.0},
                                                       {tables[static_cast<std::size_t>(t)], 1.0}};
            for (int s : {st.sa[ru], st.sb[ru]}) {
                col.emplace_back(seat_row[cell(s, t)], 1.0);
                col.emplace_back(start_row[cell(s, t)], 1.0);
                if (next_row[cell(s, t)] >= 0) {
                    col.emplace_back(next_row[cell(s, t)], -1.0);
                }
                col.emplace_back(has_row[static_cast<std::size_t>(s)][session_index(t)], -1.0);
            }
            for (std::size_t p = 0; p < event.precedences.size(); ++p) {
                const auto& pr = event.precedences[p];
                if (pr.before == r) {
                    col.emplace_back(order_row[p][static_cast<std::size_t>(t)], 1.0);
                }
                if (pr.after == r) {
                    for (int u = t; u < st.S; ++u) {
                        col.emplace_back(order_row[p][static_cast<std::size_t>(u)], 1.0);
                    }
                }
            }
            lp.columns.push_back(std::move(col));
            lp.col_lb.push_back(0.0);
            lp.col_ub.push_back(1.0);
            lp.objective.push_back(0.0);
            vars.push_back(Var{static_cast<int>(m), t});
        }
    }
    const std::size_t nx = vars.size();
    for (int s = 0; s < st.seats; ++s) {
        const double weight = members[static_cast<std::size_t>(s)];
        for (int t = 0; t < st.S; ++t) {
            if (start_row[cell(s, t)] >= 0) {
                lp.columns.push_back({{start_row[cell(s, t)], -1.0}});
                lp.col_lb.push_back(0.0);
                lp.col_ub.push_back(1.0);
                lp.objective.push_back(weight);
            }
        }
        for (int row : has_row[static_cast<std::size_t>(s)]) {
            lp.columns.push_back({{row, 1.0}});
            lp.col_lb.push_back(0.0);
            lp.col_ub.push_back(1.0);
            lp.objective.push_back(-weight);
        }
    }
    std::vector<int> idx;
    {
        std::map<std::pair<int, int>, int> var_of;
        for (std::size_t j = 0; j < nx; ++j) {
            var_of[{vars[j].meeting, vars[j].slot}] = static_cast<int>(j);
        }
        for (std::size_t m = 0; m < nm; ++m) {
            const auto it = var_of.find({static_cast<int>(m), held.meetings[m].slot});
            if (it != var_of.end()) {
                idx.push_back(it->second);
            }
        }
    }
    // Minimise; integer breaks: within 0.5 is optimal.
    CbcModel model = lp.solve_mip(1.0, nx, time_limit, 0.5, idx);
    if (!cbc_finished(model.get())) {
        out.failed = true;
        out.status = Cbc_status(model.get());
        return out;
    }
    const double* x = Cbc_getColSolution(model.get());
    out.optimal = Cbc_isProvenOptimal(model.get()) != 0;
    out.bound = std::max(0.0, Cbc_getBestPossibleObjValue(model.get()));
    if (x == nullptr || Cbc_isProvenInfeasible(model.get()) != 0) {
        return out;
    }
    out.feasible = true;
    for (std::size_t j = 0; j < nx; ++j) {
        if (x[j] > 0.5) {
            const auto& m = held.meetings[static_cast<std::size_t>(vars[j].meeting)];
            out.schedule.meetings.push_back(Meeting{vars[j].slot, 0, m.request});
        }
    }
    out.breaks = static_cast<long>(std::lround(Cbc_getObjValue(model.get())));
    // Integer breaks: a schedule within half a break of the bound is optimal (0 always is).
    out.optimal = out.optimal || static_cast<double>(out.breaks) < out.bound + 0.5;
    return out;
}

}  // namespace tandem::schedule
