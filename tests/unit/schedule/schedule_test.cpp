// The meeting scheduler: the exchange format and its errors, the exact validator, König's
// theorem on bipartite events, the heuristic against the MILP optimum, locked meetings, re-runs
// and colleague rules. Every schedule produced here goes through validate().
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "tandem/core/error.hpp"
#include "tandem/schedule/event.hpp"
#include "tandem/schedule/generate.hpp"
#include "tandem/schedule/scheduler.hpp"

#include "unit/schedule/schedule_support.hpp"

namespace tandem::test {
namespace {

using namespace tandem::schedule;

const char* kSmall = R"({"slots": 3, "tables": 2,
  "participants": [{"id": "p1", "region": "CN-HL"}, {"id": "p2", "unavailable": [0]},
                   {"id": "p3"}, {"id": "p4"}],
  "requests": [{"a": "p1", "b": "p2", "priority": 3}, {"a": "p1", "b": "p3", "priority": 2},
               {"a": "p4", "b": "p2"}, {"a": "p4", "b": "p3", "priority": "want"},
               {"a": "p3", "b": "p1"}]})";

TEST(EventFormat, ReadsTheExchangeFormatAndMergesRepeats) {
    const Event ev = parse_event(kSmall, "small.json");
    EXPECT_EQ(ev.slots, 3);
    EXPECT_EQ(ev.tables, 2);
    ASSERT_EQ(ev.participants.size(), 4u);
    EXPECT_EQ(ev.participants[1].unavailable, std::vector<int>{0});
    ASSERT_EQ(ev.requests.size(), 4u);  // p3-p1 repeats p1-p3
    EXPECT_EQ(ev.requests[1].priority, 2);
    EXPECT_EQ(ev.requests[3].priority, 2);  // "want"
    ASSERT_EQ(ev.notes.size(), 1u);
    EXPECT_NE(ev.notes[0].find("requests[4] (p3 - p1) repeats requests[1]"), std::string::npos);
}

TEST(EventFormat, AcceptsNumericIdsAndWholeNumberPriorities) {
    const Event ev = parse_event(R"({"slots": 2, "tables": 1,
        "participants": [{"id": 17}, {"id": 18, "unavailable": [1.0]}],
        "requests": [{"a": 17, "b": "18", "priority": 2.0}]})",
                                 "export.json");
    EXPECT_EQ(ev.participants[0].id, "17");
    EXPECT_EQ(ev.requests[0].priority, 2);
    EXPECT_EQ(ev.participants[1].unavailable, std::vector<int>{1});
    EXPECT_NE(error_of(R"({"slots": 2, "tables": 1, "participants": [{"id": "a"}, {"id": "b"}],
        "requests": [{"a": "a", "b": "b", "priority": 1.5}]})")
                  .find("expected an integer, found 1.5"),
              std::string::npos);
}

TEST(EventFormat, BadInputNamesTheRecord) {
    EXPECT_NE(error_of(R"({"slots": 2, "tables": 1, "participants": [{"id": "p1"}],
        "requests": [{"a": "p1", "b": "p9"}]})")
                  .find("event.json: requests[0]: unknown participant \"p9\" in \"b\""),
              std::string::npos);
    EXPECT_NE(error_of(R"({"slots": 2, "tables": 1, "participants": [{"id": "p1"}],
        "requests": [{"a": "p1", "b": "p1"}]})")
                  .find("requests[0]: a request of \"p1\" with itself"),
              std::string::npos);
    EXPECT_NE(error_of(R"({"slots": 2, "tables": 1,
        "participants": [{"id": "p1", "unavailable": [2]}], "requests": []})")
                  .find("participants[0] (\"p1\") \"unavailable\": 2 is out of range (0 to 1)"),
              std::string::npos);
    EXPECT_NE(error_of(R"({"slots": 2, "tables": 1, "participants": [{"id": "p1"}, {"id": "p1"}],
        "requests": []})")
                  .find("participants[1] (\"p1\"): duplicate participant id"),
              std::string::npos);
    EXPECT_NE(error_of(R"({"slots": 2, "tables": 1, "participants": [{"id": "a"}, {"id": "b"}],
        "requests": [{"a": "a", "b": "b", "priority": 0}]})")
                  .find("requests[0] \"priority\": 0 is out of range"),
              std::string::npos);
    EXPECT_NE(error_of(R"({"tables": 1, "participants": [], "requests": []})")
                  .find("top level: missing \"slots\""),
              std::string::npos);
    EXPECT_NE(error_of("{\"slots\": 2,\n \"tables\": }").find("event.json:2:12: not valid JSON"),
              std::string::npos);
    // More locked meetings in a slot than tables.
    EXPECT_NE(error_of(R"({"slots": 2, "tables": 1,
        "participants": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}],
        "requests": [],
        "locked": [{"a": "a", "b": "b", "slot": 0}, {"a": "c", "b": "d", "slot": 0}]})")
                  .find("locked[1]: more locked meetings in slot 0 than the 1 tables"),
              std::string::npos);
    // Locked meetings that put one participant in two meetings at once.
    EXPECT_NE(
        error_of(R"({"slots": 2, "tables": 3,
        "participants": [{"id": "a"}, {"id": "b"}, {"id": "c"}], "requests": [],
        "locked": [{"a": "a", "b": "b", "slot": 1}, {"a": "a", "b": "c", "slot": 1}]})")
            .find("locked[1]: conflicts with the event or the locks before it: meeting a - c in "
                  "slot 1: a is already in meeting 0 (a - b) in that slot"),
        std::string::npos);
}

