#include "tandem/service/service.hpp"

#include <mutex>
#include <regex>

#include <fmt/format.h>

#include "tandem/core/error.hpp"
#include "tandem/data/json_input.hpp"
#include "tandem/store/records.hpp"

#include "routes.hpp"

namespace tandem::service {

namespace {

Response json_response(int status, const Json& body) {
    Response r;
    r.status = status;
    r.body = body.dump(1) + "\n";
    return r;
}

// "field: what was wrong" names the field; other messages name none.
Response error_response(int status, const std::string& message) {
    Json body{{"error", message}};
    static const std::regex field(R"(^([A-Za-z_][A-Za-z0-9_]*(\[[0-9]+\])?(\.[A-Za-z_]+)?): )");
    std::smatch m;
    if (std::regex_search(message, m, field)) {
        body["field"] = m[1].str();
    }
    return json_response(status, body);
}

int status_of(ErrorCode code) {
    switch (code) {
        case ErrorCode::kUsage:
        case ErrorCode::kInvalidInput:
            return 400;
        case ErrorCode::kNumerical:
            return 422;
        case ErrorCode::kIo:
            return 503;
        case ErrorCode::kInternal:
            return 500;
    }
    return 500;
}

}  // namespace

Response HttpError::response() const {
    return error_response(status, what());
}

Json Context::body() const {
    if (request.body.empty()) {
        throw HttpError(400, "body: expected a JSON object");
    }
    try {
        Json j = data::parse_json(request.body, "body");
        if (!j.is_object()) {
            throw HttpError(400, "body: expected a JSON object");
        }
        return j;
    } catch (const Error& e) {
        throw HttpError(400, e.what());
    }
}

std::int64_t Context::id(std::size_t group) const {
    try {
        const auto v = std::stoll(match[group].str());
        if (v > 0) {
            return v;
        }
    } catch (const std::exception&) {  // beyond 64 bits
    }
    throw HttpError(404, fmt::format("no record {}", match[group].str()));
}

void Context::require(store::Role role) const {
    if (static_cast<int>(user.role) < static_cast<int>(role)) {
        throw HttpError(403,
                        fmt::format("{} may not do this (needs the role {} or above)",
                                    store::role_name(user.role),
                                    store::role_name(role)));
    }
}

Response ok(const Json& body, int status) {
    return json_response(status, body);
}

struct Service::Impl {
    store::Store& store;
    ServiceOptions options;
    Analytics analytics;
    std::vector<Route> routes = all_routes();

    Impl(store::Store& s, const ServiceOptions& o) : store(s), options(o) {}

    Response handle(const Request& request) {
        if (request.body.size() > options.max_body) {
            return error_response(413,
                                  fmt::format("body: {} bytes; at most {} are accepted",
                                              request.body.size(),
                                              options.max_body));
        }
        bool path_known = false;
        for (const auto& route : routes) {
            std::smatch m;
            if (!std::regex_match(request.path, m, route.pattern)) {
                continue;
            }
            path_known = true;
            if (route.method != request.method) {
                continue;
            }
            try {
                Context ctx{request, m, {}, store, analytics};
                if (route.needs_user) {
                    ctx.user = authenticate(request);
                }
                return route.handler(ctx);
            } catch (const HttpError& e) {
                return e.response();
            } catch (const Error& e) {
                return error_response(status_of(e.code()), e.what());
            } catch (const std::exception& e) {
                return error_response(500, fmt::format("internal error: {}", e.what()));
            }
        }
        return path_known
                   ? error_response(
                         405, fmt::format("{} is not allowed on {}", request.method, request.path))
                   : error_response(404, fmt::format("no route {}", request.path));
    }

    store::User authenticate(const Request& request) {
        const std::string prefix = "Bearer ";
        if (!request.authorization.starts_with(prefix)) {
            throw HttpError(401, "authorization: expected \"Authorization: Bearer TOKEN\"");
        }
        const auto user = store.user_by_token(request.authorization.substr(prefix.size()));
        if (!user) {
            throw HttpError(401, "authorization: unknown token");
        }
        return *user;
    }
};

Service::Service(store::Store& store, const ServiceOptions& options)
    : impl_(std::make_unique<Impl>(store, options)) {}
Service::~Service() = default;

Response Service::handle(const Request& request) {
    Response r = impl_->handle(request);
    if (r.status == 401) {
        r.headers["WWW-Authenticate"] = "Bearer";
    }
    return r;
}

}  // namespace tandem::service
