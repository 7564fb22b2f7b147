// The service without a network (Service::handle), on both store engines: the routes, the
// authorisation matrix over every route and role, errors that name the field, 413, malformed
// bodies on every route, and the numbers it computes against the library's own.
#include "tandem/service/service.hpp"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "tandem/brief/brief.hpp"
#include "tandem/brief/request.hpp"
#include "tandem/core/error.hpp"

#include "support/fresh_store.hpp"
#include <unistd.h>

namespace tandem::test {
namespace {

using service::Request;
using service::Response;
using store::Json;

class ServiceTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        if (GetParam() == "postgresql" && postgres_url().empty()) {
            GTEST_SKIP() << "TANDEM_TEST_POSTGRES is not set";
        }
        db_ = store::Store::open(fresh_store_location(GetParam(), "s"));
        service::ServiceOptions o;
        o.max_body = 64 * 1024;
        service_ = std::make_unique<service::Service>(*db_, o);
        const store::Actor setup{"setup"};
        own_ =
            db_->create(store::Kind::kOrganisation,
                        Json{{"name", "Northeast Agricultural University"}, {"region", "黑龙江"}},
                        setup)
                .at("id")
                .get<std::int64_t>();
        other_ = db_->create(store::Kind::kOrganisation,
                             Json{{"name", "Anhui Agricultural University"}, {"region", "CN-AH"}},
                             setup)
                     .at("id")
                     .get<std::int64_t>();
        token_["admin"] = db_->add_user("ada", store::Role::kAdmin, {}, setup).token;
        token_["organiser"] = db_->add_user("olga", store::Role::kOrganiser, {}, setup).token;
        token_["member"] = db_->add_user("mei", store::Role::kMember, own_, setup).token;
        token_["viewer"] = db_->add_user("vic", store::Role::kViewer, {}, setup).token;
        token_["none"] = "";
    }

    Response call(const std::string& who,
                  const std::string& method,
                  const std::string& path,
                  const std::string& body = "",
                  const std::map<std::string, std::string>& query = {}) {
        Request r;
        r.method = method;
        r.path = path;
        r.query = query;
        r.body = body;
        if (!token_[who].empty()) {
            r.authorization = "Bearer " + token_[who];
        }
        return service_->handle(r);
    }
    Json json(const Response& r) { return Json::parse(r.body); }

    std::unique_ptr<store::Store> db_;
    std::unique_ptr<service::Service> service_;
    std::map<std::string, std::string> token_;
    std::int64_t own_ = 0;
    std::int64_t other_ = 0;
};

TEST_P(ServiceTest, HealthNeedsNoToken) {
    const auto r = call("none", "GET", "/api/v1/health");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(json(r).at("engine"), GetParam());
    EXPECT_EQ(json(r).at("schema_version"), 1);
}

TEST_P(ServiceTest, OrganisationsThroughTheApi) {
    const auto created = call("organiser",
                              "POST",
                              "/api/v1/organisations",
                              R"({"name": "Chery", "name_zh": "奇瑞汽车", "region": "皖"})");
    ASSERT_EQ(created.status, 201) << created.body;
    const auto id = json(created).at("id").get<std::int64_t>();
    EXPECT_EQ(json(created).at("region"), "CN-AH");
    const auto path = "/api/v1/organisations/" + std::to_string(id);
    EXPECT_EQ(json(call("viewer", "GET", path)).at("name_zh"), "奇瑞汽车");
    const auto patched = call("organiser", "PATCH", path, R"({"kind": "enterprise"})");
    EXPECT_EQ(patched.status, 200);
    EXPECT_EQ(json(patched).at("kind"), "enterprise");
    const auto list =
        json(call("viewer", "GET", "/api/v1/organisations", "", {{"region", "CN-AH"}}));
    EXPECT_EQ(list.at("items").size(), 2u);
    EXPECT_EQ(list.at("total"), 3);
    EXPECT_EQ(call("organiser", "DELETE", path).status, 200);
    EXPECT_EQ(call("viewer", "GET", path).status, 404);
    // The audit log says who did what.
    const auto audit = json(call("admin", "GET", "/api/v1/audit")).at("items");
    EXPECT_EQ(audit.at(0).at("action"), "delete");
    EXPECT_EQ(audit.at(0).at("user"), "olga");
    EXPECT_EQ(audit.at(1).at("detail").at("kind"), "enterprise");
}

