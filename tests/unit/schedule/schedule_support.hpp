// Helpers shared by the scheduler's unit tests.
#pragma once

#include <string>

#include <gtest/gtest.h>

#include "tandem/core/error.hpp"
#include "tandem/schedule/event.hpp"

namespace tandem::test {

// The message parse_event gives for `json` (as "event.json"), or "no error".
inline std::string error_of(const std::string& json) {
    try {
        schedule::parse_event(json, "event.json");
    } catch (const Error& e) {
        return e.what();
    }
    return "no error";
}

inline void expect_valid(const schedule::Event& ev, const schedule::Schedule& s) {
    const auto problems = schedule::validate(ev, s);
    EXPECT_TRUE(problems.empty()) << problems.front();
}

}  // namespace tandem::test
