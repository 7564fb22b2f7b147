// What each kind of record holds, and the check of a record before it is stored: every field
// by name with its type, the required ones, references to other records (checked by the
// store), and the computed parts kept beside them. The HTTP API and its OpenAPI file are
// written from the same lists.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tandem/store/store.hpp"

namespace tandem::store {

enum class FieldType {
    kText,        // a non-empty string (at most 2,000 characters)
    kDate,        // YYYY-MM-DD
    kAmount,      // a finite number >= 0 (10k CNY where money)
    kTextList,    // strings
    kSectors,     // China's 42 IO sector codes ("01" ... "42")
    kRegion,      // a province (any name tandem resolves, stored as its ISO code) or a code
    kReference,   // the id of another record
    kStage,       // a project's stage
    kMilestones,  // [{"name", "date", "done"}]
    kIndicators,  // {"jobs", "output", "value_added"}: numbers >= 0
    kObject,      // any JSON object (contacts; an event's symposium in docs/match.md's form)
};

struct FieldSpec {
    const char* name;
    FieldType type;
    bool required = false;
    std::optional<Kind> refers_to;  // kReference
    const char* about = "";         // one line for the OpenAPI file
};

const std::vector<FieldSpec>& fields_of(Kind kind);

// The stages of a project, in order.
const std::vector<std::string>& project_stages();

// `fields` checked and normalised (regions to ISO codes, stage names lower case): errors
// throw Error(kInvalidInput) naming the field ("region: unknown region 'Atlantis' ...",
// "amount: expected a number >= 0, found \"many\""). Unknown fields are refused.
Json check_record(Kind kind, const Json& fields);

}  // namespace tandem::store
