#include "tandem/match/agenda.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <set>

#include <fmt/format.h>

#include "tandem/brief/brief.hpp"
#include "tandem/core/error.hpp"
#include "tandem/data/datasets.hpp"
#include "tandem/data/delimited.hpp"
#include "tandem/data/escape.hpp"
#include "tandem/data/output_folder.hpp"
#include "tandem/data/pdf.hpp"

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

// What the agendas show of a schedule: each delegate's meetings, the reasons, the names, in
// the reader's language.
struct Agendas {
    struct Seat {
        int slot;
        int table;
        std::string partner;  // organisation id
        std::string partner_delegates;
        std::string why;
    };
    const Symposium& s;
    const schedule::Event& ev;
    std::vector<schedule::Meeting> meetings;         // by slot and table
    std::map<std::string, std::vector<Seat>> seats;  // delegate id -> its meetings
    i18n::Lang lang;
    i18n::Translator tr;
    bool zh() const { return lang == i18n::Lang::kZh; }
    std::string words(const char* en, const char* zh_text) const { return zh() ? zh_text : en; }

    Agendas(const Symposium& sym,
            const schedule::Event& event,
            const schedule::Schedule& sch,
            const std::vector<Suggestion>& suggestions,
            i18n::Lang language)
        : s(sym),
          ev(event),
          meetings(sch.meetings),
          lang(language),
          tr(symposium_translator(sym, language)) {
        std::map<std::pair<std::string, std::string>, std::string> why;
        for (const auto& g : suggestions) {
            const auto& a = s.organisations[static_cast<std::size_t>(g.a)].id;
            const auto& b = s.organisations[static_cast<std::size_t>(g.b)].id;
            why[{a, b}] = why[{b, a}] = tr(g.reasons);
        }
        std::sort(meetings.begin(), meetings.end(), [](const auto& x, const auto& y) {
            return std::pair{x.slot, x.table} < std::pair{y.slot, y.table};
        });
        for (const auto& m : meetings) {
            const auto& r = ev.requests[static_cast<std::size_t>(m.request)];
            const auto side_a = attendees(r.a);
            const auto side_b = attendees(r.b);
            const auto& oa = org_of(r.a).id;
            const auto& ob = org_of(r.b).id;
            const auto reason = why.contains({oa, ob}) ? why[{oa, ob}] : tr("requested");
            for (int i : side_a) {
                seats[delegate(i).id].push_back({m.slot, m.table, ob, names(side_b), reason});
            }
            for (int i : side_b) {
                seats[delegate(i).id].push_back({m.slot, m.table, oa, names(side_a), reason});
            }
        }
    }

    const Delegate& delegate(int i) const { return s.delegates[static_cast<std::size_t>(i)]; }
    const Organisation& org(const std::string& id) const {
        return s.organisations[static_cast<std::size_t>(s.organisation(id))];
    }
    const Organisation& org_of(int participant) const {
        return org(ev.participants[static_cast<std::size_t>(participant)].organisation);
    }
    std::string org_name(const Organisation& o) const {
        return zh() && !o.name_zh.empty() ? o.name_zh : o.name;
    }
    // Both names where the reader has two languages to go by.
    std::string org_both(const Organisation& o) const {
        return zh() ? org_name(o) : o.name + (o.name_zh.empty() ? "" : " " + o.name_zh);
    }
    std::string person(const Delegate& d) const {
        const std::string name = d.name.empty() ? d.id : d.name;
        if (!zh()) {
            return name;
        }
        // "Org, delegate 2" reads "机构 代表 2"; other names stay as given.
        const std::string tail = ", delegate ";
        const auto at = name.rfind(tail);
        const auto& o = org(d.organisation);
        if (at != std::string::npos && name.substr(0, at) == o.name && !o.name_zh.empty()) {
            return o.name_zh + " 代表 " + name.substr(at + tail.size());
        }
        return name;
    }
    // Who sits at a meeting for one side: the whole delegation, or the one delegate of an
    // organisation whose delegates meet separately.
    std::vector<int> attendees(int participant) const {
        const auto& o = org_of(participant);
        std::vector<int> out;
        for (std::size_t i = 0; i < s.delegates.size(); ++i) {
            if (s.delegates[i].organisation == o.id &&
                (!o.separately || static_cast<int>(i) == participant)) {
                out.push_back(static_cast<int>(i));
            }
        }
        return out;
    }
    std::string names(const std::vector<int>& people) const {
        std::string out;
        for (int i : people) {
            out += (out.empty() ? "" : zh() ? "、" : ", ") + person(delegate(i));
        }
        return out;
    }
    std::string title() const {
        return zh() && !s.programme.title_zh.empty() ? s.programme.title_zh : s.programme.title;
    }
    std::string venue() const {
        return zh() && !s.programme.venue_zh.empty() ? s.programme.venue_zh : s.programme.venue;
    }
    std::string note() const { return zh() && !s.note_zh.empty() ? s.note_zh : s.note; }