TEST_P(ServiceTest, ErrorsAreJsonNamingTheField) {
    auto r = call("organiser", "POST", "/api/v1/organisations", R"({"name": "x"})");
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(json(r).at("error"), "region: required");
    EXPECT_EQ(json(r).at("field"), "region");
    r = call("organiser", "POST", "/api/v1/agreements", R"({"title": "t", "amount": "lots"})");
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(json(r).at("field"), "amount");
    r = call("organiser", "POST", "/api/v1/organisations", R"({"name": "x", "region": )");
    EXPECT_EQ(r.status, 400);
    EXPECT_NE(json(r).at("error").get<std::string>().find("body:1:"), std::string::npos) << r.body;
    r = call("organiser", "POST", "/api/v1/organisations", "[1, 2]");
    EXPECT_EQ(json(r).at("error"), "body: expected a JSON object");
    r = call("organiser",
             "POST",
             "/api/v1/organisations",
             "{\"name\": \"" + std::string(70 * 1024, 'x') + "\"}");
    EXPECT_EQ(r.status, 413);
    EXPECT_EQ(json(r).at("field"), "body");
    EXPECT_EQ(call("viewer", "GET", "/api/v1/nothing").status, 404);
    EXPECT_EQ(call("viewer", "PUT", "/api/v1/organisations").status, 405);
    EXPECT_EQ(call("viewer", "GET", "/api/v1/organisations/99999999999999999999").status, 404);
    r = call("none", "GET", "/api/v1/organisations");
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(r.headers.at("WWW-Authenticate"), "Bearer");
    token_["forged"] = "tdm_forged";
    EXPECT_EQ(call("forged", "GET", "/api/v1/organisations").status, 401);
}