TEST(Validate, CatchesEveryKindOfViolation) {
    const Event ev = parse_event(kSmall, "small.json");
    auto problems = [&](std::vector<Meeting> ms) { return validate(ev, Schedule{ms}); };
    EXPECT_TRUE(problems({{1, 1, 0}, {1, 2, 3}}).empty());
    EXPECT_FALSE(problems({{0, 1, 0}}).empty());             // p2 unavailable in slot 0
    EXPECT_FALSE(problems({{1, 1, 0}, {1, 2, 1}}).empty());  // p1 twice in slot 1
    EXPECT_FALSE(problems({{1, 1, 0}, {2, 1, 0}}).empty());  // the pair twice
    EXPECT_FALSE(problems({{1, 1, 0}, {1, 1, 3}}).empty());  // one table, two meetings
    EXPECT_FALSE(problems({{1, 3, 0}}).empty());             // table out of range
    EXPECT_FALSE(problems({{3, 1, 0}}).empty());             // slot out of range
    EXPECT_FALSE(problems({{1, 0, 0}}).empty());             // no table
}

TEST(Scheduler, SmallEventIsOptimalAndValid) {
    const Event ev = parse_event(kSmall, "small.json");
    SolveOptions o;
    o.bound = true;
    const Result r = solve(ev, o);
    expect_valid(ev, r.schedule);
    EXPECT_EQ(r.summary.held, 4);
    EXPECT_EQ(r.summary.weighted, 8);
    EXPECT_TRUE(r.optimal);
    EXPECT_EQ(r.summary.without_meetings, 0);
    EXPECT_EQ(r.summary.idle_gaps, 0);
}

// König: a bipartite multigraph of maximum degree D has a proper edge colouring with D colours,
// so with D slots, no availability limits and enough tables every request is held.
TEST(Scheduler, KonigEveryBipartiteRequestIsScheduled) {
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        GenerateOptions g;
        g.participants = 80;
        g.requests = 400;
        g.slots = 10;
        g.tables = 40;
        g.bipartite = true;
        g.max_degree = 10;
        g.popularity = 1.2;
        g.seed = seed;
        const Event ev = generate_event(g);
        SolveOptions o;
        o.method = Method::kHeuristic;
        const Result r = solve(ev, o);
        expect_valid(ev, r.schedule);
        EXPECT_EQ(r.summary.held, static_cast<int>(ev.requests.size())) << "seed " << seed;
    }
}

// The heuristic within 1% of the MILP optimum on small over-subscribed events with
// unavailability.
TEST(Scheduler, HeuristicWithinOnePercentOfTheMilp) {
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        GenerateOptions g;
        g.participants = 40;
        g.requests = 160;
        g.slots = 6;
        g.tables = 10;
        g.unavailable = 0.1;
        g.bipartite = seed % 2 == 0;
        g.seed = seed;
        const Event ev = generate_event(g);
        const Schedule h = heuristic_schedule(ev);
        Schedule tabled = h;
        assign_tables(ev, tabled);
        expect_valid(ev, tabled);
        const auto exact = milp_schedule(ev, 60.0);
        ASSERT_TRUE(exact.optimal) << "seed " << seed;
        Schedule milp = exact.schedule;
        assign_tables(ev, milp);
        expect_valid(ev, milp);
        const auto heuristic_total = summarise(ev, h).weighted;
        EXPECT_GE(static_cast<double>(heuristic_total), 0.99 * exact.objective) << "seed " << seed;
        EXPECT_LE(static_cast<double>(heuristic_total), exact.objective + 1e-9);
        // The LP bound is a bound.
        EXPECT_GE(lp_bound(ev) + 1e-9, exact.objective);
    }
}

