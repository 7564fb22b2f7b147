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
};

// One requested meeting between two participants (unordered pair, merged when asked twice).
struct Request {
    int a = 0;  // participant positions
    int b = 0;
    int priority = 1;  // positive weight
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

struct Event {
    int slots = 0;
    int tables = 0;
    std::vector<std::string> slot_labels;  // optional, one per slot ("09:00")
    std::vector<Participant> participants;
    std::vector<Request> requests;
    std::vector<Locked> locked;
    std::vector<ColleagueRule> colleagues;
    // How the file was made into this event (merged duplicates), one line each.
    std::vector<std::string> notes;

    int find(const std::string& id) const;  // participant position or -1
};

// Reads the exchange format of docs/schedule.md:
//   {"slots": 16, "tables": 60,
//    "participants": [{"id": "p1", "region": "CN-HL", "unavailable": [0, 5]}],
//    "requests": [{"a": "p1", "b": "p7", "priority": 3}]}
// plus optional "locked", "colleagues", "slot_labels" and participant "name", "organisation".
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
// slot, nobody (nor a "together" group) twice in a slot, availability, each request at most
// once, locked meetings kept, "one" rules. Returns the violations (empty when valid).
std::vector<std::string> validate(const Event& event, const Schedule& schedule);

struct Summary {
    int held = 0;
    std::int64_t weighted = 0;
    int idle_gaps = 0;  // idle available slots between a participant's first and last meeting
    int without_meetings = 0;  // participants with a request but no meeting
    std::int64_t requested_weight = 0;
};
Summary summarise(const Event& event, const Schedule& schedule);

// The event in the exchange format (what read_event reads back).
std::string event_json(const Event& event);

// The schedule as CSV (slot,table,a,b; participants by id), sorted by slot and table.
std::string schedule_csv(const Event& event, const Schedule& schedule);
// A schedule's CSV (slot,table,a,b) read back against its event and validated; errors name
// the file, line and column (a pair the event does not request is one).
Schedule read_schedule(const Event& event, const std::filesystem::path& csv);
// A previous schedule's meetings (slot,table,a,b) as locked meetings with their tables, for a
// re-run that keeps them; errors name the file and line.
void keep_schedule(Event& event, const std::filesystem::path& csv);

}  // namespace tandem::schedule
