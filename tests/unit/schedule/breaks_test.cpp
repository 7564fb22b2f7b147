// Breaks, sessions, precedences and earliest/latest slots (docs/schedule.md): the exchange
// format and its errors, the definitions of breaks and isolated meetings on hand cases, the
// validator, and the schedulers keeping every new constraint while the break reduction lowers
// breaks without changing which meetings are held.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tandem/core/error.hpp"
#include "tandem/schedule/event.hpp"
#include "tandem/schedule/generate.hpp"
#include "tandem/schedule/scheduler.hpp"

#include "unit/schedule/schedule_support.hpp"

namespace tandem::test {
namespace {

using namespace tandem::schedule;

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A star: p0 meets p1..p4, one table, eight slots.
const char* kStar = R"({"slots": 8, "tables": 1,
  "participants": [{"id": "p0"}, {"id": "p1"}, {"id": "p2"}, {"id": "p3"}, {"id": "p4"}],
  "requests": [{"a": "p0", "b": "p1"}, {"a": "p0", "b": "p2"}, {"a": "p0", "b": "p3"},
               {"a": "p0", "b": "p4"}]})";

// Morning slots 0-3, afternoon 4-7; p1 arrives at slot 1, p4 leaves after slot 5.
const char* kDay = R"({"slots": 8, "tables": 2,
  "sessions": [{"name": "morning", "slots": 4}, {"name": "afternoon", "slots": 4}],
  "participants": [{"id": "p1", "earliest": 1}, {"id": "p2"}, {"id": "p3"},
                   {"id": "p4", "latest": 5}],
  "requests": [{"a": "p1", "b": "p2"}, {"a": "p1", "b": "p3", "session": "afternoon"},
               {"a": "p2", "b": "p4", "session": 0}, {"a": "p3", "b": "p4"}],
  "precedences": [{"first": ["p1", "p3"], "then": ["p2", "p1"]}]})";

TEST(EventFormat, ReadsSessionsPrecedencesAndPresence) {
    const Event ev = parse_event(kDay, "day.json");
    ASSERT_EQ(ev.sessions.size(), 2u);
    EXPECT_EQ(ev.sessions[1].name, "afternoon");
    EXPECT_EQ(ev.sessions[1].first, 4);
    EXPECT_EQ(ev.sessions[1].last, 7);
    EXPECT_EQ(ev.session_of(3), 0);
    EXPECT_EQ(ev.session_of(4), 1);
    EXPECT_EQ(ev.participants[0].earliest, 1);
    EXPECT_EQ(ev.participants[3].latest, 5);
    EXPECT_FALSE(ev.can_attend(0, 0));
    EXPECT_TRUE(ev.can_attend(0, 1));
    EXPECT_FALSE(ev.can_attend(3, 6));
    EXPECT_EQ(ev.requests[1].session, 1);
    EXPECT_EQ(ev.requests[2].session, 0);
    ASSERT_EQ(ev.precedences.size(), 1u);
    EXPECT_EQ(ev.precedences[0].before, 1);  // p1 - p3
    EXPECT_EQ(ev.precedences[0].after, 0);   // p1 - p2
    // The written event reads back the same.
    const Event back = parse_event(event_json(ev), "back.json");
    ASSERT_EQ(back.sessions.size(), 2u);
    EXPECT_EQ(back.sessions[0].last, 3);
    EXPECT_EQ(back.requests[1].session, 1);
    EXPECT_EQ(back.participants[0].earliest, 1);
    EXPECT_EQ(back.participants[3].latest, 5);
    ASSERT_EQ(back.precedences.size(), 1u);
    EXPECT_EQ(back.precedences[0].before, 1);
}

