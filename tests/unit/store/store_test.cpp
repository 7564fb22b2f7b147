// The store, the same suite on both engines: SQLite (a file of the test's own) and PostgreSQL
// (the tests' own server, tests/support/postgres.sh, one new database per test).
#include "tandem/store/store.hpp"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "tandem/core/error.hpp"
#include "tandem/store/records.hpp"

#include "support/fresh_store.hpp"
#include <sqlite3.h>
#include <unistd.h>

namespace tandem::test {
namespace {

using store::Json;
using store::Kind;

class StoreTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        if (GetParam() == "postgresql" && postgres_url().empty()) {
            // CTest starts the server (fixture postgres); a test binary run by hand has none.
            GTEST_SKIP() << "TANDEM_TEST_POSTGRES is not set";
        }
        location_ = fresh_store_location(GetParam(), "t");
        db_ = store::Store::open(location_);
    }
    std::string location_;
    std::unique_ptr<store::Store> db_;
    const store::Actor alice_{"alice"};
};

Json org(const std::string& name, const std::string& region) {
    return Json{{"name", name}, {"region", region}};
}

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

TEST_P(StoreTest, OpensWithTheCurrentSchema) {
    EXPECT_EQ(db_->engine(), GetParam());
    EXPECT_EQ(db_->schema_version(), 1);
    // Opening again runs no migration twice.
    EXPECT_EQ(store::Store::open(location_)->schema_version(), 1);
}

TEST_P(StoreTest, OrganisationsAreCreatedReadUpdatedAndRemoved) {
    const Json a = db_->create(Kind::kOrganisation,
                               Json{{"name", "Anhui Agricultural University"},
                                    {"name_zh", "安徽农业大学"},
                                    {"region", "安徽"},
                                    {"sectors", {"01", "39"}}},
                               alice_);
    const auto id = a.at("id").get<std::int64_t>();
    EXPECT_GT(id, 0);
    EXPECT_EQ(a.at("region"), "CN-AH");  // any name tandem knows, kept as the ISO code
    EXPECT_EQ(a.at("sectors"), (Json{"01", "39"}));
    EXPECT_TRUE(a.at("created_at").get<std::string>().ends_with("Z"));
    db_->create(Kind::kOrganisation, org("Northeast Agricultural University", "CN-HL"), alice_);
    EXPECT_EQ(db_->count(Kind::kOrganisation), 2u);
    EXPECT_EQ(db_->list(Kind::kOrganisation).size(), 2u);
    store::ListOptions page;
    page.limit = 1;
    page.offset = 1;
    EXPECT_EQ(db_->list(Kind::kOrganisation, page).at(0).at("region"), "CN-HL");

    const auto changed = db_->update(
        Kind::kOrganisation, id, Json{{"kind", "university"}, {"name_zh", nullptr}}, alice_);
    ASSERT_TRUE(changed);
    EXPECT_EQ(changed->at("kind"), "university");
    EXPECT_FALSE(changed->contains("name_zh"));  // null removes an optional field
    EXPECT_EQ(changed->at("name"), "Anhui Agricultural University");
    EXPECT_FALSE(db_->update(Kind::kOrganisation, 999, Json{{"kind", "x"}}, alice_));

    EXPECT_TRUE(db_->remove(Kind::kOrganisation, id, alice_));
    EXPECT_FALSE(db_->get(Kind::kOrganisation, id));
    EXPECT_FALSE(db_->remove(Kind::kOrganisation, id, alice_));
}

