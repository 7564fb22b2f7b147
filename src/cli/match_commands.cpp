// tandem match: suggestions of whom to meet, the scheduler's event, agendas; `run` does all.
#include <iostream>

#include <fmt/format.h>

#include "tandem/core/error.hpp"
#include "tandem/data/output_folder.hpp"
#include "tandem/match/agenda.hpp"
#include "tandem/match/suggest.hpp"
#include "tandem/match/symposium.hpp"
#include "tandem/schedule/scheduler.hpp"

#include "common.hpp"

namespace tandem::cli {

namespace {

void add_agenda_options(CLI::App& cmd, std::string& lang, bool& pdf) {
    cmd.add_option("--lang", lang, "en or zh: agendas, ushers' grid, reasons and summary")
        ->check(CLI::IsMember({"en", "zh"}));
    cmd.add_flag("--pdf",
                 pdf,
                 "also print-ready PDFs (Chromium): agendas.pdf, pdf/<delegate>.pdf, ushers.pdf");
}

void add_suggest_options(CLI::App& cmd, match::SuggestOptions& o) {
    cmd.add_option("--min-score", o.min_score, "leave out pairs scoring below (0-100; default 1)");
    cmd.add_option("--weight-areas", o.weight_areas, "weight of shared cooperation areas (0.4)");
    cmd.add_option("--weight-sectors", o.weight_sectors, "weight of sector links (0.2)");
    cmd.add_option("--weight-text", o.weight_text, "weight of offers against needs (0.4)");
}

void add_event_options(CLI::App& cmd, match::EventOptions& o) {
    cmd.add_option("--per-organisation",
                   o.per_organisation,
                   "suggestions turned into meeting requests per organisation (default 6)");
    cmd.add_option("--request-score",
                   o.min_score,
                   "lowest suggestion score requested (default 15; 45 and above: \"want\")");
}

// The folder `run` and `agendas` write, checked before any work: a symlink, a folder that
// holds the input (replacing it would delete the input) or the input file itself is refused.
// Returns the target without trailing separators.
std::filesystem::path output_target(const std::string& folder,
                                    const std::vector<std::string>& inputs) {
    namespace fs = std::filesystem;
    fs::path target = fs::path(folder).lexically_normal();
    while (!target.has_filename() && target.has_parent_path() && target != target.root_path()) {
        target = target.parent_path();
    }
    if (target.empty() || target.filename() == "." || target.filename() == "..") {
        target = fs::absolute(target).lexically_normal();
        while (!target.has_filename() && target != target.root_path()) {
            target = target.parent_path();
        }
    }
    std::error_code ec;
    if (fs::is_symlink(target, ec)) {
        fail(ErrorCode::kIo,
             "{}: is a symbolic link; refusing to replace it (give the folder it points to)",
             target.string());
    }
    const fs::path out = fs::weakly_canonical(fs::absolute(target), ec);
    for (const auto& input : inputs) {
        const fs::path in = fs::weakly_canonical(fs::absolute(input), ec);
        if (ec) {
            continue;
        }
        const auto rel = in.lexically_relative(out);
        if (in == out || (!rel.empty() && *rel.begin() != "..")) {
            fail(ErrorCode::kIo,
                 "{}: the output would replace the input {}; choose another folder",
                 target.string(),
                 input);
        }
    }
    return target;
}

// Marks a folder written by `match run` or `match agendas`: such a folder may be replaced.
constexpr const char* kMarker = ".tandem-match";

}  // namespace

void add_match_commands(CLI::App& app) {
    auto* group = app.add_subcommand(
        "match",
        "Matchmaking for a cooperation symposium (docs/match.md): whom each organisation should\n"
        "meet and why, the meeting requests for `tandem schedule`, and agendas.");
    group->require_subcommand(1);

    {
        struct Args {
            std::string symposium;
            match::SuggestOptions suggest;
            std::size_t top = 0;
            std::string lang = "en";
            OutputOptions out;
        };
        auto a = std::make_shared<Args>();
        auto* cmd = group->add_subcommand(
            "suggest",
            "Score every admissible pair of organisations by shared cooperation areas, sector\n"
            "links (China's national IO table) and the full-text match (Xapian, Chinese and\n"
            "English) of one side's offers to the other's needs; each suggestion says why.");
        cmd->add_option("symposium", a->symposium, "the symposium as JSON")->required();
        cmd->add_option("--top", a->top, "only the best N pairs");
        cmd->add_option("--lang", a->lang, "en or zh: names, reasons and labels")
            ->check(CLI::IsMember({"en", "zh"}));
        add_suggest_options(*cmd, a->suggest);
        add_output_options(*cmd, a->out);
        cmd->callback([a] {
            const auto s = match::read_symposium(a->symposium);
            auto list = match::suggest(s, a->suggest);
            if (a->top > 0 && list.size() > a->top) {
                list.resize(a->top);
            }
            emit({match::suggestions_table(s, list, i18n::parse_lang(a->lang))}, a->out);
        });
    }
    {
        struct Args {
            std::string symposium;
            std::string output;
            match::SuggestOptions suggest;
            match::EventOptions event;
        };
        auto a = std::make_shared<Args>();
        auto* cmd = group->add_subcommand(
            "event",
            "Write the scheduler's event (docs/schedule.md) from a symposium: delegates,\n"
            "availability, explicit requests, and each organisation's best suggestions.");
        cmd->add_option("symposium", a->symposium, "the symposium as JSON")->required();
        cmd->add_option("-o,--output", a->output, "the event JSON (default: standard output)");
        add_suggest_options(*cmd, a->suggest);
        add_event_options(*cmd, a->event);
        cmd->callback([a] {
            const auto s = match::read_symposium(a->symposium);
            const auto ev = match::make_event(s, match::suggest(s, a->suggest), a->event);
            const std::string json = schedule::event_json(ev);
            if (a->output.empty()) {
                std::cout << json;
            } else {
                data::write_file_atomically(a->output, json);
                std::cerr << "wrote " << a->output << '\n';
            }
        });
    }
    {
        struct Args {
            std::string symposium;
            std::string schedule;
            std::string folder;
            match::SuggestOptions suggest;
            match::EventOptions event;
            std::string lang = "en";
            bool pdf = false;
        };
        auto a = std::make_shared<Args>();
        auto* cmd = group->add_subcommand(
            "agendas",
            "Each delegate's agenda (CSV, iCalendar, printable HTML) and the ushers' table list\n"
            "from a symposium and its schedule (slot,table,a,b).");
        cmd->add_option("symposium", a->symposium, "the symposium as JSON")->required();
        cmd->add_option("schedule", a->schedule, "its schedule CSV")->required();
        cmd->add_option("-o,--output", a->folder, "the folder to write")->required();
        add_agenda_options(*cmd, a->lang, a->pdf);
        add_suggest_options(*cmd, a->suggest);
        add_event_options(*cmd, a->event);
        cmd->callback([a] {
            const auto s = match::read_symposium(a->symposium);
            const auto list = match::suggest(s, a->suggest);
            const auto ev = match::make_event(s, list, a->event);
            const auto sch = schedule::read_schedule(ev, a->schedule);
            const auto target = output_target(a->folder, {a->symposium, a->schedule});
            data::OutputFolder folder(target, kMarker);
            data::write_file_atomically(folder.path() / kMarker, "tandem match agendas\n");
            match::write_agendas(
                s, ev, sch, list, folder.path(), {i18n::parse_lang(a->lang), a->pdf, {}});
            const std::size_t written = data::count_files(folder.path(), kMarker);
            folder.commit();
            std::cerr << fmt::format("wrote {} files to {}\n", written, target.string());
        });
    }
    {
        struct Args {
            std::string symposium;
            std::string folder;
            match::SuggestOptions suggest;
            match::EventOptions event;
            std::string method = "auto";
            std::string lang = "en";
            bool pdf = false;
            bool quiet = false;
        };
        auto a = std::make_shared<Args>();
        auto* cmd = group->add_subcommand(
            "run",
            "Everything for a symposium into one folder: suggestions.csv and .xlsx, event.json,\n"
            "schedule.csv, agendas (CSV, iCalendar, HTML) and the ushers' list.");
        cmd->add_option("symposium", a->symposium, "the symposium as JSON")->required();
        cmd->add_option("-o,--output", a->folder, "the folder to write")->required();
        cmd->add_option("--method", a->method, "scheduler: auto, heuristic or milp")
            ->check(CLI::IsMember({"auto", "heuristic", "milp"}));
        cmd->add_flag("-q,--quiet", a->quiet, "no summary");
        add_agenda_options(*cmd, a->lang, a->pdf);
        add_suggest_options(*cmd, a->suggest);
        add_event_options(*cmd, a->event);
        cmd->callback([a] {
            // Everything is written into a temporary sibling folder, renamed into place at the
            // end: a failed run leaves no part of its output and the previous one intact.
            const auto target = output_target(a->folder, {a->symposium});
            const auto s = match::read_symposium(a->symposium);
            const auto list = match::suggest(s, a->suggest);
            const auto lang = i18n::parse_lang(a->lang);
            data::OutputFolder folder(target, kMarker);
            const std::filesystem::path dir = folder.path();
            data::write_file_atomically(dir / kMarker, "tandem match run\n");
            OutputOptions out;
            out.quiet = true;
            out.format = "csv";
            out.output = (dir / "suggestions.csv").string();
            emit({match::suggestions_table(s, list, lang)}, out);
            out.format = "xlsx";
            out.output = (dir / "suggestions.xlsx").string();
            emit({match::suggestions_table(s, list, lang)}, out);
            const auto ev = match::make_event(s, list, a->event);
            data::write_file_atomically(dir / "event.json", schedule::event_json(ev));
            schedule::SolveOptions options;
            options.method = schedule::parse_method(a->method);
            options.bound = true;
            const auto result = schedule::solve(ev, options);
            const auto problems = schedule::validate(ev, result.schedule);
            if (!problems.empty()) {
                fail(ErrorCode::kInternal,
                     "the schedule breaks a hard constraint ({}); please report it",
                     problems.front());
            }
            data::write_file_atomically(dir / "schedule.csv",
                                        schedule::schedule_csv(ev, result.schedule));
            match::write_agendas(s, ev, result.schedule, list, dir, {lang, a->pdf, {}});
            const std::size_t written = data::count_files(dir, kMarker);
            folder.commit();
            if (a->quiet) {
                return;
            }
            std::cout << match::overview_line(s, list.size(), ev, lang) << '\n';
            for (const auto& line : schedule::summary_lines(ev, result, {true, -1.0, lang})) {
                std::cout << line << '\n';
            }
            std::cout << fmt::format(
                fmt::runtime(lang == i18n::Lang::kZh ? "已写入 {} 个文件：{}\n"
                                                     : "wrote {} files to {}\n"),
                written,
                target.string());
        });
    }
}

}  // namespace tandem::cli