    std::string page_head(const std::string& page_title, const char* extra_css) const {
        return fmt::format(
            "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title>"
            "<style>body{{font-family:{};margin:1.5em;color:#222}}table{{border-collapse:"
            "collapse;font-size:.9em}}td,th{{border:1px solid #bbb;padding:3px 6px;"
            "vertical-align:top}}.note{{color:#555;font-size:.85em}}"
            "table{{width:100%}}"
            // No page counter: each delegate's PDF is cut from the event's, whose numbers
            // would be wrong in it; the title and date are on every page instead.
            "@page{{size:A4;margin:14mm 12mm 16mm 12mm;@bottom-left{{content:\"{}\";"
            "font-size:8pt;color:#555}}}}{}</style></head><body>",
            zh() ? "zh-CN" : "en",
            html(page_title),
            data::kCjkFontStack,
            data::css_string(title() + " · " + s.programme.date +
                             (venue().empty() ? std::string() : " · " + venue())),
            extra_css);
    }
};

std::string agendas_csv(const Agendas& g) {
    std::string csv =
        "delegate,delegate_name,organisation,slot,date,start,end,table,partner,"
        "partner_name,partner_name_zh,partner_delegates,why\n";
    for (const auto& d : g.s.delegates) {
        const auto it = g.seats.find(d.id);
        if (it == g.seats.end()) {
            continue;
        }
        for (const auto& r : it->second) {
            const auto [start, end] = g.s.programme.slot_time(r.slot);
            const auto& partner = g.org(r.partner);
            csv += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
                               csv_cell(d.id),
                               csv_cell(g.person(d)),
                               csv_cell(d.organisation),
                               r.slot,
                               g.s.programme.slot_date(r.slot),
                               start,
                               end,
                               r.table,
                               csv_cell(partner.id),
                               csv_cell(partner.name),
                               csv_cell(partner.name_zh),
                               csv_cell(r.partner_delegates),
                               csv_cell(r.why));
        }
    }
    return csv;
}

// One section (a printed page) per delegate; its <h1> is the delegate, so that the PDF's
// outline finds each delegate's first page.
std::string agendas_html(const Agendas& g) {
    std::string page = g.page_head(g.words("Agendas: ", "日程：") + g.title(),
                                   "section{break-after:page;margin-bottom:2em}"
                                   "h1{font-size:1.4em}");
    for (const auto& d : g.s.delegates) {
        const auto& own = g.org(d.organisation);
        page += fmt::format(
            "<section><h1>{}</h1><p>{} &middot; {} &middot; {}</p>",
            html(g.person(d)),
            html(g.org_both(own)),
            html(g.title()),
            html(g.s.programme.date + (g.venue().empty() ? std::string() : ", " + g.venue())));
        page += "<table><tr><th>" + g.words("time", "时间") + "</th><th>" +
                g.words("table", "桌号") + "</th><th>" + g.words("meeting with", "会见对象") +
                "</th><th>" + g.words("delegates", "参会代表") + "</th><th>" +
                g.words("why", "理由") + "</th></tr>";
        const auto it = g.seats.find(d.id);
        if (it == g.seats.end()) {
            page +=
                "<tr><td colspan=5>" + g.words("no meeting scheduled", "未安排会见") + "</td></tr>";
        } else {
            for (const auto& r : it->second) {
                const auto [start, end] = g.s.programme.slot_time(r.slot);
                const auto& partner = g.org(r.partner);
                page += fmt::format(
                    "<tr><td>{}-{}</td><td>{}</td><td>{}</td><td>{}</td><td class=note>{}</td>"
                    "</tr>",
                    start,
                    end,
                    r.table,
                    g.zh() ? html(g.org_name(partner))
                           : html(partner.name) + "<br>" + html(partner.name_zh),
                    html(r.partner_delegates),
                    html(r.why));
            }
        }
        page += "</table>";
        if (!g.note().empty()) {
            page += "<p class=note>" + html(g.note()) + "</p>";
        }
        page += "</section>";
    }
    return page + "</body></html>\n";
}

std::string delegate_ics(const Agendas& g, const Delegate& d, const std::string& stamp) {
    std::string ics =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//tandem//schedule//EN\r\n"
        "CALSCALE:GREGORIAN\r\n" +
        std::string(kVtimezone);
    const auto it = g.seats.find(d.id);
    for (const auto& r : it == g.seats.end() ? std::vector<Agendas::Seat>{} : it->second) {
        const auto [start, end] = g.s.programme.slot_time(r.slot);
        const auto& partner = g.org(r.partner);
        const std::string day = g.s.programme.slot_date(r.slot);
        ics += "BEGIN:VEVENT\r\n";
        ics += ics_line(fmt::format("UID:{}-{}-{}@tandem", g.s.programme.date, r.slot, d.id));
        ics += ics_line("DTSTAMP:" + stamp);
        ics += ics_line(fmt::format("DTSTART;TZID={}:{}", kZone, ics_time(day, start)));
        ics += ics_line(fmt::format("DTEND;TZID={}:{}", kZone, ics_time(day, end)));
        ics += ics_line("SUMMARY:" + ics_text(g.zh() ? "会见" + g.org_name(partner)
                                                     : "Meeting with " + g.org_both(partner)));
        ics += ics_line("LOCATION:" +
                        ics_text(g.zh() ? fmt::format("{} {} 号桌", g.venue(), r.table)
                                        : fmt::format("Table {}, {}", r.table, g.venue())));
        ics += ics_line("DESCRIPTION:" + ics_text(r.why));
        ics += "END:VEVENT\r\n";
    }
    return ics + "END:VCALENDAR\r\n";
}