TEST_P(StoreTest, ErrorsNameTheField) {
    EXPECT_EQ(error_of([&] {
                  db_->create(Kind::kOrganisation, Json{{"name", "x"}}, alice_);
              }),
              "region: required");
    EXPECT_NE(error_of([&] {
                  db_->create(Kind::kOrganisation, org("x", "Atlantis"), alice_);
              }).find("region: unknown region 'Atlantis'"),
              std::string::npos);
    EXPECT_EQ(error_of([&] {
                  db_->create(Kind::kOrganisation,
                              Json{{"name", "x"}, {"region", "CN-AH"}, {"colour", "red"}},
                              alice_);
              }).substr(0, 31),
              "colour: unknown field (known: n");
    EXPECT_EQ(error_of([&] {
                  db_->create(Kind::kAgreement, Json{{"title", "t"}, {"amount", "many"}}, alice_);
              }),
              "amount: expected a number >= 0, found \"many\"");
    EXPECT_EQ(error_of([&] {
                  db_->create(Kind::kProject,
                              Json{{"name", "p"}, {"region", "CN-AH"}, {"sectors", {"99"}}},
                              alice_);
              }),
              "sectors[0]: expected a sector code \"01\" ... \"42\", found \"99\"");
    EXPECT_EQ(
        error_of([&] {
            db_->create(
                Kind::kProject,
                Json{
                    {"name", "p"}, {"region", "CN-AH"}, {"sectors", {"01"}}, {"stage", "dreaming"}},
                alice_);
        }).substr(0, 26),
        "stage: expected one of neg");
    EXPECT_EQ(error_of([&] {
                  db_->create(Kind::kEvent, Json{{"title", "e"}, {"date", "3 Dec"}}, alice_);
              }),
              "date: expected a date YYYY-MM-DD, found \"3 Dec\"");
    // Nothing was stored by the refused calls.
    for (const auto k : store::all_kinds()) {
        EXPECT_EQ(db_->count(k), 0u);
    }
}

TEST_P(StoreTest, ReferencesAreKeptHonest) {
    EXPECT_EQ(error_of([&] {
                  db_->create(Kind::kAgreement, Json{{"title", "t"}, {"event_id", 7}}, alice_);
              }),
              "event_id: no events record 7");
    const auto a = db_->create(Kind::kOrganisation, org("A", "CN-HL"), alice_).at("id");
    const auto b = db_->create(Kind::kOrganisation, org("B", "CN-AH"), alice_).at("id");
    const auto e =
        db_->create(Kind::kEvent, Json{{"title", "symposium"}, {"date", "2026-12-03"}}, alice_)
            .at("id");
    const auto g = db_->create(Kind::kAgreement,
                               Json{{"title", "seed"},
                                    {"event_id", e},
                                    {"party_a", a},
                                    {"party_b", b},
                                    {"amount", 5000}},
                               alice_)
                       .at("id");
    const auto p = db_->create(Kind::kProject,
                               Json{{"name", "seed farm"},
                                    {"agreement_id", g},
                                    {"region", "CN-AH"},
                                    {"sectors", {"01"}},
                                    {"investment", 5000}},
                               alice_);
    EXPECT_EQ(p.at("stage"), "negotiating");  // the first stage unless given
    store::ListOptions by_event;
    by_event.where = {{"event_id", e}};
    EXPECT_EQ(db_->list(Kind::kAgreement, by_event).size(), 1u);
    by_event.where = {{"event_id", 999}};
    EXPECT_TRUE(db_->list(Kind::kAgreement, by_event).empty());
    EXPECT_EQ(error_of([&] { db_->remove(Kind::kOrganisation, a.get<std::int64_t>(), alice_); }),
              fmt::format("organisations {} is referred to by agreements {}: change or remove "
                          "those first",
                          a.get<std::int64_t>(),
                          g.get<std::int64_t>()));
    EXPECT_TRUE(db_->remove(Kind::kProject, p.at("id").get<std::int64_t>(), alice_));
    EXPECT_TRUE(db_->remove(Kind::kAgreement, g.get<std::int64_t>(), alice_));
    EXPECT_TRUE(db_->remove(Kind::kOrganisation, a.get<std::int64_t>(), alice_));
}

TEST_P(StoreTest, ComputedPartsAreKeptBesideTheRecord) {
    const auto e = db_->create(Kind::kEvent, Json{{"title", "s"}, {"date", "2026-12-03"}}, alice_)
                       .at("id")
                       .get<std::int64_t>();
    db_->set_computed(Kind::kEvent, e, "schedule", Json{{"held", 3}}, "schedule", alice_);
    EXPECT_EQ(db_->get(Kind::kEvent, e)->at("schedule").at("held"), 3);
    // A change of what people entered keeps it (the service recomputes where it must).
    db_->update(Kind::kEvent, e, Json{{"venue", "Hefei"}}, alice_);
    EXPECT_EQ(db_->get(Kind::kEvent, e)->at("schedule").at("held"), 3);
    EXPECT_THROW(db_->set_computed(Kind::kEvent, e, "impact", Json{}, "x", alice_), Error);
}