TEST(EventFormat, BadSessionsAndPrecedencesNameTheRecord) {
    const std::string people = R"("participants": [{"id": "a"}, {"id": "b"}, {"id": "c"},
        {"id": "d"}])";
    EXPECT_TRUE(has(error_of(R"({"slots": 8, "tables": 1, "sessions": [{"slots": 3},
        {"slots": 4}], )" + people +
                             R"(, "requests": []})"),
                    "event.json: sessions: the sessions hold 7 slots, the event 8"));
    EXPECT_TRUE(has(error_of(R"({"slots": 4, "tables": 1, "sessions": [{"slots": 3},
        {"slots": 4}], )" + people +
                             R"(, "requests": []})"),
                    "sessions[1]: the sessions hold more than the event's 4 slots"));
    EXPECT_TRUE(has(error_of(R"({"slots": 4, "tables": 1, "sessions": [{"name": "am", "slots": 2},
        {"name": "am", "slots": 2}], )" +
                             people + R"(, "requests": []})"),
                    "sessions[1]: duplicate session name \"am\""));
    EXPECT_TRUE(has(error_of(R"({"slots": 4, "tables": 1, "sessions": [{"name": "am", "slots": 4}],
        )" + people + R"(, "requests": [{"a": "a", "b": "b", "session": "pm"}]})"),
                    "requests[0]: unknown session \"pm\" (the event has am)"));
    EXPECT_TRUE(has(error_of(R"({"slots": 4, "tables": 1, )" + people +
                             R"(, "requests": [{"a": "a", "b": "b", "session": 0}]})"),
                    "requests[0]: \"session\" given, but the event has no \"sessions\""));
    EXPECT_TRUE(
        has(error_of(R"({"slots": 4, "tables": 1,
        "participants": [{"id": "a", "earliest": 3, "latest": 1}], "requests": []})"),
            "participants[0] (\"a\"): \"latest\" slot 1 is before the \"earliest\" slot 3"));
    const std::string two = R"(, "requests": [{"a": "a", "b": "b"}, {"a": "c", "b": "d"},
        {"a": "a", "b": "c"}], "precedences": )";
    EXPECT_TRUE(
        has(error_of(R"({"slots": 4, "tables": 1, )" + people + two +
                     R"([{"first": ["a", "b"], "then": ["c", "d"]}]})"),
            "precedences[0]: the two meetings share no participant (nor a \"together\" group)"));
    EXPECT_TRUE(has(error_of(R"({"slots": 4, "tables": 1, )" + people + two +
                             R"([{"first": ["a", "b"], "then": ["b", "d"]}]})"),
                    "precedences[0]: \"then\": b - d is not a requested meeting"));
    EXPECT_TRUE(has(error_of(R"({"slots": 4, "tables": 1, )" + people + two +
                             R"([{"first": ["a", "b"], "then": ["b", "a"]}]})"),
                    "precedences[0]: \"first\" and \"then\" are the same meeting"));
    EXPECT_TRUE(has(error_of(R"({"slots": 4, "tables": 1, )" + people + two +
                             R"([{"first": ["a"], "then": ["a", "c"]}]})"),
                    "precedences[0]: \"first\" should be a pair of participant ids"));
    // A locked meeting outside its request's session conflicts.
    EXPECT_TRUE(has(error_of(R"({"slots": 4, "tables": 1, "sessions": [{"name": "am", "slots": 2},
        {"name": "pm", "slots": 2}], )" +
                             people +
                             R"(, "requests": [{"a": "a", "b": "b", "session": "pm"}],
        "locked": [{"a": "a", "b": "b", "slot": 0}]})"),
                    "locked[0]: conflicts with the event or the locks before it: meeting a - b in "
                    "slot 0: outside its session \"pm\""));
}

// A "together" group is one attendee everywhere: a precedence may join two members' meetings,
// a member sitting in the group's meetings is not "without a meeting", and two members may
// not meet each other.
TEST(EventFormat, TogetherGroupsAreOneAttendee) {
    const std::string group = R"(, "colleagues": [{"members": ["a1", "a2"], "rule": "together"}]})";
    const Event ev = parse_event(R"({"slots": 3, "tables": 2,
      "participants": [{"id": "a1"}, {"id": "a2"}, {"id": "b"}, {"id": "c"}],
      "requests": [{"a": "a1", "b": "b"}, {"a": "a2", "b": "c"}],
      "precedences": [{"first": ["a2", "c"], "then": ["a1", "b"]}])" +
                                     group,
                                 "g.json");
    ASSERT_EQ(ev.precedences.size(), 1u);
    const Result r = solve(ev);
    expect_valid(ev, r.schedule);
    EXPECT_EQ(r.summary.held, 2);
    EXPECT_EQ(r.summary.without_meetings, 0);
    // Held by hand: a2 - c in slot 0, nothing for a1 by name: a1 still attends.
    const Summary by_hand = summarise(ev, Schedule{{{0, 1, 1}}});
    EXPECT_EQ(by_hand.without_meetings, 1);  // b only; a1 sits in a2 - c
    EXPECT_EQ(unheld_requests(ev, Schedule{{{0, 1, 1}}}), std::vector<int>{0});
    EXPECT_TRUE(has(error_of(R"({"slots": 3, "tables": 2,
      "participants": [{"id": "a1"}, {"id": "a2"}], "requests": [{"a": "a1", "b": "a2"}])" +
                             group),
                    "requests[0]: a1 and a2 attend together (a \"together\" colleague rule): "
                    "they cannot meet each other"));
}