// Every route, every role: who may do what (docs/service.md). Each case names a route of the
// OpenAPI file; a route without a case fails the test.
TEST_P(ServiceTest, AuthorisationMatrixCoversEveryRouteAndRole) {
    const std::string own = std::to_string(own_);
    const std::string other = std::to_string(other_);
    const auto event =
        db_->create(store::Kind::kEvent, Json{{"title", "e"}, {"date", "2026-12-03"}}, {"setup"})
            .at("id")
            .get<std::int64_t>();
    const auto mine = db_->create(store::Kind::kAgreement,
                                  Json{{"title", "mine"}, {"party_a", own_}, {"event_id", event}},
                                  {"setup"})
                          .at("id")
                          .get<std::int64_t>();
    const auto theirs =
        db_->create(
               store::Kind::kAgreement, Json{{"title", "theirs"}, {"party_a", other_}}, {"setup"})
            .at("id")
            .get<std::int64_t>();
    const auto project = db_->create(store::Kind::kProject,
                                     Json{{"name", "p"},
                                          {"agreement_id", mine},
                                          {"region", "CN-HL"},
                                          {"sectors", {"01"}},
                                          {"investment", 1000}},
                                     {"setup"})
                             .at("id")
                             .get<std::int64_t>();
    struct Case {
        std::string method, route, path, body;
        // Expected status for none, viewer, member, organiser, admin.
        std::array<int, 5> expect;
    };
    const std::string ev = std::to_string(event);
    const std::string m = std::to_string(mine);
    const std::string t = std::to_string(theirs);
    const std::string p = std::to_string(project);
    // Writes that succeed are undone by the next role's call or harmless (PATCH a title).
    const std::vector<Case> cases = {
        {"GET", "/api/v1/health", "/api/v1/health", "", {200, 200, 200, 200, 200}},
        {"GET", "/api/v1/openapi.json", "/api/v1/openapi.json", "", {200, 200, 200, 200, 200}},
        {"GET", "/api/v1/regions", "/api/v1/regions", "", {401, 200, 200, 200, 200}},
        {"GET", "/api/v1/organisations", "/api/v1/organisations", "", {401, 200, 200, 200, 200}},
        {"POST",
         "/api/v1/organisations",
         "/api/v1/organisations",
         R"({"name":"n","region":"CN-HL"})",
         {401, 403, 403, 201, 201}},
        {"GET",
         "/api/v1/organisations/{id}",
         "/api/v1/organisations/" + own,
         "",
         {401, 200, 200, 200, 200}},
        {"PATCH",
         "/api/v1/organisations/{id}",
         "/api/v1/organisations/" + own,
         R"({"kind":"university"})",
         {401, 403, 200, 200, 200}},
        {"PATCH",
         "/api/v1/organisations/{id}",
         "/api/v1/organisations/" + other,
         R"({"kind":"university"})",
         {401, 403, 403, 200, 200}},
        {"DELETE",
         "/api/v1/organisations/{id}",
         "/api/v1/organisations/" + other,
         "",
         {401, 403, 403, 400, 400}},
        {"GET", "/api/v1/events", "/api/v1/events", "", {401, 200, 200, 200, 200}},
        {"POST",
         "/api/v1/events",
         "/api/v1/events",
         R"({"title":"t","date":"2026-12-04"})",
         {401, 403, 403, 201, 201}},
        {"GET", "/api/v1/events/{id}", "/api/v1/events/" + ev, "", {401, 200, 200, 200, 200}},
        {"PATCH",
         "/api/v1/events/{id}",
         "/api/v1/events/" + ev,
         R"({"venue":"Hefei"})",
         {401, 403, 403, 200, 200}},
        {"DELETE", "/api/v1/events/{id}", "/api/v1/events/" + ev, "", {401, 403, 403, 400, 400}},
        {"POST",
         "/api/v1/events/{id}/schedule",
         "/api/v1/events/" + ev + "/schedule",
         "",
         {401, 403, 403, 400, 400}},
        {"GET",
         "/api/v1/events/{id}/impact",
         "/api/v1/events/" + ev + "/impact",
         "",
         {401, 200, 200, 200, 200}},
        {"GET", "/api/v1/agreements", "/api/v1/agreements", "", {401, 200, 200, 200, 200}},
        {"POST",
         "/api/v1/agreements",
         "/api/v1/agreements",
         R"({"title":"a","party_b":)" + own + "}",
         {401, 403, 201, 201, 201}},
        {"POST",
         "/api/v1/agreements",
         "/api/v1/agreements",
         R"({"title":"a","party_b":)" + other + "}",
         {401, 403, 403, 201, 201}},
        {"GET",
         "/api/v1/agreements/{id}",
         "/api/v1/agreements/" + m,
         "",
         {401, 200, 200, 200, 200}},
        {"PATCH",
         "/api/v1/agreements/{id}",
         "/api/v1/agreements/" + m,
         R"({"amount":10})",
         {401, 403, 200, 200, 200}},
        {"PATCH",
         "/api/v1/agreements/{id}",
         "/api/v1/agreements/" + t,
         R"({"amount":10})",
         {401, 403, 403, 200, 200}},
        {"GET", "/api/v1/projects", "/api/v1/projects", "", {401, 200, 200, 200, 200}},
        {"POST",
         "/api/v1/projects",
         "/api/v1/projects",
         R"({"name":"q","region":"CN-HL","sectors":["06"],"agreement_id":)" + m + "}",
         {401, 403, 201, 201, 201}},
        {"POST",
         "/api/v1/projects",
         "/api/v1/projects",
         R"({"name":"q","region":"CN-HL","sectors":["06"],"agreement_id":)" + t + "}",
         {401, 403, 403, 201, 201}},
        {"GET", "/api/v1/projects/{id}", "/api/v1/projects/" + p, "", {401, 200, 200, 200, 200}},
        {"PATCH",
         "/api/v1/projects/{id}",
         "/api/v1/projects/" + p,
         R"({"stage":"signed"})",
         {401, 403, 200, 200, 200}},
        {"DELETE", "/api/v1/projects/{id}", "/api/v1/projects/999", "", {401, 404, 404, 404, 404}},
        {"GET",
         "/api/v1/projects/{id}/impact",
         "/api/v1/projects/" + p + "/impact",
         "",
         {401, 200, 200, 200, 200}},
        {"GET",
         "/api/v1/projects/ledger.csv",
         "/api/v1/projects/ledger.csv",
         "",
         {401, 200, 200, 200, 200}},
        {"GET",
         "/api/v1/projects/ledger.xlsx",
         "/api/v1/projects/ledger.xlsx",
         "",
         {401, 200, 200, 200, 200}},
        {"GET", "/api/v1/brief", "/api/v1/brief", "", {401, 400, 400, 400, 400}},
        {"GET", "/api/v1/users", "/api/v1/users", "", {401, 403, 403, 403, 200}},
        {"POST",
         "/api/v1/users",
         "/api/v1/users",
         R"({"name":"u","role":"viewer"})",
         {401, 403, 403, 403, 201}},
        {"GET", "/api/v1/audit", "/api/v1/audit", "", {401, 403, 403, 403, 200}},
        {"DELETE",
         "/api/v1/agreements/{id}",
         "/api/v1/agreements/" + t,
         "",
         {401, 403, 403, 400, 400}},
        // Last: a member may not give its agreement away; an organiser may.
        {"PATCH",
         "/api/v1/agreements/{id}",
         "/api/v1/agreements/" + m,
         R"({"party_a":)" + other + "}",
         {401, 403, 403, 200, 200}},
    };
    const std::array<std::string, 5> roles = {"none", "viewer", "member", "organiser", "admin"};
    std::set<std::string> covered;
    for (const auto& c : cases) {
        covered.insert(c.method + " " + c.route);
        for (std::size_t k = 0; k < roles.size(); ++k) {
            const auto r = call(roles[k], c.method, c.path, c.body);
            EXPECT_EQ(r.status, c.expect[k])
                << c.method << " " << c.path << " as " << roles[k] << ": " << r.body;
        }
    }
    // A member may change the projects of its own agreements, and create them.
    const auto own_agreement = json(
        call("member", "POST", "/api/v1/agreements", R"({"title":"ours","party_a":)" + own + "}"));
    const auto own_project =
        call("member",
             "POST",
             "/api/v1/projects",
             R"({"name":"ours","region":"CN-HL","sectors":["01"],"agreement_id":)" +
                 own_agreement.at("id").dump() + "}");
    ASSERT_EQ(own_project.status, 201) << own_project.body;
    EXPECT_EQ(call("member",
                   "PATCH",
                   "/api/v1/projects/" + json(own_project).at("id").dump(),
                   R"({"stage":"started"})")
                  .status,
              200);
    // But not move it to an agreement it is not a party to.
    EXPECT_EQ(call("member",
                   "PATCH",
                   "/api/v1/projects/" + json(own_project).at("id").dump(),
                   R"({"agreement_id":)" + t + "}")
                  .status,
              403);
    const Json doc = Json::parse(service::openapi_json());
    for (const auto& [path, methods] : doc.at("paths").items()) {
        for (const auto& [method, op] : methods.items()) {
            std::string upper = method;
            std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
            EXPECT_TRUE(covered.contains(upper + " " + path))
                << upper << " " << path << " has no case";
        }
    }
}

