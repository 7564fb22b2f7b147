// The exact path (the time-indexed MILP solved by CBC), the LP bound for large events, table
// numbering, and solve(), which puts the paths together.
#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "tandem/core/error.hpp"
#include "tandem/schedule/scheduler.hpp"

#include "lp.hpp"
#include "state.hpp"

namespace tandem::schedule {

long milp_variables(const Event& event) {
    const State st(event);
    long n = 0;
    for (std::size_t r = 0; r < event.requests.size(); ++r) {
        for (int t = 0; t < st.S; ++t) {
            n += st.feasible(static_cast<int>(r), t) ? 1 : 0;
        }
    }
    return n;
}

MilpOutcome milp_schedule(const Event& event, double time_limit, const Schedule* start) {
    const State st(event);
    const auto nr = event.requests.size();
    Lp lp;
    std::vector<int> locked_slot(nr, -1);
    for (const auto& l : event.locked) {
        locked_slot[static_cast<std::size_t>(l.request)] = l.slot;
    }
    // Rows: per request, per (seat, slot), per slot, per "one" set.
    std::vector<int> request_row(nr);
    for (std::size_t r = 0; r < nr; ++r) {
        request_row[r] = lp.add_row(1.0);
    }
    std::map<std::size_t, int> seat_row;  // seat x slot index -> row
    std::vector<int> slot_row(static_cast<std::size_t>(st.S));
    for (int t = 0; t < st.S; ++t) {
        slot_row[static_cast<std::size_t>(t)] = lp.add_row(static_cast<double>(st.T));
    }
    std::map<int, int> set_row;
    // Precedence p, slot t: x[first][t] + sum over t' <= t of x[then][t'] <= 1.
    std::vector<std::vector<int>> order_row(event.precedences.size());
    std::vector<std::vector<std::size_t>> orders_of(nr);  // request -> its precedences
    for (std::size_t p = 0; p < event.precedences.size(); ++p) {
        for (int t = 0; t < st.S; ++t) {
            order_row[p].push_back(lp.add_row(1.0));
        }
        orders_of[static_cast<std::size_t>(event.precedences[p].before)].push_back(p);
        orders_of[static_cast<std::size_t>(event.precedences[p].after)].push_back(p);
    }
    struct Var {
        int request;
        int slot;
    };
    std::vector<Var> vars;
    for (std::size_t r = 0; r < nr; ++r) {
        for (int t = 0; t < st.S; ++t) {
            if (!st.feasible(static_cast<int>(r), t)) {
                continue;
            }
            std::vector<std::pair<int, double>> col = {
                {request_row[r], 1.0}, {slot_row[static_cast<std::size_t>(t)], 1.0}};
            for (int s : {st.sa[r], st.sb[r]}) {
                const auto key = st.idx(s, t);
                auto it = seat_row.find(key);
                if (it == seat_row.end()) {
                    it = seat_row.emplace(key, lp.add_row(1.0)).first;
                }
                col.emplace_back(it->second, 1.0);
            }
            for (int e : st.ex_of[r]) {
                auto it = set_row.find(e);
                if (it == set_row.end()) {
                    it = set_row.emplace(e, lp.add_row(1.0)).first;
                }
                col.emplace_back(it->second, 1.0);
            }
            for (std::size_t p : orders_of[r]) {
                const auto& pr = event.precedences[p];
                if (pr.before == static_cast<int>(r)) {
                    col.emplace_back(order_row[p][static_cast<std::size_t>(t)], 1.0);
                }
                if (pr.after == static_cast<int>(r)) {
                    for (int u = t; u < st.S; ++u) {
                        col.emplace_back(order_row[p][static_cast<std::size_t>(u)], 1.0);
                    }
                }
            }
            const bool fixed = locked_slot[r] == t;
            const bool barred = locked_slot[r] >= 0 && locked_slot[r] != t;
            lp.columns.push_back(std::move(col));
            lp.col_lb.push_back(fixed ? 1.0 : 0.0);
            lp.col_ub.push_back(barred ? 0.0 : 1.0);
            lp.objective.push_back(static_cast<double>(st.weight[r]));
            vars.push_back(Var{static_cast<int>(r), t});
        }
    }
    MilpOutcome out;
    if (vars.empty()) {
        out.feasible = true;
        out.optimal = true;
        return out;
    }
    std::vector<int> start_idx;
    if (start != nullptr) {
        std::map<std::pair<int, int>, int> var_of;
        for (std::size_t j = 0; j < vars.size(); ++j) {
            var_of[{vars[j].request, vars[j].slot}] = static_cast<int>(j);
        }
        for (const auto& mt : start->meetings) {
            const auto it = var_of.find({mt.request, mt.slot});
            if (it != var_of.end()) {
                start_idx.push_back(it->second);
            }
        }
    }
    // Integer weights: within 0.5 is optimal.
    CbcModel m = lp.solve_mip(-1.0, vars.size(), time_limit, 0.5, start_idx);
    if (!cbc_finished(m.get())) {
        out.failed = true;
        out.status = Cbc_status(m.get());
        return out;
    }
    const double* x = Cbc_getColSolution(m.get());
    out.optimal = Cbc_isProvenOptimal(m.get()) != 0;
    out.bound = Cbc_getBestPossibleObjValue(m.get());
    if (x != nullptr && Cbc_isProvenInfeasible(m.get()) == 0) {
        out.feasible = true;
        for (std::size_t j = 0; j < vars.size(); ++j) {
            if (x[j] > 0.5) {
                out.schedule.meetings.push_back(Meeting{vars[j].slot, 0, vars[j].request});
                out.objective += lp.objective[j];
            }
        }
    }
    if (out.optimal) {
        out.bound = out.objective;
    }
    return out;
}

double lp_bound(const Event& event) {
    const State st(event);
    const auto nr = event.requests.size();
    Lp lp;
    std::vector<int> seat_row(static_cast<std::size_t>(st.seats), -1);
    const int total_row = lp.add_row(static_cast<double>(st.S) * st.T);
    std::map<int, int> set_row;
    std::vector<char> is_locked(nr, 0);
    for (const auto& l : event.locked) {
        is_locked[static_cast<std::size_t>(l.request)] = 1;
    }
    for (std::size_t r = 0; r < nr; ++r) {
        int common = 0;
        for (int t = 0; t < st.S; ++t) {
            common += st.feasible(static_cast<int>(r), t) ? 1 : 0;
        }
        if (common == 0) {
            continue;
        }
        std::vector<std::pair<int, double>> col = {{total_row, 1.0}};
        for (int s : {st.sa[r], st.sb[r]}) {
            int& row = seat_row[static_cast<std::size_t>(s)];
            if (row < 0) {
                int slots = 0;
                for (int t = 0; t < st.S; ++t) {
                    slots += st.avail[st.idx(s, t)] != 0 ? 1 : 0;
                }
                row = lp.add_row(static_cast<double>(slots));
            }
            col.emplace_back(row, 1.0);
        }
        for (int e : st.ex_of[r]) {
            auto it = set_row.find(e);
            if (it == set_row.end()) {
                it = set_row.emplace(e, lp.add_row(1.0)).first;
            }
            col.emplace_back(it->second, 1.0);
        }
        lp.columns.push_back(std::move(col));
        lp.col_lb.push_back(is_locked[r] != 0 ? 1.0 : 0.0);
        lp.col_ub.push_back(1.0);
        lp.objective.push_back(static_cast<double>(st.weight[r]));
    }
    if (lp.columns.empty()) {
        return 0.0;
    }
    // Integer weights: the integer part of the LP optimum (with a guard for round-off).
    return std::floor(lp.solve_lp() + 1e-6);
}

void assign_tables(const Event& event, Schedule& schedule) {
    const auto np = event.participants.size();
    std::vector<int> locked_table(event.requests.size(), 0);
    for (const auto& l : event.locked) {
        locked_table[static_cast<std::size_t>(l.request)] = l.table;
    }
    std::vector<std::vector<std::size_t>> by_slot(static_cast<std::size_t>(event.slots));
    for (std::size_t i = 0; i < schedule.meetings.size(); ++i) {
        by_slot[static_cast<std::size_t>(schedule.meetings[i].slot)].push_back(i);
    }
    std::vector<int> last_table(np, 0);  // table of a participant's latest meeting
    for (int t = 0; t < event.slots; ++t) {
        auto& here = by_slot[static_cast<std::size_t>(t)];
        std::vector<char> taken(static_cast<std::size_t>(event.tables) + 1, 0);
        for (auto i : here) {
            auto& m = schedule.meetings[i];
            m.table = locked_table[static_cast<std::size_t>(m.request)];
            if (m.table > 0) {
                taken[static_cast<std::size_t>(m.table)] = 1;
            }
        }
        // Stay seated: the table one of the two had last, when it is free.
        for (auto i : here) {
            auto& m = schedule.meetings[i];
            if (m.table > 0) {
                continue;
            }
            const auto& r = event.requests[static_cast<std::size_t>(m.request)];
            for (int p : {r.a, r.b}) {
                const int k = last_table[static_cast<std::size_t>(p)];
                if (m.table == 0 && k > 0 && taken[static_cast<std::size_t>(k)] == 0) {
                    m.table = k;
                    taken[static_cast<std::size_t>(k)] = 1;
                }
            }
        }
        int next = 1;
        for (auto i : here) {
            auto& m = schedule.meetings[i];
            if (m.table > 0) {
                continue;
            }
            while (taken[static_cast<std::size_t>(next)] != 0) {
                ++next;
            }
            m.table = next;
            taken[static_cast<std::size_t>(next)] = 1;
        }
        for (auto i : here) {
            const auto& m = schedule.meetings[i];
            const auto& r = event.requests[static_cast<std::size_t>(m.request)];
            last_table[static_cast<std::size_t>(r.a)] = m.table;
            last_table[static_cast<std::size_t>(r.b)] = m.table;
        }
    }
}

Result solve(const Event& event, const SolveOptions& options, const ProgressFn& progress) {
    Result res;
    report(progress, "heuristic", 0, 1);
    res.schedule = heuristic_schedule(event);
    res.method = "heuristic";
    long variables = -1;
    const auto first = summarise(event, res.schedule);
    // Every request held: nothing can weigh more, no MILP needed to confirm it.
    const bool all_held = first.weighted == first.requested_weight;
    const bool automatic = options.method == Method::kAuto;
    const bool milp = options.method == Method::kMilp ||
                      (automatic && !all_held &&
                       (variables = milp_variables(event)) <= options.auto_milp_variables);
    if (automatic && all_held) {
        res.optimal = true;
        res.has_bound = true;
        res.bound = static_cast<double>(first.requested_weight);
        res.bound_kind = "every request held";
    }
    if (milp) {
        report(progress, "MILP (CBC)", 0, 1);
        // The automatic method boxes the confirmation in time; --method milp runs to the limit.
        const double limit = automatic ? std::min(options.time_limit, options.auto_milp_seconds)
                                       : options.time_limit;
        const auto exact = milp_schedule(event, limit, &res.schedule);
        const auto heuristic_total = summarise(event, res.schedule).weighted;
        if (exact.failed) {
            res.notes.push_back(
                fmt::format("the MILP failed (CBC status {}): the heuristic's "
                            "schedule, its optimality not proven",
                            exact.status));
        } else if (exact.feasible && exact.objective > static_cast<double>(heuristic_total) + 0.5) {
            res.schedule = exact.schedule;
            res.method = "MILP (CBC)";
        } else {
            // Confirmed only when the MILP proved it; otherwise the MILP found nothing better.
            res.method = exact.optimal ? "heuristic, confirmed by the MILP"
                                       : "heuristic, not improved by the MILP";
        }
        // The MILP weighs meetings only: tidy its schedule's coverage and gaps with the
        // heuristic's moves, which never lower the weighted total.
        res.optimal = exact.optimal;
        res.has_bound = !exact.failed;
        res.bound = std::floor(exact.bound + 1e-6);
        res.bound_kind = exact.optimal ? "MILP optimum" : "MILP bound (time limit)";
        if (!exact.optimal && !exact.failed) {
            res.notes.push_back(
                automatic ? fmt::format("the MILP confirmation stopped at its {:g} s time box "
                                        "without proving optimality (--method milp runs it "
                                        "to --time-limit)",
                                        limit)
                          : fmt::format("the MILP stopped at the {:g} s time limit without "
                                        "proving optimality",
                                        limit));
        }
    } else if (options.bound && !(automatic && all_held)) {
        report(progress, "LP bound", 0, 1);
        res.has_bound = true;
        res.bound = lp_bound(event);
        res.bound_kind = "LP relaxation";
        if (variables > 0) {
            res.notes.push_back(
                fmt::format("{} request x slot variables: above the automatic MILP limit of {} "
                            "(the MILP method "
                            "can still be chosen explicitly)",
                            variables,
                            options.auto_milp_variables));
        }
    }
    if (res.method == "MILP (CBC)") {
        res.schedule = polish(event, res.schedule);
    }
    if (options.objective != Objective::kWeight) {
        report(progress, "fewer breaks", 0, 1);
        const double seconds =
            options.break_time_limit >= 0.0
                ? options.break_time_limit
                : std::clamp(0.0004 * static_cast<double>(res.schedule.meetings.size()), 0.3, 20.0);
        res.schedule =
            fewer_breaks(event, res.schedule, options.objective == Objective::kFull, seconds);
    }
    assign_tables(event, res.schedule);
    res.summary = summarise(event, res.schedule);
    if (res.has_bound && static_cast<double>(res.summary.weighted) >= res.bound - 0.5) {
        res.optimal = true;
    }
    return res;
}

}  // namespace tandem::schedule
