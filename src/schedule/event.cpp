#include "tandem/schedule/event.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "tandem/core/error.hpp"
#include "tandem/data/delimited.hpp"
#include "tandem/data/escape.hpp"
#include "tandem/data/json_input.hpp"

namespace tandem::schedule {

using nlohmann::json;

int Event::find(const std::string& id) const {
    for (std::size_t i = 0; i < participants.size(); ++i) {
        if (participants[i].id == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

int Event::session_of(int slot) const {
    for (std::size_t k = 0; k < sessions.size(); ++k) {
        if (slot >= sessions[k].first && slot <= sessions[k].last) {
            return static_cast<int>(k);
        }
    }
    return 0;
}

bool Event::can_attend(int participant, int slot) const {
    const auto& p = participants[static_cast<std::size_t>(participant)];
    const int latest = p.latest < 0 ? slots - 1 : p.latest;
    return slot >= p.earliest && slot <= latest &&
           !std::binary_search(p.unavailable.begin(), p.unavailable.end(), slot);
}

Blocks participant_blocks(const Event& ev, int participant, const std::vector<int>& busy) {
    Blocks out;
    std::size_t next = 0;  // into busy
    const std::vector<Session> whole_day = {Session{"", 0, ev.slots - 1}};
    for (const auto& session : ev.sessions.empty() ? whole_day : ev.sessions) {
        int blocks = 0;
        int length = 0;       // of the block being walked
        bool single = false;  // some block of this session has one meeting
        bool in_block = false;
        for (int t = session.first; t <= session.last; ++t) {
            const bool meets = next < busy.size() && busy[next] == t;
            if (meets) {
                ++next;
                if (!in_block) {
                    ++blocks;
                    length = 0;
                }
                in_block = true;
                ++length;
            } else if (ev.can_attend(participant, t)) {
                // An idle slot of the participant's day ends the block; an unavailable one is
                // no part of their day.
                single = single || (in_block && length == 1);
                in_block = false;
            }
        }
        single = single || (in_block && length == 1);
        if (blocks > 0) {
            out.breaks += blocks - 1;
        }
        out.isolated = out.isolated || (blocks >= 2 && single);
    }
    return out;
}

namespace {

// A "together" group is one attendee: every member maps to the group's first member.
std::vector<int> seats(const Event& ev) {
    std::vector<int> seat(ev.participants.size());
    for (std::size_t p = 0; p < seat.size(); ++p) {
        seat[p] = static_cast<int>(p);
    }
    for (const auto& g : ev.colleagues) {
        if (g.kind == ColleagueRule::Kind::kTogether) {
            for (int m : g.members) {
                seat[static_cast<std::size_t>(m)] = seat[static_cast<std::size_t>(g.members[0])];
            }
        }
    }
    return seat;
}

// Why a participant cannot attend a slot, for messages.
std::string absence(const Event& ev, int participant, int slot) {
    const auto& p = ev.participants[static_cast<std::size_t>(participant)];
    if (slot < p.earliest) {
        return fmt::format("arrives only at slot {} (\"earliest\")", p.earliest);
    }
    if (p.latest >= 0 && slot > p.latest) {
        return fmt::format("leaves after slot {} (\"latest\")", p.latest);
    }
    return "is unavailable";
}

class Reader {
public:
    explicit Reader(std::string source) : source_(std::move(source)) {}

    [[noreturn]] void error(const std::string& where, const std::string& what) const {
        fail(ErrorCode::kInvalidInput, "{}: {}: {}", source_, where, what);
    }

    int integer(const json& j, const std::string& where, const char* key, int lo, int hi) const {
        if (!j.contains(key)) {
            error(where, fmt::format("missing \"{}\"", key));
        }
        return integer_value(j.at(key), where + fmt::format(" \"{}\"", key), lo, hi);
    }

    int integer_value(const json& v, const std::string& where, int lo, int hi) const {
        // Spreadsheet exports write 3.0 for 3: whole numbers are accepted as integers.
        const bool whole =
            v.is_number_integer() ||
            (v.is_number_float() && std::isfinite(v.get<double>()) &&
             std::floor(v.get<double>()) == v.get<double>() && std::abs(v.get<double>()) < 1e15);
        if (!whole) {
            error(where, fmt::format("expected an integer, found {}", data::json_excerpt(v)));
        }
        const auto x =
            v.is_number_integer() ? v.get<long long>() : static_cast<long long>(v.get<double>());
        if (x < lo || x > hi) {
            error(where, fmt::format("{} is out of range ({} to {})", x, lo, hi));
        }
        return static_cast<int>(x);
    }

    std::string string(const json& j,
                       const std::string& where,
                       const char* key,
                       bool required) const {
        if (!j.contains(key)) {
            if (required) {
                error(where, fmt::format("missing \"{}\"", key));
            }
            return {};
        }
        return text_value(j.at(key), where, key);
    }

    // Ids exported from databases are often numbers: 17 is the id "17".
    std::string text_value(const json& v, const std::string& where, const char* key) const {
        if (v.is_number_integer()) {
            return std::to_string(v.get<long long>());
        }
        if (!v.is_string()) {
            error(where,
                  fmt::format("\"{}\" should be a string, found {}", key, data::json_excerpt(v)));
        }
        return v.get<std::string>();
    }

    const json& array(const json& j,
                      const std::string& where,
                      const char* key,
                      bool required) const {
        static const json empty = json::array();
        if (!j.contains(key)) {
            if (required) {
                error(where, fmt::format("missing \"{}\"", key));
            }
            return empty;
        }
        const json& v = j.at(key);
        if (!v.is_array()) {
            error(where, fmt::format("\"{}\" should be an array", key));
        }
        return v;
    }

private:
    std::string source_;
};

std::vector<std::string> check(const Event& ev, const Schedule& s, bool tables_assigned);

int priority_of(const Reader& r, const json& v, const std::string& where) {
    if (v.is_string()) {
        const auto s = v.get<std::string>();
        if (s == "must") {
            return 3;
        }
        if (s == "want") {
            return 2;
        }
        if (s == "maybe") {
            return 1;
        }
        r.error(where,
                fmt::format("priority \"{}\": expected a positive integer or must, want, "
                            "maybe",
                            data::cell_excerpt(s)));
    }
    return r.integer_value(v, where + " \"priority\"", 1, 1000000);
}

// "sessions": [{"name": "morning", "slots": 8}, ...]: consecutive parts of the day that add up
// to the event's slots.
void read_sessions(const Reader& r, const json& root, Event& ev) {
    int next = 0;
    int k = 0;
    for (const auto& s : r.array(root, "top level", "sessions", false)) {
        const std::string where = fmt::format("sessions[{}]", k);
        ++k;
        if (!s.is_object()) {
            r.error(where, "expected an object with name and slots");
        }
        Session session;
        session.name = r.string(s, where, "name", false);
        if (session.name.empty()) {
            // Named by its index, as a request's "session" may name it.
            session.name = fmt::format("session {}", k - 1);
        }
        for (const auto& other : ev.sessions) {
            if (other.name == session.name) {
                r.error(
                    where,
                    fmt::format("duplicate session name \"{}\"", data::cell_excerpt(session.name)));
            }
        }
        const int slots = r.integer(s, where, "slots", 1, ev.slots);
        if (next + slots > ev.slots) {
            r.error(where,
                    fmt::format("the sessions hold more than the event's {} slots", ev.slots));
        }
        session.first = next;
        session.last = next + slots - 1;
        next += slots;
        ev.sessions.push_back(std::move(session));
    }
    if (!ev.sessions.empty() && next != ev.slots) {
        r.error("sessions",
                fmt::format("the sessions hold {} slots, the event {}", next, ev.slots));
    }
}

// A request's "session": a session's name or its index.
int session_index(const Reader& r, const json& v, const std::string& where, const Event& ev) {
    if (ev.sessions.empty()) {
        r.error(where, "\"session\" given, but the event has no \"sessions\"");
    }
    if (!v.is_string()) {
        return r.integer_value(
            v, where + " \"session\"", 0, static_cast<int>(ev.sessions.size()) - 1);
    }
    const auto name = v.get<std::string>();
    for (std::size_t k = 0; k < ev.sessions.size(); ++k) {
        if (ev.sessions[k].name == name) {
            return static_cast<int>(k);
        }
    }
    std::vector<std::string> names;
    for (const auto& s : ev.sessions) {
        names.push_back(s.name);
    }
    r.error(where,
            fmt::format("unknown session \"{}\" (the event has {})",
                        data::cell_excerpt(name),
                        data::list_excerpt(names)));
}

// "precedences": [{"first": ["p1", "p2"], "then": ["p1", "p3"]}]: two requested meetings of one
// participant, the first held in an earlier slot when both are held.
void read_precedences(const Reader& r,
                      const json& root,
                      const std::map<std::string, int>& position,
                      const std::map<std::pair<int, int>, int>& pair_of,
                      Event& ev) {
    const auto seat = seats(ev);
    int k = 0;
    for (const auto& q : r.array(root, "top level", "precedences", false)) {
        const std::string where = fmt::format("precedences[{}]", k);
        ++k;
        if (!q.is_object()) {
            r.error(where, "expected an object with first and then, each a pair of ids");
        }
        int meeting[2] = {0, 0};
        const char* keys[2] = {"first", "then"};
        for (int side = 0; side < 2; ++side) {
            const json& pair = r.array(q, where, keys[side], true);
            if (pair.size() != 2) {
                r.error(where,
                        fmt::format("\"{}\" should be a pair of participant ids", keys[side]));
            }
            int who[2] = {0, 0};
            for (int i = 0; i < 2; ++i) {
                const std::string id =
                    r.text_value(pair[static_cast<std::size_t>(i)], where, keys[side]);
                const auto it = position.find(id);
                who[i] = it == position.end() ? -1 : it->second;
                if (who[i] < 0) {
                    r.error(where,
                            fmt::format("unknown participant \"{}\" in \"{}\"",
                                        data::cell_excerpt(id),
                                        keys[side]));
                }
            }
            const auto it = pair_of.find(std::minmax(who[0], who[1]));
            if (it == pair_of.end()) {
                r.error(where,
                        fmt::format("\"{}\": {} - {} is not a requested meeting",
                                    keys[side],
                                    ev.participants[static_cast<std::size_t>(who[0])].id,
                                    ev.participants[static_cast<std::size_t>(who[1])].id));
            }
            meeting[side] = it->second;
        }
        const auto& a = ev.requests[static_cast<std::size_t>(meeting[0])];
        const auto& b = ev.requests[static_cast<std::size_t>(meeting[1])];
        if (meeting[0] == meeting[1]) {
            r.error(where, "\"first\" and \"then\" are the same meeting");
        }
        // Members of a "together" group attend each other's meetings: those are shared too.
        auto at = [&](int p) { return seat[static_cast<std::size_t>(p)]; };
        if (at(a.a) != at(b.a) && at(a.a) != at(b.b) && at(a.b) != at(b.a) && at(a.b) != at(b.b)) {
            r.error(where, "the two meetings share no participant (nor a \"together\" group)");
        }
        ev.precedences.push_back(Precedence{meeting[0], meeting[1], k});
    }
}

// Members of a "together" group attend as one, so A1 - X and A2 - X are one meeting: merged
// (the higher priority), after the locks, whose requests are renumbered.
void merge_together_requests(const Reader& r,
                             Event& ev,
                             std::map<std::pair<int, int>, int>& pair_of) {
    const auto seat = seats(ev);
    auto at = [&](int p) { return seat[static_cast<std::size_t>(p)]; };
    auto name = [&](const Request& q) {
        const std::string pair = fmt::format("{} - {}",
                                             ev.participants[static_cast<std::size_t>(q.a)].id,
                                             ev.participants[static_cast<std::size_t>(q.b)].id);
        return q.records.empty() ? pair
                                 : fmt::format("requests[{}] ({})", q.records.front() - 1, pair);
    };
    std::map<std::pair<int, int>, int> by_seats;  // -> index in kept
    std::vector<int> renumber(ev.requests.size());
    std::vector<Request> kept;
    for (std::size_t i = 0; i < ev.requests.size(); ++i) {
        const Request& q = ev.requests[i];
        if (at(q.a) == at(q.b)) {
            r.error(
                q.records.empty() ? "locked" : fmt::format("requests[{}]", q.records.front() - 1),
                fmt::format("{} and {} attend together (a \"together\" colleague rule): "
                            "they cannot meet each other",
                            ev.participants[static_cast<std::size_t>(q.a)].id,
                            ev.participants[static_cast<std::size_t>(q.b)].id));
        }
        const auto [it, fresh] =
            by_seats.emplace(std::minmax(at(q.a), at(q.b)), static_cast<int>(kept.size()));
        renumber[i] = it->second;
        if (fresh) {
            kept.push_back(q);
            continue;
        }
        Request& first = kept[static_cast<std::size_t>(it->second)];
        if (q.session != first.session) {
            r.error(name(q),
                    fmt::format("its colleagues attend {} in another session", name(first)));
        }
        first.priority = std::max(first.priority, q.priority);
        first.records.insert(first.records.end(), q.records.begin(), q.records.end());
        ev.notes.push_back(fmt::format("{} is {} (they attend together): one meeting, priority {}",
                                       name(q),
                                       name(first),
                                       first.priority));
    }
    if (kept.size() == ev.requests.size()) {
        return;
    }
    for (auto& [pair, index] : pair_of) {
        index = renumber[static_cast<std::size_t>(index)];
    }
    for (auto& l : ev.locked) {
        l.request = renumber[static_cast<std::size_t>(l.request)];
        for (const auto& other : ev.locked) {
            if (&other != &l && other.request == l.request && other.record < l.record) {
                r.error(fmt::format("locked[{}]", l.record - 1),
                        fmt::format("locks the meeting of locked[{}] again (they attend together)",
                                    other.record - 1));
            }
        }
    }
    ev.requests = std::move(kept);
}

// Locked meetings must themselves be a valid partial schedule (tables may be open). All are
// checked at once; when they conflict, the shortest conflicting prefix (found by bisection:
// a prefix that conflicts stays in conflict when longer) names the lock that does not fit.
void check_locks(const Reader& r, const Event& ev) {
    std::vector<int> per_slot(static_cast<std::size_t>(ev.slots), 0);
    for (const auto& l : ev.locked) {
        if (++per_slot[static_cast<std::size_t>(l.slot)] > ev.tables) {
            r.error(fmt::format("locked[{}]", l.record - 1),
                    fmt::format(
                        "more locked meetings in slot {} than the {} tables", l.slot, ev.tables));
        }
    }
    auto problems_of = [&](std::size_t count) {
        Event prefix = ev;
        prefix.locked.resize(count);
        Schedule locked;
        for (const auto& l : prefix.locked) {
            locked.meetings.push_back(Meeting{l.slot, l.table, l.request});
        }
        return check(prefix, locked, false);
    };
    if (problems_of(ev.locked.size()).empty()) {
        return;
    }
    std::size_t good = 0;  // a prefix without conflict
    std::size_t bad = ev.locked.size();
    while (bad - good > 1) {
        const std::size_t mid = good + (bad - good) / 2;
        (problems_of(mid).empty() ? good : bad) = mid;
    }
    const auto problems = problems_of(bad);
    r.error(fmt::format("locked[{}]", ev.locked[bad - 1].record - 1),
            fmt::format("conflicts with the event or the locks before it: {}", problems.front()));
}

// Precedences that go round (m before m' before ... before m) cannot all hold: one meeting of
// the cycle stays unheld. Said once, naming the cycle.
void note_precedence_cycle(Event& ev) {
    std::vector<std::vector<int>> after(ev.requests.size());
    for (const auto& p : ev.precedences) {
        after[static_cast<std::size_t>(p.before)].push_back(p.after);
    }
    // Depth-first, with an explicit stack (a long chain of precedences must not overflow
    // the call stack): state 0 new, 1 on the path, 2 done.
    std::vector<int> state(ev.requests.size(), 0);
    std::vector<std::size_t> next(ev.requests.size(), 0);  // the next successor to try
    std::vector<int> path;
    auto cycle_from = [&](int start) {
        path = {start};
        state[static_cast<std::size_t>(start)] = 1;
        while (!path.empty()) {
            const auto m = static_cast<std::size_t>(path.back());
            if (next[m] == after[m].size()) {
                state[m] = 2;
                path.pop_back();
                continue;
            }
            const int n = after[m][next[m]++];
            if (state[static_cast<std::size_t>(n)] == 1) {
                path.erase(path.begin(), std::find(path.begin(), path.end(), n));
                path.push_back(n);
                return true;
            }
            if (state[static_cast<std::size_t>(n)] == 0) {
                state[static_cast<std::size_t>(n)] = 1;
                path.push_back(n);
            }
        }
        return false;
    };
    for (std::size_t m = 0; m < ev.requests.size(); ++m) {
        if (state[m] == 0 && cycle_from(static_cast<int>(m))) {
            std::vector<std::string> names;
            for (int q : path) {
                const Request& r = ev.requests[static_cast<std::size_t>(q)];
                names.push_back(fmt::format("{} - {}",
                                            ev.participants[static_cast<std::size_t>(r.a)].id,
                                            ev.participants[static_cast<std::size_t>(r.b)].id));
            }
            // A long cycle is named by its ends.
            const std::size_t length = names.size() - 1;
            if (names.size() > 8) {
                names.erase(names.begin() + 4, names.end() - 2);
                names.insert(names.begin() + 4, "...");
            }
            ev.notes.push_back(fmt::format(
                "the precedences go round in a cycle ({}{}): not all of these meetings can be "
                "held",
                fmt::join(names, " before "),
                length > 7 ? fmt::format("; {} meetings", length) : std::string()));
            return;
        }
    }
}

// Requests that no schedule can hold are said before solving: a participant (or a pair) with
// no slot they can all attend, and precedences that go round in a cycle.
void note_what_cannot_be_held(Event& ev) {
    const auto seat = seats(ev);
    std::vector<std::vector<int>> members(ev.participants.size());
    for (std::size_t p = 0; p < seat.size(); ++p) {
        members[static_cast<std::size_t>(seat[p])].push_back(static_cast<int>(p));
    }
    auto attends = [&](int p, int t) {
        const auto& group = members[static_cast<std::size_t>(seat[static_cast<std::size_t>(p)])];
        return std::all_of(group.begin(), group.end(), [&](int m) { return ev.can_attend(m, t); });
    };
    std::vector<int> unattending(ev.participants.size(),
                                 0);  // requests of a participant who attends nothing
    for (std::size_t i = 0; i < ev.requests.size(); ++i) {
        const Request& q = ev.requests[i];
        bool both_attend = true;  // each of the pair can attend some slot (else noted below)
        bool any = false;
        for (int t = 0; t < ev.slots; ++t) {
            any = any || (attends(q.a, t) && attends(q.b, t) &&
                          (q.session < 0 || ev.session_of(t) == q.session));
        }
        for (int p : {q.a, q.b}) {
            bool some = false;
            for (int t = 0; t < ev.slots && !some; ++t) {
                some = attends(p, t);
            }
            if (!some) {
                ++unattending[static_cast<std::size_t>(p)];
            }
            both_attend = both_attend && some;
        }
        if (!any && both_attend) {
            ev.notes.push_back(
                fmt::format("{} - {}: no slot{} both can attend; the meeting cannot be held",
                            ev.participants[static_cast<std::size_t>(q.a)].id,
                            ev.participants[static_cast<std::size_t>(q.b)].id,
                            q.session >= 0 ? " of its session" : ""));
        }
    }
    for (std::size_t p = 0; p < unattending.size(); ++p) {
        if (unattending[p] > 0) {
            ev.notes.push_back(fmt::format(
                "{} can attend no slot (availability, earliest and latest): none of their {} "
                "requested meetings can be held",
                ev.participants[p].id,
                unattending[p]));
        }
    }
    note_precedence_cycle(ev);
}

}  // namespace

Event parse_event(const std::string& text, const std::string& source) {
    const json root = data::parse_json_unordered(text, source);
    const Reader r(source);
    if (!root.is_object()) {
        r.error("top level", "expected an object with slots, tables, participants, requests");
    }
    Event ev;
    ev.slots = r.integer(root, "top level", "slots", 1, 10000);
    ev.tables = r.integer(root, "top level", "tables", 1, 1000000);
    for (const auto& label : r.array(root, "top level", "slot_labels", false)) {
        if (!label.is_string()) {
            r.error("slot_labels", "expected strings");
        }
        ev.slot_labels.push_back(label.get<std::string>());
    }
    if (!ev.slot_labels.empty() && static_cast<int>(ev.slot_labels.size()) != ev.slots) {
        r.error("slot_labels",
                fmt::format("{} labels for {} slots", ev.slot_labels.size(), ev.slots));
    }

    read_sessions(r, root, ev);

    std::map<std::string, int> position;
    int k = 0;
    for (const auto& p : r.array(root, "top level", "participants", true)) {
        ++k;
        const std::string where = fmt::format("participants[{}]", k - 1);
        if (!p.is_object()) {
            r.error(where, "expected an object with an id");
        }
        Participant part;
        part.id = r.string(p, where, "id", true);
        if (part.id.empty()) {
            r.error(where, "empty id");
        }
        const std::string here = fmt::format("{} (\"{}\")", where, data::cell_excerpt(part.id));
        part.name = r.string(p, here, "name", false);
        part.region = r.string(p, here, "region", false);
        part.organisation = r.string(p, here, "organisation", false);
        std::set<int> seen;
        for (const auto& s : r.array(p, here, "unavailable", false)) {
            const int slot = r.integer_value(s, here + " \"unavailable\"", 0, ev.slots - 1);
            if (seen.insert(slot).second) {
                part.unavailable.push_back(slot);
            }
        }
        std::sort(part.unavailable.begin(), part.unavailable.end());
        if (p.contains("earliest")) {
            part.earliest = r.integer(p, here, "earliest", 0, ev.slots - 1);
        }
        if (p.contains("latest")) {
            part.latest = r.integer(p, here, "latest", 0, ev.slots - 1);
            if (part.latest < part.earliest) {
                r.error(here,
                        fmt::format("\"latest\" slot {} is before the \"earliest\" slot {}",
                                    part.latest,
                                    part.earliest));
            }
        }
        if (!position.emplace(part.id, static_cast<int>(ev.participants.size())).second) {
            r.error(here, "duplicate participant id");
        }
        ev.participants.push_back(std::move(part));
    }
    auto participant = [&](const json& j, const std::string& where, const char* key) {
        const std::string id = r.string(j, where, key, true);
        const auto it = position.find(id);
        if (it == position.end()) {
            r.error(
                where,
                fmt::format("unknown participant \"{}\" in \"{}\"", data::cell_excerpt(id), key));
        }
        return it->second;
    };

    std::map<std::pair<int, int>, int> pair_of;  // (min, max) -> request
    k = 0;
    for (const auto& q : r.array(root, "top level", "requests", true)) {
        ++k;
        const std::string where = fmt::format("requests[{}]", k - 1);
        if (!q.is_object()) {
            r.error(where, "expected an object with a, b, priority");
        }
        const int a = participant(q, where, "a");
        const int b = participant(q, where, "b");
        if (a == b) {
            r.error(where, fmt::format("a request of \"{}\" with itself", ev.participants[a].id));
        }
        const int priority = q.contains("priority") ? priority_of(r, q.at("priority"), where) : 1;
        const int session =
            q.contains("session") ? session_index(r, q.at("session"), where, ev) : -1;
        const auto key = std::minmax(a, b);
        const auto it = pair_of.find(key);
        if (it != pair_of.end()) {
            Request& first = ev.requests[static_cast<std::size_t>(it->second)];
            if (session != first.session) {
                r.error(where,
                        fmt::format("repeats requests[{}] ({} - {}) with another session",
                                    first.records.front() - 1,
                                    ev.participants[a].id,
                                    ev.participants[b].id));
            }
        }
        if (it != pair_of.end()) {
            // Asked twice (often both ways: mutual interest): one meeting, the higher priority.
            Request& first = ev.requests[static_cast<std::size_t>(it->second)];
            ev.notes.push_back(
                fmt::format("requests[{}] ({} - {}) repeats requests[{}]: merged, priority {}",
                            k - 1,
                            ev.participants[a].id,
                            ev.participants[b].id,
                            first.records.front() - 1,
                            std::max(first.priority, priority)));
            first.priority = std::max(first.priority, priority);
            first.records.push_back(k);
            continue;
        }
        pair_of.emplace(key, static_cast<int>(ev.requests.size()));
        ev.requests.push_back(Request{a, b, priority, session, {k}});
    }

    k = 0;
    for (const auto& c : r.array(root, "top level", "colleagues", false)) {
        ++k;
        const std::string where = fmt::format("colleagues[{}]", k - 1);
        if (!c.is_object()) {
            r.error(where, "expected an object with members and rule");
        }
        ColleagueRule rule;
        rule.record = k;
        const std::string kind = r.string(c, where, "rule", true);
        if (kind == "together") {
            rule.kind = ColleagueRule::Kind::kTogether;
        } else if (kind == "one") {
            rule.kind = ColleagueRule::Kind::kOne;
        } else {
            r.error(where,
                    fmt::format("rule \"{}\": expected together or one", data::cell_excerpt(kind)));
        }
        std::set<int> seen;
        for (const auto& m : r.array(c, where, "members", true)) {
            const std::string member = r.text_value(m, where, "members");
            const auto it = position.find(member);
            if (it == position.end()) {
                r.error(where,
                        fmt::format("unknown participant \"{}\"", data::cell_excerpt(member)));
            }
            if (seen.insert(it->second).second) {
                rule.members.push_back(it->second);
            }
        }
        if (rule.members.size() < 2) {
            r.error(where, "a colleague rule needs two or more members");
        }
        ev.colleagues.push_back(std::move(rule));
    }

    k = 0;
    for (const auto& l : r.array(root, "top level", "locked", false)) {
        ++k;
        const std::string where = fmt::format("locked[{}]", k - 1);
        if (!l.is_object()) {
            r.error(where, "expected an object with a, b, slot (and table)");
        }
        const int a = participant(l, where, "a");
        const int b = participant(l, where, "b");
        if (a == b) {
            r.error(where, "a meeting of a participant with itself");
        }
        Locked lock;
        lock.record = k;
        lock.slot = r.integer(l, where, "slot", 0, ev.slots - 1);
        lock.table = l.contains("table") ? r.integer(l, where, "table", 1, ev.tables) : 0;
        const auto key = std::minmax(a, b);
        auto it = pair_of.find(key);
        if (it == pair_of.end()) {
            // A locked meeting nobody requested is still a meeting: add it as a request.
            it = pair_of.emplace(key, static_cast<int>(ev.requests.size())).first;
            ev.requests.push_back(Request{a, b, 1, -1, {}});
        }
        lock.request = it->second;
        for (const auto& other : ev.locked) {
            if (other.request == lock.request) {
                r.error(where,
                        fmt::format("the meeting {} - {} is locked twice (also locked[{}])",
                                    ev.participants[a].id,
                                    ev.participants[b].id,
                                    other.record - 1));
            }
        }
        ev.locked.push_back(lock);
    }
    merge_together_requests(r, ev, pair_of);
    read_precedences(r, root, position, pair_of, ev);
    check_locks(r, ev);
    note_what_cannot_be_held(ev);
    return ev;
}

Event read_event(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        fail(ErrorCode::kIo, "{}: cannot read the event file", file.string());
    }
    std::stringstream buf;
    buf << in.rdbuf();
    return parse_event(buf.str(), file.string());
}

namespace {

std::vector<std::string> check(const Event& ev, const Schedule& s, bool tables_assigned) {
    std::vector<std::string> out;
    const auto np = ev.participants.size();
    const std::vector<int> seat = seats(ev);
    std::vector<std::vector<int>> group_members(np);
    for (std::size_t p = 0; p < np; ++p) {
        group_members[static_cast<std::size_t>(seat[p])].push_back(static_cast<int>(p));
    }
    auto id = [&](int p) { return ev.participants[static_cast<std::size_t>(p)].id; };
    std::map<std::pair<int, int>, int> table_use;  // (slot, table) -> meeting
    std::map<std::pair<int, int>, int> seat_use;   // (slot, seat) -> meeting
    std::vector<int> held(ev.requests.size(), -1);
    for (std::size_t i = 0; i < s.meetings.size(); ++i) {
        const Meeting& m = s.meetings[i];
        if (m.request < 0 || static_cast<std::size_t>(m.request) >= ev.requests.size()) {
            out.push_back(fmt::format("meeting {}: no such request {}", i, m.request));
            continue;
        }
        const Request& r = ev.requests[static_cast<std::size_t>(m.request)];
        const std::string what =
            fmt::format("meeting {} - {} in slot {}", id(r.a), id(r.b), m.slot);
        if (m.slot < 0 || m.slot >= ev.slots) {
            out.push_back(what + ": slot out of range");
            continue;
        }
        if ((tables_assigned || m.table != 0) && (m.table < 1 || m.table > ev.tables)) {
            out.push_back(
                fmt::format("{}: table {} out of range (1-{})", what, m.table, ev.tables));
        }
        if (m.table != 0) {
            const auto [it, fresh] = table_use.emplace(std::pair{m.slot, m.table}, int(i));
            if (!fresh) {
                out.push_back(fmt::format(
                    "{}: table {} already holds meeting {}", what, m.table, it->second));
            }
        }
        if (held[static_cast<std::size_t>(m.request)] >= 0) {
            out.push_back(
                what + ": the pair already meets in slot " +
                std::to_string(
                    s.meetings[static_cast<std::size_t>(held[static_cast<std::size_t>(m.request)])]
                        .slot));
        }
        held[static_cast<std::size_t>(m.request)] = static_cast<int>(i);
        if (seat[static_cast<std::size_t>(r.a)] == seat[static_cast<std::size_t>(r.b)]) {
            out.push_back(what + ": both attend together (colleague rule)");
        }
        for (int p : {r.a, r.b}) {
            const int st = seat[static_cast<std::size_t>(p)];
            const auto [it, fresh] = seat_use.emplace(std::pair{m.slot, st}, int(i));
            if (!fresh) {
                const Request& other = ev.requests[static_cast<std::size_t>(
                    s.meetings[static_cast<std::size_t>(it->second)].request)];
                out.push_back(fmt::format("{}: {} is already in meeting {} ({} - {}) in that slot",
                                          what,
                                          id(p),
                                          it->second,
                                          id(other.a),
                                          id(other.b)));
            }
            for (int member : group_members[static_cast<std::size_t>(st)]) {
                if (!ev.can_attend(member, m.slot)) {
                    out.push_back(
                        fmt::format("{}: {} {}", what, id(member), absence(ev, member, m.slot)));
                }
            }
        }
        if (r.session >= 0 && ev.session_of(m.slot) != r.session) {
            out.push_back(fmt::format("{}: outside its session \"{}\"",
                                      what,
                                      ev.sessions[static_cast<std::size_t>(r.session)].name));
        }
    }
    for (const auto& p : ev.precedences) {
        const int first = held[static_cast<std::size_t>(p.before)];
        const int then = held[static_cast<std::size_t>(p.after)];
        if (first >= 0 && then >= 0 &&
            s.meetings[static_cast<std::size_t>(first)].slot >=
                s.meetings[static_cast<std::size_t>(then)].slot) {
            const auto& a = ev.requests[static_cast<std::size_t>(p.before)];
            const auto& b = ev.requests[static_cast<std::size_t>(p.after)];
            out.push_back(
                fmt::format("precedences[{}]: {} - {} (slot {}) is not before {} - {} "
                            "(slot {})",
                            p.record - 1,
                            id(a.a),
                            id(a.b),
                            s.meetings[static_cast<std::size_t>(first)].slot,
                            id(b.a),
                            id(b.b),
                            s.meetings[static_cast<std::size_t>(then)].slot));
        }
    }
    std::map<int, int> per_slot;
    for (const auto& m : s.meetings) {
        ++per_slot[m.slot];
    }
    for (const auto& [slot, count] : per_slot) {
        if (count > ev.tables) {
            out.push_back(
                fmt::format("slot {}: {} meetings for {} tables", slot, count, ev.tables));
        }
    }
    for (const auto& l : ev.locked) {
        const int h = held[static_cast<std::size_t>(l.request)];
        const Request& r = ev.requests[static_cast<std::size_t>(l.request)];
        if (h < 0 || s.meetings[static_cast<std::size_t>(h)].slot != l.slot ||
            (l.table > 0 && s.meetings[static_cast<std::size_t>(h)].table != 0 &&
             s.meetings[static_cast<std::size_t>(h)].table != l.table)) {
            out.push_back(fmt::format("locked meeting {} - {} (slot {}{}) not kept",
                                      id(r.a),
                                      id(r.b),
                                      l.slot,
                                      l.table > 0 ? fmt::format(", table {}", l.table) : ""));
        }
    }
    for (const auto& g : ev.colleagues) {
        if (g.kind != ColleagueRule::Kind::kOne) {
            continue;
        }
        std::map<int, int> partner_count;
        for (std::size_t ri = 0; ri < ev.requests.size(); ++ri) {
            if (held[ri] < 0) {
                continue;
            }
            const Request& r = ev.requests[ri];
            const bool ia = std::find(g.members.begin(), g.members.end(), r.a) != g.members.end();
            const bool ib = std::find(g.members.begin(), g.members.end(), r.b) != g.members.end();
            if (ia != ib) {
                const int partner = ia ? r.b : r.a;
                if (++partner_count[partner] == 2) {
                    out.push_back(fmt::format("colleagues[{}]: more than one of them meets {}",
                                              g.record - 1,
                                              id(partner)));
                }
            }
        }
    }
    return out;
}

}  // namespace

// The sorted slots of the meetings each participant attends, "together" groups included.
std::vector<std::vector<int>> attendance(const Event& ev, const Schedule& s) {
    const auto np = ev.participants.size();
    std::vector<std::vector<int>> groups(np);  // participant -> the members who attend with them
    for (std::size_t p = 0; p < np; ++p) {
        groups[p] = {static_cast<int>(p)};
    }
    for (const auto& g : ev.colleagues) {
        if (g.kind == ColleagueRule::Kind::kTogether) {
            for (int m : g.members) {
                for (int other : g.members) {
                    auto& list = groups[static_cast<std::size_t>(m)];
                    if (std::find(list.begin(), list.end(), other) == list.end()) {
                        list.push_back(other);
                    }
                }
            }
        }
    }
    std::vector<std::vector<int>> busy(np);
    for (const auto& m : s.meetings) {
        const Request& r = ev.requests[static_cast<std::size_t>(m.request)];
        for (int p : {r.a, r.b}) {
            for (int member : groups[static_cast<std::size_t>(p)]) {
                busy[static_cast<std::size_t>(member)].push_back(m.slot);
            }
        }
    }
    for (auto& v : busy) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
    }
    return busy;
}

std::vector<int> unheld_requests(const Event& ev, const Schedule& s) {
    std::vector<bool> held(ev.requests.size(), false);
    for (const auto& m : s.meetings) {
        held[static_cast<std::size_t>(m.request)] = true;
    }
    std::vector<int> out;
    for (std::size_t i = 0; i < held.size(); ++i) {
        if (!held[i]) {
            out.push_back(static_cast<int>(i));
        }
    }
    std::stable_sort(out.begin(), out.end(), [&](int x, int y) {
        return ev.requests[static_cast<std::size_t>(x)].priority >
               ev.requests[static_cast<std::size_t>(y)].priority;
    });
    return out;
}

std::vector<std::string> validate(const Event& ev, const Schedule& s) {
    return check(ev, s, true);
}

Summary summarise(const Event& ev, const Schedule& s) {
    Summary sum;
    const auto np = ev.participants.size();
    std::vector<bool> requested(np, false);
    for (const auto& r : ev.requests) {
        requested[static_cast<std::size_t>(r.a)] = true;
        requested[static_cast<std::size_t>(r.b)] = true;
        sum.requested_weight += r.priority;
    }
    for (const auto& m : s.meetings) {
        const Request& r = ev.requests[static_cast<std::size_t>(m.request)];
        ++sum.held;
        sum.weighted += r.priority;
    }
    // Meetings, idle gaps and breaks by attendance: a member of a "together" group sits in
    // every meeting of the group.
    const auto attending = attendance(ev, s);
    for (std::size_t p = 0; p < np; ++p) {
        sum.without_meetings += attending[p].empty() && requested[p] ? 1 : 0;
        sum.with_requests += requested[p] ? 1 : 0;
    }
    for (std::size_t p = 0; p < np; ++p) {
        const auto& v = attending[p];
        for (int t = v.empty() ? 0 : v.front() + 1; !v.empty() && t < v.back(); ++t) {
            if (!std::binary_search(v.begin(), v.end(), t) &&
                ev.can_attend(static_cast<int>(p), t)) {
                ++sum.idle_gaps;
            }
        }
    }
    for (std::size_t p = 0; p < np; ++p) {
        const Blocks b = participant_blocks(ev, static_cast<int>(p), attending[p]);
        sum.breaks += b.breaks;
        sum.isolated += b.isolated ? 1 : 0;
    }
    return sum;
}

std::string event_json(const Event& ev) {
    json root;
    root["slots"] = ev.slots;
    root["tables"] = ev.tables;
    if (!ev.slot_labels.empty()) {
        root["slot_labels"] = ev.slot_labels;
    }
    if (!ev.sessions.empty()) {
        root["sessions"] = json::array();
        for (const auto& s : ev.sessions) {
            root["sessions"].push_back({{"name", s.name}, {"slots", s.last - s.first + 1}});
        }
    }
    root["participants"] = json::array();
    for (const auto& p : ev.participants) {
        json j = {{"id", p.id}};
        for (const auto& [key, value] : {std::pair{"name", &p.name},
                                         {"region", &p.region},
                                         {"organisation", &p.organisation}}) {
            if (!value->empty()) {
                j[key] = *value;
            }
        }
        if (!p.unavailable.empty()) {
            j["unavailable"] = p.unavailable;
        }
        if (p.earliest > 0) {
            j["earliest"] = p.earliest;
        }
        if (p.latest >= 0 && p.latest < ev.slots - 1) {
            j["latest"] = p.latest;
        }
        root["participants"].push_back(std::move(j));
    }
    auto id = [&](int p) { return ev.participants[static_cast<std::size_t>(p)].id; };
    root["requests"] = json::array();
    for (const auto& r : ev.requests) {
        json j = {{"a", id(r.a)}, {"b", id(r.b)}, {"priority", r.priority}};
        if (r.session >= 0) {
            j["session"] = ev.sessions[static_cast<std::size_t>(r.session)].name;
        }
        root["requests"].push_back(std::move(j));
    }
    if (!ev.precedences.empty()) {
        root["precedences"] = json::array();
        for (const auto& p : ev.precedences) {
            const auto& a = ev.requests[static_cast<std::size_t>(p.before)];
            const auto& b = ev.requests[static_cast<std::size_t>(p.after)];
            root["precedences"].push_back(
                {{"first", {id(a.a), id(a.b)}}, {"then", {id(b.a), id(b.b)}}});
        }
    }
    if (!ev.locked.empty()) {
        root["locked"] = json::array();
        for (const auto& l : ev.locked) {
            const auto& r = ev.requests[static_cast<std::size_t>(l.request)];
            json j = {{"a", id(r.a)}, {"b", id(r.b)}, {"slot", l.slot}};
            if (l.table > 0) {
                j["table"] = l.table;
            }
            root["locked"].push_back(std::move(j));
        }
    }
    if (!ev.colleagues.empty()) {
        root["colleagues"] = json::array();
        for (const auto& c : ev.colleagues) {
            json members = json::array();
            for (int m : c.members) {
                members.push_back(id(m));
            }
            root["colleagues"].push_back(
                {{"members", members},
                 {"rule", c.kind == ColleagueRule::Kind::kTogether ? "together" : "one"}});
        }
    }
    return root.dump(1) + "\n";
}

std::string schedule_csv(const Event& ev, const Schedule& s) {
    std::vector<Meeting> ms = s.meetings;
    std::sort(ms.begin(), ms.end(), [](const Meeting& x, const Meeting& y) {
        return std::pair{x.slot, x.table} < std::pair{y.slot, y.table};
    });
    std::string out = "slot,table,a,b\n";
    for (const auto& m : ms) {
        const Request& r = ev.requests[static_cast<std::size_t>(m.request)];
        out += fmt::format("{},{},{},{}\n",
                           m.slot,
                           m.table,
                           data::csv_field(ev.participants[static_cast<std::size_t>(r.a)].id),
                           data::csv_field(ev.participants[static_cast<std::size_t>(r.b)].id));
    }
    return out;
}

namespace {

struct Row {
    int slot = 0;
    int table = 0;
    int a = 0;
    int b = 0;
    std::size_t line = 0;
};

// The rows of a schedule CSV (slot,table,a,b), checked against the event's slots, tables and
// participants.
std::vector<Row> schedule_rows(const Event& ev, const std::filesystem::path& csv) {
    const std::string file = csv.string();
    std::vector<Row> rows;
    std::map<std::string, int> position;
    for (std::size_t p = 0; p < ev.participants.size(); ++p) {
        position.emplace(ev.participants[p].id, static_cast<int>(p));
    }
    auto find = [&](const std::string& id) {
        const auto it = position.find(id);
        return it == position.end() ? -1 : it->second;
    };
    data::read_delimited(csv, ',', [&](std::size_t line, const std::vector<std::string>& f) {
        if (line == 1) {
            if (f.size() < 4 || f[0] != "slot" || f[1] != "table" || f[2] != "a" || f[3] != "b") {
                fail(ErrorCode::kInvalidInput, "{}:1: expected the header slot,table,a,b", file);
            }
            return;
        }
        if (f.size() < 4) {
            fail(ErrorCode::kInvalidInput, "{}:{}: expected slot,table,a,b", file, line);
        }
        auto number = [&](std::size_t c, int lo, int hi, const char* what) {
            const double v = data::parse_number(f[c], file, line, c + 1, what);
            if (v != static_cast<int>(v) || v < lo || v > hi) {
                fail(ErrorCode::kInvalidInput,
                     "{}:{}:{}: {} {} is out of range ({} to {})",
                     file,
                     line,
                     c + 1,
                     what,
                     data::cell_excerpt(f[c]),
                     lo,
                     hi);
            }
            return static_cast<int>(v);
        };
        Row r;
        r.line = line;
        r.slot = number(0, 0, ev.slots - 1, "slot");
        r.table = number(1, 1, ev.tables, "table");
        r.a = find(f[2]);
        r.b = find(f[3]);
        if (r.a < 0 || r.b < 0 || r.a == r.b) {
            fail(ErrorCode::kInvalidInput,
                 "{}:{}:{}: unknown participant \"{}\"",
                 file,
                 line,
                 r.a < 0 ? 3 : 4,
                 data::cell_excerpt(r.a < 0 ? f[2] : f[3]));
        }
        rows.push_back(r);
    });
    return rows;
}

std::map<std::pair<int, int>, int> requests_by_pair(const Event& ev) {
    std::map<std::pair<int, int>, int> pair_of;
    for (std::size_t i = 0; i < ev.requests.size(); ++i) {
        pair_of[std::minmax(ev.requests[i].a, ev.requests[i].b)] = static_cast<int>(i);
    }
    return pair_of;
}

}  // namespace

Schedule read_schedule(const Event& ev, const std::filesystem::path& csv) {
    const auto pair_of = requests_by_pair(ev);
    Schedule out;
    for (const auto& r : schedule_rows(ev, csv)) {
        const auto it = pair_of.find(std::minmax(r.a, r.b));
        if (it == pair_of.end()) {
            fail(ErrorCode::kInvalidInput,
                 "{}:{}: {} - {} is not a meeting of this event",
                 csv.string(),
                 r.line,
                 ev.participants[static_cast<std::size_t>(r.a)].id,
                 ev.participants[static_cast<std::size_t>(r.b)].id);
        }
        out.meetings.push_back(Meeting{r.slot, r.table, it->second});
    }
    const auto problems = validate(ev, out);
    if (!problems.empty()) {
        fail(ErrorCode::kInvalidInput,
             "{}: not a valid schedule of this event: {}",
             csv.string(),
             problems.front());
    }
    return out;
}

void keep_schedule(Event& ev, const std::filesystem::path& csv) {
    auto pair_of = requests_by_pair(ev);
    std::set<int> locked_requests;
    for (const auto& l : ev.locked) {
        locked_requests.insert(l.request);
    }
    for (const auto& row : schedule_rows(ev, csv)) {
        const auto key = std::minmax(row.a, row.b);
        auto it = pair_of.find(key);
        if (it == pair_of.end()) {
            it = pair_of.emplace(key, static_cast<int>(ev.requests.size())).first;
            ev.requests.push_back(Request{row.a, row.b, 1, -1, {}});
        }
        Locked l;
        l.slot = row.slot;
        l.table = row.table;
        l.request = it->second;
        l.record = static_cast<int>(ev.locked.size()) + 1;
        if (locked_requests.insert(l.request).second) {
            ev.locked.push_back(l);
        }
    }
    Schedule kept;
    for (const auto& l : ev.locked) {
        kept.meetings.push_back(Meeting{l.slot, l.table, l.request});
    }
    const auto problems = validate(ev, kept);
    if (!problems.empty()) {
        fail(ErrorCode::kInvalidInput,
             "{}: the kept meetings no longer fit the event: {}",
             csv.string(),
             problems.front());
    }
}

}  // namespace tandem::schedule
