#include <algorithm>

#include <fmt/format.h>

#include "tandem/core/error.hpp"
#include "tandem/schedule/scheduler.hpp"

namespace tandem::schedule {

Method parse_method(std::string_view name) {
    if (name == "auto") {
        return Method::kAuto;
    }
    if (name == "heuristic") {
        return Method::kHeuristic;
    }
    if (name == "milp") {
        return Method::kMilp;
    }
    fail(ErrorCode::kUsage, "method '{}': expected auto, heuristic or milp", name);
}

Objective parse_objective(std::string_view name) {
    if (name == "full") {
        return Objective::kFull;
    }
    if (name == "breaks") {
        return Objective::kBreaks;
    }
    if (name == "weight") {
        return Objective::kWeight;
    }
    fail(ErrorCode::kUsage, "objective '{}': expected full, breaks or weight", name);
}

std::vector<std::string> summary_lines(const Event& ev, const Result& r, const SummaryText& text) {
    const Summary& s = r.summary;
    std::vector<std::string> out = {
        fmt::format("meetings held: {} of {} requested", s.held, ev.requests.size()),
        fmt::format("weighted total: {} (of {} requested)", s.weighted, s.requested_weight),
        fmt::format("idle gaps: {}", s.idle_gaps),
        fmt::format("breaks: {}", s.breaks),
        fmt::format("participants with an isolated meeting: {}", s.isolated),
        fmt::format("participants without a meeting: {} (of {} with requests)",
                    s.without_meetings,
                    s.with_requests)};
    if (text.with_bound && r.has_bound) {
        out.push_back(
            fmt::format("bound: {:.0f} ({}); gap {:.2f}%", r.bound, r.bound_kind, r.gap_percent()));
    }
    out.push_back(
        fmt::format("method: {}{}{}",
                    r.method,
                    r.optimal ? " (optimal)" : "",
                    text.seconds >= 0.0 ? fmt::format("; {:.2f} s", text.seconds) : std::string()));
    const auto unheld = unheld_requests(ev, r.schedule);
    constexpr std::size_t kListed = 20;
    for (std::size_t i = 0; i < std::min(unheld.size(), kListed); ++i) {
        const auto& q = ev.requests[static_cast<std::size_t>(unheld[i])];
        out.push_back(fmt::format("not held: {} - {} (priority {})",
                                  ev.participants[static_cast<std::size_t>(q.a)].id,
                                  ev.participants[static_cast<std::size_t>(q.b)].id,
                                  q.priority));
    }
    if (unheld.size() > kListed) {
        out.push_back(fmt::format("not held: {} more", unheld.size() - kListed));
    }
    for (const auto& n : ev.notes) {
        out.push_back("note: " + n);
    }
    for (const auto& n : r.notes) {
        out.push_back("note: " + n);
    }
    i18n::Translator(text.lang).list(out);
    return out;
}

}  // namespace tandem::schedule
