// The routes of the service (private to src/service): each a method, a path pattern, whether it
// needs a user, and a handler that checks the user's role and answers.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

#include "tandem/brief/request.hpp"
#include "tandem/service/service.hpp"
#include "tandem/store/store.hpp"

namespace tandem::service {

using store::Json;

// An answer other than 200, thrown by a handler.
struct HttpError : std::runtime_error {
    int status;
    HttpError(int code, const std::string& message) : std::runtime_error(message), status(code) {}
    Response response() const;
};

// The model behind briefs and impacts (the shipped 2017 China MRIO and provincial tables),
// loaded on first use, and the briefs already answered.
class Analytics {
public:
    Analytics();
    ~Analytics();
    // The brief's JSON (as `tandem brief A B -o x.json`) of two regions on the shipped data
    // (year 2017 or 2012), in a language, with top sectors per table.
    std::string brief(const brief::BriefRequest& request);
    // A project's effects by region (docs/service.md): region, partner, rest of China, total.
    Json project_impact(const Json& project);
    // Several projects' effects together, grouped by the two regions given.
    Json portfolio_impact(const std::vector<Json>& projects,
                          const std::string& region_a,
                          const std::string& region_b);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The settings of brief::BriefRequest that GET /api/v1/brief reads from its query, beside a and
// b (the request's regions); the others name files on the server and are not offered.
const std::vector<std::string>& brief_query_settings();

struct Context {
    const Request& request;
    std::smatch match;
    store::User user;
    store::Store& store;
    Analytics& analytics;

    Json body() const;                         // the request's JSON object, or 400
    std::int64_t id(std::size_t group) const;  // a path number, or 404
    void require(store::Role role) const;      // 403 below the role
};

struct Route {
    std::string method;
    std::regex pattern;
    bool needs_user = true;
    std::function<Response(Context&)> handler;
    std::string path;     // as OpenAPI writes it: /api/v1/organisations/{id}
    std::string summary;  // one line
    std::string minimum;  // the lowest role that may call it ("" for everyone)
};

Response ok(const Json& body, int status = 200);

// Every route (records_routes.cpp, analytics_routes.cpp).
std::vector<Route> all_routes();
std::vector<Route> record_routes();
std::vector<Route> analytics_routes();

}  // namespace tandem::service
