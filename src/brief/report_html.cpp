// The brief as one self-contained HTML page: inline CSS and SVG, no external resource, so it
// opens offline and prints; a few lines of script only record that the charts were laid out.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "tandem/brief/brief.hpp"
#include "tandem/data/escape.hpp"

namespace tandem::brief {

namespace {

std::string escape(const std::string& s) {
    return data::html_escape(s);
}

std::string number(double v) {
    if (!std::isfinite(v)) {
        return "-";
    }
    const double a = std::fabs(v);
    if (a >= 1000.0) {
        // Thousands separators.
        std::string digits = fmt::format("{:.0f}", a);
        std::string out;
        for (std::size_t i = 0; i < digits.size(); ++i) {
            if (i > 0 && (digits.size() - i) % 3 == 0) {
                out += ',';
            }
            out += digits[i];
        }
        return (v < 0 ? "-" : "") + out;
    }
    return fmt::format("{:.3g}", v);
}

std::string html_table(const Table& t) {
    std::string out = "<table><thead><tr>";
    for (const auto& level : t.rows.names) {
        out += "<th>" + escape(level) + "</th>";
    }
    for (std::size_t c = 0; c < t.cols.size(); ++c) {
        out += "<th>" + escape(t.cols.joined(c, " ")) + "</th>";
    }
    out += "</tr></thead><tbody>";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        out += "<tr>";
        for (std::size_t l = 0; l < t.rows.levels(); ++l) {
            out += "<td>" + escape(t.rows.at(r, l)) + "</td>";
        }
        for (std::size_t c = 0; c < t.cols.size(); ++c) {
            out += "<td class=num>" +
                   number(t.values(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c))) +
                   "</td>";
        }
        out += "</tr>";
    }
    return out + "</tbody></table>";
}

struct Bar {
    std::string label;
    double value;
    std::string colour;
};

std::string bar_chart(const std::string& id,
                      const std::string& title,
                      const std::vector<Bar>& bars) {
    const int width = 720;
    const int label_w = 300;
    const int row = 22;
    const int height = 30 + row * static_cast<int>(bars.size());
    double max = 0.0;
    for (const auto& b : bars) {
        max = std::max(max, std::fabs(b.value));
    }
    std::string s = fmt::format(
        "<svg data-chart=\"{}\" role=\"img\" aria-label=\"{}\" width=\"{}\" height=\"{}\" "
        "viewBox=\"0 0 {} {}\"><title>{}</title>",
        id,
        escape(title),
        width,
        height,
        width,
        height,
        escape(title));
    int y = 20;
    for (const auto& b : bars) {
        const double w = max > 0.0 ? (width - label_w - 90) * std::fabs(b.value) / max : 0.0;
        s += fmt::format(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"lbl\">{}</text>"
            "<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"><title>{}: "
            "{}</title></rect>"
            "<text x=\"{:.1f}\" y=\"{}\" class=\"val\">{}</text>",
            label_w - 6,
            y + 13,
            escape(b.label),
            label_w,
            y,
            std::max(w, 1.0),
            row - 6,
            b.colour,
            escape(b.label),
            number(b.value),
            label_w + w + 4,
            y + 13,
            number(b.value));
        y += row;
    }
    return s + "</svg>";
}

// A two-column Sankey: origins on the left, destinations on the right, bands by value.
std::string flow_chart(const Table& flows, const std::vector<std::string>& colours) {
    const int width = 720;
    const int height = 360;
    const auto n = flows.values.rows();
    const double total = flows.values.sum();
    std::string s = fmt::format(
        "<svg data-chart=\"flows\" role=\"img\" aria-label=\"flows\" width=\"{}\" height=\"{}\" "
        "viewBox=\"0 0 {} {}\"><title>Flows between the two regions and the others</title>",
        width,
        height,
        width,
        height);
    if (!(total > 0.0)) {
        return s + "</svg>";
    }
    const double scale = (height - 40.0 - 10.0 * static_cast<double>(n)) / total;
    std::vector<double> left_y(static_cast<std::size_t>(n));
    std::vector<double> right_y(static_cast<std::size_t>(n));
    double y = 20.0;
    for (Eigen::Index i = 0; i < n; ++i) {
        left_y[static_cast<std::size_t>(i)] = y;
        const double h = flows.values.row(i).sum() * scale;
        s += fmt::format(
            "<rect x=\"150\" y=\"{:.1f}\" width=\"12\" height=\"{:.1f}\" fill=\"{}\"/>"
            "<text x=\"144\" y=\"{:.1f}\" text-anchor=\"end\" class=\"lbl\">{}</text>",
            y,
            std::max(h, 1.0),
            colours[static_cast<std::size_t>(i)],
            y + h / 2 + 4,
            escape(flows.rows.at(static_cast<std::size_t>(i), 0)));
        y += h + 10.0;
    }
    y = 20.0;
    for (Eigen::Index j = 0; j < n; ++j) {
        right_y[static_cast<std::size_t>(j)] = y;
        const double h = flows.values.col(j).sum() * scale;
        s += fmt::format(
            "<rect x=\"558\" y=\"{:.1f}\" width=\"12\" height=\"{:.1f}\" fill=\"{}\"/>"
            "<text x=\"576\" y=\"{:.1f}\" class=\"lbl\">{}</text>",
            y,
            std::max(h, 1.0),
            colours[static_cast<std::size_t>(j)],
            y + h / 2 + 4,
            escape(flows.cols.at(static_cast<std::size_t>(j), 0)));
        y += h + 10.0;
    }
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = 0; j < n; ++j) {
            const double v = flows.values(i, j);
            if (!(v > 0.0)) {
                continue;
            }
            const double h = v * scale;
            const double y0 = left_y[static_cast<std::size_t>(i)] + h / 2;
            const double y1 = right_y[static_cast<std::size_t>(j)] + h / 2;
            left_y[static_cast<std::size_t>(i)] += h;
            right_y[static_cast<std::size_t>(j)] += h;
            s += fmt::format(
                "<path d=\"M162,{:.1f} C360,{:.1f} 360,{:.1f} 558,{:.1f}\" stroke=\"{}\" "
                "stroke-opacity=\"0.45\" stroke-width=\"{:.1f}\" fill=\"none\"><title>{} -> {}: {}"
                "</title></path>",
                y0,
                y0,
                y1,
                y1,
                colours[static_cast<std::size_t>(i)],
                std::max(h, 1.0),
                escape(flows.rows.at(static_cast<std::size_t>(i), 0)),
                escape(flows.cols.at(static_cast<std::size_t>(j), 0)),
                number(v));
        }
    }
    return s + "</svg>";
}

