#include "tandem/match/agenda.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <set>

#include <fmt/format.h>

#include "tandem/core/error.hpp"
#include "tandem/data/delimited.hpp"
#include "tandem/data/escape.hpp"
#include "tandem/data/output_folder.hpp"

namespace tandem::match {

schedule::Event make_event(const Symposium& s,
                           const std::vector<Suggestion>& suggestions,
                           const EventOptions& o) {
    schedule::Event ev;
    ev.slots = s.programme.slots();
    ev.tables = s.programme.tables;
    bool days = false;  // several days: labels carry the date
    for (int t = 0; t < ev.slots; ++t) {
        days = days || s.programme.slot_date(t) != s.programme.date;
    }
    for (int t = 0; t < ev.slots; ++t) {
        ev.slot_labels.push_back(days ? s.programme.slot_date(t) + " " +
                                            s.programme.slot_time(t).first
                                      : s.programme.slot_time(t).first);
    }
    // The programme's sessions: idle time across the pause between two is no break.
    int first = 0;
    for (const auto& session : s.programme.sessions) {
        const std::string name =
            (days ? (session.date.empty() ? s.programme.date : session.date) + " " : "") +
            session.start;
        ev.sessions.push_back(schedule::Session{name, first, first + session.slots - 1});
        first += session.slots;
    }
    std::map<std::string, std::vector<int>> delegates_of;  // organisation -> participants
    for (const auto& d : s.delegates) {
        schedule::Participant p;
        p.id = d.id;
        p.name = d.name;
        p.organisation = d.organisation;
        p.region = s.organisations[static_cast<std::size_t>(s.organisation(d.organisation))].region;
        p.unavailable = d.unavailable;
        std::sort(p.unavailable.begin(), p.unavailable.end());
        p.unavailable.erase(std::unique(p.unavailable.begin(), p.unavailable.end()),
                            p.unavailable.end());
        delegates_of[d.organisation].push_back(static_cast<int>(ev.participants.size()));
        ev.participants.push_back(std::move(p));
    }
    for (const auto& [org, members] : delegates_of) {
        if (members.size() > 1) {
            const bool apart =
                s.organisations[static_cast<std::size_t>(s.organisation(org))].separately;
            schedule::ColleagueRule rule;
            rule.kind = apart ? schedule::ColleagueRule::Kind::kOne
                              : schedule::ColleagueRule::Kind::kTogether;
            rule.members = members;
            rule.record = static_cast<int>(ev.colleagues.size()) + 1;
            ev.colleagues.push_back(rule);
        }
    }
    std::map<std::pair<int, int>, int> request_of;
    auto add = [&](const std::string& a, const std::string& b, int priority, const char* why) {
        const auto ia = delegates_of.find(a);
        const auto ib = delegates_of.find(b);
        if (ia == delegates_of.end() || ib == delegates_of.end()) {
            ev.notes.push_back(fmt::format("{} {} - {}: left out, {} sends no delegate",
                                           why,
                                           a,
                                           b,
                                           ia == delegates_of.end() ? a : b));
            return;
        }
        // A separately attending organisation offers each of its delegates (one will go).
        auto side = [&](const std::string& org, const std::vector<int>& members) {
            return s.organisations[static_cast<std::size_t>(s.organisation(org))].separately
                       ? members
                       : std::vector<int>{members.front()};
        };
        const int pb_lead = ib->second.front();
        for (int pa : side(a, ia->second)) {
            for (int pb :
                 pa == ia->second.front() ? side(b, ib->second) : std::vector<int>{pb_lead}) {
                const auto key = std::minmax(pa, pb);
                const auto it = request_of.find(key);
                if (it != request_of.end()) {
                    auto& r = ev.requests[static_cast<std::size_t>(it->second)];
                    r.priority = std::max(r.priority, priority);
                    continue;
                }
                request_of.emplace(key, static_cast<int>(ev.requests.size()));
                ev.requests.push_back(schedule::Request{pa, pb, priority, -1, {}});
            }
        }
    };

    for (const auto& r : s.requests) {
        add(r.a, r.b, r.priority, "request");
    }
    for (const auto& l : s.locked) {
        add(l.a, l.b, 3, "locked meeting");
        const auto ia = delegates_of.find(l.a);
        const auto ib = delegates_of.find(l.b);
        if (ia == delegates_of.end() || ib == delegates_of.end()) {
            continue;
        }
        const auto it = request_of.find(std::minmax(ia->second.front(), ib->second.front()));
        ev.locked.push_back(
            schedule::Locked{it->second, l.slot, l.table, static_cast<int>(ev.locked.size()) + 1});
    }
    std::vector<int> taken(s.organisations.size(), 0);
    for (const auto& g : suggestions) {
        if (g.score < o.min_score) {
            continue;
        }
        auto& ta = taken[static_cast<std::size_t>(g.a)];
        auto& tb = taken[static_cast<std::size_t>(g.b)];
        if (ta >= o.per_organisation && tb >= o.per_organisation) {
            continue;
        }
        ++ta;
        ++tb;
        add(s.organisations[static_cast<std::size_t>(g.a)].id,
            s.organisations[static_cast<std::size_t>(g.b)].id,
            g.score >= o.want_score ? 2 : 1,
            "suggestion");
    }
    return ev;
}

namespace {

std::string csv_cell(const std::string& v) {
    return data::csv_field(v);
}

std::string html(const std::string& v) {
    return data::html_escape(v);
}

// iCalendar text: backslash, comma, semicolon and newline escaped; lines folded at 75 octets
// without splitting a UTF-8 character.
std::string ics_text(const std::string& v) {
    std::string out;
    for (char c : v) {
        if (c == '\\' || c == ',' || c == ';') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

std::string ics_line(const std::string& line) {
    std::string out;
    std::size_t used = 0;
    for (std::size_t i = 0; i < line.size();) {
        std::size_t len = 1;
        const auto c = static_cast<unsigned char>(line[i]);
        len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (used + len > 74) {
            out += "\r\n ";
            used = 1;
        }
        out += line.substr(i, len);
        used += len;
        i += len;
    }
    return out + "\r\n";
}

// The programme's times are local to the venue; China keeps UTC+8 all year (no DST).
constexpr const char* kZone = "Asia/Shanghai";
constexpr const char* kVtimezone =
    "BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
    "TZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\nTZNAME:CST\r\nEND:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

// The current UTC time as an iCalendar DATE-TIME ("20261203T061500Z").
std::string ics_now_utc() {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const auto day = std::chrono::floor<std::chrono::days>(now);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::hh_mm_ss hms{now - day};
    return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z",
                       static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()),
                       hms.hours().count(),
                       hms.minutes().count(),
                       hms.seconds().count());
}

std::string ics_time(const std::string& date, const std::string& hhmm) {
    std::string d = date;
    d.erase(std::remove(d.begin(), d.end(), '-'), d.end());
    return d + "T" + hhmm.substr(0, 2) + hhmm.substr(3, 2) + "00";
}

}  // namespace

std::vector<std::filesystem::path> write_agendas(const Symposium& s,
                                                 const schedule::Event& ev,
                                                 const schedule::Schedule& sch,
                                                 const std::vector<Suggestion>& suggestions,
                                                 const std::filesystem::path& folder) {
    std::filesystem::create_directories(folder / "ics");
    std::vector<std::filesystem::path> written;
    auto org_of = [&](int participant) -> const Organisation& {
        const auto& id = ev.participants[static_cast<std::size_t>(participant)].organisation;
        return s.organisations[static_cast<std::size_t>(s.organisation(id))];
    };
    std::map<std::pair<std::string, std::string>, std::string> why;
    for (const auto& g : suggestions) {
        const auto& a = s.organisations[static_cast<std::size_t>(g.a)].id;
        const auto& b = s.organisations[static_cast<std::size_t>(g.b)].id;
        why[{a, b}] = g.reasons;
        why[{b, a}] = g.reasons;
    }
    // Who sits at a meeting for one side: the whole delegation, or the one delegate of an
    // organisation whose delegates meet separately.
    auto attendees = [&](int participant) {
        const auto& o = org_of(participant);
        std::vector<int> out;
        for (std::size_t i = 0; i < s.delegates.size(); ++i) {
            if (s.delegates[i].organisation == o.id &&
                (!o.separately || static_cast<int>(i) == participant)) {
                out.push_back(static_cast<int>(i));
            }
        }
        return out;
    };
    auto names = [&](const std::vector<int>& people) {
        std::string out;
        for (int i : people) {
            const auto& d = s.delegates[static_cast<std::size_t>(i)];
            out += (out.empty() ? "" : ", ") + (d.name.empty() ? d.id : d.name);
        }
        return out;
    };
    struct Row {
        int slot;
        int table;
        std::string partner;  // organisation id
        std::string partner_delegates;
    };
    std::map<std::string, std::vector<Row>> rows_of;  // delegate id -> its meetings
    std::vector<schedule::Meeting> ms = sch.meetings;
    std::sort(ms.begin(), ms.end(), [](const auto& x, const auto& y) {
        return std::pair{x.slot, x.table} < std::pair{y.slot, y.table};
    });
    for (const auto& m : ms) {
        const auto& r = ev.requests[static_cast<std::size_t>(m.request)];
        const auto side_a = attendees(r.a);
        const auto side_b = attendees(r.b);
        for (int i : side_a) {
            rows_of[s.delegates[static_cast<std::size_t>(i)].id].push_back(
                Row{m.slot, m.table, org_of(r.b).id, names(side_b)});
        }
        for (int i : side_b) {
            rows_of[s.delegates[static_cast<std::size_t>(i)].id].push_back(
                Row{m.slot, m.table, org_of(r.a).id, names(side_a)});
        }
    }
    auto org = [&](const std::string& id) -> const Organisation& {
        return s.organisations[static_cast<std::size_t>(s.organisation(id))];
    };

    std::string csv =
        "delegate,delegate_name,organisation,slot,date,start,end,table,partner,"
        "partner_name,partner_name_zh,partner_delegates,why\n";
    std::string page = fmt::format(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Agendas: {}"
        "</title><style>body{{font-family:sans-serif;margin:1.5em;color:#222}}"
        "section{{page-break-after:always;margin-bottom:2em}}table{{border-collapse:collapse;"
        "font-size:.9em}}td,th{{border:1px solid #bbb;padding:3px 6px;vertical-align:top}}"
        ".note{{color:#555;font-size:.85em}}</style></head><body>",
        html(s.programme.title));
    // iCalendar file names from the delegate ids, made safe and unique (case-insensitively,
    // for file systems that ignore case).
    const std::string stamp = ics_now_utc();
    data::UniqueFileNames names_taken;
    std::map<std::string, std::string> file_of;
    for (const auto& d : s.delegates) {
        file_of[d.id] = names_taken.take(d.id) + ".ics";
    }
    for (const auto& d : s.delegates) {
        const auto& mine = rows_of[d.id];
        const auto& own = org(d.organisation);
        const std::string who = d.name.empty() ? d.id : d.name;
        page += fmt::format(
            "<section><h1>{}</h1><p>{} {} &middot; {} &middot; {}</p>",
            html(who),
            html(own.name),
            html(own.name_zh),
            html(s.programme.title),
            html(s.programme.date +
                 (s.programme.venue.empty() ? std::string() : ", " + s.programme.venue)));
        page +=
            "<table><tr><th>time</th><th>table</th><th>meeting with</th><th>delegates</th>"
            "<th>why</th></tr>";
        std::string ics =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//tandem//schedule//EN\r\n"
            "CALSCALE:GREGORIAN\r\n" +
            std::string(kVtimezone);
        for (const auto& r : mine) {
            const auto [start, end] = s.programme.slot_time(r.slot);
            const auto& partner = org(r.partner);
            const std::string reason = why.contains({d.organisation, r.partner})
                                           ? why[{d.organisation, r.partner}]
                                           : std::string("requested");
            csv += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
                               csv_cell(d.id),
                               csv_cell(who),
                               csv_cell(d.organisation),
                               r.slot,
                               s.programme.slot_date(r.slot),
                               start,
                               end,
                               r.table,
                               csv_cell(partner.id),
                               csv_cell(partner.name),
                               csv_cell(partner.name_zh),
                               csv_cell(r.partner_delegates),
                               csv_cell(reason));
            page += fmt::format(
                "<tr><td>{}-{}</td><td>{}</td><td>{}<br>{}</td><td>{}</td>"
                "<td class=note>{}</td></tr>",
                start,
                end,
                r.table,
                html(partner.name),
                html(partner.name_zh),
                html(r.partner_delegates),
                html(reason));
            ics += "BEGIN:VEVENT\r\n";
            const std::string day = s.programme.slot_date(r.slot);
            ics += ics_line(fmt::format("UID:{}-{}-{}@tandem", s.programme.date, r.slot, d.id));
            ics += ics_line("DTSTAMP:" + stamp);
            ics += ics_line(fmt::format("DTSTART;TZID={}:{}", kZone, ics_time(day, start)));
            ics += ics_line(fmt::format("DTEND;TZID={}:{}", kZone, ics_time(day, end)));
            ics += ics_line("SUMMARY:" + ics_text(fmt::format(
                                             "Meeting with {} {}", partner.name, partner.name_zh)));
            ics += ics_line("LOCATION:" +
                            ics_text(fmt::format("Table {}, {}", r.table, s.programme.venue)));
            ics += ics_line("DESCRIPTION:" + ics_text(reason));
            ics += "END:VEVENT\r\n";
        }
        if (mine.empty()) {
            page += "<tr><td colspan=5>no meeting scheduled</td></tr>";
        }
        page += "</table></section>";
        ics += "END:VCALENDAR\r\n";
        const auto ics_path = folder / "ics" / file_of[d.id];
        data::write_file_atomically(ics_path, ics);
        written.push_back(ics_path);
    }
    if (!s.note.empty()) {
        page += "<p class=note>" + html(s.note) + "</p>";
    }
    page += "</body></html>\n";
    data::write_file_atomically(folder / "agendas.csv", csv);
    data::write_file_atomically(folder / "agendas.html", page);
    written.push_back(folder / "agendas.csv");
    written.push_back(folder / "agendas.html");

