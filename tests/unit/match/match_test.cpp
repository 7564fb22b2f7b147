// Matchmaking: suggestions with reasons (areas, sector links, Xapian text match in Chinese and
// English), rules, the event for the scheduler, agendas, and bad input.
#include <fstream>

#include <gtest/gtest.h>

#include "tandem/core/error.hpp"
#include "tandem/match/agenda.hpp"
#include "tandem/match/suggest.hpp"
#include "tandem/match/symposium.hpp"
#include "tandem/schedule/scheduler.hpp"

namespace tandem::test {
namespace {

const std::filesystem::path kDemo =
    std::filesystem::path(TANDEM_SOURCE_DATA_DIR) / "symposium/heilongjiang_anhui_2026.json";

std::filesystem::path write(const std::string& name, const std::string& text) {
    const auto p = std::filesystem::temp_directory_path() / ("tandem_match_" + name);
    std::ofstream(p) << text;
    return p;
}

const char* kTiny = R"({"programme": {"date": "2026-12-03", "tables": 2,
    "sessions": [{"start": "09:00", "slots": 2, "minutes": 30}]},
  "organisations": [
    {"id": "a", "name": "A", "region": "CN-HL", "sectors": ["01"], "areas": ["seed-industry"],
     "offers": ["寒地大豆育种"], "needs": ["seed processing"]},
    {"id": "b", "name": "B", "region": "CN-AH", "sectors": ["01"], "areas": ["seed-industry"],
     "offers": ["seed processing and coating"], "needs": ["大豆育种合作"]},
    {"id": "c", "name": "C", "region": "CN-AH", "sectors": ["39"], "areas": ["culture-tourism"],
     "offers": ["museum exhibitions"], "needs": ["ice sculptures"]},
    {"id": "d", "name": "D", "region": "CN-HL", "sectors": ["01"], "areas": ["seed-industry"],
     "offers": ["soybean"], "needs": ["soybean"]}],
  "delegates": [{"id": "a1", "organisation": "a"}, {"id": "b1", "organisation": "b"},
                {"id": "b2", "organisation": "b"}, {"id": "c1", "organisation": "c"}],
  "locked": [{"a": "a", "b": "c", "slot": 1, "table": 2}],
  "rules": {"between_regions": ["CN-HL", "CN-AH"]}})";

TEST(Suggest, ScoresAreasSectorsAndTextInBothLanguages) {
    const auto s = match::read_symposium(write("tiny.json", kTiny));
    const auto list = match::suggest(s);
    ASSERT_FALSE(list.empty());
    // a-b share the area and the sector, and each offers what the other needs: in Chinese
    // (大豆育种 through CJK n-grams) one way, in English (stemmed) the other.
    EXPECT_EQ(s.organisations[static_cast<std::size_t>(list[0].a)].id, "a");
    EXPECT_EQ(s.organisations[static_cast<std::size_t>(list[0].b)].id, "b");
    EXPECT_DOUBLE_EQ(list[0].areas, 1.0);
    EXPECT_DOUBLE_EQ(list[0].sectors, 1.0);
    EXPECT_GT(list[0].text, 0.5);
    EXPECT_NE(list[0].reasons.find("大豆"), std::string::npos) << list[0].reasons;
    EXPECT_NE(list[0].reasons.find("process"), std::string::npos) << list[0].reasons;
    // The rule: a and d are both from Heilongjiang, never suggested.
    for (const auto& g : list) {
        const auto& x = s.organisations[static_cast<std::size_t>(g.a)].region;
        const auto& y = s.organisations[static_cast<std::size_t>(g.b)].region;
        EXPECT_NE(x, y);
    }
}

TEST(Match, LockedMeetingsReachTheSchedule) {
    const auto s = match::read_symposium(write("locked.json", kTiny));
    const auto ev = match::make_event(s, match::suggest(s));
    ASSERT_EQ(ev.locked.size(), 1u);
    const auto r = schedule::solve(ev);
    EXPECT_TRUE(schedule::validate(ev, r.schedule).empty());
    EXPECT_NE(schedule::schedule_csv(ev, r.schedule).find("1,2,a1,c1\n"), std::string::npos);
}