TEST_P(ServiceTest, TheBriefIsTheCommandsJson) {
    const auto r = call(
        "viewer", "GET", "/api/v1/brief", "", {{"a", "黑龙江"}, {"b", "安徽"}, {"lang", "en"}});
    ASSERT_EQ(r.status, 200) << r.body;
    brief::BriefRequest request;
    request.regions = {"黑龙江", "安徽"};
    request.lang = "en";
    EXPECT_EQ(r.body, brief::brief_json(brief::run_brief(request)));
    // Cached: the same answer again.
    EXPECT_EQ(
        call("viewer", "GET", "/api/v1/brief", "", {{"a", "黑龙江"}, {"b", "安徽"}, {"lang", "en"}})
            .body,
        r.body);
    EXPECT_EQ(json(call("viewer", "GET", "/api/v1/brief", "", {{"a", "黑龙江"}, {"b", "安徽"}}))
                  .at("lang"),
              "zh");
    const auto bad = call("viewer", "GET", "/api/v1/brief", "", {{"a", "安微"}, {"b", "安徽"}});
    EXPECT_EQ(bad.status, 400);
    EXPECT_NE(json(bad).at("error").get<std::string>().find("did you mean 安徽"),
              std::string::npos);
    EXPECT_EQ(json(bad).at("field"), "a");
    const auto same = call("viewer", "GET", "/api/v1/brief", "", {{"a", "Anhui"}, {"b", "皖"}});
    EXPECT_EQ(same.status, 400);
    EXPECT_EQ(json(same).at("field"), "b");
}