TEST(Scheduler, LockedMeetingsAndReRunsKeepTheirPlaces) {
    GenerateOptions g;
    g.participants = 30;
    g.requests = 90;
    g.slots = 6;
    g.tables = 6;
    g.seed = 3;
    Event ev = generate_event(g);
    ev.locked.push_back(Locked{0, 5, 2, 1});
    ev.locked.push_back(Locked{1, 5, 0, 2});
    if (ev.requests[0].a == ev.requests[1].a || ev.requests[0].a == ev.requests[1].b ||
        ev.requests[0].b == ev.requests[1].a || ev.requests[0].b == ev.requests[1].b) {
        ev.locked[1].slot = 4;
    }
    const Result r = solve(ev);
    expect_valid(ev, r.schedule);
    bool kept = false;
    for (const auto& m : r.schedule.meetings) {
        if (m.request == 0) {
            kept = m.slot == 5 && m.table == 2;
        }
    }
    EXPECT_TRUE(kept);
    // A re-run keeping the whole previous schedule changes none of its meetings or tables.
    const auto file = std::filesystem::temp_directory_path() / "tandem_previous_schedule.csv";
    std::ofstream(file) << schedule_csv(ev, r.schedule);
    Event again = generate_event(g);
    keep_schedule(again, file);
    const Result r2 = solve(again);
    expect_valid(again, r2.schedule);
    const std::string before = schedule_csv(ev, r.schedule);
    const std::string after = schedule_csv(again, r2.schedule);
    std::istringstream lines(before);
    std::string line;
    while (std::getline(lines, line)) {
        EXPECT_NE(after.find(line + "\n"), std::string::npos) << line;
    }
}

TEST(Scheduler, ColleagueRules) {
    const Event ev = parse_event(R"({"slots": 2, "tables": 4,
      "participants": [{"id": "a1"}, {"id": "a2"}, {"id": "b"}, {"id": "c"}, {"id": "d"}],
      "requests": [{"a": "a1", "b": "b", "priority": 2}, {"a": "a2", "b": "c"},
                   {"a": "a2", "b": "b"}, {"a": "d", "b": "c"}],
      "colleagues": [{"members": ["a1", "a2"], "rule": "together"}]})",
                                 "c.json");
    // a1 and a2 share a seat, so a2 - b is a1 - b: one meeting (priority 2), said in a note.
    ASSERT_EQ(ev.requests.size(), 3u);
    EXPECT_EQ(ev.requests[0].priority, 2);
    EXPECT_EQ(ev.requests[0].records, (std::vector<int>{1, 3}));
    ASSERT_EQ(ev.notes.size(), 1u);
    EXPECT_EQ(ev.notes[0],
              "requests[2] (a2 - b) is requests[0] (a1 - b) (they attend together): one "
              "meeting, priority 2");
    const Result r = solve(ev);
    expect_valid(ev, r.schedule);
    // a1 - b and a2 - c in the two slots, d - c in the slot a2 - c does not use: all held, and
    // the group meets b once.
    EXPECT_EQ(r.summary.held, 3);
    EXPECT_EQ(r.summary.weighted, 4);
    EXPECT_EQ(r.summary.without_meetings, 0);
    const Event one = parse_event(R"({"slots": 3, "tables": 4,
      "participants": [{"id": "a1"}, {"id": "a2"}, {"id": "b"}],
      "requests": [{"a": "a1", "b": "b"}, {"a": "a2", "b": "b", "priority": 3}],
      "colleagues": [{"members": ["a1", "a2"], "rule": "one"}]})",
                                  "one.json");
    const Result r1 = solve(one);
    expect_valid(one, r1.schedule);
    ASSERT_EQ(r1.summary.held, 1);
    EXPECT_EQ(r1.summary.weighted, 3);
    // The validator sees a broken "one" rule.
    EXPECT_FALSE(validate(one, Schedule{{{0, 1, 0}, {1, 1, 1}}}).empty());
}

TEST(Scheduler, NobodyWithoutAMeetingWhenItCostsNothing) {
    // p1 is popular; four equal requests but p1 can meet only twice (2 slots). Whoever is
    // left out of p1's meetings has another request: everyone meets someone.
    const Event ev = parse_event(R"({"slots": 2, "tables": 2,
      "participants": [{"id": "p1"}, {"id": "p2"}, {"id": "p3"}, {"id": "p4"}, {"id": "p5"}],
      "requests": [{"a": "p2", "b": "p1"}, {"a": "p3", "b": "p1"}, {"a": "p4", "b": "p1"},
                   {"a": "p4", "b": "p5"}]})",
                                 "cover.json");
    const Result r = solve(ev);
    expect_valid(ev, r.schedule);
    EXPECT_EQ(r.summary.held, 3);
    EXPECT_EQ(r.summary.without_meetings, 0);
}

TEST(Scheduler, CompactsIdleGaps) {
    // Three meetings of p1 in four slots with nothing else: no idle gap.
    const Event ev = parse_event(R"({"slots": 4, "tables": 1,
      "participants": [{"id": "p1"}, {"id": "p2", "unavailable": [0]}, {"id": "p3"},
                       {"id": "p4", "unavailable": [3]}],
      "requests": [{"a": "p1", "b": "p2"}, {"a": "p1", "b": "p3"}, {"a": "p1", "b": "p4"}]})",
                                 "gaps.json");
    const Result r = solve(ev);
    expect_valid(ev, r.schedule);
    EXPECT_EQ(r.summary.held, 3);
    EXPECT_EQ(r.summary.idle_gaps, 0);
}

}  // namespace
}  // namespace tandem::test