TEST(Match, DelegatesMeetingSeparatelySendOneEach) {
    std::string t = kTiny;
    t.replace(t.find(R"("id": "b", "name": "B", "region": "CN-AH",)"),
              std::string(R"("id": "b", "name": "B", "region": "CN-AH",)").size(),
              R"("id": "b", "name": "B", "region": "CN-AH", "attend": "separately",)");
    const auto s = match::read_symposium(write("apart.json", t));
    const auto ev = match::make_event(s, match::suggest(s));
    // b's two delegates are alternatives for a: two requests, a "one" rule between them.
    int with_a = 0;
    for (const auto& r : ev.requests) {
        with_a += (ev.participants[static_cast<std::size_t>(r.a)].id == "a1" ||
                   ev.participants[static_cast<std::size_t>(r.b)].id == "a1") &&
                          (ev.participants[static_cast<std::size_t>(r.a)].organisation == "b" ||
                           ev.participants[static_cast<std::size_t>(r.b)].organisation == "b")
                      ? 1
                      : 0;
    }
    EXPECT_EQ(with_a, 2);
    ASSERT_EQ(ev.colleagues.size(), 1u);
    EXPECT_EQ(ev.colleagues[0].kind, schedule::ColleagueRule::Kind::kOne);
    const auto r = schedule::solve(ev);
    EXPECT_TRUE(schedule::validate(ev, r.schedule).empty());
    // a meets b once, through one delegate; only that delegate's agenda shows it.
    const auto dir = std::filesystem::temp_directory_path() / "tandem_agendas_apart";
    std::filesystem::remove_all(dir);
    match::write_agendas(s, ev, r.schedule, match::suggest(s), dir);
    std::ifstream in(dir / "agendas.csv");
    std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    int b_rows = 0;
    std::size_t pos = 0;
    while ((pos = all.find("\nb", pos)) != std::string::npos) {
        ++b_rows;
        ++pos;
    }
    EXPECT_EQ(b_rows, 1) << all;
}

TEST(Suggest, DemoSuggestsTheSeedAndFarmPartners) {
    const auto s = match::read_symposium(kDemo);
    const auto list = match::suggest(s);
    // The two agricultural universities are among the ten best pairs, with reasons.
    bool found = false;
    for (std::size_t k = 0; k < 10 && k < list.size(); ++k) {
        const auto& a = s.organisations[static_cast<std::size_t>(list[k].a)].id;
        const auto& b = s.organisations[static_cast<std::size_t>(list[k].b)].id;
        if ((a == "neau" && b == "ahau") || (a == "ahau" && b == "neau")) {
            found = true;
            EXPECT_NE(list[k].reasons.find("Seed industry"), std::string::npos);
        }
    }
    EXPECT_TRUE(found);
}

