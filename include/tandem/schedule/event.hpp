// A matchmaking event's one-to-one meetings: who asked to meet whom, when everyone can, how many
// tables there are; and a schedule of those meetings with its exact check.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace tandem::schedule {

struct Participant {
    std::string id;
    std::string name;
    std::string region;            // e.g. "CN-HL"
    std::string organisation;      // colleagues share one
    std::vector<int> unavailable;  // slot indices
    // The first and last slot the participant attends (arrives late, leaves early); the
    // whole day when not given.
    int earliest = 0;
    int latest = -1;  // -1: the last slot
};

// One requested meeting between two participants (unordered pair, merged when asked twice).
struct Request {
    int a = 0;  // participant positions
    int b = 0;
    int priority = 1;  // positive weight
    int session = -1;  // held in this session only (index into Event::sessions), or -1
    // Where the request came from in the file (1-based records), for messages.
    std::vector<int> records;
};

// A meeting fixed in advance: it is kept in its slot (and at its table when given).
struct Locked {
    int request = 0;
    int slot = 0;
    int table = 0;  // 1-based; 0: any table
    int record = 0;
};

// Colleagues of one organisation: "together" attend every meeting of any of them together
// (one seat at the table, all busy); "one" means only one of them meets any given partner.
struct ColleagueRule {
    enum class Kind { kTogether, kOne };
    Kind kind = Kind::kTogether;
    std::vector<int> members;
    int record = 0;
};

// A part of the day (morning, afternoon): consecutive slots. Idle time across the pause
// between two sessions is no break.
struct Session {
    std::string name;
    int first = 0;  // first and last slot
    int last = 0;
};

// Meeting `before` is held in an earlier slot than meeting `after` (two requests sharing a
// participant), when both are held.
struct Precedence {
    int before = 0;  // requests
    int after = 0;
    int record = 0;
};

struct Event {
    int slots = 0;
    int tables = 0;
    std::vector<std::string> slot_labels;  // optional, one per slot ("09:00")
    std::vector<Participant> participants;
    std::vector<Request> requests;
    std::vector<Locked> locked;
    std::vector<ColleagueRule> colleagues;
    // Consecutive, covering every slot; empty: the whole day is one session.
    std::vector<Session> sessions;
    std::vector<Precedence> precedences;
    // How the file was made into this event (merged duplicates), one line each.
    std::vector<std::string> notes;

    int find(const std::string& id) const;  // participant position or -1
    int session_of(int slot) const;         // index into sessions
    // Availability, earliest and latest slot of one participant.
    bool can_attend(int participant, int slot) const;
};

// Reads the exchange format of docs/schedule.md:
//   {"slots": 16, "tables": 60,
//    "participants": [{"id": "p1", "region": "CN-HL", "unavailable": [0, 5]}],
//    "requests": [{"a": "p1", "b": "p7", "priority": 3}]}
// plus optional "locked", "colleagues", "slot_labels", "sessions", "precedences", participant
// "name", "organisation", "earliest", "latest" and request "session" (docs/schedule.md).
// Errors name the file, the record and the field (JSON syntax errors their line and column).
Event read_event(const std::filesystem::path& file);
Event parse_event(const std::string& text, const std::string& source);

struct Meeting {
    int slot = 0;
    int table = 0;  // 1-based
    int request = 0;
};

struct Schedule {
    std::vector<Meeting> meetings;
};

// Every hard constraint, checked exactly: slot and table in range, one meeting per table and
// slot, nobody (nor a "together" group) twice in a slot, availability with earliest and latest
// slots, each request at most once and in its session, locked meetings kept, "one" rules,
// precedences. Returns the violations (empty when valid).
std::vector<std::string> validate(const Event& event, const Schedule& schedule);

struct Summary {
    int held = 0;
    std::int64_t weighted = 0;
    // idle available slots between the first and last meeting a participant attends
    int idle_gaps = 0;
    int without_meetings = 0;  // participants with a request but no meeting
    int with_requests = 0;     // participants named in a request
    std::int64_t requested_weight = 0;
    // Breaks (docs/schedule.md): over every participant and session, each maximal run of the
    // participant's available slots without a meeting between two of their meetings.
    int breaks = 0;
    // Participants with an isolated meeting: in some session, a meeting of theirs stands alone
    // (a block of one meeting) beside another block of theirs, i.e. with a break next to it.
    int isolated = 0;
};

// One participant's day: the blocks of consecutive meetings in each session, over the slots
// the participant can attend (unavailable slots are left out of their day).
struct Blocks {
    int breaks = 0;         // blocks beyond the first in each session
    bool isolated = false;  // a block of one meeting in a session with two or more blocks
};
// busy: the sorted slots of the meetings the participant attends (those of their "together"
// group included).
Blocks participant_blocks(const Event& event, int participant, const std::vector<int>& busy);
Summary summarise(const Event& event, const Schedule& schedule);
// The requests a schedule does not hold, highest priority first (then in file order).
std::vector<int> unheld_requests(const Event& event, const Schedule& schedule);
// The sorted slots of the meetings each participant attends ("together" groups included).
std::vector<std::vector<int>> attendance(const Event& event, const Schedule& schedule);

// The event in the exchange format (what read_event reads back).
std::string event_json(const Event& event);

// The schedule as CSV (slot,table,a,b: participant ids in request order), sorted by slot, table.
std::string schedule_csv(const Event& event, const Schedule& schedule);
// A schedule's CSV (slot,table,a,b) read back against its event and validated; errors name
// the file, line and column (a pair the event does not request is one).
Schedule read_schedule(const Event& event, const std::filesystem::path& csv);
// A previous schedule's meetings (slot,table,a,b) as locked meetings with their tables, for a
// re-run that keeps them; errors name the file and line.
void keep_schedule(Event& event, const std::filesystem::path& csv);

}  // namespace tandem::schedule
