// The OpenAPI 3 description, written from the routes and the record fields themselves, so it
// cannot drift from what the service does.
#include <map>
#include <regex>
#include <type_traits>
#include <variant>

#include "tandem/store/records.hpp"

#include "routes.hpp"

namespace tandem::service {

namespace {

Json schema_of(const store::FieldSpec& f) {
    using store::FieldType;
    switch (f.type) {
        case FieldType::kText:
            return {{"type", "string"}, {"maxLength", 2000}};
        case FieldType::kDate:
            return {{"type", "string"}, {"format", "date"}};
        case FieldType::kAmount:
            return {{"type", "number"}, {"minimum", 0}};
        case FieldType::kTextList:
            return {{"type", "array"}, {"items", {{"type", "string"}}}};
        case FieldType::kSectors:
            return {{"type", "array"},
                    {"items", {{"type", "string"}, {"pattern", "^[0-4][0-9]$"}}}};
        case FieldType::kRegion:
            return {{"type", "string"}, {"description", "province: code, English or Chinese name"}};
        case FieldType::kReference:
            return {{"type", "integer"}, {"minimum", 1}};
        case FieldType::kStage:
            return {{"type", "string"}, {"enum", store::project_stages()}};
        case FieldType::kMilestones:
            return {{"type", "array"},
                    {"items",
                     {{"type", "object"},
                      {"required", {"name"}},
                      {"properties",
                       {{"name", {{"type", "string"}}},
                        {"date", {{"type", "string"}, {"format", "date"}}},
                        {"done", {{"type", "boolean"}}}}}}}};
        case FieldType::kIndicators:
            return {{"type", "object"},
                    {"properties",
                     {{"jobs", {{"type", "number"}}},
                      {"output", {{"type", "number"}}},
                      {"value_added", {{"type", "number"}}}}}};
        case FieldType::kObject:
            return {{"type", "object"}};
    }
    return {{"type", "object"}};
}

Json record_schema(store::Kind kind) {
    Json properties = Json::object();
    Json required = Json::array();
    for (const auto& f : store::fields_of(kind)) {
        Json s = schema_of(f);
        if (*f.about != '\0') {
            s["description"] = f.about;
        }
        properties[f.name] = s;
        if (f.required) {
            required.push_back(f.name);
        }
    }
    return {{"type", "object"},
            {"properties", properties},
            {"required", required},
            {"additionalProperties", false}};
}

// A query parameter from the setting that the route reads: its help, type, choices and range.
Json query_parameter(const Setting& setting) {
    Json schema = std::visit(
        [](const auto& target) -> Json {
            using T = std::decay_t<decltype(target)>;
            if constexpr (std::is_same_v<T, int*> || std::is_same_v<T, std::size_t*>) {
                return {{"type", "integer"}};
            } else if constexpr (std::is_same_v<T, double*>) {
                return {{"type", "number"}};
            } else {
                return {{"type", "string"}};
            }
        },
        setting.target);
    if (!setting.choices.empty()) {
        schema["enum"] = setting.choices;
    }
    return {{"name", setting_name(setting)},
            {"in", "query"},
            {"description", setting.help},
            {"schema", schema}};
}

// The brief's parameters: the two regions, then the request's settings the route reads.
Json brief_parameters() {
    Json parameters = Json::array();
    for (const char* name : {"a", "b"}) {
        parameters.push_back({{"name", name},
                              {"in", "query"},
                              {"required", true},
                              {"description", "province: code, English or Chinese name"},
                              {"schema", {{"type", "string"}}}});
    }
    brief::BriefRequest request;
    const Settings settings = brief::brief_settings(request);
    for (const auto& name : brief_query_settings()) {
        parameters.push_back(query_parameter(*find_setting(settings, name)));
    }
    return parameters;
}

}  // namespace

std::string openapi_json() {
    Json paths = Json::object();
    const Json error_ref{{"$ref", "#/components/responses/Error"}};
    for (const auto& r : all_routes()) {
        std::string method = r.method;
        std::transform(method.begin(), method.end(), method.begin(), ::tolower);
        Json op{
            {"summary", r.summary},
            {"responses",
             {{r.method == "POST" && r.path.find("schedule") == std::string::npos ? "201" : "200",
               {{"description", "OK"}}},
              {"400", error_ref},
              {"404", error_ref},
              {"413", error_ref}}}};
        if (r.needs_user) {
            op["security"] = Json::array({Json{{"bearer", Json::array()}}});
            op["responses"]["401"] = error_ref;
            op["responses"]["403"] = error_ref;
            op["x-minimum-role"] = r.minimum;
        }
        for (const auto kind : store::all_kinds()) {
            const std::string base = "/api/v1/" + std::string(store::kind_name(kind));
            if ((r.path == base && r.method == "POST") ||
                (r.path == base + "/{id}" && r.method == "PATCH")) {
                op["requestBody"] = {
                    {"required", true},
                    {"content",
                     {{"application/json",
                       {{"schema",
                         {{"$ref",
                           "#/components/schemas/" + std::string(store::kind_name(kind))}}}}}}}};
            }
        }
        if (r.path.find("{id}") != std::string::npos) {
            op["parameters"] = Json::array({Json{{"name", "id"},
                                                 {"in", "path"},
                                                 {"required", true},
                                                 {"schema", {{"type", "integer"}}}}});
        }
        if (r.path == "/api/v1/brief") {
            op["parameters"] = brief_parameters();
        }
        paths[r.path][method] = op;
    }
    Json schemas = Json::object();
    for (const auto kind : store::all_kinds()) {
        schemas[std::string(store::kind_name(kind))] = record_schema(kind);
    }
    const Json doc{
        {"openapi", "3.0.3"},
        {"info",
         {{"title", "tandem: the cooperation office's service"},
          {"version", "1"},
          {"description",
           "Organisations, events, agreements and projects of cross-regional cooperation, with "
           "briefs and the MRIO impact of what was signed. Errors are JSON {\"error\", "
           "\"field\"}; request bodies above the server's limit (1 MiB by default) get 413."}}},
        {"paths", paths},
        {"components",
         {{"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}},
          {"schemas", schemas},
          {"responses",
           {{"Error",
             {{"description", "an error naming the field where one is at fault"},
              {"content",
               {{"application/json",
                 {{"schema",
                   {{"type", "object"},
                    {"properties",
                     {{"error", {{"type", "string"}}},
                      {"field", {{"type", "string"}}}}}}}}}}}}}}}}}};
    return doc.dump(1) + "\n";
}

}  // namespace tandem::service
