// tandem serve: the cooperation office's service; tandem user add|list: its users.
#include <csignal>
#include <iostream>

#include <fmt/format.h>

#include "tandem/core/error.hpp"
#include "tandem/service/service.hpp"
#include "tandem/store/store.hpp"

#include "common.hpp"

namespace tandem::cli {

namespace {

std::atomic<bool> g_stop{false};

extern "C" void on_signal(int) {
    g_stop.store(true);
}

}  // namespace

void add_serve_commands(CLI::App& app) {
    {
        auto o = std::make_shared<service::ServeOptions>();
        auto* cmd = add_command(
            app,
            "serve",
            "The cooperation office's service (docs/service.md): organisations, events,\n"
            "agreements and projects in one store, briefs and the impact of what was signed,\n"
            "as JSON under /api/v1/ (OpenAPI at /api/v1/openapi.json). Stops on Ctrl-C.",
            service::serve_settings(*o));
        cmd->callback([o] {
            std::signal(SIGINT, on_signal);
            std::signal(SIGTERM, on_signal);
            service::serve(*o, g_stop, [&](const std::string& address) {
                std::cerr << fmt::format("tandem serve: {} ({}); Ctrl-C stops\n", address, o->db);
            });
        });
    }
    auto* user =
        app.add_subcommand("user", "Users of the service: add one (prints its token), list them.");
    user->require_subcommand(1);
    {
        struct Args {
            std::string name;
            std::string role;
            std::string db = "tandem.db";
            std::int64_t organisation = 0;
        };
        auto a = std::make_shared<Args>();
        auto* cmd = user->add_subcommand(
            "add",
            "Add a user; the last line printed is its API token (shown once, stored as a hash).");
        cmd->add_option("name", a->name, "user name")->required();
        cmd->add_option("--role", a->role, "admin, organiser, member or viewer")
            ->required()
            ->check(CLI::IsMember({"admin", "organiser", "member", "viewer"}));
        cmd->add_option("--db", a->db, "the store (default tandem.db)");
        cmd->add_option("--organisation", a->organisation, "a member's own organisation (its id)");
        cmd->callback([a] {
            auto db = store::Store::open(a->db);
            const auto made = db->add_user(
                a->name,
                *store::role_from_name(a->role),
                a->organisation > 0 ? std::optional<std::int64_t>(a->organisation) : std::nullopt,
                {"tandem user add"});
            std::cout << fmt::format("user {} ({}, id {}) added to {}; its token:\n",
                                     made.user.name,
                                     a->role,
                                     made.user.id,
                                     a->db)
                      << made.token << '\n';
        });
    }
    {
        auto db_path = std::make_shared<std::string>("tandem.db");
        auto* cmd = user->add_subcommand("list", "The users: id, name, role, organisation.");
        cmd->add_option("--db", *db_path, "the store (default tandem.db)");
        cmd->callback([db_path] {
            auto db = store::Store::open(*db_path);
            for (const auto& u : db->users()) {
                std::cout << fmt::format("{}\t{}\t{}\t{}\n",
                                         u.id,
                                         u.name,
                                         store::role_name(u.role),
                                         u.organisation ? std::to_string(*u.organisation) : "");
            }
        });
    }
}

}  // namespace tandem::cli
