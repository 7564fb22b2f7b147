#include "tandem/store/store.hpp"

#include <algorithm>
#include <chrono>
#include <mutex>

#include <fmt/format.h>

#include "tandem/core/error.hpp"
#include "tandem/store/records.hpp"

#include "db.hpp"
#include <sodium.h>

namespace tandem::store {

const std::vector<Kind>& all_kinds() {
    static const std::vector<Kind> kinds = {
        Kind::kOrganisation, Kind::kEvent, Kind::kAgreement, Kind::kProject};
    return kinds;
}

std::string_view kind_name(Kind kind) {
    switch (kind) {
        case Kind::kOrganisation:
            return "organisations";
        case Kind::kEvent:
            return "events";
        case Kind::kAgreement:
            return "agreements";
        case Kind::kProject:
            return "projects";
    }
    return "organisations";
}

std::optional<Kind> kind_from_name(std::string_view name) {
    for (const auto k : all_kinds()) {
        if (kind_name(k) == name) {
            return k;
        }
    }
    return std::nullopt;
}

std::string_view role_name(Role role) {
    switch (role) {
        case Role::kViewer:
            return "viewer";
        case Role::kMember:
            return "member";
        case Role::kOrganiser:
            return "organiser";
        case Role::kAdmin:
            return "admin";
    }
    return "viewer";
}

std::optional<Role> role_from_name(std::string_view name) {
    for (const auto r : {Role::kViewer, Role::kMember, Role::kOrganiser, Role::kAdmin}) {
        if (role_name(r) == name) {
            return r;
        }
    }
    return std::nullopt;
}

namespace {

// How a kind is kept: fields copied into columns (to filter on and to keep references
// honest), and the computed part kept beside the record.
struct Layout {
    Kind kind;
    std::vector<std::string> columns;
    std::string computed;  // "" when none
};

const Layout& layout(Kind kind) {
    static const std::vector<Layout> all = {
        {Kind::kOrganisation, {"region"}, ""},
        {Kind::kEvent, {}, "schedule"},
        {Kind::kAgreement, {"event_id", "party_a", "party_b"}, ""},
        {Kind::kProject, {"agreement_id", "organisation_id", "stage"}, "impact"},
    };
    return *std::find_if(all.begin(), all.end(), [&](const Layout& l) { return l.kind == kind; });
}

constexpr int kSchemaVersion = 1;

// The schema, one list of steps per version (the same SQL on both engines but for the id type).
std::vector<std::string> migration(int version, const std::string& id) {
    if (version != 1) {
        return {};
    }
    return {
        fmt::format("CREATE TABLE users (id {}, name TEXT NOT NULL UNIQUE, role TEXT NOT NULL, "
                    "organisation_id BIGINT, token_hash TEXT NOT NULL UNIQUE, "
                    "created_at TEXT NOT NULL)",
                    id),
        fmt::format("CREATE TABLE organisations (id {}, region TEXT NOT NULL, data TEXT NOT NULL, "
                    "created_at TEXT NOT NULL, updated_at TEXT NOT NULL)",
                    id),
        fmt::format("CREATE TABLE events (id {}, data TEXT NOT NULL, schedule TEXT, "
                    "created_at TEXT NOT NULL, updated_at TEXT NOT NULL)",
                    id),
        fmt::format("CREATE TABLE agreements (id {}, event_id BIGINT REFERENCES events(id), "
                    "party_a BIGINT REFERENCES organisations(id), "
                    "party_b BIGINT REFERENCES organisations(id), data TEXT NOT NULL, "
                    "created_at TEXT NOT NULL, updated_at TEXT NOT NULL)",
                    id),
        fmt::format("CREATE TABLE projects (id {}, agreement_id BIGINT REFERENCES agreements(id), "
                    "organisation_id BIGINT REFERENCES organisations(id), stage TEXT NOT NULL, "
                    "data TEXT NOT NULL, impact TEXT, created_at TEXT NOT NULL, "
                    "updated_at TEXT NOT NULL)",
                    id),
        fmt::format("CREATE TABLE audit (id {}, at TEXT NOT NULL, user_name TEXT NOT NULL, "
                    "action TEXT NOT NULL, kind TEXT NOT NULL, record BIGINT NOT NULL, "
                    "detail TEXT NOT NULL)",
                    id),
        "CREATE INDEX agreements_event ON agreements(event_id)",
        "CREATE INDEX projects_agreement ON projects(agreement_id)",
    };
}

std::string now_utc() {
    const auto now =
        std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
    const auto day = std::chrono::floor<std::chrono::days>(now);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::hh_mm_ss hms{now - day};
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
                       static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()),
                       hms.hours().count(),
                       hms.minutes().count(),
                       hms.seconds().count(),
                       hms.subseconds().count());
}

