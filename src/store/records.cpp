#include "tandem/store/records.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <regex>

#include <fmt/format.h>

#include "tandem/core/error.hpp"
#include "tandem/data/regions.hpp"

namespace tandem::store {

namespace {

using FT = FieldType;

[[noreturn]] void bad(const std::string& field, const std::string& expected, const Json& found) {
    std::string shown = found.dump();
    if (shown.size() > 60) {
        shown = shown.substr(0, 57) + "...";
    }
    fail(ErrorCode::kInvalidInput, "{}: expected {}, found {}", field, expected, shown);
}

std::string text(const std::string& field, const Json& v) {
    if (!v.is_string() || v.get<std::string>().empty() || v.get<std::string>().size() > 2000) {
        bad(field, "a non-empty string of at most 2,000 characters", v);
    }
    return v.get<std::string>();
}

bool valid_date(const std::string& s) {
    static const std::regex date(R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
    return std::regex_match(s, date);
}

Json checked(const FieldSpec& f, const Json& v) {
    const std::string name = f.name;
    switch (f.type) {
        case FT::kText:
            return text(name, v);
        case FT::kDate:
            if (!v.is_string() || !valid_date(v.get<std::string>())) {
                bad(name, "a date YYYY-MM-DD", v);
            }
            return v;
        case FT::kAmount:
            if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() < 0) {
                bad(name, "a number >= 0", v);
            }
            return v;
        case FT::kTextList: {
            if (!v.is_array() || v.size() > 200) {
                bad(name, "a list of at most 200 strings", v);
            }
            Json out = Json::array();
            for (std::size_t i = 0; i < v.size(); ++i) {
                out.push_back(text(fmt::format("{}[{}]", name, i), v[i]));
            }
            return out;
        }
        case FT::kSectors: {
            if (!v.is_array() || v.size() > 42) {
                bad(name, "a list of China's IO sector codes (\"01\" ... \"42\")", v);
            }
            for (std::size_t i = 0; i < v.size(); ++i) {
                const bool ok =
                    v[i].is_string() && v[i].get<std::string>().size() == 2 &&
                    std::isdigit(static_cast<unsigned char>(v[i].get<std::string>()[0])) &&
                    std::isdigit(static_cast<unsigned char>(v[i].get<std::string>()[1])) &&
                    std::stoi(v[i].get<std::string>()) >= 1 &&
                    std::stoi(v[i].get<std::string>()) <= 42;
                if (!ok) {
                    bad(fmt::format("{}[{}]", name, i), "a sector code \"01\" ... \"42\"", v[i]);
                }
            }
            return v;
        }
        case FT::kRegion: {
            const std::string r = text(name, v);
            try {
                return data::resolve_province(r).iso_code;
            } catch (const Error& e) {
                fail(ErrorCode::kInvalidInput, "{}: {}", name, e.what());
            }
        }
        case FT::kReference:
            if (!v.is_number_integer() || v.get<std::int64_t>() <= 0) {
                bad(name, "the id of a record (an integer > 0)", v);
            }
            return v;
        case FT::kStage: {
            const std::string s = text(name, v);
            const auto& stages = project_stages();
            if (std::find(stages.begin(), stages.end(), s) == stages.end()) {
                bad(name, fmt::format("one of {}", fmt::join(stages, ", ")), v);
            }
            return v;
        }
        case FT::kMilestones: {
            if (!v.is_array() || v.size() > 200) {
                bad(name, "a list of milestones {\"name\", \"date\", \"done\"}", v);
            }
            for (std::size_t i = 0; i < v.size(); ++i) {
                const std::string at = fmt::format("{}[{}]", name, i);
                if (!v[i].is_object()) {
                    bad(at, "an object {\"name\", \"date\", \"done\"}", v[i]);
                }
                for (const auto& [key, value] : v[i].items()) {
                    if (key == "name") {
                        text(at + ".name", value);
                    } else if (key == "date") {
                        const std::string date = at + ".date";
                        checked({date.c_str(), FT::kDate, false, {}, ""}, value);
                    } else if (key == "done") {
                        if (!value.is_boolean()) {
                            bad(at + ".done", "true or false", value);
                        }
                    } else {
                        fail(ErrorCode::kInvalidInput,
                             "{}: unknown field '{}' (known: name, date, done)",
                             at,
                             key);
                    }
                }
                if (!v[i].contains("name")) {
                    fail(ErrorCode::kInvalidInput, "{}.name: required", at);
                }
            }
            return v;
        }
        case FT::kIndicators: {
            if (!v.is_object()) {
                bad(name, "an object {\"jobs\", \"output\", \"value_added\"}", v);
            }
            for (const auto& [key, value] : v.items()) {
                if (key != "jobs" && key != "output" && key != "value_added") {
                    fail(ErrorCode::kInvalidInput,
                         "{}: unknown field '{}' (known: jobs, output, value_added)",
                         name,
                         key);
                }
                const std::string at = name + "." + key;
                checked({at.c_str(), FT::kAmount, false, {}, ""}, value);
            }
            return v;
        }
        case FT::kObject:
            if (!v.is_object()) {
                bad(name, "an object", v);
            }
            return v;
    }
    return v;
}

}  // namespace

const std::vector<std::string>& project_stages() {
    static const std::vector<std::string> stages = {
        "negotiating", "signed", "started", "in production", "dropped"};
    return stages;
}

const std::vector<FieldSpec>& fields_of(Kind kind) {
    static const std::vector<FieldSpec> organisations = {
        {"name", FT::kText, true, {}, "name (English or as registered)"},
        {"name_zh", FT::kText, false, {}, "Chinese name"},
        {"region",
         FT::kRegion,
         true,
         {},
         "province: code, English or Chinese name; stored as ISO code"},
        {"kind",
         FT::kText,
         false,
         {},
         "enterprise, university, institute, government, association"},
        {"sectors", FT::kSectors, false, {}, "China's IO sector codes"},
        {"areas", FT::kTextList, false, {}, "cooperation area ids"},
        {"offers", FT::kTextList, false, {}, "what it brings"},
        {"needs", FT::kTextList, false, {}, "what it looks for"},
        {"contacts", FT::kObject, false, {}, "names, e-mail, telephone"},
        {"description", FT::kText, false, {}, ""},
    };
    static const std::vector<FieldSpec> events = {
        {"title", FT::kText, true, {}, "e.g. Heilongjiang-Anhui work exchange symposium"},
        {"title_zh", FT::kText, false, {}, ""},
        {"date", FT::kDate, true, {}, "first day"},
        {"venue", FT::kText, false, {}, ""},
        {"regions", FT::kTextList, false, {}, "the two regions of the event (portfolio impact)"},
        {"symposium", FT::kObject, false, {}, "the symposium file of docs/match.md"},
    };
    static const std::vector<FieldSpec> agreements = {
        {"title", FT::kText, true, {}, ""},
        {"event_id", FT::kReference, false, Kind::kEvent, "the event it was signed at"},
        {"party_a", FT::kReference, false, Kind::kOrganisation, "an organisation"},
        {"party_b", FT::kReference, false, Kind::kOrganisation, "an organisation"},
        {"region_a", FT::kRegion, false, {}, ""},
        {"region_b", FT::kRegion, false, {}, ""},
        {"signed_on", FT::kDate, false, {}, ""},
        {"amount", FT::kAmount, false, {}, "10k CNY"},
        {"sectors", FT::kSectors, false, {}, ""},
    };
    static const std::vector<FieldSpec> projects = {
        {"name", FT::kText, true, {}, ""},
        {"agreement_id", FT::kReference, false, Kind::kAgreement, "the agreement it comes from"},
        {"organisation_id", FT::kReference, false, Kind::kOrganisation, "who runs it"},
        {"stage", FT::kStage, false, {}, "negotiating, signed, started, in production, dropped"},
        {"region", FT::kRegion, true, {}, "where it produces"},
        {"partner_region", FT::kRegion, false, {}, "who buys its output (default: region)"},
        {"sectors", FT::kSectors, true, {}, "what it produces"},
        {"investment", FT::kAmount, false, {}, "10k CNY: the demand it adds"},
        {"funds_in_place", FT::kAmount, false, {}, "10k CNY"},
        {"milestones", FT::kMilestones, false, {}, ""},
        {"indicators", FT::kIndicators, false, {}, "reported jobs, output, value added"},
    };
    switch (kind) {
        case Kind::kOrganisation:
            return organisations;
        case Kind::kEvent:
            return events;
        case Kind::kAgreement:
            return agreements;
        case Kind::kProject:
            return projects;
    }
    return organisations;
}

Json check_record(Kind kind, const Json& fields) {
    if (!fields.is_object()) {
        fail(ErrorCode::kInvalidInput, "expected a JSON object of fields");
    }
    const auto& specs = fields_of(kind);
    Json out = Json::object();
    for (const auto& [key, value] : fields.items()) {
        const auto spec = std::find_if(
            specs.begin(), specs.end(), [&](const FieldSpec& f) { return key == f.name; });
        if (spec == specs.end()) {
            std::vector<std::string> known;
            for (const auto& f : specs) {
                known.push_back(f.name);
            }
            fail(ErrorCode::kInvalidInput,
                 "{}: unknown field (known: {})",
                 key.size() > 60 ? key.substr(0, 57) + "..." : key,
                 fmt::join(known, ", "));
        }
        if (!value.is_null()) {
            out[key] = checked(*spec, value);
        }
    }
    for (const auto& f : specs) {
        if (f.required && !out.contains(f.name)) {
            fail(ErrorCode::kInvalidInput, "{}: required", f.name);
        }
    }
    if (kind == Kind::kProject && !out.contains("stage")) {
        out["stage"] = "negotiating";
    }
    return out;
}

}  // namespace tandem::store
