// The service behind cpp-httplib's threaded server: each request copied into a Request,
// answered by Service::handle.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "tandem/core/error.hpp"
#include "tandem/service/service.hpp"

#include <dlfcn.h>
#include <unistd.h>

namespace tandem::service {

namespace {

void answer(Service& service, const httplib::Request& in, httplib::Response& out) {
    Request r;
    r.method = in.method;
    r.path = in.path;
    for (const auto& [key, value] : in.params) {
        r.query[key] = value;
    }
    r.authorization = in.get_header_value("Authorization");
    r.body = in.body;
    const Response a = service.handle(r);
    out.status = a.status;
    for (const auto& [key, value] : a.headers) {
        out.set_header(key, value);
    }
    out.set_content(a.body, a.content_type);
}

}  // namespace

bool ServeOptions::is_valid(std::string* why) const {
    return all_valid(why,
                     {{!db.empty(), "no store (--db)"},
                      {port >= 1 && port <= 65535, "port: expected 1 to 65535"},
                      {!bind.empty(), "no address to listen on (--bind)"},
                      {max_body >= 1024 && max_body <= (std::size_t{1} << 30),
                       "max-body: expected 1024 bytes to 1 GiB"},
                      {threads >= 1 && threads <= 256, "threads: expected 1 to 256"}});
}

Settings serve_settings(ServeOptions& o) {
    return {
        {"--db", "a SQLite file (default tandem.db, created) or a postgresql:// URL", &o.db},
        {"--port", "TCP port (default 8080)", &o.port, {}, false, 1, 65535},
        {"--bind",
         "address to listen on (default 127.0.0.1; TLS through a reverse proxy)",
         &o.bind},
        {"--max-body",
         "largest request body in bytes (default 1 MiB)",
         &o.max_body,
         {},
         false,
         1024,
         1 << 30},
        {"--threads", "request threads (default 8)", &o.threads, {}, false, 1, 256},
        {"--web",
         "the dashboard's built files (default: web/dist, built by scripts/run.sh)",
         &o.web},
    };
}

std::string dashboard_dir(const std::string& given) {
    namespace fs = std::filesystem;
    std::vector<fs::path> candidates;
    if (!given.empty()) {
        candidates.push_back(given);
    } else {
        if (const char* env = std::getenv("TANDEM_WEB_DIR"); env != nullptr && *env != '\0') {
            candidates.push_back(env);
        }
        char exe[4096];
        const auto len = readlink("/proc/self/exe", exe, sizeof exe - 1);
        if (len > 0) {
            exe[len] = '\0';
            candidates.push_back(fs::path(exe).parent_path().parent_path() / "share" / "tandem" /
                                 "web");
        }
        candidates.push_back(TANDEM_SOURCE_WEB_DIR);
    }
    for (const auto& c : candidates) {
        std::error_code ec;
        if (fs::exists(c / "index.html", ec)) {
            return c.string();
        }
    }
    if (!given.empty()) {
        fail(ErrorCode::kIo,
             "--web {}: no index.html there (build it: cd web && npm run build)",
             given);
    }
    return {};
}

namespace {

// The requests are the parallelism: a BLAS that also starts a thread per core for each of them
// (OpenBLAS by default) thrashes, 8 uncached briefs at once ran at a third of the rate of one
// thread each (bench/serve_load.py). Looked up at run time: the BLAS may be another.
void one_blas_thread_per_request() {
    using SetThreads = void (*)(int);
    if (auto* set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"))) {
        set(1);
    }
}

}  // namespace

void serve(const ServeOptions& options,
           const std::atomic<bool>& stop,
           const std::function<void(const std::string&)>& ready) {
    require_valid(options);
    one_blas_thread_per_request();
    auto db = store::Store::open(options.db);
    ServiceOptions so;
    so.max_body = options.max_body;
    Service service(*db, so);
    httplib::Server server;
    server.new_task_queue = [threads = options.threads] {
        return new httplib::ThreadPool(static_cast<std::size_t>(threads));
    };
    // Small answers go out at once (no 40 ms wait for the client's delayed ACK).
    server.set_tcp_nodelay(true);
    // Bodies above the limit never reach the handler: httplib answers 413 itself.
    server.set_payload_max_length(options.max_body);
    const auto handler = [&service](const httplib::Request& in, httplib::Response& out) {
        answer(service, in, out);
    };
    // The dashboard: its files first (GET /, /app.js), everything else to the API.
    const std::string web = dashboard_dir(options.web);
    if (!web.empty()) {
        server.set_mount_point("/", web);
    }
    server.Get(".*", handler);
    server.Post(".*", handler);
    server.Patch(".*", handler);
    server.Delete(".*", handler);
    server.Put(".*", handler);
    // What cpp-httplib refuses before a route runs: say what, not only the status.
    server.set_error_handler([](const httplib::Request& in, httplib::Response& out) {
        if (!out.body.empty()) {
            return;
        }
        std::string why = fmt::format("HTTP {}", out.status);
        if (out.status == 400 && (in.method == "POST" || in.method == "PATCH")) {
            why =
                "the request could not be read: a POST or PATCH needs a Content-Length (send "
                "an empty body, e.g. curl -d '', or {})";
        }
        out.set_content(nlohmann::json{{"error", why}}.dump() + "\n", "application/json");
    });
    if (!server.bind_to_port(options.bind, options.port)) {
        fail(ErrorCode::kIo,
             "cannot listen on {}:{} (taken, or not an address of this machine)",
             options.bind,
             options.port);
    }
    std::thread listener([&server] { server.listen_after_bind(); });
    ready(fmt::format("http://{}:{}{}",
                      options.bind,
                      options.port,
                      web.empty() ? " (no dashboard built: cd web && npm run build)" : ""));
    while (!stop.load()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    server.stop();
    listener.join();
}

}  // namespace tandem::service