// The query reads the brief request's own settings (brief::brief_settings): the same values
// and the same checks as `tandem brief --year --lang --top`.
TEST_P(ServiceTest, TheBriefQueryIsTheRequestsSettings) {
    const auto r = call("viewer",
                        "GET",
                        "/api/v1/brief",
                        "",
                        {{"a", "Anhui"}, {"b", "Jilin"}, {"year", "2012"}, {"top", "3"}});
    ASSERT_EQ(r.status, 200) << r.body;
    brief::BriefRequest request;
    request.regions = {"Anhui", "Jilin"};
    request.year = 2012;
    request.top = 3;
    EXPECT_EQ(r.body, brief::brief_json(brief::run_brief(request)));
    const auto error_of = [&](const char* name, const char* value) {
        const auto bad = call(
            "viewer", "GET", "/api/v1/brief", "", {{"a", "Anhui"}, {"b", "Jilin"}, {name, value}});
        EXPECT_EQ(bad.status, 400) << name << "=" << value;
        return json(bad).at("error").get<std::string>();
    };
    EXPECT_EQ(error_of("lang", "fr"), "lang: expected en, zh, found \"fr\"");
    EXPECT_EQ(error_of("top", "x"), "top: expected a whole number, found \"x\"");
    EXPECT_EQ(error_of("top", "0"), "top: expected 1 to 42 sectors, found 0");
    EXPECT_EQ(error_of("year", "1800"),
              "year: expected a number from 1900 to 2100, found \"1800\"");
    EXPECT_EQ(error_of("year", "2016"),
              "year: expected 2017 or 2012 (the shipped tables), found 2016");
}

// An event's portfolio is shown by its two regions; without "regions" they are the projects'
// region and buyer, so one project's portfolio equals its own impact (the buyer not folded
// into the rest of China).
TEST_P(ServiceTest, APortfolioOfOneIsItsProjectsImpact) {
    const auto ev = json(
        call("organiser", "POST", "/api/v1/events", R"({"title": "t", "date": "2026-12-03"})"));
    const auto ag = json(call("organiser",
                              "POST",
                              "/api/v1/agreements",
                              Json{{"title", "seeds"}, {"event_id", ev.at("id")}}.dump()));
    const auto pr = json(call("organiser",
                              "POST",
                              "/api/v1/projects",
                              Json{{"name", "seed base"},
                                   {"agreement_id", ag.at("id")},
                                   {"region", "CN-HL"},
                                   {"partner_region", "CN-AH"},
                                   {"sectors", {"01"}},
                                   {"investment", 50000}}
                                  .dump()));
    const auto id = [](const Json& j) { return std::to_string(j.at("id").get<std::int64_t>()); };
    const auto own = json(call("viewer", "GET", "/api/v1/projects/" + id(pr) + "/impact"));
    const auto portfolio = json(call("viewer", "GET", "/api/v1/events/" + id(ev) + "/impact"));
    EXPECT_EQ(portfolio.at("rows"), own.at("rows"));
    EXPECT_EQ(portfolio.at("rows").at(1).at(0), "Anhui");
    ASSERT_EQ(portfolio.at("values").size(), own.at("values").size());
    for (std::size_t i = 0; i < own.at("values").size(); ++i) {
        for (std::size_t j = 0; j < own.at("values").at(i).size(); ++j) {
            EXPECT_NEAR(portfolio.at("values").at(i).at(j).get<double>(),
                        own.at("values").at(i).at(j).get<double>(),
                        1e-9 * std::abs(own.at("values").at(3).at(3).get<double>()));
        }
    }
    EXPECT_EQ(portfolio.at("projects"), 1);
}

