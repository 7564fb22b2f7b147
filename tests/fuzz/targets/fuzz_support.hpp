// What every fuzz target shares: the input as a file in a private temporary folder, and the
// rule that a parser may only reject input with tandem::Error of a code other than internal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace tandem::fuzz {

// A temporary folder of this process, created once and emptied before each input.
const std::filesystem::path& work_folder();

// Writes bytes to a file (creating its folder).
void write_file(const std::filesystem::path& path, std::string_view bytes);

// Copies a template folder (shipped with the tests) into the work folder and returns the copy.
std::filesystem::path copy_template(const std::filesystem::path& source, const std::string& name);

// Runs fn; returns normally when it succeeds or throws tandem::Error of a documented code;
// aborts (a finding) on an internal error or any other exception, so that what the CLI would
// call "internal error" is caught by the fuzzer.
template <typename Fn>
void expect_clean(Fn&& fn);

[[noreturn]] void finding(const char* what, const std::string& message);

}  // namespace tandem::fuzz

#include "tandem/core/error.hpp"

namespace tandem::fuzz {

template <typename Fn>
void expect_clean(Fn&& fn) {
    try {
        fn();
    } catch (const tandem::Error& e) {
        if (e.code() == ErrorCode::kInternal) {
            finding("internal error", e.what());
        }
        // A rejection names the place and quotes at most a short excerpt of the input.
        if (std::string_view(e.what()).size() > 4096) {
            finding("error message longer than 4096 characters", std::string(e.what(), 200));
        }
    } catch (const std::exception& e) {
        finding("exception other than tandem::Error", e.what());
    }
}

}  // namespace tandem::fuzz
