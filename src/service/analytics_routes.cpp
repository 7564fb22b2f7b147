// The routes that compute: health, the OpenAPI file, regions, briefs, a project's and an
// event's impact, an event's schedule, the project ledger as CSV and XLSX.
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "tandem/brief/brief.hpp"
#include "tandem/brief/request.hpp"
#include "tandem/core/error.hpp"
#include "tandem/data/datasets.hpp"
#include "tandem/data/regions.hpp"
#include "tandem/data/table_writers.hpp"
#include "tandem/match/agenda.hpp"
#include "tandem/match/suggest.hpp"
#include "tandem/match/symposium.hpp"
#include "tandem/schedule/command.hpp"
#include "tandem/schedule/scheduler.hpp"

#include "routes.hpp"
#include <unistd.h>

namespace tandem::service {

namespace {

using store::Kind;
using store::Role;

Json table_json(const Table& t) {
    std::ostringstream s;
    data::write_json({t}, s);
    return Json::parse(s.str());
}

// ?lang=en|zh (default en).
i18n::Lang lang_of(const Request& r) {
    const auto it = r.query.find("lang");
    if (it == r.query.end() || it->second == "en") {
        return i18n::Lang::kEn;
    }
    if (it->second == "zh") {
        return i18n::Lang::kZh;
    }
    throw HttpError(400, "lang: expected en or zh, found \"" + it->second.substr(0, 20) + "\"");
}

// The labels of a table's JSON in the reader's language (the figures as they are).
Json in_language(Json t, i18n::Lang lang) {
    if (lang == i18n::Lang::kEn) {
        return t;
    }
    const auto tr = brief::china_translator(lang, data::china_sectors());
    Table labels;
    labels.rows.names = t.at("row_levels").get<std::vector<std::string>>();
    labels.rows.labels = t.at("rows").get<std::vector<std::vector<std::string>>>();
    labels.cols.names = t.at("column_levels").get<std::vector<std::string>>();
    labels.cols.labels = t.at("columns").get<std::vector<std::vector<std::string>>>();
    labels.values = Matrix::Zero(static_cast<Eigen::Index>(labels.rows.size()),
                                 static_cast<Eigen::Index>(labels.cols.size()));
    tr.table(labels);
    t["row_levels"] = labels.rows.names;
    t["rows"] = labels.rows.labels;
    t["column_levels"] = labels.cols.names;
    t["columns"] = labels.cols.labels;
    t["unit"] = tr(t.value("unit", ""));
    return t;
}

}  // namespace

struct Analytics::Impl {
    std::once_flag loaded;
    brief::BriefData model;  // the shipped 2017 China MRIO and provincial tables
    std::once_flag loaded_2012;
    brief::BriefData model_2012;
    std::mutex cache_mutex;
    std::map<std::string, std::string> briefs;

    const brief::BriefData& data() {
        std::call_once(loaded, [this] {
            brief::BriefRequest r;
            r.regions = {"Heilongjiang", "Anhui"};
            model = brief::load_brief_data(r);
        });
        return model;
    }

    const brief::BriefData& data_of(int year) {
        if (year != 2012) {
            return data();
        }
        std::call_once(loaded_2012, [this] {
            brief::BriefRequest r;
            r.regions = {"Heilongjiang", "Anhui"};
            r.year = 2012;
            model_2012 = brief::load_brief_data(r);
        });
        return model_2012;
    }