// A project's impact is the library's scenario effects of its demand, kept and recomputed when
// the project changes.
TEST_P(ServiceTest, ProjectImpactIsTheScenarioEffectsOfItsDemand) {
    const auto made = call("organiser",
                           "POST",
                           "/api/v1/projects",
                           R"({"name": "dairy", "region": "黑龙江", "partner_region": "安徽",
                               "sectors": ["06"], "investment": 100000})");
    ASSERT_EQ(made.status, 201) << made.body;
    const std::string path =
        "/api/v1/projects/" + std::to_string(json(made).at("id").get<std::int64_t>());
    const auto first = json(call("viewer", "GET", path + "/impact"));
    EXPECT_FALSE(first.at("cached").get<bool>());
    brief::BriefRequest r;
    r.regions = {"Heilongjiang", "Anhui"};
    const auto model = brief::load_brief_data(r);
    brief::Scenario sc;
    sc.changes = {brief::DemandChange{"CN-AH", "CN-HL", {"06"}, 100000.0}};
    const Table expected = brief::scenario_effects(model.mrio, model.tables, sc, "CN-HL", "CN-AH");
    const auto values = first.at("values");
    ASSERT_EQ(values.size(), 4u);
    for (Eigen::Index i = 0; i < expected.values.rows(); ++i) {
        for (Eigen::Index j = 0; j < expected.values.cols(); ++j) {
            EXPECT_DOUBLE_EQ(values.at(static_cast<std::size_t>(i))
                                 .at(static_cast<std::size_t>(j))
                                 .get<double>(),
                             expected.values(i, j));
        }
    }
    EXPECT_EQ(first.at("unit"), "10k CNY");
    EXPECT_TRUE(json(call("viewer", "GET", path + "/impact")).at("cached").get<bool>());
    // In Chinese: the same figures, the labels translated.
    const auto zh = json(call("viewer", "GET", path + "/impact", "", {{"lang", "zh"}}));
    EXPECT_EQ(zh.at("rows").at(0).at(0), "黑龙江");
    EXPECT_EQ(zh.at("columns").at(0).at(0), "总产出：区域内效应");
    EXPECT_EQ(zh.at("unit"), "万元");
    EXPECT_EQ(zh.at("values"), first.at("values"));
    EXPECT_EQ(call("viewer", "GET", path + "/impact", "", {{"lang", "fr"}}).status, 400);
    call("organiser", "PATCH", path, R"({"investment": 200000})");
    const auto again = json(call("viewer", "GET", path + "/impact"));
    EXPECT_FALSE(again.at("cached").get<bool>());
    // Linear in the demand: twice the investment, twice the total output.
    EXPECT_NEAR(again.at("values").at(3).at(3).get<double>(), 2 * expected.values(3, 3), 1e-6);
    // A project in one region: that region, the rest of China, the total.
    const auto local =
        call("organiser",
             "POST",
             "/api/v1/projects",
             R"({"name": "mill", "region": "CN-AH", "sectors": ["06"], "investment": 5000})");
    const auto l =
        json(call("viewer",
                  "GET",
                  "/api/v1/projects/" + std::to_string(json(local).at("id").get<std::int64_t>()) +
                      "/impact"));
    ASSERT_EQ(l.at("rows").size(), 3u);
    EXPECT_EQ(l.at("rows").at(0).at(0), "Anhui");
    EXPECT_EQ(l.at("rows").at(1).at(0), "Rest of China");
    const auto missing =
        call("viewer",
             "GET",
             "/api/v1/projects/" + std::to_string(json(local).at("id").get<std::int64_t>() + 100) +
                 "/impact");
    EXPECT_EQ(missing.status, 404);
}