// What no schedule can hold is said when the event is read: a participant who can attend no
// slot, a pair with no common slot, a cycle of precedences.
TEST(EventFormat, NotesWhatCannotBeHeld) {
    const Event ev = parse_event(R"({"slots": 4, "tables": 2,
      "participants": [{"id": "a"}, {"id": "b", "earliest": 2}, {"id": "c", "latest": 1},
                       {"id": "d", "unavailable": [0, 1, 2, 3]}],
      "requests": [{"a": "a", "b": "b"}, {"a": "a", "b": "c"}, {"a": "b", "b": "c"},
                   {"a": "a", "b": "d"}],
      "precedences": [{"first": ["a", "b"], "then": ["a", "c"]},
                      {"first": ["a", "c"], "then": ["a", "b"]}]})",
                                 "n.json");
    const std::vector<std::string> want = {
        "b - c: no slot both can attend; the meeting cannot be held",
        "d can attend no slot (availability, earliest and latest): none of their 1 requested "
        "meetings can be held",
        "the precedences go round in a cycle (a - b before a - c before a - b): not all of these "
        "meetings can be held"};
    EXPECT_EQ(ev.notes, want);
    const Result r = solve(ev);
    expect_valid(ev, r.schedule);
    EXPECT_EQ(r.summary.held, 1);  // a - b or a - c, not both
    // A chain of 20,000 precedences (one participant, 20,001 partners) closed into a cycle:
    // found without recursion, named by its ends.
    nlohmann::json chain = {{"slots", 4}, {"tables", 2}};
    chain["participants"] = nlohmann::json::array({{{"id", "hub"}}});
    chain["requests"] = nlohmann::json::array();
    chain["precedences"] = nlohmann::json::array();
    constexpr int kLength = 20000;
    for (int i = 0; i <= kLength; ++i) {
        const std::string id = "p" + std::to_string(i);
        chain["participants"].push_back({{"id", id}});
        chain["requests"].push_back({{"a", "hub"}, {"b", id}});
        if (i > 0) {
            chain["precedences"].push_back(
                {{"first", {"hub", "p" + std::to_string(i - 1)}}, {"then", {"hub", id}}});
        }
    }
    chain["precedences"].push_back(
        {{"first", {"hub", "p" + std::to_string(kLength)}}, {"then", {"hub", "p0"}}});
    const Event long_cycle = parse_event(chain.dump(), "chain.json");
    ASSERT_EQ(long_cycle.notes.size(), 1u);
    EXPECT_EQ(long_cycle.notes[0],
              "the precedences go round in a cycle (hub - p0 before hub - p1 before hub - p2 "
              "before hub - p3 before ... before hub - p20000 before hub - p0; 20001 meetings): "
              "not all of these meetings can be held");
    const auto unheld = unheld_requests(ev, r.schedule);
    EXPECT_EQ(unheld.size(), 3u);
}

