// The record routes: GET|POST /api/v1/{kind}, GET|PATCH|DELETE /api/v1/{kind}/{id}; users and
// the audit log for admins. Who may change what: organisers and admins everything; a member its
// own organisation (not its removal), the agreements it is a party to and their projects;
// viewers read.
#include <charconv>

#include <fmt/format.h>

#include "tandem/core/error.hpp"
#include "tandem/store/records.hpp"

#include "routes.hpp"

namespace tandem::service {

namespace {

using store::Kind;
using store::Role;

bool refers(const Json& record, const char* field, std::int64_t id) {
    return record.contains(field) && record.at(field).is_number_integer() &&
           record.at(field).get<std::int64_t>() == id;
}

// Whether the member's organisation owns the record (as it is, or as it would be).
bool member_owns(const Context& ctx, Kind kind, const Json& record) {
    if (!ctx.user.organisation) {
        return false;
    }
    const std::int64_t org = *ctx.user.organisation;
    switch (kind) {
        case Kind::kOrganisation:
            return refers(record, "id", org);
        case Kind::kAgreement:
            return refers(record, "party_a", org) || refers(record, "party_b", org);
        case Kind::kProject: {
            if (refers(record, "organisation_id", org)) {
                return true;
            }
            if (!record.contains("agreement_id")) {
                return false;
            }
            const auto agreement =
                ctx.store.get(Kind::kAgreement, record.at("agreement_id").get<std::int64_t>());
            return agreement && member_owns(ctx, Kind::kAgreement, *agreement);
        }
        case Kind::kEvent:
            return false;
    }
    return false;
}

// Organisers and admins may; a member only what its organisation owns (deleting an
// organisation excepted); viewers never.
void require_write(
    const Context& ctx, Kind kind, const Json* before, const Json* after, bool removing) {
    if (static_cast<int>(ctx.user.role) >= static_cast<int>(Role::kOrganiser)) {
        return;
    }
    const bool member_may = ctx.user.role == Role::kMember && kind != Kind::kEvent &&
                            !(removing && kind == Kind::kOrganisation) &&
                            !(before == nullptr && kind == Kind::kOrganisation) &&
                            (before == nullptr || member_owns(ctx, kind, *before)) &&
                            (after == nullptr || member_owns(ctx, kind, *after));
    if (!member_may) {
        throw HttpError(
            403,
            ctx.user.role == Role::kMember
                ? fmt::format("a member may change only what its own organisation "
                              "owns (this {} is not)",
                              store::kind_name(kind).substr(0, store::kind_name(kind).size() - 1))
                : fmt::format("{} may not change records", store::role_name(ctx.user.role)));
    }
}

store::ListOptions list_options(const Request& r) {
    store::ListOptions o;
    for (const auto& [key, value] : r.query) {
        if (key == "limit" || key == "offset") {
            std::size_t n = 0;
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
            if (ec != std::errc() || end != value.data() + value.size() ||
                (key == "limit" && (n == 0 || n > 1000))) {
                throw HttpError(400,
                                fmt::format("{}: expected {}, found \"{}\"",
                                            key,
                                            key == "limit" ? "1 to 1000" : "a number >= 0",
                                            value.substr(0, 40)));
            }
            (key == "limit" ? o.limit : o.offset) = n;
        } else {
            // Numbers filter references; anything else a name (region, stage).
            const bool number = !value.empty() &&
                                value.find_first_not_of("0123456789") == std::string::npos &&
                                value.size() < 18;
            o.where.emplace_back(key, number ? Json(std::stoll(value)) : Json(value));
        }
    }
    return o;
}

Json fetch_or_404(const Context& ctx, Kind kind, std::int64_t id) {
    auto record = ctx.store.get(kind, id);
    if (!record) {
        throw HttpError(404, fmt::format("no {} record {}", store::kind_name(kind), id));
    }
    return *record;
}

void add_kind_routes(std::vector<Route>& out, Kind kind) {
    const std::string name(store::kind_name(kind));
    const std::string base = "/api/v1/" + name;
    out.push_back({"GET",
                   std::regex(base),
                   true,
                   [kind](Context& ctx) {
                       ctx.require(Role::kViewer);
                       const auto options = list_options(ctx.request);
                       Json items = Json::array();
                       for (auto& r : ctx.store.list(kind, options)) {
                           items.push_back(std::move(r));
                       }
                       return ok(Json{{"items", items},
                                      {"total", ctx.store.count(kind)},
                                      {"limit", options.limit},
                                      {"offset", options.offset}});
                   },
                   base,
                   "list " + name + " (?limit=&offset=, filters by field=value)",
                   "viewer"});
    out.push_back({"POST",
                   std::regex(base),
                   true,
                   [kind](Context& ctx) {
                       const Json fields = ctx.body();
                       const Json checked = store::check_record(kind, fields);
                       require_write(ctx, kind, nullptr, &checked, false);
                       return ok(ctx.store.create(kind, fields, {ctx.user.name}), 201);
                   },
                   base,
                   "create one of " + name + "; answers 201 with its id",
                   "organiser (member: its own)"});
    const std::string one = base + "/([0-9]+)";
    out.push_back({"GET",
                   std::regex(one),
                   true,
                   [kind](Context& ctx) {
                       ctx.require(Role::kViewer);
                       return ok(fetch_or_404(ctx, kind, ctx.id(1)));
                   },
                   base + "/{id}",
                   "one of " + name,
                   "viewer"});
    out.push_back({"PATCH",
                   std::regex(one),
                   true,
                   [kind](Context& ctx) {
                       const auto id = ctx.id(1);
                       const Json patch = ctx.body();
                       const Json before = fetch_or_404(ctx, kind, id);
                       Json after = before;
                       for (const auto& [key, value] : patch.items()) {
                           after[key] = value;
                       }
                       require_write(ctx, kind, &before, &after, false);
                       return ok(*ctx.store.update(kind, id, patch, {ctx.user.name}));
                   },
                   base + "/{id}",
                   "change fields of one (null removes an optional field)",
                   "organiser (member: its own)"});
    out.push_back({"DELETE",
                   std::regex(one),
                   true,
                   [kind](Context& ctx) {
                       const auto id = ctx.id(1);
                       const Json before = fetch_or_404(ctx, kind, id);
                       require_write(ctx, kind, &before, nullptr, true);
                       ctx.store.remove(kind, id, {ctx.user.name});
                       return ok(Json{{"deleted", id}});
                   },
                   base + "/{id}",
                   "remove one (refused while others refer to it)",
                   "organiser (member: its own agreements and projects)"});
}

Json user_json(const store::User& u) {
    Json j{{"id", u.id}, {"name", u.name}, {"role", store::role_name(u.role)}};
    if (u.organisation) {
        j["organisation"] = *u.organisation;
    }
    return j;
}

}  // namespace

std::vector<Route> record_routes() {
    std::vector<Route> out;
    for (const auto kind : store::all_kinds()) {
        add_kind_routes(out, kind);
    }
    out.push_back({"GET",
                   std::regex("/api/v1/users"),
                   true,
                   [](Context& ctx) {
                       ctx.require(Role::kAdmin);
                       Json items = Json::array();
                       for (const auto& u : ctx.store.users()) {
                           items.push_back(user_json(u));
                       }
                       return ok(Json{{"items", items}});
                   },
                   "/api/v1/users",
                   "the users (never their tokens)",
                   "admin"});
    out.push_back(
        {"POST",
         std::regex("/api/v1/users"),
         true,
         [](Context& ctx) {
             ctx.require(Role::kAdmin);
             const Json b = ctx.body();
             for (const auto& [key, value] : b.items()) {
                 if (key != "name" && key != "role" && key != "organisation") {
                     throw HttpError(400,
                                     key + ": unknown field (known: name, role, organisation)");
                 }
             }
             if (!b.contains("name") || !b.at("name").is_string()) {
                 throw HttpError(400, "name: expected a string");
             }
             const auto role = b.contains("role") && b.at("role").is_string()
                                   ? store::role_from_name(b.at("role").get<std::string>())
                                   : std::nullopt;
             if (!role) {
                 throw HttpError(400, "role: expected admin, organiser, member or viewer");
             }
             std::optional<std::int64_t> org;
             if (b.contains("organisation")) {
                 if (!b.at("organisation").is_number_integer()) {
                     throw HttpError(400, "organisation: expected the id of an organisation");
                 }
                 org = b.at("organisation").get<std::int64_t>();
             }
             const auto made =
                 ctx.store.add_user(b.at("name").get<std::string>(), *role, org, {ctx.user.name});
             Json j = user_json(made.user);
             j["token"] = made.token;  // shown once
             return ok(j, 201);
         },
         "/api/v1/users",
         "add a user; answers 201 with its token, shown once",
         "admin"});
    out.push_back({"GET",
                   std::regex("/api/v1/audit"),
                   true,
                   [](Context& ctx) {
                       ctx.require(Role::kAdmin);
                       Json items = Json::array();
                       for (const auto& a : ctx.store.audit(200)) {
                           items.push_back(Json{{"id", a.id},
                                                {"at", a.at},
                                                {"user", a.user},
                                                {"action", a.action},
                                                {"kind", a.kind},
                                                {"record", a.record},
                                                {"detail", a.detail}});
                       }
                       return ok(Json{{"items", items}});
                   },
                   "/api/v1/audit",
                   "who changed what and when (newest first, 200)",
                   "admin"});
    return out;
}

}  // namespace tandem::service
