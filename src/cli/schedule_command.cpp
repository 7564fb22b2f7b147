// tandem schedule event.json -o schedule.csv: the one-to-one meeting grid of a matchmaking event
// (the work in schedule/command.hpp).
#include <chrono>
#include <iostream>

#include "tandem/data/output_folder.hpp"
#include "tandem/schedule/command.hpp"

#include "common.hpp"

namespace tandem::cli {

void add_schedule_command(CLI::App& app) {
    auto c = std::make_shared<schedule::ScheduleCommand>();
    auto* cmd = add_command(
        app,
        "schedule",
        "Schedule the one-to-one meetings of a matchmaking event (docs/schedule.md): read the\n"
        "event as JSON (slots, tables, participants with availability and earliest/latest\n"
        "slots, requests with priorities and sessions, optional sessions, locked meetings,\n"
        "precedences and colleague rules), hold the most priority-weighted meetings, then keep\n"
        "each participant's meetings back to back (fewest breaks, then fewest isolated\n"
        "meetings), write slot,table,a,b as CSV, and print the meetings held, the weighted\n"
        "total, idle gaps, breaks, isolated meetings and, with --bound, the bound and the gap.",
        schedule::schedule_settings(*c));
    cmd->callback([c] {
        const auto start = std::chrono::steady_clock::now();
        refuse_input_overlap(c->output, {c->event});
        const auto run = schedule::run_schedule(*c, terminal_progress(c->quiet));
        if (c->output.empty()) {
            std::cout << run.csv;
        } else {
            data::write_file_atomically(c->output, run.csv);
        }
        if (c->quiet) {
            return;
        }
        const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
        std::ostream& out = c->output.empty() ? std::cerr : std::cout;
        for (const auto& line : schedule::summary_lines(
                 run.event,
                 run.result,
                 {c->solve.bound, seconds.count(), i18n::parse_lang(c->lang)})) {
            out << line << '\n';
        }
        if (!c->output.empty()) {
            out << "wrote " << c->output << '\n';
        }
    });
}

}  // namespace tandem::cli