TEST(Match, EventScheduleAndAgendas) {
    const auto s = match::read_symposium(kDemo);
    const auto list = match::suggest(s);
    const auto ev = match::make_event(s, list);
    EXPECT_EQ(ev.slots, 8);
    EXPECT_EQ(ev.tables, 8);
    EXPECT_EQ(ev.participants.size(), s.delegates.size());
    // Organisations with two delegates attend together.
    EXPECT_FALSE(ev.colleagues.empty());
    // It round-trips through the exchange format.
    const auto again = schedule::parse_event(schedule::event_json(ev), "event.json");
    EXPECT_EQ(again.requests.size(), ev.requests.size());
    EXPECT_EQ(again.colleagues.size(), ev.colleagues.size());
    const auto r = schedule::solve(ev);
    EXPECT_TRUE(schedule::validate(ev, r.schedule).empty());
    const auto dir = std::filesystem::temp_directory_path() / "tandem_agendas";
    std::filesystem::remove_all(dir);
    const auto files = match::write_agendas(s, ev, r.schedule, list, dir);
    EXPECT_EQ(files.size(), s.delegates.size() + 4);
    std::ifstream ics(dir / "ics" / "neau-1.ics");
    std::string all((std::istreambuf_iterator<char>(ics)), std::istreambuf_iterator<char>());
    EXPECT_EQ(all.rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
    EXPECT_NE(all.find("DTSTART;TZID=Asia/Shanghai:20261203T"), std::string::npos);
    EXPECT_NE(all.find("BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\n"), std::string::npos);
    EXPECT_NE(all.find("END:VCALENDAR\r\n"), std::string::npos);
    // Folded lines never exceed 75 octets.
    std::size_t start = 0;
    while (start < all.size()) {
        const auto end = all.find("\r\n", start);
        EXPECT_LE(end - start, 75u);
        start = end + 2;
    }
    // The schedule reads back.
    const auto csv = write("schedule.csv", schedule::schedule_csv(ev, r.schedule));
    EXPECT_EQ(schedule::read_schedule(ev, csv).meetings.size(), r.schedule.meetings.size());
}

TEST(Match, MultiDayProgrammeDatesEachSlot) {
    std::string t = kTiny;
    t.replace(t.find(R"("sessions": [{"start": "09:00", "slots": 2, "minutes": 30}])"),
              std::string(R"("sessions": [{"start": "09:00", "slots": 2, "minutes": 30}])").size(),
              R"("sessions": [{"start": "09:00", "slots": 1, "minutes": 30},
                              {"date": "2026-12-04", "start": "10:00", "slots": 1, "minutes": 30}])");
    const auto s = match::read_symposium(write("days.json", t));
    EXPECT_EQ(s.programme.slot_date(0), "2026-12-03");
    EXPECT_EQ(s.programme.slot_date(1), "2026-12-04");
    EXPECT_EQ(s.programme.slot_time(1).first, "10:00");
    const auto ev = match::make_event(s, match::suggest(s));
    EXPECT_EQ(ev.slot_labels[1], "2026-12-04 10:00");
}

TEST(Match, BadInputNamesTheRecord) {
    auto error = [](const std::string& text) {
        try {
            const auto s = match::read_symposium(write("bad.json", text));
            match::suggest(s);
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    std::string t = kTiny;
    EXPECT_NE(error(std::string(t).replace(t.find("seed-industry"), 13, "seeds"))
                  .find("organisation \"a\": unknown cooperation area \"seeds\""),
              std::string::npos);
    EXPECT_NE(error(std::string(t).replace(t.find("\"01\""), 4, "\"99\""))
                  .find("organisation \"a\": unknown sector \"99\""),
              std::string::npos);
    EXPECT_NE(error(std::string(t).replace(
                        t.find("\"organisation\": \"a\""), 19, "\"organisation\": \"x\""))
                  .find("delegates[0]: unknown organisation \"x\""),
              std::string::npos);
    EXPECT_NE(error(std::string(t).replace(t.find("2026-12-03"), 10, "3/12/2026"))
                  .find("programme: date \"3/12/2026\": expected YYYY-MM-DD"),
              std::string::npos);
    EXPECT_NE(error(std::string(t).replace(t.find("09:00"), 5, "9h00"))
                  .find("programme.sessions[0]: start \"9h00\": expected HH:MM"),
              std::string::npos);
    // A schedule line that is not a meeting of the event.
    const auto s = match::read_symposium(write("tiny2.json", kTiny));
    const auto ev = match::make_event(s, match::suggest(s));
    const auto csv = write("bad_schedule.csv", "slot,table,a,b\n0,1,b1,c1\n");
    try {
        schedule::read_schedule(ev, csv);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find(":2: b1 - c1 is not a meeting of this event"),
                  std::string::npos)
            << e.what();
    }
}

}  // namespace
}  // namespace tandem::test
