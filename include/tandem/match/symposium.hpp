// A cooperation symposium or delegation visit as organisers prepare it: organisations with
// offers and needs, their delegates, the programme of meeting slots, explicit meeting requests
// and rules. From it come match suggestions (suggest.hpp), the scheduler's event and agendas
// (agenda.hpp).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "tandem/schedule/event.hpp"

namespace tandem::match {

struct Organisation {
    std::string id;
    std::string name;
    std::string name_zh;
    std::string region;                // ISO 3166-2:CN ("CN-HL") or any region code
    std::string kind;                  // enterprise, university, institute, government, association
    std::vector<std::string> sectors;  // China IO sector codes ("01", "06")
    std::vector<std::string> areas;    // cooperation area ids (brief::cooperation_areas)
    std::vector<std::string> offers;   // what it brings, Chinese and/or English
    std::vector<std::string> needs;    // what it looks for
    std::string description;
    // Its delegates attend each meeting together (the default), or separately: then any one
    // of them may meet a given partner, and only one does.
    bool separately = false;
};

struct Delegate {
    std::string id;
    std::string name;
    std::string organisation;      // organisation id
    std::string delegation;        // e.g. "Heilongjiang delegation"
    std::vector<int> unavailable;  // slot indices
};

// The programme: sessions of consecutive meeting slots (a break between sessions); a session
// on another day of a multi-day event gives its own date.
struct Session {
    std::string date;   // "2026-12-04"; empty: the programme's date
    std::string start;  // "14:00"
    int slots = 0;
    int minutes = 20;
};

struct Programme {
    std::string title;
    std::string title_zh;  // optional: the Chinese edition's title
    std::string venue_zh;
    std::string date;  // "2026-12-03"
    std::string venue;
    int tables = 0;
    std::vector<Session> sessions;
    int slots() const;
    // Start and end of a slot as "HH:MM", and its date.
    std::pair<std::string, std::string> slot_time(int slot) const;
    std::string slot_date(int slot) const;
};

struct OrganisationRequest {
    std::string a;  // organisation ids
    std::string b;
    int priority = 2;
};

// A meeting fixed in advance between two organisations (their first delegates).
struct OrganisationLock {
    std::string a;
    std::string b;
    int slot = 0;
    int table = 0;  // 0: any
};

struct Symposium {
    Programme programme;
    std::vector<Organisation> organisations;
    std::vector<Delegate> delegates;
    std::vector<OrganisationRequest> requests;  // explicit, by organisation
    std::vector<OrganisationLock> locked;
    std::vector<std::pair<std::string, std::string>> not_interested;  // (who, whom)
    // Meetings only between these regions (one on each side), when two are given.
    std::vector<std::string> between_regions;
    std::string note;  // e.g. that the offers and needs are illustrative
    std::string note_zh;

    int organisation(const std::string& id) const;  // position or -1
};

// Reads the symposium JSON of docs/match.md; errors name the file, the record and the field.
Symposium read_symposium(const std::filesystem::path& file);
// The same from JSON text; `source` names it in errors (a file, or "event 3: symposium").
Symposium parse_symposium(const std::string& text, const std::string& source);

}  // namespace tandem::match