// Breaks by hand: a break is each block of meetings after the first in a session, over the
// slots the participant can attend; an isolated meeting is a one-meeting block in a session
// that holds another block of theirs.
TEST(Breaks, DefinitionsByHand) {
    Event ev = parse_event(R"({"slots": 8, "tables": 4,
        "sessions": [{"name": "am", "slots": 4}, {"name": "pm", "slots": 4}],
        "participants": [{"id": "p", "unavailable": [6]}], "requests": []})",
                           "hand.json");
    // 0 1 _ 3 | _ _ _ _ : blocks {0, 1} and {3}: one break, {3} isolated.
    auto b = participant_blocks(ev, 0, {0, 1, 3});
    EXPECT_EQ(b.breaks, 1);
    EXPECT_TRUE(b.isolated);
    // _ _ _ 3 | 4 _ _ _ : the lunch pause is no break; one block in each session.
    b = participant_blocks(ev, 0, {3, 4});
    EXPECT_EQ(b.breaks, 0);
    EXPECT_FALSE(b.isolated);
    // | _ 5 x 7 : slot 6 is unavailable, so 5 and 7 are back to back in p's day.
    b = participant_blocks(ev, 0, {5, 7});
    EXPECT_EQ(b.breaks, 0);
    // docs/schedule.md's worked example: 0 _ 2 3 | _ 5 - 7 : one break (morning), {0} isolated.
    b = participant_blocks(ev, 0, {0, 2, 3, 5, 7});
    EXPECT_EQ(b.breaks, 1);
    EXPECT_TRUE(b.isolated);
    // 0 _ 2 _ | 4 _ _ 7 : one break in each session, every block a single meeting.
    b = participant_blocks(ev, 0, {0, 2, 4, 7});
    EXPECT_EQ(b.breaks, 2);
    EXPECT_TRUE(b.isolated);
    // 0 1 _ _ | _ _ _ _ plus 2 3 ... : one block, no break.
    b = participant_blocks(ev, 0, {0, 1, 2, 3});
    EXPECT_EQ(b.breaks, 0);
    EXPECT_FALSE(b.isolated);
    // Without sessions the whole day is one session: 3 and 4 are back to back, 7 is apart.
    ev.sessions.clear();
    b = participant_blocks(ev, 0, {3, 4, 7});
    EXPECT_EQ(b.breaks, 1);
    EXPECT_TRUE(b.isolated);
}

TEST(Breaks, SummaryCountsEveryParticipant) {
    // p1 meets p2 in 0 and p3 in 2 (break, both isolated), p2 meets p3 in 1: p2 0-1, p3 1-2.
    const Event ev = parse_event(R"({"slots": 3, "tables": 2,
        "participants": [{"id": "p1"}, {"id": "p2"}, {"id": "p3"}],
        "requests": [{"a": "p1", "b": "p2"}, {"a": "p1", "b": "p3"}, {"a": "p2", "b": "p3"}]})",
                                 "three.json");
    Schedule s;
    s.meetings = {{0, 1, 0}, {2, 1, 1}, {1, 1, 2}};
    const auto sum = summarise(ev, s);
    EXPECT_EQ(sum.breaks, 1);
    EXPECT_EQ(sum.isolated, 1);
    EXPECT_EQ(sum.idle_gaps, 1);
}

TEST(Validate, SessionsPresenceAndPrecedences) {
    const Event ev = parse_event(kDay, "day.json");
    Schedule s;
    // p1 - p2 in slot 0 (p1 arrives at 1), p1 - p3 in the morning (afternoon only), p2 - p4 in
    // slot 6 (morning only; p4 leaves after 5), and p1 - p3 (slot 2) not before p1 - p2 (0).
    s.meetings = {{0, 1, 0}, {2, 1, 1}, {6, 1, 2}};
    const auto problems = validate(ev, s);
    std::string all;
    for (const auto& p : problems) {
        all += p + "\n";
    }
    EXPECT_TRUE(has(all, "meeting p1 - p2 in slot 0: p1 arrives only at slot 1 (\"earliest\")"))
        << all;
    EXPECT_TRUE(has(all, "meeting p1 - p3 in slot 2: outside its session \"afternoon\"")) << all;
    EXPECT_TRUE(has(all, "meeting p2 - p4 in slot 6: p4 leaves after slot 5 (\"latest\")")) << all;
    EXPECT_TRUE(has(all, "meeting p2 - p4 in slot 6: outside its session \"morning\"")) << all;
    EXPECT_TRUE(has(all, "precedences[0]: p1 - p3 (slot 2) is not before p1 - p2 (slot 0)")) << all;
}

