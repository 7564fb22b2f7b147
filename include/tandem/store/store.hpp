// The cooperation office's store: organisations, events, agreements, projects, users and an
// audit log, in SQLite (one file, WAL; the default) or PostgreSQL (libpqxx) behind one
// interface and one schema. Records are JSON objects checked field by field (records.hpp);
// versioned migrations run when a store opens. Every write is one transaction: when a call
// returns, the record and its audit entry are on disk (SQLite synchronous=FULL, PostgreSQL
// commit). Thread-safe: one connection, calls serialised (a few hundred microseconds each on
// SQLite).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tandem::store {

using Json = nlohmann::ordered_json;

enum class Kind { kOrganisation, kEvent, kAgreement, kProject };
const std::vector<Kind>& all_kinds();
// "organisations", "events", "agreements", "projects": the table and the route.
std::string_view kind_name(Kind kind);
std::optional<Kind> kind_from_name(std::string_view name);

enum class Role { kViewer, kMember, kOrganiser, kAdmin };
std::string_view role_name(Role role);
std::optional<Role> role_from_name(std::string_view name);

struct User {
    std::int64_t id = 0;
    std::string name;
    Role role = Role::kViewer;
    std::optional<std::int64_t> organisation;  // a member's own organisation
};

// Who makes a change, for the audit log.
struct Actor {
    std::string name = "system";
};

struct AuditEntry {
    std::int64_t id = 0;
    std::string at;  // UTC, ISO 8601
    std::string user;
    std::string action;  // create, update, delete, user-add, schedule, impact
    std::string kind;
    std::int64_t record = 0;
    Json detail;
};

struct ListOptions {
    std::size_t limit = 100;  // at most 1000
    std::size_t offset = 0;
    // Equality filters on top-level fields ("event_id" = 3, "stage" = "signed").
    std::vector<std::pair<std::string, Json>> where;
};

class Store {
public:
    // A SQLite file path (created when missing) or a postgresql:// URL. Runs the migrations.
    // Errors (unreachable server, a file that is not a tandem store, a store from a newer
    // tandem) throw Error(kIo) or Error(kInvalidInput) with the path or URL (password hidden).
    static std::unique_ptr<Store> open(const std::string& location);
    virtual ~Store() = default;

    virtual std::string engine() const = 0;  // "sqlite" or "postgresql"
    virtual int schema_version() = 0;

    // Records: `fields` are checked (records.hpp) and the result carries "id", "created_at"
    // and "updated_at". Errors name the field; a reference to a missing record is refused.
    virtual Json create(Kind kind, const Json& fields, const Actor& actor) = 0;
    virtual std::optional<Json> get(Kind kind, std::int64_t id) = 0;
    virtual std::vector<Json> list(Kind kind, const ListOptions& options = {}) = 0;
    virtual std::size_t count(Kind kind) = 0;
    // Merges `patch` into the record (a null removes an optional field); the whole record is
    // checked again. Empty when there is no such record.
    virtual std::optional<Json> update(Kind kind,
                                       std::int64_t id,
                                       const Json& patch,
                                       const Actor& actor) = 0;
    // False when there is no such record; refused while other records refer to it.
    virtual bool remove(Kind kind, std::int64_t id, const Actor& actor) = 0;
    // A computed part of a record kept beside it (an event's schedule, a project's impact),
    // without touching what people entered; audited as `action`.
    virtual void set_computed(Kind kind,
                              std::int64_t id,
                              const std::string& field,
                              const Json& value,
                              const std::string& action,
                              const Actor& actor) = 0;

    // Users: the token is returned once and only its hash (libsodium) is stored.
    struct NewUser {
        User user;
        std::string token;
    };
    virtual NewUser add_user(const std::string& name,
                             Role role,
                             std::optional<std::int64_t> organisation,
                             const Actor& actor) = 0;
    virtual std::optional<User> user_by_token(const std::string& token) = 0;
    virtual std::vector<User> users() = 0;

    virtual std::vector<AuditEntry> audit(std::size_t limit = 100) = 0;
};

}  // namespace tandem::store