std::string ushers_csv(const Agendas& g) {
    std::string ushers = "slot,date,start,end,table,a,a_name,b,b_name,delegates\n";
    for (const auto& m : g.meetings) {
        const auto& r = g.ev.requests[static_cast<std::size_t>(m.request)];
        const auto& A = g.org_of(r.a);
        const auto& B = g.org_of(r.b);
        const auto [start, end] = g.s.programme.slot_time(m.slot);
        ushers += fmt::format("{},{},{},{},{},{},{},{},{},{}\n",
                              m.slot,
                              g.s.programme.slot_date(m.slot),
                              start,
                              end,
                              m.table,
                              csv_cell(A.id),
                              csv_cell(g.org_name(A)),
                              csv_cell(B.id),
                              csv_cell(g.org_name(B)),
                              csv_cell(g.names(g.attendees(r.a)) + (g.zh() ? "；" : "; ") +
                                       g.names(g.attendees(r.b))));
    }
    return ushers;
}

// The ushers' grid: tables down, slots across.
std::string ushers_html(const Agendas& g) {
    std::string grid = g.page_head(g.words("Tables: ", "桌位：") + g.title(),
                                   "table{font-size:.8em}@page{size:A4 landscape}") +
                       fmt::format("<h1>{} &middot; {}</h1><table><tr><th>{}</th>",
                                   html(g.title()),
                                   g.words("tables", "桌位安排"),
                                   g.words("table", "桌号"));
    for (int t = 0; t < g.ev.slots; ++t) {
        grid += "<th>" + html(g.ev.slot_labels[static_cast<std::size_t>(t)]) + "</th>";
    }
    grid += "</tr>";
    std::map<std::pair<int, int>, std::string> cell;
    for (const auto& m : g.meetings) {
        const auto& r = g.ev.requests[static_cast<std::size_t>(m.request)];
        cell[{m.table, m.slot}] = html(g.org_name(g.org_of(r.a))) + (g.zh() ? " 与 " : " &amp; ") +
                                  html(g.org_name(g.org_of(r.b)));
    }
    for (int table = 1; table <= g.ev.tables; ++table) {
        grid += fmt::format("<tr><th>{}</th>", table);
        for (int t = 0; t < g.ev.slots; ++t) {
            const auto it = cell.find({table, t});
            grid += "<td>" + (it == cell.end() ? std::string() : it->second) + "</td>";
        }
        grid += "</tr>";
    }
    return grid + "</table></body></html>\n";
}

}  // namespace

std::vector<std::filesystem::path> write_agendas(const Symposium& s,
                                                 const schedule::Event& ev,
                                                 const schedule::Schedule& sch,
                                                 const std::vector<Suggestion>& suggestions,
                                                 const std::filesystem::path& folder,
                                                 const AgendaOptions& options) {
    namespace fs = std::filesystem;
    const Agendas g(s, ev, sch, suggestions, options.lang);
    fs::create_directories(folder / "ics");
    std::vector<fs::path> written;
    auto write = [&](const fs::path& path, const std::string& text) {
        data::write_file_atomically(path, text);
        written.push_back(path);
    };
    // iCalendar file names from the delegate ids, made safe and unique (case-insensitively,
    // for file systems that ignore case).
    const std::string stamp = ics_now_utc();
    data::UniqueFileNames names_taken;
    std::vector<std::string> file_of;
    for (const auto& d : s.delegates) {
        file_of.push_back(names_taken.take(d.id));
        write(folder / "ics" / (file_of.back() + ".ics"), delegate_ics(g, d, stamp));
    }
    const std::string agendas = agendas_html(g);
    write(folder / "agendas.csv", agendas_csv(g));
    write(folder / "agendas.html", agendas);
    write(folder / "ushers.csv", ushers_csv(g));
    const std::string ushers = ushers_html(g);
    write(folder / "ushers.html", ushers);
    if (options.pdf) {
        // The whole event printed once; each delegate's pages, found by the outline of the
        // <h1>s, copied into a PDF of their own.
        data::PdfOptions pdf = options.pdf_options;
        pdf.outline = true;
        data::write_pdf(agendas, folder / "agendas.pdf", pdf);
        written.push_back(folder / "agendas.pdf");
        data::write_pdf(ushers, folder / "ushers.pdf", options.pdf_options);
        written.push_back(folder / "ushers.pdf");
        fs::create_directories(folder / "pdf");
        std::vector<fs::path> parts;
        for (const auto& f : file_of) {
            parts.push_back(folder / "pdf" / (f + ".pdf"));
        }
        data::split_pdf_by_outline(folder / "agendas.pdf", parts);
        written.insert(written.end(), parts.begin(), parts.end());
    }
    return written;
}

}  // namespace tandem::match