    // Effects of demand changes, grouped by regions a and b; when they are one region, by it
    // and the rest of China.
    Json effects(const brief::Scenario& sc, const std::string& a, const std::string& b) {
        const auto& d = data();
        const bool one = data::resolve_province(a).iso_code == data::resolve_province(b).iso_code;
        // One region: a stand-in second group, folded back into the rest of China.
        const std::string second = !one                                            ? b
                                   : data::resolve_province(a).iso_code == "CN-AH" ? "CN-HL"
                                                                                   : "CN-AH";
        Table t = brief::scenario_effects(d.mrio, d.tables, sc, a, second);
        if (one) {
            t.values.row(2) += t.values.row(1);
            Table folded = t;
            folded.rows.labels = {t.rows.labels[0], t.rows.labels[2], t.rows.labels[3]};
            folded.values.resize(3, t.values.cols());
            folded.values.row(0) = t.values.row(0);
            folded.values.row(1) = t.values.row(2);
            folded.values.row(2) = t.values.row(3);
            t = folded;
        }
        Json j = table_json(t);
        j["unit"] = d.tables.unit;
        j["changes"] = Json::array();
        for (const auto& c : sc.changes) {
            j["changes"].push_back(Json{{"buyer", c.buyer},
                                        {"seller", c.seller},
                                        {"sectors", c.sectors},
                                        {"amount", c.amount}});
        }
        return j;
    }
};

Analytics::Analytics() : impl_(std::make_unique<Impl>()) {}
Analytics::~Analytics() = default;

std::string Analytics::brief(const brief::BriefRequest& r) {
    const std::string key =
        fmt::format("{}\n{}\n{}\n{}\n{}", r.regions.at(0), r.regions.at(1), r.year, r.lang, r.top);
    {
        const std::lock_guard lock(impl_->cache_mutex);
        if (const auto it = impl_->briefs.find(key); it != impl_->briefs.end()) {
            return it->second;
        }
    }
    // On the model loaded once: tens of milliseconds, not the second a new load takes.
    std::string json = brief::brief_json(brief::run_brief(r, impl_->data_of(r.year)));
    const std::lock_guard lock(impl_->cache_mutex);
    if (impl_->briefs.size() < 512) {
        impl_->briefs.emplace(key, json);
    }
    return json;
}

namespace {

brief::DemandChange change_of(const Json& project) {
    if (!project.contains("investment")) {
        throw HttpError(400, "investment: required for the impact (10k CNY)");
    }
    brief::DemandChange c;
    c.seller = project.at("region").get<std::string>();
    c.buyer = project.value("partner_region", c.seller);
    c.sectors = project.at("sectors").get<std::vector<std::string>>();
    c.amount = project.at("investment").get<double>();
    return c;
}

}  // namespace

Json Analytics::project_impact(const Json& project) {
    brief::Scenario sc;
    sc.name = project.value("name", std::string("project"));
    sc.changes = {change_of(project)};
    return impl_->effects(sc, sc.changes[0].seller, sc.changes[0].buyer);
}

Json Analytics::portfolio_impact(const std::vector<Json>& projects,
                                 const std::string& region_a,
                                 const std::string& region_b) {
    brief::Scenario sc;
    sc.name = "portfolio";
    for (const auto& p : projects) {
        sc.changes.push_back(change_of(p));
    }
    return impl_->effects(sc, region_a, region_b);
}

namespace {

Response health(Context& ctx) {
    return ok(Json{{"status", "ok"},
                   {"engine", ctx.store.engine()},
                   {"schema_version", ctx.store.schema_version()}});
}

Response regions(Context& ctx) {
    ctx.require(Role::kViewer);
    Json items = Json::array();
    for (const auto& p : data::provinces()) {
        items.push_back(Json{{"iso", p.iso_code},
                             {"gb", p.gb_code},
                             {"name", p.name_en},
                             {"name_zh", p.name_zh},
                             {"full_zh", p.full_zh},
                             {"abbr_zh", p.abbr_zh},
                             {"groups", p.groups}});
    }
    return ok(Json{{"items", items}});
}

std::string query(const Context& ctx, const std::string& key, const std::string& fallback = "") {
    const auto it = ctx.request.query.find(key);
    return it == ctx.request.query.end() ? fallback : it->second;
}

Response brief_route(Context& ctx) {
    ctx.require(Role::kViewer);
    brief::BriefRequest request;
    request.regions = {query(ctx, "a"), query(ctx, "b")};
    if (request.regions[0].empty() || request.regions[1].empty()) {
        throw HttpError(400, "a: expected ?a=REGION&b=REGION (codes, English or Chinese names)");
    }
    // Each region named by its parameter in the error ("field").
    std::vector<std::string> iso;
    for (const char* name : {"a", "b"}) {
        try {
            iso.push_back(data::resolve_province(query(ctx, name)).iso_code);
        } catch (const Error& e) {
            throw HttpError(400, fmt::format("{}: {}", name, e.what()));
        }
    }
    if (iso[0] == iso[1]) {
        throw HttpError(400, "b: the same region as a; a brief is of two regions");
    }
    request.year = 2017;
    const Settings settings = brief::brief_settings(request);
    for (const auto& name : brief_query_settings()) {
        if (const auto it = ctx.request.query.find(name); it != ctx.request.query.end()) {
            const Setting& setting = *find_setting(settings, name);
            if (const std::string why = check_value(setting, it->second); !why.empty()) {
                throw HttpError(400, why);
            }
            assign(setting, it->second);
        }
    }
    if (request.year != 2017 && request.year != 2012) {
        throw HttpError(400,
                        fmt::format("year: expected 2017 or 2012 (the shipped tables), found {}",
                                    request.year));
    }
    if (request.top < 1 || request.top > 42) {
        throw HttpError(400, fmt::format("top: expected 1 to 42 sectors, found {}", request.top));
    }
    Response r;
    r.body = ctx.analytics.brief(request);
    return r;
}

// A project's impact, kept beside it and recomputed when what it depends on changed.
Response project_impact(Context& ctx) {
    ctx.require(Role::kViewer);
    const auto id = ctx.id(1);
    const auto project = ctx.store.get(Kind::kProject, id);
    if (!project) {
        throw HttpError(404, fmt::format("no projects record {}", id));
    }
    const Json key{{"region", project->value("region", "")},
                   {"partner_region", project->value("partner_region", "")},
                   {"sectors", project->value("sectors", Json::array())},
                   {"investment", project->value("investment", Json())}};
    const auto lang = lang_of(ctx.request);
    if (project->contains("impact") && project->at("impact").value("key", Json()) == key) {
        Json cached = in_language(project->at("impact").at("effects"), lang);
        cached["cached"] = true;
        return ok(cached);
    }
    const Json effects = ctx.analytics.project_impact(*project);
    ctx.store.set_computed(Kind::kProject,
                           id,
                           "impact",
                           Json{{"key", key}, {"effects", effects}},
                           "impact",
                           {ctx.user.name});
    Json shown = in_language(effects, lang);  // kept in English, shown in the reader's
    shown["cached"] = false;
    return ok(shown);
}

// The impact of every project (not dropped) of the agreements signed at an event.
Response event_impact(Context& ctx) {
    ctx.require(Role::kViewer);
    const auto id = ctx.id(1);
    const auto event = ctx.store.get(Kind::kEvent, id);
    if (!event) {
        throw HttpError(404, fmt::format("no events record {}", id));
    }
    store::ListOptions by_event;
    by_event.limit = 1000;
    by_event.where = {{"event_id", id}};
    std::vector<Json> projects;
    for (const auto& agreement : ctx.store.list(Kind::kAgreement, by_event)) {
        store::ListOptions by_agreement;
        by_agreement.limit = 1000;
        by_agreement.where = {{"agreement_id", agreement.at("id")}};
        for (auto& p : ctx.store.list(Kind::kProject, by_agreement)) {
            if (p.value("stage", "") != "dropped" && p.contains("investment")) {
                projects.push_back(std::move(p));
            }
        }
    }
    if (projects.empty()) {
        throw HttpError(404, fmt::format("event {} has no project with an investment yet", id));
    }
    // The event's two regions: as given, else the symposium's pair, else the first projects'
    // regions and their buyers.
    std::vector<std::string> regions = event->value("regions", std::vector<std::string>{});
    const auto add = [&regions](const Json& region) {
        if (region.is_string() && regions.size() < 2 &&
            std::find(regions.begin(), regions.end(), region.get<std::string>()) == regions.end()) {
            regions.push_back(region.get<std::string>());
        }
    };
    const Json rules = event->value("symposium", Json::object()).value("rules", Json::object());
    for (const auto& region : rules.value("between_regions", Json::array())) {
        add(region);
    }
    for (const auto& p : projects) {
        add(p.at("region"));
        add(p.value("partner_region", Json()));
    }
    Json effects =
        in_language(ctx.analytics.portfolio_impact(
                        projects, regions[0], regions.size() > 1 ? regions[1] : regions[0]),
                    lang_of(ctx.request));
    effects["projects"] = projects.size();
    return ok(effects);
}

// Schedules an event's symposium (docs/match.md) with its locked meetings, and keeps the
// schedule beside the event. Body (optional): {"locked": [{"a", "b", "slot", "table"}],
// "method": "auto" | "heuristic" | "milp"}; the locks join the symposium's.
Response schedule_event(Context& ctx) {
    ctx.require(Role::kOrganiser);
    const auto id = ctx.id(1);
    auto event = ctx.store.get(Kind::kEvent, id);
    if (!event) {
        throw HttpError(404, fmt::format("no events record {}", id));
    }
    if (!event->contains("symposium")) {
        throw HttpError(
            400,
            "symposium: the event has none (PATCH it with the symposium file of docs/match.md)");
    }
    Json symposium = event->at("symposium");
    std::string method = "auto";
    if (!ctx.request.body.empty()) {
        const Json b = ctx.body();
        for (const auto& [key, value] : b.items()) {
            if (key == "locked") {
                if (!value.is_array()) {
                    throw HttpError(
                        400, "locked: expected a list of {\"a\", \"b\", \"slot\", \"table\"}");
                }
                for (const auto& l : value) {
                    symposium["locked"].push_back(l);
                }
            } else if (key == "method") {
                if (!value.is_string() ||
                    (value != "auto" && value != "heuristic" && value != "milp")) {
                    throw HttpError(400, "method: expected auto, heuristic or milp");
                }
                method = value.get<std::string>();
            } else {
                throw HttpError(400, key + ": unknown field (known: locked, method)");
            }
        }
    }
    const auto s = match::parse_symposium(symposium.dump(), fmt::format("event {}: symposium", id));
    const auto list = match::suggest(s);
    const auto ev = match::make_event(s, list);
    schedule::SolveOptions options;
    options.method = schedule::parse_method(method);
    options.bound = true;
    const auto result = schedule::solve_checked(ev, options);
    if (symposium != event->at("symposium")) {
        ctx.store.update(Kind::kEvent, id, Json{{"symposium", symposium}}, {ctx.user.name});
    }
    Json meetings = Json::array();
    for (const auto& m : result.schedule.meetings) {
        const auto& r = ev.requests[static_cast<std::size_t>(m.request)];
        meetings.push_back(
            Json{{"slot", m.slot},
                 {"table", m.table},
                 {"a", ev.participants[static_cast<std::size_t>(r.a)].organisation},
                 {"b", ev.participants[static_cast<std::size_t>(r.b)].organisation}});
    }
    const Json out{
        {"meetings", meetings},
        {"held", result.summary.held},
        {"requested", ev.requests.size()},
        {"slots", ev.slots},
        {"tables", ev.tables},
        {"summary", schedule::summary_lines(ev, result, {true, -1.0, lang_of(ctx.request)})},
        // Both languages kept, for a reader who switches after the schedule was made.
        {"summary_by_lang",
         {{"en", schedule::summary_lines(ev, result, {true, -1.0, i18n::Lang::kEn})},
          {"zh", schedule::summary_lines(ev, result, {true, -1.0, i18n::Lang::kZh})}}}};
    ctx.store.set_computed(Kind::kEvent, id, "schedule", out, "schedule", {ctx.user.name});
    return ok(out);
}

// The project ledger: one row per project with its stage, money and reported indicators.
Table ledger(Context& ctx) {
    ctx.require(Role::kViewer);
    store::ListOptions all;
    all.limit = 1000;
    Table t;
    t.name = "projects";
    t.rows.names = {"id", "name", "stage", "region", "partner_region", "sectors", "agreement"};
    t.cols = Index::single("measure",
                           {"investment (10k CNY)",
                            "funds in place (10k CNY)",
                            "funds in place (%)",
                            "jobs",
                            "output (10k CNY)",
                            "value added (10k CNY)"});
    std::vector<std::vector<double>> values;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (const auto& p : ctx.store.list(Kind::kProject, all)) {
        std::string sectors;
        for (const auto& s : p.value("sectors", Json::array())) {
            sectors += (sectors.empty() ? "" : " ") + s.get<std::string>();
        }
        t.rows.labels.push_back({std::to_string(p.at("id").get<std::int64_t>()),
                                 p.value("name", ""),
                                 p.value("stage", ""),
                                 p.value("region", ""),
                                 p.value("partner_region", ""),
                                 sectors,
                                 p.contains("agreement_id") ? p.at("agreement_id").dump() : ""});
        const double inv = p.value("investment", nan);
        const double funds = p.value("funds_in_place", nan);
        const Json ind = p.value("indicators", Json::object());
        values.push_back({inv,
                          funds,
                          inv > 0 ? 100.0 * funds / inv : nan,
                          ind.value("jobs", nan),
                          ind.value("output", nan),
                          ind.value("value_added", nan)});
    }
    t.values.resize(static_cast<Eigen::Index>(values.size()), 6);
    for (std::size_t r = 0; r < values.size(); ++r) {
        for (std::size_t c = 0; c < 6; ++c) {
            t.values(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = values[r][c];
        }
    }
    return t;
}

Response ledger_csv(Context& ctx) {
    std::ostringstream s;
    data::write_csv(ledger(ctx), s);
    Response r;
    r.content_type = "text/csv; charset=utf-8";
    r.body = s.str();
    r.headers["Content-Disposition"] = "attachment; filename=\"projects.csv\"";
    return r;
}

Response ledger_xlsx(Context& ctx) {
    const Table t = ledger(ctx);
    const auto file =
        std::filesystem::temp_directory_path() /
        fmt::format("tandem-ledger-{}-{}.xlsx", getpid(), std::hash<std::string>{}(ctx.user.name));
    data::write_xlsx({t}, file);
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    std::filesystem::remove(file);
    Response r;
    r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    r.body = bytes.str();
    r.headers["Content-Disposition"] = "attachment; filename=\"projects.xlsx\"";
    return r;
}

Response openapi(Context&) {
    Response r;
    r.body = openapi_json();
    return r;
}

}  // namespace

const std::vector<std::string>& brief_query_settings() {
    static const std::vector<std::string> names = {"year", "lang", "top"};
    return names;
}

std::vector<Route> analytics_routes() {
    return {
        {"GET",
         std::regex("/api/v1/health"),
         false,
         health,
         "/api/v1/health",
         "the service is up: its engine and schema version",
         ""},
        {"GET",
         std::regex("/api/v1/openapi.json"),
         false,
         openapi,
         "/api/v1/openapi.json",
         "this description",
         ""},
        {"GET",
         std::regex("/api/v1/regions"),
         true,
         regions,
         "/api/v1/regions",
         "China's provinces: codes, names, short names, groups",
         "viewer"},
        {"GET",
         std::regex("/api/v1/brief"),
         true,
         brief_route,
         "/api/v1/brief",
         "the brief of ?a=&b=[&year=2017|2012&lang=en|zh&top=1-42], as `tandem brief A B -o "
         "x.json`",
         "viewer"},
        {"GET",
         std::regex("/api/v1/projects/ledger\\.csv"),
         true,
         ledger_csv,
         "/api/v1/projects/ledger.csv",
         "the project ledger as CSV",
         "viewer"},
        {"GET",
         std::regex("/api/v1/projects/ledger\\.xlsx"),
         true,
         ledger_xlsx,
         "/api/v1/projects/ledger.xlsx",
         "the project ledger as XLSX",
         "viewer"},
        {"GET",
         std::regex("/api/v1/projects/([0-9]+)/impact"),
         true,
         project_impact,
         "/api/v1/projects/{id}/impact",
         "output, value added, labour income and jobs by region (intra-regional, feedback, "
         "spillover), kept and recomputed when the project changes",
         "viewer"},
        {"GET",
         std::regex("/api/v1/events/([0-9]+)/impact"),
         true,
         event_impact,
         "/api/v1/events/{id}/impact",
         "the impact of the event's projects together",
         "viewer"},
        {"POST",
         std::regex("/api/v1/events/([0-9]+)/schedule"),
         true,
         schedule_event,
         "/api/v1/events/{id}/schedule",
         "schedule the event's symposium (body: locked meetings to add, method)",
         "organiser"},
    };
}

std::vector<Route> all_routes() {
    std::vector<Route> out = analytics_routes();
    for (auto& r : record_routes()) {
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace tandem::service
