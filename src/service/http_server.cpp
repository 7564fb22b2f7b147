// The service behind cpp-httplib's threaded server: each request copied into a Request,
// answered by Service::handle.
#include <chrono>
#include <thread>

#include <fmt/format.h>
#include <httplib.h>

#include "tandem/core/error.hpp"
#include "tandem/service/service.hpp"

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

void serve(const ServeOptions& options,
           const std::atomic<bool>& stop,
           const std::function<void(const std::string&)>& ready) {
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
    server.Get(".*", handler);
    server.Post(".*", handler);
    server.Patch(".*", handler);
    server.Delete(".*", handler);
    server.Put(".*", handler);
    server.set_error_handler([](const httplib::Request&, httplib::Response& out) {
        if (out.body.empty()) {
            out.set_content(fmt::format("{{\"error\": \"HTTP {}\"}}\n", out.status),
                            "application/json");
        }
    });
    if (!server.bind_to_port(options.bind, options.port)) {
        fail(ErrorCode::kIo,
             "cannot listen on {}:{} (taken, or not an address of this machine)",
             options.bind,
             options.port);
    }
    std::thread listener([&server] { server.listen_after_bind(); });
    ready(fmt::format("http://{}:{}", options.bind, options.port));
    while (!stop.load()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    server.stop();
    listener.join();
}

}  // namespace tandem::service
