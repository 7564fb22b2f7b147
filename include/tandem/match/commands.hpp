// The `tandem match` commands as library calls: their Options structs,
// settings (core/settings.hpp) and work. `match run` and `match agendas` write a folder that is
// replaced only as a whole and only when it is one of theirs (it holds kOutputMarker).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "tandem/core/progress.hpp"
#include "tandem/core/settings.hpp"
#include "tandem/match/agenda.hpp"
#include "tandem/match/suggest.hpp"
#include "tandem/schedule/command.hpp"
#include "tandem/schedule/scheduler.hpp"

namespace tandem::match {

constexpr const char* kOutputMarker = ".tandem-match";

Settings suggest_settings(SuggestOptions& o);
Settings event_settings(EventOptions& o);
Settings agenda_settings(AgendaOptions& o);

// `match suggest`: the best pairs as a table.
struct SuggestCommand {
    std::string symposium;  // the symposium JSON
    SuggestOptions suggest;
    std::size_t top = 0;  // only the best N (0: all)
    std::string lang = "en";

    bool is_valid(std::string* why) const;
};
Settings suggest_command_settings(SuggestCommand& c);
Table run_suggest(const SuggestCommand& c);

// `match event`: the scheduler's event as JSON.
struct EventCommand {
    std::string symposium;
    std::string output;  // empty: standard output
    SuggestOptions suggest;
    EventOptions event;

    bool is_valid(std::string* why) const;
};
Settings event_command_settings(EventCommand& c);
std::string run_event(const EventCommand& c);

// `match agendas` (from a schedule) and `match run` (everything, the schedule solved).
struct FolderCommand {
    std::string symposium;
    std::string schedule;  // agendas: the schedule CSV
    std::string output;
    SuggestOptions suggest;
    EventOptions event;
    AgendaOptions agenda;
    schedule::Method method = schedule::Method::kAuto;  // run
    bool quiet = false;                                 // run

    bool is_valid(std::string* why) const;
};
Settings agendas_settings(FolderCommand& c);
Settings run_settings(FolderCommand& c);
// The lines that say what was written: the files' count and folder (agendas), or the overview,
// the schedule's summary and the count (run; in the agenda's language).
std::vector<std::string> run_agendas(const FolderCommand& c);
std::vector<std::string> run_symposium(const FolderCommand& c);

// The folder a command may replace, checked before any work: a symlink, a folder that holds
// an input (replacing it would delete the input) or the input file itself is refused (kIo).
// Returns it without trailing separators.
std::filesystem::path output_target(const std::string& folder,
                                    const std::vector<std::string>& inputs);

}  // namespace tandem::match
