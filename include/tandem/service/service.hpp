// tandem serve: the cooperation office's service. `Service` answers one HTTP request at a time
// (routing, authentication, roles, JSON in and out) without any network, so tests call it
// directly; `serve` puts it behind cpp-httplib's server. Routes, roles and formats:
// docs/service.md and /api/v1/openapi.json.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "tandem/core/settings.hpp"
#include "tandem/store/store.hpp"

namespace tandem::service {

struct Request {
    std::string method;  // GET, POST, PATCH, DELETE
    std::string path;    // /api/v1/organisations/3
    std::map<std::string, std::string> query;
    std::string authorization;  // the Authorization header
    std::string body;
};

struct Response {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::map<std::string, std::string> headers;
};

struct ServiceOptions {
    std::size_t max_body = 1 << 20;  // bytes of a request body; larger: 413
};

// Thread-safe: the store serialises its calls; the model for briefs and impacts is loaded once
// (about a second, on first use) and briefs are cached by their query.
class Service {
public:
    Service(store::Store& store, const ServiceOptions& options = {});
    ~Service();
    Service(const Service&) = delete;
    Service& operator=(const Service&) = delete;

    Response handle(const Request& request);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The OpenAPI 3 document of the routes (served at /api/v1/openapi.json).
std::string openapi_json();

struct ServeOptions {
    std::string db = "tandem.db";  // a SQLite file or a postgresql:// URL
    int port = 8080;
    std::string bind = "127.0.0.1";  // loopback: TLS and outside access through a reverse proxy
    std::size_t max_body = 1 << 20;
    int threads = 8;
    // The dashboard's built files (web/dist); empty: $TANDEM_WEB_DIR, else share/tandem/web
    // beside the binary, else the source tree's web/dist.
    std::string web;

    bool is_valid(std::string* why) const;
};
Settings serve_settings(ServeOptions& o);

// Where the dashboard's built files are (see ServeOptions::web); empty when none are built.
std::string dashboard_dir(const std::string& given);

// Serves until `stop` becomes true (checked every 200 ms) or the listener fails; calls `ready`
// with the address once listening. Errors (port taken, store unreachable) throw Error(kIo).
void serve(const ServeOptions& options,
           const std::atomic<bool>& stop,
           const std::function<void(const std::string&)>& ready);

}  // namespace tandem::service