std::string hash_token(const std::string& token) {
    unsigned char digest[crypto_generichash_BYTES];
    crypto_generichash(digest,
                       sizeof digest,
                       reinterpret_cast<const unsigned char*>(token.data()),
                       token.size(),
                       nullptr,
                       0);
    char hex[2 * crypto_generichash_BYTES + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

std::string new_token() {
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    char text[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(text, sizeof text, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return std::string("tdm_") + text;
}

// A column's value from the record (references and names as text; absent: NULL).
Cell column_value(const Json& record, const std::string& column) {
    if (!record.contains(column)) {
        return {};
    }
    const Json& v = record.at(column);
    return v.is_string() ? Cell{v.get<std::string>()} : Cell{v.dump()};
}

class SqlStore final : public Store {
public:
    explicit SqlStore(std::unique_ptr<Db> db) : db_(std::move(db)) { migrate(); }

    std::string engine() const override { return db_->engine(); }

    int schema_version() override {
        const std::lock_guard lock(mutex_);
        return version();
    }

    Json create(Kind kind, const Json& fields, const Actor& actor) override {
        const std::lock_guard lock(mutex_);
        const Json record = check_record(kind, fields);
        check_references(kind, record);
        const auto& l = layout(kind);
        const std::string at = now_utc();
        std::string columns;
        std::string marks;
        Params params;
        for (const auto& c : l.columns) {
            columns += c + ", ";
            params.push_back(column_value(record, c));
            marks += fmt::format("${}, ", params.size());
        }
        params.insert(params.end(), {record.dump(), at, at});
        Transaction t(*db_);
        const auto rows = db_->query(fmt::format("INSERT INTO {} ({}data, created_at, updated_at) "
                                                 "VALUES ({}${}, ${}, ${}) RETURNING id",
                                                 kind_name(kind),
                                                 columns,
                                                 marks,
                                                 params.size() - 2,
                                                 params.size() - 1,
                                                 params.size()),
                                     params);
        const std::int64_t id = std::stoll(*rows.at(0).at(0));
        log(actor, "create", kind_name(kind), id, record, at);
        t.commit();
        return *fetch(kind, id);
    }

    std::optional<Json> get(Kind kind, std::int64_t id) override {
        const std::lock_guard lock(mutex_);
        return fetch(kind, id);
    }

    std::vector<Json> list(Kind kind, const ListOptions& options) override {
        const std::lock_guard lock(mutex_);
        const auto& l = layout(kind);
        std::string where;
        Params params;
        for (const auto& [field, value] : options.where) {
            if (std::find(l.columns.begin(), l.columns.end(), field) == l.columns.end()) {
                fail(ErrorCode::kInvalidInput,
                     "{}: cannot filter {} on it (filters: {})",
                     field,
                     kind_name(kind),
                     l.columns.empty() ? std::string("none")
                                       : fmt::format("{}", fmt::join(l.columns, ", ")));
            }
            params.push_back(value.is_string() ? Cell{value.get<std::string>()}
                                               : Cell{value.dump()});
            where +=
                fmt::format("{} {} = ${}", where.empty() ? "WHERE" : " AND", field, params.size());
        }
        params.push_back(std::to_string(std::min<std::size_t>(options.limit, 1000)));
        params.push_back(std::to_string(options.offset));
        const auto rows =
            db_->query(fmt::format("SELECT {} FROM {} {} ORDER BY id LIMIT ${} OFFSET ${}",
                                   select_list(kind),
                                   kind_name(kind),
                                   where,
                                   params.size() - 1,
                                   params.size()),
                       params);
        std::vector<Json> out;
        for (const auto& r : rows) {
            out.push_back(from_row(kind, r));
        }
        return out;
    }

    std::size_t count(Kind kind) override {
        const std::lock_guard lock(mutex_);
        return std::stoull(
            *db_->query(fmt::format("SELECT COUNT(*) FROM {}", kind_name(kind))).at(0).at(0));
    }

    std::optional<Json> update(Kind kind,
                               std::int64_t id,
                               const Json& patch,
                               const Actor& actor) override {
        const std::lock_guard lock(mutex_);
        if (!patch.is_object()) {
            fail(ErrorCode::kInvalidInput, "expected a JSON object of fields to change");
        }
        const auto current = fetch(kind, id);
        if (!current) {
            return std::nullopt;
        }
        Json merged = Json::object();
        for (const auto& f : fields_of(kind)) {
            if (current->contains(f.name)) {
                merged[f.name] = current->at(f.name);
            }
        }
        for (const auto& [key, value] : patch.items()) {
            merged[key] = value;  // null: removed by the check
        }
        const Json record = check_record(kind, merged);
        check_references(kind, record);
        const auto& l = layout(kind);
        std::string sets;
        Params params;
        for (const auto& c : l.columns) {
            params.push_back(column_value(record, c));
            sets += fmt::format("{} = ${}, ", c, params.size());
        }
        const std::string at = now_utc();
        params.insert(params.end(), {record.dump(), at, std::to_string(id)});
        Transaction t(*db_);
        db_->query(fmt::format("UPDATE {} SET {}data = ${}, updated_at = ${} WHERE id = ${}",
                               kind_name(kind),
                               sets,
                               params.size() - 2,
                               params.size() - 1,
                               params.size()),
                   params);
        log(actor, "update", kind_name(kind), id, patch, at);
        t.commit();
        return fetch(kind, id);
    }

    bool remove(Kind kind, std::int64_t id, const Actor& actor) override {
        const std::lock_guard lock(mutex_);
        if (!fetch(kind, id)) {
            return false;
        }
        refuse_if_referred(kind, id);
        Transaction t(*db_);
        db_->query(fmt::format("DELETE FROM {} WHERE id = $1", kind_name(kind)),
                   {std::to_string(id)});
        log(actor, "delete", kind_name(kind), id, Json::object(), now_utc());
        t.commit();
        return true;
    }

    void set_computed(Kind kind,
                      std::int64_t id,
                      const std::string& field,
                      const Json& value,
                      const std::string& action,
                      const Actor& actor) override {
        const std::lock_guard lock(mutex_);
        if (layout(kind).computed != field) {
            fail(ErrorCode::kInternal, "{} keep no computed '{}'", kind_name(kind), field);
        }
        Transaction t(*db_);
        db_->query(fmt::format("UPDATE {} SET {} = $1 WHERE id = $2", kind_name(kind), field),
                   {value.dump(), std::to_string(id)});
        log(actor, action, kind_name(kind), id, Json::object(), now_utc());
        t.commit();
    }

    NewUser add_user(const std::string& name,
                     Role role,
                     std::optional<std::int64_t> organisation,
                     const Actor& actor) override {
        const std::lock_guard lock(mutex_);
        if (name.empty() || name.size() > 200) {
            fail(ErrorCode::kInvalidInput, "name: expected 1 to 200 characters");
        }
        if (organisation && !exists(Kind::kOrganisation, *organisation)) {
            fail(ErrorCode::kInvalidInput, "organisation: no organisation {}", *organisation);
        }
        if (!db_->query("SELECT id FROM users WHERE name = $1", {name}).empty()) {
            fail(ErrorCode::kInvalidInput, "name: a user '{}' exists already", name);
        }
        NewUser out;
        out.token = new_token();
        const std::string at = now_utc();
        Transaction t(*db_);
        const auto rows = db_->query(
            "INSERT INTO users (name, role, organisation_id, token_hash, created_at) "
            "VALUES ($1, $2, $3, $4, $5) RETURNING id",
            {name,
             std::string(role_name(role)),
             organisation ? Cell{std::to_string(*organisation)} : Cell{},
             hash_token(out.token),
             at});
        out.user = User{std::stoll(*rows.at(0).at(0)), name, role, organisation};
        log(actor,
            "user-add",
            "users",
            out.user.id,
            Json{{"name", name}, {"role", role_name(role)}},
            at);
        t.commit();
        return out;
    }

    std::optional<User> user_by_token(const std::string& token) override {
        const std::lock_guard lock(mutex_);
        if (token.size() < 8 || token.size() > 200) {
            return std::nullopt;
        }
        const auto rows =
            db_->query("SELECT id, name, role, organisation_id FROM users WHERE token_hash = $1",
                       {hash_token(token)});
        if (rows.empty()) {
            return std::nullopt;
        }
        return user_of(rows.front());
    }

    std::vector<User> users() override {
        const std::lock_guard lock(mutex_);
        std::vector<User> out;
        for (const auto& r :
             db_->query("SELECT id, name, role, organisation_id FROM users ORDER BY id")) {
            out.push_back(user_of(r));
        }
        return out;
    }

    std::vector<AuditEntry> audit(std::size_t limit) override {
        const std::lock_guard lock(mutex_);
        std::vector<AuditEntry> out;
        for (const auto& r : db_->query("SELECT id, at, user_name, action, kind, record, detail "
                                        "FROM audit ORDER BY id DESC LIMIT $1",
                                        {std::to_string(std::min<std::size_t>(limit, 10000))})) {
            out.push_back(AuditEntry{std::stoll(*r[0]),
                                     *r[1],
                                     *r[2],
                                     *r[3],
                                     *r[4],
                                     std::stoll(*r[5]),
                                     Json::parse(*r[6])});
        }
        return out;
    }

private:
    int version() {
        const auto rows = db_->query("SELECT value FROM tandem_meta WHERE key = 'schema_version'");
        return rows.empty() ? 0 : std::stoi(*rows.front().front());
    }

    void migrate() {
        const auto tables = db_->engine() == "sqlite"
                                ? db_->query("SELECT name FROM sqlite_master WHERE type = 'table'")
                                : db_->query(
                                      "SELECT table_name FROM information_schema.tables "
                                      "WHERE table_schema = current_schema()");
        const bool has_meta = std::any_of(tables.begin(), tables.end(), [](const Row& r) {
            return r.front() == std::string("tandem_meta");
        });
        if (!has_meta && !tables.empty()) {
            fail(ErrorCode::kInvalidInput,
                 "the database holds tables but is not a tandem store (no tandem_meta); give a "
                 "new file or an empty database");
        }
        if (!has_meta) {
            db_->script("CREATE TABLE tandem_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        }
        const int have = version();
        if (have > kSchemaVersion) {
            fail(ErrorCode::kInvalidInput,
                 "the store has schema version {}, this tandem knows up to {}: use a newer tandem",
                 have,
                 kSchemaVersion);
        }
        for (int v = have + 1; v <= kSchemaVersion; ++v) {
            Transaction t(*db_);
            for (const auto& step : migration(v, db_->id_column())) {
                db_->query(step);
            }
            db_->query(v == 1 ? "INSERT INTO tandem_meta (key, value) VALUES ('schema_version', $1)"
                              : "UPDATE tandem_meta SET value = $1 WHERE key = 'schema_version'",
                       {std::to_string(v)});
            t.commit();
        }
    }

    std::string select_list(Kind kind) const {
        const auto& l = layout(kind);
        return fmt::format("id, data, created_at, updated_at{}",
                           l.computed.empty() ? "" : ", " + l.computed);
    }

    Json from_row(Kind kind, const Row& r) const {
        Json out = Json::object();
        out["id"] = std::stoll(*r[0]);
        const Json data = Json::parse(*r[1]);  // kept: the loop reads into it
        for (const auto& [key, value] : data.items()) {
            out[key] = value;
        }
        out["created_at"] = *r[2];
        out["updated_at"] = *r[3];
        const auto& l = layout(kind);
        if (!l.computed.empty() && r.size() > 4 && r[4]) {
            out[l.computed] = Json::parse(*r[4]);
        }
        return out;
    }

    std::optional<Json> fetch(Kind kind, std::int64_t id) {
        const auto rows = db_->query(
            fmt::format("SELECT {} FROM {} WHERE id = $1", select_list(kind), kind_name(kind)),
            {std::to_string(id)});
        if (rows.empty()) {
            return std::nullopt;
        }
        return from_row(kind, rows.front());
    }

    bool exists(Kind kind, std::int64_t id) {
        return !db_->query(fmt::format("SELECT 1 FROM {} WHERE id = $1", kind_name(kind)),
                           {std::to_string(id)})
                    .empty();
    }

    void check_references(Kind kind, const Json& record) {
        for (const auto& f : fields_of(kind)) {
            if (f.refers_to && record.contains(f.name) &&
                !exists(*f.refers_to, record.at(f.name).get<std::int64_t>())) {
                fail(ErrorCode::kInvalidInput,
                     "{}: no {} record {}",
                     f.name,
                     kind_name(*f.refers_to),
                     record.at(f.name).get<std::int64_t>());
            }
        }
    }

    // Deleting a record others refer to would leave them pointing at nothing.
    void refuse_if_referred(Kind kind, std::int64_t id) {
        std::vector<std::string> by;
        for (const auto other : all_kinds()) {
            for (const auto& f : fields_of(other)) {
                if (f.refers_to != kind) {
                    continue;
                }
                for (const auto& r :
                     db_->query(fmt::format("SELECT id FROM {} WHERE {} = $1 ORDER BY id LIMIT 5",
                                            kind_name(other),
                                            f.name),
                                {std::to_string(id)})) {
                    by.push_back(fmt::format("{} {}", kind_name(other), *r[0]));
                }
            }
        }
        if (kind == Kind::kOrganisation) {
            for (const auto& r :
                 db_->query("SELECT name FROM users WHERE organisation_id = $1 LIMIT 5",
                            {std::to_string(id)})) {
                by.push_back("user " + *r[0]);
            }
        }
        if (!by.empty()) {
            fail(ErrorCode::kInvalidInput,
                 "{} {} is referred to by {}: change or remove those first",
                 kind_name(kind),
                 id,
                 fmt::join(by, ", "));
        }
    }

    void log(const Actor& actor,
             const std::string& action,
             std::string_view kind,
             std::int64_t id,
             const Json& detail,
             const std::string& at) {
        db_->query(
            "INSERT INTO audit (at, user_name, action, kind, record, detail) "
            "VALUES ($1, $2, $3, $4, $5, $6)",
            {at, actor.name, action, std::string(kind), std::to_string(id), detail.dump()});
    }

    static User user_of(const Row& r) {
        return User{std::stoll(*r[0]),
                    *r[1],
                    role_from_name(*r[2]).value_or(Role::kViewer),
                    r[3] ? std::optional<std::int64_t>(std::stoll(*r[3])) : std::nullopt};
    }

    std::unique_ptr<Db> db_;
    std::mutex mutex_;
};

}  // namespace

std::unique_ptr<Store> Store::open(const std::string& location) {
    if (sodium_init() < 0) {
        fail(ErrorCode::kInternal, "libsodium could not start");
    }
    if (location.starts_with("postgresql://") || location.starts_with("postgres://")) {
        return std::make_unique<SqlStore>(open_postgres(location));
    }
    if (location.empty()) {
        fail(ErrorCode::kUsage, "--db: expected a file name or a postgresql:// URL");
    }
    return std::make_unique<SqlStore>(open_sqlite(location));
}

}  // namespace tandem::store