    // The ushers' list: who sits at which table when.
    std::string ushers = "slot,date,start,end,table,a,a_name,b,b_name,delegates\n";
    std::string grid = fmt::format(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Tables: {}"
        "</title><style>body{{font-family:sans-serif;margin:1em}}table{{border-collapse:"
        "collapse;font-size:.8em}}td,th{{border:1px solid #bbb;padding:2px 4px;vertical-align:"
        "top}}</style></head><body><h1>{} &middot; tables</h1><table><tr><th>table</th>",
        html(s.programme.title),
        html(s.programme.title));
    for (int t = 0; t < ev.slots; ++t) {
        grid += "<th>" + ev.slot_labels[static_cast<std::size_t>(t)] + "</th>";
    }
    grid += "</tr>";
    std::map<std::pair<int, int>, std::string> cell;
    for (const auto& m : ms) {
        const auto& r = ev.requests[static_cast<std::size_t>(m.request)];
        const auto& A = org_of(r.a);
        const auto& B = org_of(r.b);
        const auto [start, end] = s.programme.slot_time(m.slot);
        ushers += fmt::format("{},{},{},{},{},{},{},{},{},{}\n",
                              m.slot,
                              s.programme.slot_date(m.slot),
                              start,
                              end,
                              m.table,
                              csv_cell(A.id),
                              csv_cell(A.name),
                              csv_cell(B.id),
                              csv_cell(B.name),
                              csv_cell(names(attendees(r.a)) + "; " + names(attendees(r.b))));
        cell[{m.table, m.slot}] = html(A.name) + " &amp; " + html(B.name);
    }
    for (int table = 1; table <= ev.tables; ++table) {
        grid += fmt::format("<tr><th>{}</th>", table);
        for (int t = 0; t < ev.slots; ++t) {
            const auto it = cell.find({table, t});
            grid += "<td>" + (it == cell.end() ? std::string() : it->second) + "</td>";
        }
        grid += "</tr>";
    }
    grid += "</table></body></html>\n";
    data::write_file_atomically(folder / "ushers.csv", ushers);
    data::write_file_atomically(folder / "ushers.html", grid);
    written.push_back(folder / "ushers.csv");
    written.push_back(folder / "ushers.html");
    return written;
}

}  // namespace tandem::match
