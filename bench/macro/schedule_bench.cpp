// The meeting scheduler at the sizes: the heuristic's time, peak memory and weighted
// total, beside the MILP (CBC) optimum or bound on the same generated event. One JSON line per
// seed. --write-event writes the event as the exchange format, for timing the CLI end to end.
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>

#include <fmt/format.h>

#include "tandem/schedule/generate.hpp"
#include "tandem/schedule/scheduler.hpp"

#include <sys/resource.h>

namespace {

long peak_kb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace tandem::schedule;
    GenerateOptions g;
    int seeds = 1;
    double milp_limit = 0.0;  // 0: no MILP
    bool lp = false;
    std::string write;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&] { return std::string(i + 1 < argc ? argv[++i] : ""); };
        if (a == "--participants") {
            g.participants = std::stoi(next());
        } else if (a == "--requests") {
            g.requests = std::stoi(next());
        } else if (a == "--slots") {
            g.slots = std::stoi(next());
        } else if (a == "--tables") {
            g.tables = std::stoi(next());
        } else if (a == "--unavailable") {
            g.unavailable = std::stod(next());
        } else if (a == "--bipartite") {
            g.bipartite = true;
        } else if (a == "--seeds") {
            seeds = std::stoi(next());
        } else if (a == "--milp") {
            milp_limit = std::stod(next());
        } else if (a == "--lp") {
            lp = true;
        } else if (a == "--write-event") {
            write = next();
        } else {
            std::cerr << "usage: tandem_schedule_bench [--participants N] [--requests N] "
                         "[--slots N] [--tables N] [--unavailable P] [--bipartite] [--seeds N] "
                         "[--milp SECONDS] [--lp] [--write-event FILE]\n";
            return 2;
        }
    }
    for (int k = 0; k < seeds; ++k) {
        g.seed = static_cast<std::uint64_t>(k + 1);
        const Event ev = generate_event(g);
        if (!write.empty()) {
            std::ofstream(write) << event_json(ev);
            return 0;
        }
        const auto t0 = std::chrono::steady_clock::now();
        Schedule s = heuristic_schedule(ev);
        assign_tables(ev, s);
        const double heuristic_s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const long rss = peak_kb();
        const auto sum = summarise(ev, s);
        const auto problems = validate(ev, s);
        std::string line = fmt::format(
            "{{\"participants\": {}, \"requests\": {}, \"slots\": {}, \"tables\": {}, "
            "\"seed\": {}, \"heuristic_s\": {:.3f}, \"peak_kb\": {}, \"held\": {}, "
            "\"weighted\": {}, \"idle_gaps\": {}, \"without_meetings\": {}, \"valid\": {}",
            ev.participants.size(),
            ev.requests.size(),
            ev.slots,
            ev.tables,
            g.seed,
            heuristic_s,
            rss,
            sum.held,
            sum.weighted,
            sum.idle_gaps,
            sum.without_meetings,
            problems.empty() ? "true" : "false");
        if (milp_limit > 0.0) {
            const auto t1 = std::chrono::steady_clock::now();
            const auto exact = milp_schedule(ev, milp_limit);
            const double milp_s =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
            const double best = exact.optimal ? exact.objective : exact.bound;
            line += fmt::format(
                ", \"milp_s\": {:.2f}, \"milp_optimal\": {}, \"milp_objective\": {:.0f}, "
                "\"milp_bound\": {:.1f}, \"milp_held\": {}, \"gap_to_milp_pct\": {:.3f}",
                milp_s,
                exact.optimal ? "true" : "false",
                exact.objective,
                exact.bound,
                exact.schedule.meetings.size(),
                100.0 * (best - static_cast<double>(sum.weighted)) / best);
        }
        if (lp) {
            const auto t2 = std::chrono::steady_clock::now();
            const double bound = lp_bound(ev);
            line += fmt::format(
                ", \"lp_bound\": {:.0f}, \"lp_s\": {:.2f}, \"gap_to_lp_pct\": {:.3f}",
                bound,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t2).count(),
                100.0 * (bound - static_cast<double>(sum.weighted)) / bound);
        }
        std::cout << line << "}\n" << std::flush;
    }
    return 0;
}