TEST_P(StoreTest, UsersHoldOnlyAHashOfTheirToken) {
    const auto o =
        db_->create(Kind::kOrganisation, org("A", "CN-HL"), alice_).at("id").get<std::int64_t>();
    const auto made = db_->add_user("bob", store::Role::kMember, o, alice_);
    EXPECT_TRUE(made.token.starts_with("tdm_"));
    EXPECT_GE(made.token.size(), 40u);
    const auto found = db_->user_by_token(made.token);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->name, "bob");
    EXPECT_EQ(found->role, store::Role::kMember);
    EXPECT_EQ(found->organisation, o);
    EXPECT_FALSE(db_->user_by_token(made.token + "x"));
    EXPECT_FALSE(db_->user_by_token(""));
    EXPECT_EQ(error_of([&] { db_->add_user("bob", store::Role::kViewer, {}, alice_); }),
              "name: a user 'bob' exists already");
    EXPECT_EQ(error_of([&] { db_->add_user("carol", store::Role::kMember, 99, alice_); }),
              "organisation: no organisation 99");
    // The token itself is nowhere in the store.
    if (GetParam() == "sqlite") {
        db_.reset();
        for (const auto& file : {location_, location_ + "-wal"}) {
            std::ifstream in(file, std::ios::binary);
            std::stringstream bytes;
            bytes << in.rdbuf();
            EXPECT_EQ(bytes.str().find(made.token.substr(4)), std::string::npos) << file;
        }
    } else {
        pqxx::connection c(location_);
        pqxx::nontransaction w(c);
        for (const auto& row : w.exec("SELECT name, role, token_hash FROM users")) {
            for (const auto& field : row) {
                EXPECT_EQ(std::string(field.c_str()).find(made.token.substr(4)), std::string::npos);
            }
        }
    }
}

TEST_P(StoreTest, EveryChangeIsAudited) {
    const auto id =
        db_->create(Kind::kOrganisation, org("A", "CN-HL"), alice_).at("id").get<std::int64_t>();
    db_->update(Kind::kOrganisation, id, Json{{"kind", "enterprise"}}, store::Actor{"bob"});
    db_->remove(Kind::kOrganisation, id, store::Actor{"carol"});
    const auto log = db_->audit(10);
    ASSERT_EQ(log.size(), 3u);  // newest first
    EXPECT_EQ(log[0].action, "delete");
    EXPECT_EQ(log[0].user, "carol");
    EXPECT_EQ(log[1].action, "update");
    EXPECT_EQ(log[1].user, "bob");
    EXPECT_EQ(log[1].detail.at("kind"), "enterprise");
    EXPECT_EQ(log[2].action, "create");
    EXPECT_EQ(log[2].kind, "organisations");
    EXPECT_EQ(log[2].record, id);
}

TEST_P(StoreTest, RecordsSurviveReopening) {
    const auto id =
        db_->create(Kind::kOrganisation, org("A", "黑龙江"), alice_).at("id").get<std::int64_t>();
    db_.reset();
    const auto again = store::Store::open(location_);
    EXPECT_EQ(again->get(Kind::kOrganisation, id)->at("region"), "CN-HL");
}

INSTANTIATE_TEST_SUITE_P(Engines,
                         StoreTest,
                         ::testing::Values("sqlite", "postgresql"),
                         [](const auto& engine) { return engine.param; });

TEST(StoreOpen, RefusesWhatIsNotATandemStore) {
    const auto file = std::filesystem::temp_directory_path() /
                      ("tandem-not-a-store-" + std::to_string(getpid()) + ".db");
    std::filesystem::remove(file);
    {
        // A SQLite file of something else.
        sqlite3* other = nullptr;
        ASSERT_EQ(sqlite3_open(file.c_str(), &other), SQLITE_OK);
        sqlite3_exec(other, "CREATE TABLE invoices (n INTEGER)", nullptr, nullptr, nullptr);
        sqlite3_close(other);
    }
    try {
        store::Store::open(file.string());
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("not a tandem store"), std::string::npos);
    }
    std::filesystem::remove(file);
    std::ofstream(file) << "not a database at all, just text that is long enough to be read";
    EXPECT_THROW(store::Store::open(file.string()), Error);
    std::filesystem::remove(file);
    try {
        store::Store::open("postgresql://nobody@/none?host=/nonexistent&port=1");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::kIo);
        EXPECT_NE(std::string(e.what()).find("cannot connect to PostgreSQL"), std::string::npos);
    }
}

}  // namespace
}  // namespace tandem::test