TEST(Scheduler, KeepsSessionsPresenceAndPrecedencesWithEveryMethod) {
    const Event ev = parse_event(kDay, "day.json");
    for (auto method : {Method::kHeuristic, Method::kMilp, Method::kAuto}) {
        for (auto objective : {Objective::kFull, Objective::kWeight}) {
            SolveOptions o;
            o.method = method;
            o.objective = objective;
            const auto r = solve(ev, o);
            expect_valid(ev, r.schedule);
            // Every request fits: p1 - p3 in the afternoon before p1 - p2 (so p1 - p2 in the
            // afternoon too), p2 - p4 in the morning, p3 - p4 by slot 5.
            EXPECT_EQ(r.summary.held, 4);
        }
    }
}

TEST(Scheduler, PrecedenceOrdersTheHeavierMeetingLater) {
    // Both fit in slot 0 or 1 only; the heavier p1 - p2 must follow p1 - p3.
    const Event ev = parse_event(R"({"slots": 2, "tables": 1,
        "participants": [{"id": "p1"}, {"id": "p2"}, {"id": "p3"}],
        "requests": [{"a": "p1", "b": "p2", "priority": 3}, {"a": "p1", "b": "p3"}],
        "precedences": [{"first": ["p1", "p3"], "then": ["p1", "p2"]}]})",
                                 "order.json");
    for (auto method : {Method::kHeuristic, Method::kMilp}) {
        SolveOptions o;
        o.method = method;
        const auto r = solve(ev, o);
        expect_valid(ev, r.schedule);
        ASSERT_EQ(r.summary.held, 2);
        for (const auto& m : r.schedule.meetings) {
            EXPECT_EQ(m.slot, m.request == 1 ? 0 : 1);
        }
    }
}

// A star: p0 meets p1..p4, one table, eight slots. Spread over slots 0, 2, 4, 6 it has three
// breaks; the reduction puts the four meetings back to back.
TEST(Breaks, ReductionClosesEveryAvoidableBreak) {
    const Event ev = parse_event(kStar, "star.json");
    Schedule spread;
    spread.meetings = {{0, 0, 0}, {2, 0, 1}, {4, 0, 2}, {6, 0, 3}};
    ASSERT_EQ(summarise(ev, spread).breaks, 3);
    ASSERT_EQ(summarise(ev, spread).isolated, 1);
    Schedule tight = fewer_breaks(ev, spread);
    assign_tables(ev, tight);
    expect_valid(ev, tight);
    const auto sum = summarise(ev, tight);
    EXPECT_EQ(sum.held, 4);
    EXPECT_EQ(sum.breaks, 0);
    EXPECT_EQ(sum.isolated, 0);
    EXPECT_EQ(sum.idle_gaps, 0);
}

TEST(Breaks, ReductionKeepsTheMeetingsHeldAndNeverAddsBreaks) {
    // A weight-first schedule with its slots interleaved (0, 2, 4, ... then 1, 3, 5, ...): still
    // valid (no unavailability, the same meetings per slot) and full of breaks to close.
    GenerateOptions g;
    g.participants = 50;
    g.requests = 200;
    g.slots = 12;
    g.tables = 10;
    g.unavailable = 0.0;
    for (std::uint64_t seed : {1u, 2u}) {
        g.seed = seed;
        const Event ev = generate_event(g);
        SolveOptions o;
        o.method = Method::kHeuristic;
        o.objective = Objective::kWeight;
        Schedule before = solve(ev, o).schedule;
        for (auto& m : before.meetings) {
            m.slot = m.slot < g.slots / 2 ? 2 * m.slot : 2 * (m.slot - g.slots / 2) + 1;
        }
        expect_valid(ev, before);
        Schedule after = fewer_breaks(ev, before);
        assign_tables(ev, after);
        expect_valid(ev, after);
        std::set<int> held_before;
        std::set<int> held_after;
        for (const auto& m : before.meetings) {
            held_before.insert(m.request);
        }
        for (const auto& m : after.meetings) {
            held_after.insert(m.request);
        }
        EXPECT_EQ(held_before, held_after);
        const auto b = summarise(ev, before);
        const auto a = summarise(ev, after);
        ASSERT_GT(b.breaks, 0) << seed;
        EXPECT_LT(a.breaks, b.breaks) << seed;
        EXPECT_EQ(a.weighted, b.weighted);
    }
}

