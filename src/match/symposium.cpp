#include "tandem/match/symposium.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tandem/core/error.hpp"
#include "tandem/data/delimited.hpp"
#include "tandem/data/json_input.hpp"

namespace tandem::match {

using nlohmann::json;

int Programme::slots() const {
    int n = 0;
    for (const auto& s : sessions) {
        n += s.slots;
    }
    return n;
}

namespace {

int minutes_of(const std::string& hhmm) {
    return std::stoi(hhmm.substr(0, 2)) * 60 + std::stoi(hhmm.substr(3, 2));
}

std::string hhmm(int minutes) {
    return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

}  // namespace

std::pair<std::string, std::string> Programme::slot_time(int slot) const {
    int k = slot;
    for (const auto& s : sessions) {
        if (k < s.slots) {
            const int start = minutes_of(s.start) + k * s.minutes;
            return {hhmm(start), hhmm(start + s.minutes)};
        }
        k -= s.slots;
    }
    return {"", ""};
}

std::string Programme::slot_date(int slot) const {
    int k = slot;
    for (const auto& s : sessions) {
        if (k < s.slots) {
            return s.date.empty() ? date : s.date;
        }
        k -= s.slots;
    }
    return date;
}

int Symposium::organisation(const std::string& id) const {
    for (std::size_t i = 0; i < organisations.size(); ++i) {
        if (organisations[i].id == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

namespace {

struct Fields {
    std::string file;

    [[noreturn]] void error(const std::string& where, const std::string& what) const {
        fail(ErrorCode::kInvalidInput, "{}: {}: {}", file, where, what);
    }
    std::string text(const json& j,
                     const std::string& where,
                     const char* key,
                     bool required) const {
        if (!j.contains(key)) {
            if (required) {
                error(where, fmt::format("missing \"{}\"", key));
            }
            return {};
        }
        if (!j.at(key).is_string()) {
            error(where, fmt::format("\"{}\" should be a string", key));
        }
        return j.at(key).get<std::string>();
    }
    std::vector<std::string> texts(const json& j, const std::string& where, const char* key) const {
        std::vector<std::string> out;
        if (!j.contains(key)) {
            return out;
        }
        if (!j.at(key).is_array()) {
            error(where, fmt::format("\"{}\" should be an array of strings", key));
        }
        for (const auto& v : j.at(key)) {
            if (!v.is_string()) {
                error(where, fmt::format("\"{}\" should be an array of strings", key));
            }
            out.push_back(v.get<std::string>());
        }
        return out;
    }
    int integer(const json& j, const std::string& where, const char* key, int lo, int hi) const {
        if (!j.contains(key) || !j.at(key).is_number_integer()) {
            error(where, fmt::format("\"{}\" should be an integer", key));
        }
        const auto v = j.at(key).get<long long>();
        if (v < lo || v > hi) {
            error(where, fmt::format("\"{}\" {} is out of range ({} to {})", key, v, lo, hi));
        }
        return static_cast<int>(v);
    }
    const json& array(const json& j, const char* key, bool required) const {
        static const json empty = json::array();
        if (!j.contains(key)) {
            if (required) {
                error("top level", fmt::format("missing \"{}\"", key));
            }
            return empty;
        }
        if (!j.at(key).is_array()) {
            error("top level", fmt::format("\"{}\" should be an array", key));
        }
        return j.at(key);
    }
};

bool valid_time(const std::string& t) {
    return t.size() == 5 && t[2] == ':' && std::isdigit(static_cast<unsigned char>(t[0])) &&
           std::isdigit(static_cast<unsigned char>(t[1])) &&
           std::isdigit(static_cast<unsigned char>(t[3])) &&
           std::isdigit(static_cast<unsigned char>(t[4])) && std::stoi(t.substr(0, 2)) < 24 &&
           std::stoi(t.substr(3, 2)) < 60;
}

bool valid_date(const std::string& d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') {
        return false;
    }
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
        if (!std::isdigit(static_cast<unsigned char>(d[i]))) {
            return false;
        }
    }
    const int month = std::stoi(d.substr(5, 2));
    const int day = std::stoi(d.substr(8, 2));
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

}  // namespace

Symposium read_symposium(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        fail(ErrorCode::kIo, "{}: cannot read the symposium file", path.string());
    }
    std::stringstream buf;
    buf << in.rdbuf();
    return parse_symposium(buf.str(), path.string());
}

Symposium parse_symposium(const std::string& text, const std::string& file) {
    const json root = data::parse_json_unordered(text, file);
    const Fields f{file};
    if (!root.is_object() || !root.contains("programme") || !root.at("programme").is_object()) {
        f.error("top level", "expected an object with programme, organisations, delegates");
    }
    Symposium s;
    s.note = f.text(root, "top level", "note", false);
    s.note_zh = f.text(root, "top level", "note_zh", false);
    const json& p = root.at("programme");
    s.programme.title = f.text(p, "programme", "title", false);
    s.programme.title_zh = f.text(p, "programme", "title_zh", false);
    s.programme.venue_zh = f.text(p, "programme", "venue_zh", false);
    s.programme.date = f.text(p, "programme", "date", true);
    if (!valid_date(s.programme.date)) {
        f.error(
            "programme",
            fmt::format("date \"{}\": expected YYYY-MM-DD", data::cell_excerpt(s.programme.date)));
    }
    s.programme.venue = f.text(p, "programme", "venue", false);
    s.programme.tables = f.integer(p, "programme", "tables", 1, 100000);
    if (!p.contains("sessions") || !p.at("sessions").is_array() || p.at("sessions").empty()) {
        f.error("programme", "\"sessions\" should be a non-empty array");
    }
    int k = 0;
    for (const auto& js : p.at("sessions")) {
        const std::string where = fmt::format("programme.sessions[{}]", k++);
        Session ses;
        ses.date = f.text(js, where, "date", false);
        if (!ses.date.empty() && !valid_date(ses.date)) {
            f.error(where,
                    fmt::format("date \"{}\": expected YYYY-MM-DD", data::cell_excerpt(ses.date)));
        }
        ses.start = f.text(js, where, "start", true);
        if (!valid_time(ses.start)) {
            f.error(where,
                    fmt::format("start \"{}\": expected HH:MM", data::cell_excerpt(ses.start)));
        }
        ses.slots = f.integer(js, where, "slots", 1, 1000);
        ses.minutes = f.integer(js, where, "minutes", 5, 480);
        if (minutes_of(ses.start) + ses.slots * ses.minutes > 24 * 60) {
            f.error(where,
                    fmt::format("{} slots of {} minutes from {} run past midnight",
                                ses.slots,
                                ses.minutes,
                                ses.start));
        }
        s.programme.sessions.push_back(ses);
    }
    const int slots = s.programme.slots();

    std::set<std::string> ids;
    k = 0;
    for (const auto& jo : f.array(root, "organisations", true)) {
        const std::string where = fmt::format("organisations[{}]", k++);
        Organisation o;
        o.id = f.text(jo, where, "id", true);
        if (!ids.insert(o.id).second) {
            f.error(where,
                    fmt::format("duplicate organisation id \"{}\"", data::cell_excerpt(o.id)));
        }
        o.name = f.text(jo, where, "name", true);
        o.name_zh = f.text(jo, where, "name_zh", false);
        o.region = f.text(jo, where, "region", true);
        o.kind = f.text(jo, where, "kind", false);
        o.sectors = f.texts(jo, where, "sectors");
        o.areas = f.texts(jo, where, "areas");
        o.offers = f.texts(jo, where, "offers");
        o.needs = f.texts(jo, where, "needs");
        o.description = f.text(jo, where, "description", false);
        const std::string attend = f.text(jo, where, "attend", false);
        if (!attend.empty() && attend != "together" && attend != "separately") {
            f.error(where,
                    fmt::format("attend \"{}\": expected together or separately",
                                data::cell_excerpt(attend)));
        }
        o.separately = attend == "separately";
        s.organisations.push_back(std::move(o));
    }
    std::set<std::string> delegate_ids;
    k = 0;
    for (const auto& jd : f.array(root, "delegates", true)) {
        const std::string where = fmt::format("delegates[{}]", k++);
        Delegate d;
        d.id = f.text(jd, where, "id", true);
        if (!delegate_ids.insert(d.id).second) {
            f.error(where, fmt::format("duplicate delegate id \"{}\"", data::cell_excerpt(d.id)));
        }
        d.name = f.text(jd, where, "name", false);
        d.organisation = f.text(jd, where, "organisation", true);
        if (s.organisation(d.organisation) < 0) {
            f.error(where,
                    fmt::format("unknown organisation \"{}\"", data::cell_excerpt(d.organisation)));
        }
        d.delegation = f.text(jd, where, "delegation", false);
        if (jd.contains("unavailable")) {
            if (!jd.at("unavailable").is_array()) {
                f.error(where, "\"unavailable\" should be an array of slot indices");
            }
            for (const auto& v : jd.at("unavailable")) {
                if (!v.is_number_integer() || v.get<long long>() < 0 ||
                    v.get<long long>() >= slots) {
                    f.error(where,
                            fmt::format("unavailable slot {} is out of range (0 to {})",
                                        data::json_excerpt(v),
                                        slots - 1));
                }
                d.unavailable.push_back(v.get<int>());
            }
        }
        s.delegates.push_back(std::move(d));
    }
    auto org_ref = [&](const json& j, const std::string& where, const char* key) {
        const std::string id = f.text(j, where, key, true);
        if (s.organisation(id) < 0) {
            f.error(
                where,
                fmt::format("unknown organisation \"{}\" in \"{}\"", data::cell_excerpt(id), key));
        }
        return id;
    };
    k = 0;
    for (const auto& jr : f.array(root, "requests", false)) {
        const std::string where = fmt::format("requests[{}]", k++);
        OrganisationRequest r;
        r.a = org_ref(jr, where, "a");
        r.b = org_ref(jr, where, "b");
        if (r.a == r.b) {
            f.error(where, fmt::format("a request of \"{}\" with itself", r.a));
        }
        if (jr.contains("priority")) {
            const auto& v = jr.at("priority");
            if (v.is_string()) {
                const auto t = v.get<std::string>();
                r.priority = t == "must" ? 3 : t == "want" ? 2 : t == "maybe" ? 1 : 0;
                if (r.priority == 0) {
                    f.error(where,
                            fmt::format("priority \"{}\": expected must, want or maybe",
                                        data::cell_excerpt(t)));
                }
            } else {
                r.priority = f.integer(jr, where, "priority", 1, 1000000);
            }
        }
        s.requests.push_back(r);
    }
    k = 0;
    for (const auto& jl : f.array(root, "locked", false)) {
        const std::string where = fmt::format("locked[{}]", k++);
        OrganisationLock l;
        l.a = org_ref(jl, where, "a");
        l.b = org_ref(jl, where, "b");
        if (l.a == l.b) {
            f.error(where, fmt::format("a meeting of \"{}\" with itself", l.a));
        }
        l.slot = f.integer(jl, where, "slot", 0, slots - 1);
        l.table = jl.contains("table") ? f.integer(jl, where, "table", 1, s.programme.tables) : 0;
        s.locked.push_back(l);
    }
    // Locked meetings must not conflict: an organisation in two of them in one slot, two at one
    // table, one pair locked twice, more in a slot than tables, or a slot its delegates cannot
    // attend.
    for (std::size_t i = 0; i < s.locked.size(); ++i) {
        const auto& l = s.locked[i];
        const std::string where = fmt::format("locked[{}]", i);
        int in_slot = 1;
        for (std::size_t j = 0; j < i; ++j) {
            const auto& m = s.locked[j];
            if (std::minmax(l.a, l.b) == std::minmax(m.a, m.b)) {
                f.error(where,
                        fmt::format("{} - {} is locked twice (also locked[{}])", l.a, l.b, j));
            }
            if (m.slot != l.slot) {
                continue;
            }
            ++in_slot;
            for (const auto* org : {&l.a, &l.b}) {
                if (*org == m.a || *org == m.b) {
                    f.error(where,
                            fmt::format("\"{}\" is also in locked[{}] in slot {}: the locked "
                                        "meetings conflict",
                                        *org,
                                        j,
                                        l.slot));
                }
            }
            if (l.table != 0 && l.table == m.table) {
                f.error(where,
                        fmt::format("table {} in slot {} is also locked[{}]: the locked meetings "
                                    "conflict",
                                    l.table,
                                    l.slot,
                                    j));
            }
        }
        if (in_slot > s.programme.tables) {
            f.error(where,
                    fmt::format("more locked meetings in slot {} than the {} tables",
                                l.slot,
                                s.programme.tables));
        }
        for (const auto* org : {&l.a, &l.b}) {
            for (const auto& d : s.delegates) {
                if (d.organisation == *org &&
                    std::find(d.unavailable.begin(), d.unavailable.end(), l.slot) !=
                        d.unavailable.end()) {
                    f.error(where,
                            fmt::format("delegate \"{}\" of \"{}\" is unavailable in slot {}",
                                        d.id,
                                        *org,
                                        l.slot));
                }
                if (d.organisation == *org &&
                    s.organisations[static_cast<std::size_t>(s.organisation(*org))].separately) {
                    break;  // only the first delegate meets; together, all of them do
                }
            }
        }
    }
    k = 0;
    for (const auto& jn : f.array(root, "not_interested", false)) {
        const std::string where = fmt::format("not_interested[{}]", k++);
        s.not_interested.emplace_back(org_ref(jn, where, "a"), org_ref(jn, where, "b"));
    }
    if (root.contains("rules")) {
        const json& r = root.at("rules");
        s.between_regions = f.texts(r, "rules", "between_regions");
        if (!s.between_regions.empty() && s.between_regions.size() != 2) {
            f.error("rules", "\"between_regions\" takes two regions");
        }
    }
    return s;
}

}  // namespace tandem::match