// Provinces at their capitals (equirectangular), circles by value added; the pair in colour.
std::string map_chart(const Table& map, const std::string& a, const std::string& b) {
    const int width = 720;
    const int height = 520;
    const double lon0 = 73.0;
    const double lon1 = 135.0;
    const double lat0 = 17.0;
    const double lat1 = 54.0;
    auto px = [&](double lon) { return 20.0 + (lon - lon0) / (lon1 - lon0) * (width - 40); };
    auto py = [&](double lat) { return 20.0 + (lat1 - lat) / (lat1 - lat0) * (height - 40); };
    const double max = map.values.col(2).maxCoeff();
    std::string s = fmt::format(
        "<svg data-chart=\"map\" role=\"img\" aria-label=\"map\" width=\"{}\" height=\"{}\" "
        "viewBox=\"0 0 {} {}\"><title>The provinces at their capitals, by value added</title>"
        "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#f4f7fb\"/>",
        width,
        height,
        width,
        height,
        width,
        height);
    double ax = 0;
    double ay = 0;
    double bx = 0;
    double by = 0;
    for (std::size_t r = 0; r < map.rows.size(); ++r) {
        const auto ri = static_cast<Eigen::Index>(r);
        const double x = px(map.values(ri, 0));
        const double y = py(map.values(ri, 1));
        const std::string& name = map.rows.at(r, 0);
        if (name == a) {
            ax = x;
            ay = y;
        }
        if (name == b) {
            bx = x;
            by = y;
        }
    }
    s += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#555\" "
        "stroke-dasharray=\"6 4\"/>",
        ax,
        ay,
        bx,
        by);
    for (std::size_t r = 0; r < map.rows.size(); ++r) {
        const auto ri = static_cast<Eigen::Index>(r);
        const double x = px(map.values(ri, 0));
        const double y = py(map.values(ri, 1));
        const double rad = 4.0 + 22.0 * std::sqrt(std::max(0.0, map.values(ri, 2)) / max);
        const std::string& name = map.rows.at(r, 0);
        const std::string colour = name == a ? "#c0392b" : name == b ? "#2471a3" : "#aab7c4";
        s += fmt::format(
            "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" fill=\"{}\" "
            "fill-opacity=\"0.75\"><title>{} {}: {}</title></circle>",
            x,
            y,
            rad,
            colour,
            escape(name),
            escape(map.rows.at(r, 1)),
            number(map.values(ri, 2)));
        if (name == a || name == b || map.values(ri, 2) > 0.35 * max) {
            s += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" class=\"lbl\">{} {}</text>",
                             x + rad + 2,
                             y + 4,
                             escape(name),
                             escape(map.rows.at(r, 1)));
        }
    }
    return s + "</svg>";
}

}  // namespace

