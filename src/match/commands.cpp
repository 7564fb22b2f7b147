#include "tandem/match/commands.hpp"

#include <cmath>
#include <iostream>

#include <fmt/format.h>

#include "tandem/core/error.hpp"
#include "tandem/data/output_folder.hpp"
#include "tandem/data/table_writers.hpp"
#include "tandem/match/symposium.hpp"

namespace tandem::match {

namespace {

Setting symposium_setting(std::string& symposium) {
    return {"symposium", "the symposium as JSON", &symposium, {}, true};
}

Setting folder_setting(std::string& output) {
    return {"-o,--output", "the folder to write", &output, {}, true};
}

// The suggestions as CSV and XLSX in the folder.
void write_suggestions(const Table& table, const std::filesystem::path& dir) {
    data::write_tables({table}, data::Format::kCsv, (dir / "suggestions.csv").string(), std::cout);
    data::write_tables(
        {table}, data::Format::kXlsx, (dir / "suggestions.xlsx").string(), std::cout);
}

bool valid_suggest(const SuggestOptions& o, std::string* why) {
    const auto weight = [](double w) { return std::isfinite(w) && w >= 0.0; };
    return all_valid(
        why,
        {{weight(o.weight_areas) && weight(o.weight_sectors) && weight(o.weight_text) &&
              o.weight_areas + o.weight_sectors + o.weight_text > 0.0,
          "the weights must be 0 or more, and not all 0"},
         {std::isfinite(o.min_score), "min-score: expected a number"}});
}

bool valid_event(const EventOptions& o, std::string* why) {
    return all_valid(why,
                     {{o.per_organisation >= 0, "per-organisation: expected 0 or more requests"},
                      {std::isfinite(o.min_score), "request-score: expected a number"}});
}

}  // namespace

bool SuggestCommand::is_valid(std::string* why) const {
    return all_valid(why,
                     {{!symposium.empty(), "no symposium file"},
                      {lang == "en" || lang == "zh", "lang: expected en or zh"}}) &&
           valid_suggest(suggest, why);
}

bool EventCommand::is_valid(std::string* why) const {
    return all_valid(why, {{!symposium.empty(), "no symposium file"}}) &&
           valid_suggest(suggest, why) && valid_event(event, why);
}

bool FolderCommand::is_valid(std::string* why) const {
    return all_valid(why,
                     {{!symposium.empty(), "no symposium file"},
                      {!output.empty(), "no output folder (-o)"}}) &&
           valid_suggest(suggest, why) && valid_event(event, why);
}

Settings suggest_settings(SuggestOptions& o) {
    return {
        {"--min-score", "leave out pairs scoring below (0-100; default 1)", &o.min_score},
        {"--weight-areas", "weight of shared cooperation areas (0.4)", &o.weight_areas},
        {"--weight-sectors", "weight of sector links (0.2)", &o.weight_sectors},
        {"--weight-text", "weight of offers against needs (0.4)", &o.weight_text},
    };
}

Settings event_settings(EventOptions& o) {
    return {
        {"--per-organisation",
         "suggestions turned into meeting requests per organisation (default 6)",
         &o.per_organisation},
        {"--request-score",
         "lowest suggestion score requested (default 15; 45 and above: \"want\")",
         &o.min_score},
    };
}

Settings agenda_settings(AgendaOptions& o) {
    auto& lang = o.lang;
    return {
        {"--lang",
         "en or zh: agendas, ushers' grid, reasons and summary",
         Setting::Parse([&lang](const std::string& s) { lang = i18n::parse_lang(s); }),
         {"en", "zh"}},
        {"--pdf",
         "also print-ready PDFs (Chromium): agendas.pdf, pdf/<delegate>.pdf, ushers.pdf",
         &o.pdf},
    };
}

Settings suggest_command_settings(SuggestCommand& c) {
    return Settings{
               symposium_setting(c.symposium),
               {"--top", "only the best N pairs", &c.top},
               {"--lang", "en or zh: names, reasons and labels", &c.lang, {"en", "zh"}},
           } +
           suggest_settings(c.suggest);
}

Table run_suggest(const SuggestCommand& c) {
    require_valid(c);
    const auto s = read_symposium(c.symposium);
    auto list = suggest(s, c.suggest);
    if (c.top > 0 && list.size() > c.top) {
        list.resize(c.top);
    }
    return suggestions_table(s, list, i18n::parse_lang(c.lang));
}

Settings event_command_settings(EventCommand& c) {
    return Settings{
               symposium_setting(c.symposium),
               {"-o,--output", "the event JSON (default: standard output)", &c.output},
           } +
           suggest_settings(c.suggest) + event_settings(c.event);
}

std::string run_event(const EventCommand& c) {
    require_valid(c);
    const auto s = read_symposium(c.symposium);
    return schedule::event_json(make_event(s, suggest(s, c.suggest), c.event));
}

Settings agendas_settings(FolderCommand& c) {
    return Settings{
               symposium_setting(c.symposium),
               {"schedule", "its schedule CSV", &c.schedule, {}, true},
               folder_setting(c.output),
           } +
           agenda_settings(c.agenda) + suggest_settings(c.suggest) + event_settings(c.event);
}

Settings run_settings(FolderCommand& c) {
    auto& method = c.method;
    return Settings{
               symposium_setting(c.symposium),
               folder_setting(c.output),
               {"--method",
                "scheduler: auto, heuristic or milp",
                Setting::Parse(
                    [&method](const std::string& s) { method = schedule::parse_method(s); }),
                {"auto", "heuristic", "milp"}},
               {"-q,--quiet", "no summary", &c.quiet},
           } +
           agenda_settings(c.agenda) + suggest_settings(c.suggest) + event_settings(c.event);
}

std::vector<std::string> run_agendas(const FolderCommand& c) {
    require_valid(c);
    if (c.schedule.empty()) {
        fail(ErrorCode::kUsage, "no schedule file");
    }
    const auto s = read_symposium(c.symposium);
    const auto list = suggest(s, c.suggest);
    const auto ev = make_event(s, list, c.event);
    const auto sch = schedule::read_schedule(ev, c.schedule);
    const auto target = output_target(c.output, {c.symposium, c.schedule});
    data::OutputFolder folder(target, kOutputMarker);
    data::write_file_atomically(folder.path() / kOutputMarker, "tandem match agendas\n");
    write_agendas(s, ev, sch, list, folder.path(), c.agenda);
    const std::size_t written = data::count_files(folder.path(), kOutputMarker);
    folder.commit();
    return {fmt::format("wrote {} files to {}", written, target.string())};
}

std::vector<std::string> run_symposium(const FolderCommand& c) {
    require_valid(c);
    // Everything is written into a temporary sibling folder, renamed into place at the end: a
    // failed run leaves no part of its output and the previous one intact.
    const auto target = output_target(c.output, {c.symposium});
    const auto s = read_symposium(c.symposium);
    const auto list = suggest(s, c.suggest);
    data::OutputFolder folder(target, kOutputMarker);
    const std::filesystem::path dir = folder.path();
    data::write_file_atomically(dir / kOutputMarker, "tandem match run\n");
    write_suggestions(suggestions_table(s, list, c.agenda.lang), dir);
    const auto ev = make_event(s, list, c.event);
    data::write_file_atomically(dir / "event.json", schedule::event_json(ev));
    schedule::SolveOptions options;
    options.method = c.method;
    options.bound = true;
    const auto result = schedule::solve_checked(ev, options);
    data::write_file_atomically(dir / "schedule.csv", schedule::schedule_csv(ev, result.schedule));
    write_agendas(s, ev, result.schedule, list, dir, c.agenda);
    const std::size_t written = data::count_files(dir, kOutputMarker);
    folder.commit();
    const bool zh = c.agenda.lang == i18n::Lang::kZh;
    std::vector<std::string> lines = {overview_line(s, list.size(), ev, c.agenda.lang)};
    for (auto& line : schedule::summary_lines(ev, result, {true, -1.0, c.agenda.lang})) {
        lines.push_back(std::move(line));
    }
    lines.push_back(fmt::format(fmt::runtime(zh ? "已写入 {} 个文件：{}" : "wrote {} files to {}"),
                                written,
                                target.string()));
    return lines;
}

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

}  // namespace tandem::match
