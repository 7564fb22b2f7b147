// tandem brief A B: complementarity and win-win of two provinces; tandem brief A --partners.
#include <iostream>

#include "tandem/brief/request.hpp"
#include "tandem/data/output_folder.hpp"
#include "tandem/data/pdf.hpp"

#include "common.hpp"

namespace tandem::cli {

namespace {

struct BriefArgs {
    brief::BriefRequest request;
    std::string html;
    OutputOptions out;
};

// Writes a report file (not over an input) and says so.
void write_report(const std::string& path, const std::string& text, const OutputOptions& out) {
    refuse_input_overlap(path, out.inputs);
    if (path.ends_with(".pdf")) {
        data::write_pdf(text, path);
    } else {
        data::write_file_atomically(path, text);
    }
    if (!out.quiet) {
        std::cerr << "wrote " << path << '\n';
    }
}

// Writes the brief where the options say: HTML, PDF, one JSON object, tables (files or
// terminal).
void write_brief(const brief::Brief& b, const BriefArgs& a) {
    const std::string& output = a.out.output;
    const std::string html = a.html.empty() && output.ends_with(".html") ? output : a.html;
    if (!html.empty()) {
        write_report(html, brief::brief_html(b), a.out);
    }
    if (output.ends_with(".pdf")) {
        write_report(output, brief::brief_html(b), a.out);
        return;
    }
    if (!html.empty() && html == output) {
        return;
    }
    const bool terminal = a.out.format == "table" && output.empty();
    if (a.out.format == "json" || (a.out.format == "table" && output.ends_with(".json"))) {
        if (output.empty() || output == "-") {
            std::cout << brief::brief_json(b);
        } else {
            write_report(output, brief::brief_json(b), a.out);
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
    auto* cmd = add_command(
        app,
        "brief",
        "Complementarity and win-win of two provinces on the shipped 2017 China MRIO: profiles,\n"
        "supply chains, trade complementarity, relatedness, the symposium's cooperation areas,\n"
        "and a cooperation scenario's output, value added, labour income and jobs in each\n"
        "region and the rest of China (intra-regional, feedback, spillover). With --partners\n"
        "and one region: every other province ranked by complementarity.",
        brief::brief_settings(a->request) +
            Settings{{"--html",
                      "also write the report as one self-contained HTML page with charts",
                      &a->html}},
        &a->out);
    cmd->callback([a] {
        const auto& request = a->request;
        a->out.inputs = request.inputs();
        refuse_input_overlap(a->html, a->out.inputs);
        require_valid(request);
        if (!request.partners) {
            write_brief(brief::run_brief(request), *a);
            return;
        }
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
    });
}

}  // namespace tandem::cli
