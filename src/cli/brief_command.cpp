// tandem brief A B: complementarity and win-win of two provinces; tandem brief A --partners.
#include <algorithm>
#include <iostream>
#include <optional>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tandem/brief/brief.hpp"
#include "tandem/brief/request.hpp"
#include "tandem/china/mrio_build.hpp"
#include "tandem/core/error.hpp"
#include "tandem/data/china_tables.hpp"
#include "tandem/data/datasets.hpp"
#include "tandem/data/long_panel.hpp"
#include "tandem/data/output_folder.hpp"
#include "tandem/data/pdf.hpp"
#include "tandem/data/regions.hpp"
#include "tandem/data/table_writers.hpp"
#include "tandem/data/tandem_format.hpp"
#include "tandem/mrio/calc.hpp"

#include "common.hpp"

namespace tandem::cli {

namespace {

struct BriefArgs {
    std::vector<std::string> regions;
    bool partners = false;
    std::vector<std::string> demand;
    std::string scenario;
    std::size_t top = 8;
    std::string html;
    std::string mrio;
    std::string tables;
    std::string base;
    int year = 0;  // 0: 2017 for the shipped data, none shown for another MRIO
    std::string activity;
    data::PanelColumns columns;
    std::string measure = "activity";
    std::string areas;
    std::string lang;
    OutputOptions out;
};

// Writes the brief where the options say: HTML, one JSON object, tables (files or terminal).
void write_brief(const brief::Brief& b, const BriefArgs& a) {
    std::string html_path = a.html;
    if (html_path.empty() && a.out.output.ends_with(".html")) {
        html_path = a.out.output;
    }
    if (!html_path.empty()) {
        refuse_input_overlap(html_path, a.out.inputs);
        data::write_file_atomically(html_path, brief::brief_html(b));
        if (!a.out.quiet) {
            std::cerr << "wrote " << html_path << '\n';
        }
        if (html_path == a.out.output) {
            return;
        }
    }
    if (a.out.output.ends_with(".pdf")) {
        refuse_input_overlap(a.out.output, a.out.inputs);
        data::write_pdf(brief::brief_html(b), a.out.output);
        if (!a.out.quiet) {
            std::cerr << "wrote " << a.out.output << '\n';
        }
        return;
    }
    const bool terminal = a.out.format == "table" && a.out.output.empty();
    const bool json =
        a.out.format == "json" || (a.out.format == "table" && a.out.output.ends_with(".json"));
    if (json) {
        const std::string text = brief::brief_json(b);
        if (a.out.output.empty() || a.out.output == "-") {
            std::cout << text;
            return;
        }
        refuse_input_overlap(a.out.output, a.out.inputs);
        data::write_file_atomically(a.out.output, text);
        if (!a.out.quiet) {
            std::cerr << "wrote " << a.out.output << '\n';
        }
        return;
    }
    // What the terminal prints below the tables travels with the first table in files.
    emit(terminal ? brief::titled_tables(b, true) : brief::file_tables(b), a.out);
    if (terminal) {
        std::cout << brief::closing_text(b);
    }
}

}  // namespace

void add_brief_command(CLI::App& app) {
    auto a = std::make_shared<BriefArgs>();
    auto* cmd = app.add_subcommand(
        "brief",
        "Complementarity and win-win of two provinces on the shipped 2017 China MRIO: profiles,\n"
        "supply chains, trade complementarity, relatedness, the symposium's cooperation areas,\n"
        "and a cooperation scenario's output, value added, labour income and jobs in each\n"
        "region and the rest of China (intra-regional, feedback, spillover). With --partners\n"
        "and one region: every other province ranked by complementarity.");
    cmd->add_option("regions", a->regions, "two provinces (codes, English or Chinese names)")
        ->required();
    cmd->add_flag("--partners", a->partners, "rank every other province as a partner of one");
    cmd->add_option("--demand",
                    a->demand,
                    "scenario change BUYER:SELLER:SECTORS:AMOUNT (10k CNY; repeatable), e.g. "
                    "Anhui:Heilongjiang:01,06:500000; default: each buys 10% of the top-3 "
                    "potential from the other");
    cmd->add_option("--scenario",
                    a->scenario,
                    "a scenario in a TOML file (name, and [[change]] tables with buyer, seller, "
                    "sectors, amount; docs/brief.md)");
    cmd->add_option("--year",
                    a->year,
                    "the shipped China MRIO and provincial tables of 2017 (default; growth "
                    "from 2012) or 2012 (no growth); with --mrio, the year shown")
        ->check(CLI::Range(1900, 2100));
    cmd->add_option("--mrio",
                    a->mrio,
                    "another MRIO: a tandem or pymrio folder (e.g. the tandem/ folder of `tandem "
                    "china build --decay 2`, or an MRIO of other countries), or china:2012; "
                    "regions that are not China's provinces get tables derived from the MRIO");
    cmd->add_option("--tables",
                    a->tables,
                    "the regional table set the MRIO was built from (default: the shipped "
                    "provincial tables when the MRIO is of the provinces, else derived)");
    cmd->add_option("--base",
                    a->base,
                    "an earlier table set for growth and shift-share (default: shipped 2012 "
                    "for the 2017 tables; none otherwise)");
    cmd->add_option("--activity",
                    a->activity,
                    "activity data by region and sector as a long CSV (time, loc, prod, val; "
                    "e.g. employment): specialisations, complexity and relatedness from its "
                    "last year, growth and shift-share from its first to its last");
    cmd->add_option("--time", a->columns.time, "time column of --activity (default time)");
    cmd->add_option("--loc", a->columns.loc, "region column of --activity (default loc)");
    cmd->add_option("--prod", a->columns.prod, "sector column of --activity (default prod)");
    cmd->add_option("--val", a->columns.val, "value column of --activity (default val)");
    cmd->add_option(
        "--measure", a->measure, "what --activity measures, for the labels (default activity)");
    cmd->add_option("--areas",
                    a->areas,
                    "cooperation areas as a CSV concordance to the MRIO's sectors (area, sector, "
                    "optional name, name_zh); default: the symposium's ten areas on China's 42 "
                    "sectors");
    cmd->add_option("--top", a->top, "sectors listed per table (default 8)");
    cmd->add_option("--lang",
                    a->lang,
                    "en or zh: the language of every label, reason and note (default: zh when "
                    "both regions are named in Chinese, else en)")
        ->check(CLI::IsMember({"en", "zh"}));
    cmd->add_option(
        "--html", a->html, "also write the report as one self-contained HTML page with charts");
    add_output_options(*cmd, a->out);
    cmd->callback([a] {
        brief::BriefRequest request;
        request.regions = a->regions;
        request.partners = a->partners;
        for (const auto& d : a->demand) {
            request.demand.push_back(brief::parse_demand_change(d));
        }
        request.scenario_file = a->scenario;
        request.top = a->top;
        request.mrio = a->mrio;
        request.tables = a->tables;
        request.base = a->base;
        request.year = a->year;
        request.activity = a->activity;
        request.columns = a->columns;
        request.measure = a->measure;
        request.areas = a->areas;
        request.lang = a->lang;
        a->out.inputs = request.inputs();
        refuse_input_overlap(a->html, a->out.inputs);
        std::string why;
        if (!request.is_valid(&why)) {
            fail(ErrorCode::kUsage, "{}", why);
        }
        if (a->partners) {
            if (!a->html.empty() || a->out.output.ends_with(".pdf") ||
                a->out.output.ends_with(".html")) {
                fail(ErrorCode::kUsage,
                     "--partners writes a table (terminal, CSV, JSON or XLSX); the HTML and PDF "
                     "reports are of a two-region brief");
            }
            Table ranking = brief::run_partner_ranking(request);
            if (a->out.format == "table" && a->out.output.empty() && !ranking.notes.empty()) {
                ranking.name = ranking.notes.front();  // the title, for a terminal
                ranking.notes.erase(ranking.notes.begin());
            }
            emit({ranking}, a->out);
            return;
        }
        const brief::Brief b = brief::run_brief(request);
        write_brief(b, *a);
    });
}

}  // namespace tandem::cli