TEST(Breaks, LocksStayAndSessionsSplitTheDay) {
    // p0 meets four partners; one meeting is locked in slot 2 of the morning (0-3), one must
    // be in the afternoon (4-7): p0 ends with no break (the lunch pause does not count).
    const Event ev = parse_event(R"({"slots": 8, "tables": 1,
        "sessions": [{"name": "am", "slots": 4}, {"name": "pm", "slots": 4}],
        "participants": [{"id": "p0"}, {"id": "p1"}, {"id": "p2"}, {"id": "p3"}, {"id": "p4"}],
        "requests": [{"a": "p0", "b": "p1"}, {"a": "p0", "b": "p2"}, {"a": "p0", "b": "p3"},
                     {"a": "p0", "b": "p4", "session": "pm"}],
        "locked": [{"a": "p0", "b": "p1", "slot": 2}]})",
                                 "locks.json");
    const auto r = solve(ev);
    expect_valid(ev, r.schedule);
    EXPECT_EQ(r.summary.held, 4);
    EXPECT_EQ(r.summary.breaks, 0);
    for (const auto& m : r.schedule.meetings) {
        if (m.request == 0) {
            EXPECT_EQ(m.slot, 2);
        }
        if (m.request == 3) {
            EXPECT_GE(m.slot, 4);
        }
    }
}

TEST(Breaks, ExactModelProvesTheFewestBreaks) {
    // The star of ReductionClosesEveryAvoidableBreak: 0 breaks, proven.
    const Event star = parse_event(kStar, "star.json");
    Schedule spread;
    spread.meetings = {{0, 0, 0}, {2, 0, 1}, {4, 0, 2}, {6, 0, 3}};
    auto exact = milp_breaks(star, spread, 30.0);
    ASSERT_TRUE(exact.feasible);
    EXPECT_TRUE(exact.optimal);
    EXPECT_EQ(exact.breaks, 0);
    ASSERT_EQ(exact.schedule.meetings.size(), 4u);
    assign_tables(star, exact.schedule);
    expect_valid(star, exact.schedule);
    EXPECT_EQ(summarise(star, exact.schedule).breaks, 0);
    // p1 can meet p2 only in slot 0 and p3 only in slot 2: one break is forced, and proven.
    const Event forced = parse_event(R"({"slots": 3, "tables": 2,
        "participants": [{"id": "p1"}, {"id": "p2", "unavailable": [1, 2]},
                         {"id": "p3", "unavailable": [0, 1]}],
        "requests": [{"a": "p1", "b": "p2"}, {"a": "p1", "b": "p3"}]})",
                                     "forced.json");
    Schedule both;
    both.meetings = {{0, 0, 0}, {2, 0, 1}};
    exact = milp_breaks(forced, both, 30.0);
    EXPECT_TRUE(exact.optimal);
    EXPECT_EQ(exact.breaks, 1);
    EXPECT_NEAR(exact.bound, 1.0, 1e-6);
}

// CBC 2.10 fails on this MIP start (status -1, "ClpModel::getColumnName, Illegal index"): the
// MILP is solved again without it, and the result is the proven optimum, not a time limit.
TEST(Scheduler, CbcFailureOnAStartIsSolvedAgain) {
    const Event ev = parse_event(R"({"slots": 5, "tables": 1,
        "participants": [{"id": "x"}, {"id": "y"}, {"id": "z"}],
        "requests": [{"a": "x", "b": "y"}, {"a": "x", "b": "z"}]})",
                                 "cbc.json");
    SolveOptions o;
    o.method = Method::kMilp;
    const auto r = solve(ev, o);
    expect_valid(ev, r.schedule);
    EXPECT_EQ(r.summary.held, 2);
    EXPECT_TRUE(r.optimal);
    EXPECT_EQ(r.bound_kind, "MILP optimum");
    EXPECT_TRUE(r.notes.empty());
}

TEST(Scheduler, SaturatedEventHoldsEveryRequest) {
    const Event ev = read_event(std::filesystem::path(TANDEM_TEST_DATA_DIR) / "schedule" /
                                "saturated_event.json");
    ASSERT_EQ(ev.requests.size(), 175u);
    SolveOptions o;
    o.method = Method::kHeuristic;
    const auto r = solve(ev, o);
    expect_valid(ev, r.schedule);
    EXPECT_EQ(r.summary.held, 175);
}