TEST_P(ServiceTest, AnEventIsScheduledFromItsSymposium) {
    std::ifstream in(std::string(TANDEM_SOURCE_DATA_DIR) +
                     "/symposium/heilongjiang_anhui_2026.json");
    std::stringstream text;
    text << in.rdbuf();
    const Json body{{"title", "Heilongjiang-Anhui"},
                    {"date", "2026-12-03"},
                    {"symposium", Json::parse(text.str())}};
    const auto made = call("organiser", "POST", "/api/v1/events", body.dump());
    ASSERT_EQ(made.status, 201) << made.body.substr(0, 300);
    const std::string path =
        "/api/v1/events/" + std::to_string(json(made).at("id").get<std::int64_t>());
    const auto r = call("organiser", "POST", path + "/schedule");
    ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
    EXPECT_EQ(json(r).at("held"), 55);
    EXPECT_EQ(json(r).at("meetings").size(), 55u);
    // The summary in the language asked, and in both for a reader who switches.
    const Json scheduled = json(r);
    const Json& by_lang = scheduled.at("summary_by_lang");
    EXPECT_EQ(scheduled.at("summary"), by_lang.at("en"));
    EXPECT_EQ(by_lang.at("en").at(0), "meetings held: 55 of 55 requested");
    EXPECT_EQ(by_lang.at("zh").at(0), "已安排会见：55 场（共申请 55 场）");
    // Locking a meeting keeps it in its slot at the re-run, and the lock stays with the event.
    const auto lock = call("organiser",
                           "POST",
                           path + "/schedule",
                           R"({"locked": [{"a": "neau", "b": "ahau", "slot": 7, "table": 2}]})");
    ASSERT_EQ(lock.status, 200) << lock.body.substr(0, 300);
    bool kept = false;
    const Json answer = json(lock);  // kept: the loop reads into it
    for (const auto& m : answer.at("meetings")) {
        const std::set<std::string> pair = {m.at("a").get<std::string>(),
                                            m.at("b").get<std::string>()};
        kept = kept || (pair == std::set<std::string>{"neau", "ahau"} && m.at("slot") == 7 &&
                        m.at("table") == 2);
    }
    EXPECT_TRUE(kept);
    EXPECT_EQ(json(call("viewer", "GET", path)).at("schedule").at("held"), 55);
}

TEST_P(ServiceTest, TheLedgerAsCsvAndXlsx) {
    call(
        "organiser",
        "POST",
        "/api/v1/projects",
        R"({"name": "dairy", "region": "CN-HL", "sectors": ["06"], "investment": 1000, "funds_in_place": 250,
             "indicators": {"jobs": 120}})");
    const auto csv = call("viewer", "GET", "/api/v1/projects/ledger.csv");
    EXPECT_EQ(csv.content_type, "text/csv; charset=utf-8");
    EXPECT_NE(csv.body.find("id,name,stage,region,partner_region,sectors,agreement,"),
              std::string::npos);
    EXPECT_NE(csv.body.find(",dairy,negotiating,CN-HL,,06,,1000,250,25,120,"), std::string::npos)
        << csv.body;
    const auto xlsx = call("viewer", "GET", "/api/v1/projects/ledger.xlsx");
    EXPECT_EQ(xlsx.body.substr(0, 2), "PK");  // a ZIP container
}

