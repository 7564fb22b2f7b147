// tandem schedule event.json -o schedule.csv: the one-to-one meeting grid of a matchmaking event.
#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "tandem/core/error.hpp"
#include "tandem/data/output_folder.hpp"
#include "tandem/schedule/event.hpp"
#include "tandem/schedule/scheduler.hpp"

#include "common.hpp"

namespace tandem::cli {

void add_schedule_command(CLI::App& app) {
    struct Args {
        std::string event;
        std::string output;
        std::string method = "auto";
        std::string objective = "full";
        double time_limit = 60.0;
        bool bound = false;
        std::string keep;
        std::string lang = "en";
        bool quiet = false;
    };
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand(
        "schedule",
        "Schedule the one-to-one meetings of a matchmaking event (docs/schedule.md): read the\n"
        "event as JSON (slots, tables, participants with availability and earliest/latest\n"
        "slots, requests with priorities and sessions, optional sessions, locked meetings,\n"
        "precedences and colleague rules), hold the most priority-weighted meetings, then keep\n"
        "each participant's meetings back to back (fewest breaks, then fewest isolated\n"
        "meetings), write slot,table,a,b as CSV, and print the meetings held, the weighted\n"
        "total, idle gaps, breaks, isolated meetings and, with --bound, the bound and the gap.");
    cmd->add_option("event", a->event, "the event as JSON")->required();
    cmd->add_option("-o,--output", a->output, "the schedule as CSV (default: standard output)");
    cmd->add_option("--lang", a->lang, "en or zh: the language of the printed summary (default en)")
        ->check(CLI::IsMember({"en", "zh"}));
    cmd->add_option("--method",
                    a->method,
                    "auto (the heuristic, and the exact MILP when the event is small), "
                    "heuristic, or milp (CBC, within --time-limit)")
        ->check(CLI::IsMember({"auto", "heuristic", "milp"}));
    cmd->add_option("--objective",
                    a->objective,
                    "after the weighted meetings held: full (then the fewest breaks, then the "
                    "fewest participants with an isolated meeting; default), breaks, or weight "
                    "(meetings only)")
        ->check(CLI::IsMember({"full", "breaks", "weight"}));
    cmd->add_option("--time-limit", a->time_limit, "seconds for the MILP (default 60)")
        ->check(CLI::Validator(
            [](const std::string& text) {
                double x = 0;
                return CLI::detail::lexical_cast(text, x) && x > 0 && x <= 86400
                           ? std::string()
                           : "expected seconds above 0 (at most 86400), found " + text;
            },
            "SECONDS"));
    cmd->add_flag("--bound",
                  a->bound,
                  "also compute an upper bound on the weighted total (the MILP's, or the LP "
                  "relaxation's for large events) and the gap to it");
    cmd->add_option("--keep",
                    a->keep,
                    "a previous schedule (slot,table,a,b) whose meetings stay where they are; "
                    "only free slots and tables are filled");
    cmd->add_flag("-q,--quiet", a->quiet, "no summary");
    cmd->callback([a] {
        const auto start = std::chrono::steady_clock::now();
        refuse_input_overlap(a->output, {a->event});
        schedule::Event event = schedule::read_event(a->event);
        if (!a->keep.empty()) {
            schedule::keep_schedule(event, a->keep);
        }
        schedule::SolveOptions options;
        options.method = schedule::parse_method(a->method);
        options.objective = schedule::parse_objective(a->objective);
        options.time_limit = a->time_limit;
        options.bound = a->bound;
        const auto result = schedule::solve(event, options, terminal_progress(a->quiet));
        // Never hand out a schedule that breaks a hard constraint.
        const auto problems = schedule::validate(event, result.schedule);
        if (!problems.empty()) {
            fail(ErrorCode::kInternal,
                 "the schedule breaks a hard constraint ({}); please report it",
                 problems.front());
        }
        const std::string csv = schedule::schedule_csv(event, result.schedule);
        if (a->output.empty()) {
            std::cout << csv;
        } else {
            data::write_file_atomically(a->output, csv);
        }
        if (a->quiet) {
            return;
        }
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::ostream& out = a->output.empty() ? std::cerr : std::cout;
        for (const auto& line : schedule::summary_lines(
                 event, result, {a->bound, seconds, i18n::parse_lang(a->lang)})) {
            out << line << '\n';
        }
        if (!a->output.empty()) {
            out << "wrote " << a->output << '\n';
        }
    });
}

}  // namespace tandem::cli