std::string brief_html(const Brief& b) {
    const std::string ca = "#c0392b";
    const std::string cb = "#2471a3";
    auto with_zh = [](const Code& c) {
        return c.name_zh.empty() ? escape(c.name_en)
                                 : fmt::format("{} ({})", escape(c.name_en), escape(c.name_zh));
    };
    const std::string title = fmt::format("{} &amp; {}: complementarity and win-win{}",
                                          with_zh(b.a),
                                          with_zh(b.b),
                                          b.year > 0 ? fmt::format(", {}", b.year) : std::string());
    std::string h = fmt::format(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title>"
        "<style>body{{font-family:sans-serif;margin:2em;max-width:1100px;color:#222}}"
        "h1{{font-size:1.5em}}h2{{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}}"
        "table{{border-collapse:collapse;font-size:.85em;margin:.5em 0}}"
        "td,th{{border:1px solid #ddd;padding:2px 6px}}td.num{{text-align:right}}"
        "svg .lbl{{font-size:11px}}svg .val{{font-size:10px;fill:#555}}"
        ".note{{color:#555;font-size:.9em}}</style></head><body>",
        title);
    h += "<h1>" + title + "</h1>";
    h += "<p class=note>Computed by tandem from " + escape(b.source) + "; unit: " + escape(b.unit) +
         "; specialisations and relatedness from " + escape(b.measure) +
         ". 由tandem根据投入产出数据计算。</p>";
    if (!b.notes.empty()) {
        h += "<ul class=note>";
        for (const auto& n : b.notes) {
            h += "<li>" + escape(n) + "</li>";
        }
        h += "</ul>";
    }

    h += "<h2>The two economies 两地经济概况</h2>" + html_table(b.summary);

    std::vector<Bar> spec;
    for (std::size_t r = 0; r < b.specialisations.rows.size(); ++r) {
        const auto& region = b.specialisations.rows.at(r, 0);
        spec.push_back({region + ": " + b.specialisations.rows.at(r, 2) + " " +
                            b.specialisations.rows.at(r, 3),
                        b.specialisations.values(static_cast<Eigen::Index>(r), 0),
                        region == b.a.name_en ? ca : cb});
    }
    h += "<h2>Specialisations 优势产业 (RCA)</h2>" +
         bar_chart("specialisations", "Specialisations (RCA)", spec) +
         html_table(b.specialisations);

    std::vector<Bar> pot;
    for (std::size_t r = 0; r < b.supply_chains.rows.size(); ++r) {
        const auto ri = static_cast<Eigen::Index>(r);
        const std::string name =
            b.supply_chains.rows.at(r, 1) + " " + b.supply_chains.rows.at(r, 2);
        if (b.supply_chains.values(ri, 6) > 0.0) {
            pot.push_back({b.a.name_en + " -> " + b.b.name_en + ": " + name,
                           b.supply_chains.values(ri, 6),
                           ca});
        }
        if (b.supply_chains.values(ri, 7) > 0.0) {
            pot.push_back({b.b.name_en + " -> " + b.a.name_en + ": " + name,
                           b.supply_chains.values(ri, 7),
                           cb});
        }
    }
    std::stable_sort(
        pot.begin(), pot.end(), [](const Bar& x, const Bar& y) { return x.value > y.value; });
    if (pot.size() > 12) {
        pot.resize(12);
    }
    h += "<h2>Opportunities: what each could sell the other more of 互补机会</h2>" +
         bar_chart("opportunities", "Potential sales to the partner", pot) +
         html_table(b.supply_chains);

    h += "<h2>Flows between the two and " + escape(b.rest) + " 区域间流量</h2>" +
         flow_chart(b.flows, {ca, cb, "#7f8c8d"}) + html_table(b.flows);
    if (b.map.rows.size() > 0) {
        h += "<h2>Map 地图</h2>" + map_chart(b.map, b.a.name_en, b.b.name_en);
    }
    h += "<h2>Key sectors and linkages 关键产业与产业关联</h2>" + html_table(b.key_sectors);
    h += "<h2>Complementarity, measured several ways 互补性</h2>" + html_table(b.complementarity);
    h += "<h2>Relatedness: learning from each other 相关性与借鉴</h2>" + html_table(b.relatedness);
    if (b.areas.rows.size() > 0) {
        h += "<h2>Cooperation areas 合作领域</h2>" + html_table(b.areas) + "<ul>";
        for (const auto& r : b.reasons) {
            h += "<li>" + escape(r) + "</li>";
        }
        h += "</ul>";
    }
    if (b.scenario.rows.size() > 0) {
        h += "<h2>Win-win scenario 共赢情景</h2><p>" + escape(b.scenario_text) + "</p>" +
             html_table(b.scenario);
    }
    if (!b.cautions.empty()) {
        h += "<h2>Data cautions 数据提示</h2><ul id=cautions>";
        for (const auto& c : b.cautions) {
            h += "<li>" + escape(c) + "</li>";
        }
        h += "</ul>";
    }
    // Records, once laid out, how many charts have visible shapes (read by the browser test).
    h += "<script>window.addEventListener('load',function(){var n=0;"
         "document.querySelectorAll('svg[data-chart]').forEach(function(s){"
         "var k=0;s.querySelectorAll('rect,path,circle').forEach(function(e){"
         "var b=e.getBBox();if(b.width>0&&b.height>0)k++;});"
         "s.setAttribute('data-drawn',k);if(k>0)n++;});"
         "document.body.setAttribute('data-charts-drawn',n);});</script>";
    return h + "</body></html>\n";
}

}  // namespace tandem::brief