// Malformed JSON and wrong types on every route that takes a body: always a 4xx JSON error,
// never a 500, and nothing stored.
TEST_P(ServiceTest, EveryRouteSurvivesMalformedBodies) {
    const std::vector<std::pair<std::string, std::string>> routes = {
        {"POST", "/api/v1/organisations"},
        {"PATCH", "/api/v1/organisations/" + std::to_string(own_)},
        {"POST", "/api/v1/events"},
        {"POST", "/api/v1/agreements"},
        {"POST", "/api/v1/projects"},
        {"POST", "/api/v1/users"},
    };
    const std::vector<std::string> valid = {
        R"({"name": "n", "region": "CN-HL", "sectors": ["01"], "offers": ["a"]})",
        R"({"title": "t", "date": "2026-12-03", "amount": 5, "party_a": 1})",
        R"({"name": "p", "region": "CN-AH", "sectors": ["06"], "investment": 10, "milestones": [{"name": "m", "date": "2027-01-01", "done": false}]})",
    };
    std::mt19937 rng(12345);
    const std::size_t before =
        db_->count(store::Kind::kOrganisation) + db_->count(store::Kind::kProject);
    int tried = 0;
    for (const auto& [method, path] : routes) {
        for (const auto& v : valid) {
            for (int k = 0; k < 40; ++k) {
                std::string body = v;
                switch (k % 5) {
                    case 0:  // cut short
                        body.resize(rng() % body.size());
                        break;
                    case 1:  // a byte replaced
                        body[rng() % body.size()] = static_cast<char>(rng() % 256);
                        break;
                    case 2:  // values of the wrong type
                        body = std::regex_replace(
                            body, std::regex(R"("[a-z_]+": "[^"]*")"), "\"name\": [[{}]]");
                        break;
                    case 3:  // numbers as strings, strings as numbers
                        body = std::regex_replace(body, std::regex(R"(: ([0-9]+))"), ": \"$1x\"");
                        body = std::regex_replace(body, std::regex(R"(: "[A-Za-z]+")"), ": -1e400");
                        break;
                    default:  // deep nesting
                        body = std::string(200, '[') + std::string(200, ']');
                        break;
                }
                const auto r = call("admin", method, path, body);
                ++tried;
                EXPECT_TRUE(r.status < 500)
                    << method << " " << path << " " << body << ": " << r.body;
                if (r.status >= 400) {
                    EXPECT_TRUE(Json::parse(r.body).contains("error")) << r.body;
                }
            }
        }
    }
    EXPECT_EQ(tried, 720);
    EXPECT_GE(db_->count(store::Kind::kOrganisation) + db_->count(store::Kind::kProject), before);
}

INSTANTIATE_TEST_SUITE_P(Engines,
                         ServiceTest,
                         ::testing::Values("sqlite", "postgresql"),
                         [](const auto& engine) { return engine.param; });

TEST(OpenApi, DescribesEveryRouteAndRecord) {
    const Json doc = Json::parse(service::openapi_json());
    EXPECT_EQ(doc.at("openapi"), "3.0.3");
    for (const char* path : {"/api/v1/health",
                             "/api/v1/organisations",
                             "/api/v1/organisations/{id}",
                             "/api/v1/events/{id}/schedule",
                             "/api/v1/projects/{id}/impact",
                             "/api/v1/brief",
                             "/api/v1/regions"}) {
        EXPECT_TRUE(doc.at("paths").contains(path)) << path;
    }
    EXPECT_EQ(doc.at("components").at("schemas").at("organisations").at("required"),
              (Json{"name", "region"}));
    EXPECT_TRUE(doc.at("paths").at("/api/v1/organisations").at("post").contains("requestBody"));
    // The brief's query parameters come from the request's settings, help text included.
    std::vector<std::string> names;
    for (const auto& p : doc.at("paths").at("/api/v1/brief").at("get").at("parameters")) {
        names.push_back(p.at("name"));
        if (p.at("name") == "lang") {
            EXPECT_EQ(p.at("schema").at("enum"), (Json{"en", "zh"}));
        }
        if (p.at("name") == "top") {
            EXPECT_EQ(p.at("schema").at("type"), "integer");
            EXPECT_EQ(p.at("description"), "sectors listed per table (default 8)");
        }
    }
    EXPECT_EQ(names, (std::vector<std::string>{"a", "b", "year", "lang", "top"}));
}

}  // namespace
}  // namespace tandem::test
