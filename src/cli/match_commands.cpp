// tandem match: suggestions of whom to meet, the scheduler's event, agendas; `run` does all
// (the work in match/commands.hpp).
#include <iostream>

#include "tandem/data/output_folder.hpp"
#include "tandem/match/commands.hpp"

#include "common.hpp"

namespace tandem::cli {

namespace {

void add_folder_command(CLI::App& group,
                        const char* name,
                        const char* help,
                        Settings (*settings)(match::FolderCommand&),
                        std::vector<std::string> (*run)(const match::FolderCommand&)) {
    auto c = std::make_shared<match::FolderCommand>();
    add_command(group, name, help, settings(*c))->callback([c, run] {
        const auto lines = run(*c);
        for (const auto& line : c->quiet ? std::vector<std::string>() : lines) {
            // `run` prints its summary as results; `agendas` says what it wrote on stderr.
            (run == match::run_symposium ? std::cout : std::cerr) << line << '\n';
        }
    });
}

}  // namespace

void add_match_commands(CLI::App& app) {
    auto* group = app.add_subcommand(
        "match",
        "Matchmaking for a cooperation symposium (docs/match.md): whom each organisation should\n"
        "meet and why, the meeting requests for `tandem schedule`, and agendas.");
    group->require_subcommand(1);
    auto suggest = std::make_shared<match::SuggestCommand>();
    auto out = std::make_shared<OutputOptions>();
    add_command(*group,
                "suggest",
                "Score every admissible pair of organisations by shared cooperation areas, sector\n"
                "links (China's national IO table) and the full-text match (Xapian, Chinese and\n"
                "English) of one side's offers to the other's needs; each suggestion says why.",
                match::suggest_command_settings(*suggest),
                out.get())
        ->callback([suggest, out] { emit({match::run_suggest(*suggest)}, *out); });
    auto event = std::make_shared<match::EventCommand>();
    add_command(*group,
                "event",
                "Write the scheduler's event (docs/schedule.md) from a symposium: delegates,\n"
                "availability, explicit requests, and each organisation's best suggestions.",
                match::event_command_settings(*event))
        ->callback([c = event] {
            const std::string json = match::run_event(*c);
            if (c->output.empty()) {
                std::cout << json;
                return;
            }
            data::write_file_atomically(c->output, json);
            std::cerr << "wrote " << c->output << '\n';
        });
    add_folder_command(
        *group,
        "agendas",
        "Each delegate's agenda (CSV, iCalendar, printable HTML) and the ushers' table list\n"
        "from a symposium and its schedule (slot,table,a,b).",
        match::agendas_settings,
        match::run_agendas);
    add_folder_command(
        *group,
        "run",
        "Everything for a symposium into one folder: suggestions.csv and .xlsx, event.json,\n"
        "schedule.csv, agendas (CSV, iCalendar, HTML) and the ushers' list.",
        match::run_settings,
        match::run_symposium);
}

}  // namespace tandem::cli