TEST(Generate, AllFitEventsHoldEveryRequest) {
    GenerateOptions g;
    g.participants = 40;
    g.requests = 120;
    g.slots = 10;
    g.tables = 12;
    g.unavailable = 0.05;
    g.sessions = 2;
    g.all_fit = true;
    const Event ev = generate_event(g);
    EXPECT_EQ(ev.requests.size(), 120u);
    ASSERT_EQ(ev.sessions.size(), 2u);
    EXPECT_EQ(ev.sessions[1].first, 5);
    EXPECT_EQ(ev.sessions[1].last, 9);
    const auto r = solve(ev);
    expect_valid(ev, r.schedule);
    EXPECT_EQ(r.summary.held, 120);
    EXPECT_EQ(r.bound_kind, "every request held");
}

// The generated events of tests/data/schedule/breaks (bench/macro/breaks_bench.cpp --write):
// every request fits, so the default path holds them all; its breaks are never below a proven
// optimum or CBC's bound (a lower figure would be a wrong count or a broken constraint), and
// the exact model proves event 12's optimum (2) again.
TEST(Breaks, GeneratedEventsWithKnownOptima) {
    const std::filesystem::path dir =
        std::filesystem::path(TANDEM_TEST_DATA_DIR) / "schedule" / "breaks";
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (e.path().extension() == ".json") {
            files.push_back(e.path());
        }
    }
    std::sort(files.begin(), files.end());
    ASSERT_GE(files.size(), 22u);
    int proven = 0;
    for (const auto& f : files) {
        std::ifstream in(f);
        const auto j = nlohmann::json::parse(in);
        const Event ev = read_event(f);
        const auto r = solve(ev);
        expect_valid(ev, r.schedule);
        EXPECT_EQ(r.summary.held, static_cast<int>(ev.requests.size())) << f;
        const long floor = j.contains("optimum_breaks") ? j["optimum_breaks"].get<long>()
                                                        : j["breaks_bound"].get<long>();
        EXPECT_GE(r.summary.breaks, floor) << f;
        if (j.contains("optimum_breaks")) {
            ++proven;
        }
    }
    EXPECT_GE(proven, 17);
    // Two proven optima above 0 proven again here: 2 (one session) and 1 (two sessions).
    for (const char* name : {"breaks_12.json", "breaks_16.json"}) {
        const auto file = dir / name;
        const auto j = nlohmann::json::parse(std::ifstream(file));
        ASSERT_TRUE(j.contains("optimum_breaks")) << name;
        const Event ev = read_event(file);
        const auto r = solve(ev);
        ASSERT_EQ(r.summary.held, static_cast<int>(ev.requests.size())) << name;
        const auto exact = milp_breaks(ev, r.schedule, 120.0);
        EXPECT_TRUE(exact.optimal) << name;
        EXPECT_EQ(exact.breaks, j["optimum_breaks"].get<long>()) << name;
    }
}

// The summary the front ends print, on tests/data/schedule/ka_idle_gap.json (its note gives
// the known answers): every line, in order.
TEST(Summary, LinesOfTheIdleGapEvent) {
    const Event ev =
        read_event(std::filesystem::path(TANDEM_TEST_DATA_DIR) / "schedule" / "ka_idle_gap.json");
    SolveOptions o;
    o.bound = true;
    const Result r = solve(ev, o);
    const auto lines = summary_lines(ev, r, {true, -1.0});
    const std::vector<std::string> want = {
        "meetings held: 2 of 3 requested",
        "weighted total: 5 (of 6 requested)",
        "idle gaps: 1",
        "breaks: 1",
        "participants with an isolated meeting: 1",
        "participants without a meeting: 1 (of 4 with requests)",
        "bound: 5 (MILP optimum); gap 0.00%",
        "method: heuristic, confirmed by the MILP (optimal)",
        "not held: p4 - p2 (priority 1)",
        "note: requests[3] (p2 - p1) repeats requests[0]: merged, priority 3"};
    EXPECT_EQ(lines, want);
    // Without --bound the bound is not shown; with seconds they follow the method.
    const auto plain = summary_lines(ev, r, {false, 0.25});
    EXPECT_EQ(plain[6], "method: heuristic, confirmed by the MILP (optimal); 0.25 s");
}

}  // namespace
}  // namespace tandem::test
