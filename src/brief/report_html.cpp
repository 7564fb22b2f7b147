// The brief as one self-contained HTML page: inline CSS and SVG, no external resource, so it
// opens offline and prints on A4 (page numbers, date and source in the page margins); a few
// lines of script only record that the charts were laid out. Labels are placed from an
// estimate of their width (display_width), so none is clipped and map labels do not overlap.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <optional>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "tandem/brief/brief.hpp"
#include "tandem/data/escape.hpp"
#include "tandem/data/table_writers.hpp"

#include "amounts.hpp"

namespace tandem::brief {

namespace {

using i18n::Lang;

constexpr const char* kFontStack = data::kCjkFontStack;

std::string escape(const std::string& s) {
    return data::html_escape(s);
}

// Width in pixels of text at an 11px font: about 6 per Latin letter, 11 per Chinese one.
double text_px(const std::string& s) {
    return 5.8 * static_cast<double>(data::display_width(s));
}

// Text cut to a width, with an ellipsis, on a UTF-8 boundary.
std::string fit(const std::string& s, double px) {
    if (text_px(s) <= px) {
        return s;
    }
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t len = 1;
        while (i + len < s.size() && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80) {
            ++len;
        }
        if (text_px(out + s.substr(i, len)) + 12.0 > px) {
            break;
        }
        out += s.substr(i, len);
        i += len;
    }
    return out + "…";
}

// The unit a table's amounts are shown in (Brief::amount_units), else the data's.
std::string amount_unit(const Brief& b, const Table& t) {
    const auto it = b.amount_units.find(t.name);
    return it == b.amount_units.end() ? b.unit : it->second;
}

std::string number(double v) {
    if (!std::isfinite(v)) {
        return "-";
    }
    if (std::fabs(v) < 1e-9) {
        return "0";  // rounding noise of the assembly (1e-13), not a figure
    }
    const double a = std::fabs(v);
    if (a >= 1000.0) {
        return grouped(v);
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

// The words of the page in its language.
struct Words {
    Lang lang;
    std::string operator()(const char* en, const char* zh) const {
        return lang == Lang::kZh ? zh : en;
    }
};

// A chart with its title and units above and its source below.
std::string figure(const std::string& svg,
                   const std::string& title,
                   const std::string& units,
                   const std::string& source,
                   const Words& w) {
    return "<figure><figcaption class=title>" + escape(title) +
           (units.empty() ? "" : " <span class=unit>(" + escape(units) + ")</span>") +
           "</figcaption>" + svg + "<figcaption class=source>" + w("Source: ", "数据来源：") +
           escape(source) + "</figcaption></figure>";
}

struct Bar {
    std::string label;
    double value;
    std::string colour;
};

// Horizontal bars, each under its label, so that long sector names are never cut at the left.
std::string bar_chart(const std::string& id,
                      const std::string& title,
                      const std::vector<Bar>& bars) {
    const int width = 720;
    const int row = 36;
    const int height = 10 + row * static_cast<int>(bars.size());
    double max = 0.0;
    double widest_value = 0.0;
    for (const auto& b : bars) {
        max = std::max(max, std::fabs(b.value));
        widest_value = std::max(widest_value, text_px(number(b.value)));
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
    const double span = width - 10.0 - widest_value - 8.0;
    int y = 6;
    for (const auto& b : bars) {
        const double w = max > 0.0 ? span * std::fabs(b.value) / max : 0.0;
        s += fmt::format(
            "<text x=\"0\" y=\"{}\" class=\"lbl\">{}</text>"
            "<rect x=\"0\" y=\"{}\" width=\"{:.1f}\" height=\"14\" fill=\"{}\"><title>{}: "
            "{}</title></rect><text x=\"{:.1f}\" y=\"{}\" class=\"val\">{}</text>",
            y + 11,
            escape(fit(b.label, width)),
            y + 15,
            std::max(w, 1.0),
            b.colour,
            escape(b.label),
            number(b.value),
            w + 4,
            y + 26,
            number(b.value));
        y += row;
    }
    return s + "</svg>";
}

// A two-column Sankey: origins on the left, destinations on the right, bands by value.
std::string flow_chart(const Table& flows,
                       const std::vector<std::string>& colours,
                       const std::string& title) {
    double label_w = 40.0;
    for (std::size_t i = 0; i < flows.rows.size(); ++i) {
        label_w = std::max(label_w, text_px(flows.rows.at(i, 0)));
        label_w = std::max(label_w, text_px(flows.cols.at(i, 0)));
    }
    const double left = std::min(label_w + 10.0, 250.0);
    const double right = 720.0 - left - 12.0;
    const int width = 720;
    const int height = 360;
    const auto n = flows.values.rows();
    const double total = flows.values.sum();
    std::string s = fmt::format(
        "<svg data-chart=\"flows\" role=\"img\" aria-label=\"flows\" width=\"{}\" height=\"{}\" "
        "viewBox=\"0 0 {} {}\"><title>{}</title>",
        width,
        height,
        width,
        height,
        escape(title));
    if (!(total > 0.0)) {
        return s + "</svg>";
    }
    const double scale = (height - 40.0 - 10.0 * static_cast<double>(n)) / total;
    std::vector<double> left_y(static_cast<std::size_t>(n));
    std::vector<double> right_y(static_cast<std::size_t>(n));
    for (int side = 0; side < 2; ++side) {
        double y = 20.0;
        for (Eigen::Index i = 0; i < n; ++i) {
            const auto k = static_cast<std::size_t>(i);
            const double h =
                (side == 0 ? flows.values.row(i).sum() : flows.values.col(i).sum()) * scale;
            (side == 0 ? left_y : right_y)[k] = y;
            const std::string& name = side == 0 ? flows.rows.at(k, 0) : flows.cols.at(k, 0);
            s += fmt::format(
                "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"12\" height=\"{:.1f}\" fill=\"{}\"/>"
                "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\" class=\"lbl\">{}</text>",
                side == 0 ? left : right,
                y,
                std::max(h, 1.0),
                colours[k],
                side == 0 ? left - 6 : right + 18,
                y + h / 2 + 4,
                side == 0 ? "end" : "start",
                escape(fit(name, left - 8)));
            y += h + 10.0;
        }
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
            const double mid = (left + right) / 2;
            s += fmt::format(
                "<path d=\"M{:.1f},{:.1f} C{:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f}\" "
                "stroke=\"{}\" stroke-opacity=\"0.45\" stroke-width=\"{:.1f}\" fill=\"none\">"
                "<title>{} → {}: {}</title></path>",
                left + 12,
                y0,
                mid,
                y0,
                mid,
                y1,
                right,
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

struct Box {
    double x0, y0, x1, y1;
    bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

// A label beside its circle where it overlaps no label placed before (right, left, above,
// below); none where none fits, unless it must be shown.
std::optional<std::pair<double, double>> place_label(const std::string& text,
                                                     double x,
                                                     double y,
                                                     double rad,
                                                     std::vector<Box>& placed,
                                                     double width,
                                                     double height,
                                                     bool must) {
    const double w = text_px(text);
    const double h = 13.0;
    const std::vector<std::pair<double, double>> tries = {{x + rad + 3, y + 4},
                                                          {x - rad - 3 - w, y + 4},
                                                          {x - w / 2, y - rad - 4},
                                                          {x - w / 2, y + rad + 13},
                                                          {x + rad + 3, y + 17},
                                                          {x + rad + 3, y - 9}};
    for (const auto& [tx, ty] : tries) {
        const Box b{tx - 2, ty - h + 2, tx + w + 4, ty + 4};
        if (b.x0 < 2 || b.x1 > width - 2 || b.y0 < 2 || b.y1 > height - 2) {
            continue;
        }
        if (std::none_of(
                placed.begin(), placed.end(), [&](const Box& o) { return b.overlaps(o); })) {
            placed.push_back(b);
            return std::pair{tx, ty};
        }
    }
    if (must) {
        const double tx = std::clamp(x + rad + 3, 2.0, width - w - 2);
        placed.push_back({tx, y - 9, tx + w, y + 7});
        return std::pair{tx, y + 4};
    }
    return std::nullopt;
}

// Provinces at their capitals (equirectangular), circles by value added, the flows between
// the pair as two arrows by size; a legend for colours, circle sizes and arrows.
std::string map_chart(const Brief& b, const std::string& title, const Words& w) {
    const Table& map = b.map;
    const int width = 720;
    const int height = 560;
    const double lon0 = 73.0, lon1 = 135.0, lat0 = 17.0, lat1 = 50.0;
    auto px = [&](double lon) { return 20.0 + (lon - lon0) / (lon1 - lon0) * (width - 40); };
    const double map_h = height - 120.0;  // the legend below
    auto py = [&](double lat) { return 20.0 + (lat1 - lat) / (lat1 - lat0) * (map_h - 40); };
    const double max = map.values.col(2).maxCoeff();
    auto radius = [&](double v) { return 4.0 + 22.0 * std::sqrt(std::max(0.0, v) / max); };
    const std::string a = display_name(b.a, b.lang);
    const std::string bb = display_name(b.b, b.lang);
    std::string s = fmt::format(
        "<svg data-chart=\"map\" role=\"img\" aria-label=\"map\" width=\"{}\" height=\"{}\" "
        "viewBox=\"0 0 {} {}\"><title>{}</title><defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" "
        "refX=\"8\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"11\" "
        "markerHeight=\"11\" orient=\"auto-start-reverse\">"
        "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333\"/></marker></defs>"
        "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#f4f7fb\"/>",
        width,
        height,
        width,
        height,
        escape(title),
        width,
        map_h);
    std::vector<std::size_t> order(map.rows.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    // The pair first, then by size: they get the first choice of label places.
    auto priority = [&](std::size_t r) {
        const auto& name = map.rows.at(r, 0);
        return name == a || name == bb ? 1e300 : map.values(static_cast<Eigen::Index>(r), 2);
    };
    std::stable_sort(
        order.begin(), order.end(), [&](auto x, auto y) { return priority(x) > priority(y); });
    double ax = 0, ay = 0, bx = 0, by = 0;
    std::vector<Box> placed;
    std::string circles;
    std::string pair_circles;  // drawn last, over their neighbours'
    std::string labels;
    for (const auto r : order) {
        const auto ri = static_cast<Eigen::Index>(r);
        const double x = px(map.values(ri, 0));
        const double y = py(map.values(ri, 1));
        const double rad = radius(map.values(ri, 2));
        const std::string& name = map.rows.at(r, 0);
        const bool pair = name == a || name == bb;
        if (name == a) {
            ax = x, ay = y;
        } else if (name == bb) {
            bx = x, by = y;
        }
        const std::string colour = name == a ? "#c0392b" : name == bb ? "#2471a3" : "#aab7c4";
        (pair ? pair_circles : circles) += fmt::format(
            "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" fill=\"{}\" fill-opacity=\"0.75\">"
            "<title>{}: {}</title></circle>",
            x,
            y,
            rad,
            colour,
            escape(name),
            number(map.values(ri, 2)));
        // Circles reserve their place too, so labels do not cover the pair's.
        if (pair) {
            placed.push_back({x - rad, y - rad, x + rad, y + rad});
        }
        if (pair || map.values(ri, 2) > 0.3 * max) {
            if (const auto at = place_label(name, x, y, rad, placed, width, map_h, pair)) {
                labels += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" class=\"{}\">{}</text>",
                                      at->first,
                                      at->second,
                                      pair ? "lbl pair" : "lbl",
                                      escape(name));
            }
        }
    }
    s += circles + pair_circles;
    // The flows between the pair: two arcs, widths by value.
    const double fab = b.flows.values.rows() >= 2 ? b.flows.values(0, 1) : 0.0;
    const double fba = b.flows.values.rows() >= 2 ? b.flows.values(1, 0) : 0.0;
    const double fmax = std::max({fab, fba, 1e-12});
    double ra = 0.0, rb = 0.0;
    for (std::size_t r = 0; r < map.rows.size(); ++r) {
        const double rad = radius(map.values(static_cast<Eigen::Index>(r), 2));
        ra = map.rows.at(r, 0) == a ? rad : ra;
        rb = map.rows.at(r, 0) == bb ? rad : rb;
    }
    // An arc bowed to its left, from the edge of one circle to the edge of the other.
    auto arc = [&](double x0,
                   double y0,
                   double r0,
                   double x1,
                   double y1,
                   double r1,
                   double v,
                   const char* colour) {
        const double len = std::max(std::hypot(x1 - x0, y1 - y0), 1.0);
        const double ux = (x1 - x0) / len, uy = (y1 - y0) / len;
        const double sx = x0 + ux * (r0 + 2), sy = y0 + uy * (r0 + 2);
        const double ex = x1 - ux * (r1 + 4), ey = y1 - uy * (r1 + 4);
        const double mx = (sx + ex) / 2 + uy * len * 0.18;
        const double my = (sy + ey) / 2 - ux * len * 0.18;
        return fmt::format(
            "<path d=\"M{:.1f},{:.1f} Q{:.1f},{:.1f} {:.1f},{:.1f}\" stroke=\"{}\" "
            "stroke-width=\"{:.1f}\" stroke-opacity=\"0.8\" fill=\"none\" "
            "marker-end=\"url(#arrow)\"><title>{}</title></path>",
            sx,
            sy,
            mx,
            my,
            ex,
            ey,
            colour,
            1.5 + 6.0 * v / fmax,
            number(v));
    };
    if (fab > 0.0) {
        s += arc(ax, ay, ra, bx, by, rb, fab, "#c0392b");
    }
    if (fba > 0.0) {
        s += arc(bx, by, rb, ax, ay, ra, fba, "#2471a3");
    }
    s += labels;
    // The legend: colours, arrows and circle sizes.
    const double ly = map_h + 20.0;
    s += fmt::format(
        "<circle cx=\"10\" cy=\"{0:.1f}\" r=\"6\" fill=\"#c0392b\"/><text x=\"20\" y=\"{1:.1f}\" "
        "class=\"lbl\">{2}</text><circle cx=\"10\" cy=\"{3:.1f}\" r=\"6\" fill=\"#2471a3\"/>"
        "<text x=\"20\" y=\"{4:.1f}\" class=\"lbl\">{5}</text><circle cx=\"10\" cy=\"{6:.1f}\" "
        "r=\"6\" fill=\"#aab7c4\"/><text x=\"20\" y=\"{7:.1f}\" class=\"lbl\">{8}</text>",
        ly,
        ly + 4,
        escape(a),
        ly + 20,
        ly + 24,
        escape(bb),
        ly + 40,
        ly + 44,
        escape(w("other provinces", "其他省份")));
    const double fx = 200.0;
    s += fmt::format(
        "<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" stroke=\"#c0392b\" "
        "stroke-width=\"{3:.1f}\" marker-end=\"url(#arrow)\"/><text x=\"{4}\" y=\"{5:.1f}\" "
        "class=\"lbl\">{6} → {7}: {8} {9}</text>",
        fx,
        ly,
        fx + 40,
        1.5 + 6.0 * fab / fmax,
        fx + 48,
        ly + 4,
        escape(a),
        escape(bb),
        number(fab),
        escape(amount_unit(b, b.flows)));
    s += fmt::format(
        "<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" stroke=\"#2471a3\" "
        "stroke-width=\"{3:.1f}\" marker-end=\"url(#arrow)\"/><text x=\"{4}\" y=\"{5:.1f}\" "
        "class=\"lbl\">{6} → {7}: {8} {9}</text>",
        fx,
        ly + 22,
        fx + 40,
        1.5 + 6.0 * fba / fmax,
        fx + 48,
        ly + 26,
        escape(bb),
        escape(a),
        number(fba),
        escape(amount_unit(b, b.flows)));
    const double flow_text = std::max(
        text_px(fmt::format("{} → {}: {} {}", a, bb, number(fab), amount_unit(b, b.flows))),
        text_px(fmt::format("{} → {}: {} {}", bb, a, number(fba), amount_unit(b, b.flows))));
    double cx = std::min(std::max(470.0, fx + 48 + flow_text + 50), 560.0);
    s += fmt::format("<text x=\"{}\" y=\"{:.1f}\" class=\"lbl\">{} ({})</text>",
                     cx - 20,
                     ly + 4,
                     escape(w("circle: value added", "圆圈：增加值")),
                     escape(amount_unit(b, b.map)));
    // Reference circles, bottoms aligned, each with its value centred below.
    cx += radius(max);
    for (const double share : {1.0, 0.25}) {
        const double v = max * share;
        const double r = radius(v);
        s += fmt::format(
            "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" fill=\"none\" stroke=\"#777\"/>"
            "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" class=\"val\">{}</text>",
            cx,
            ly + 72 - r,
            r,
            cx,
            ly + 86,
            number(v));
        cx += r + std::max(text_px(number(v)), 2 * radius(max * 0.25)) + 10;
    }
    return s + "</svg>";
}

std::string page_style(const Brief& b, const Words& w) {
    // The page margins carry the date, the source and the page number on every printed page.
    const std::string date = fmt::format("{:%Y-%m-%d}", fmt::localtime(std::time(nullptr)));
    std::string footer =
        fmt::format("tandem · {} · {}{}", date, w("Source: ", "数据来源："), b.source);
    const std::string css_text = data::css_string(footer);
    return fmt::format(
        "<style>body{{font-family:{0};margin:2em auto;max-width:1000px;color:#222;"
        "line-height:1.5}}h1{{font-size:1.5em}}h2{{font-size:1.2em;margin-top:2em;"
        "border-bottom:1px solid #ccc;break-after:avoid}}"
        "table{{border-collapse:collapse;font-size:.85em;margin:.5em 0}}"
        "td,th{{border:1px solid #ddd;padding:2px 6px}}td.num{{text-align:right;"
        "font-variant-numeric:tabular-nums}}thead{{display:table-header-group}}"
        "tr{{break-inside:avoid}}svg{{max-width:100%;height:auto}}"
        "svg text{{font-family:{0}}}svg .lbl{{font-size:11px}}svg .pair{{font-weight:bold}}"
        "svg .val{{font-size:10px;fill:#555}}figure{{margin:1em 0;break-inside:avoid}}"
        "figcaption.title{{font-weight:bold}}figcaption .unit{{font-weight:normal;color:#555}}"
        "figcaption.source,.note{{color:#555;font-size:.85em}}dt{{font-weight:bold;"
        "margin-top:.6em}}dd{{margin-left:1.5em}}"
        "@page{{size:A4;margin:16mm 12mm 18mm 12mm;"
        "@bottom-left{{content:\"{1}\";font-family:{0};font-size:8pt;color:#555}}"
        "@bottom-right{{content:counter(page) \" / \" counter(pages);font-family:{0};"
        "font-size:8pt;color:#555}}}}"
        "@media print{{body{{margin:0;max-width:none;font-size:10pt}}table{{font-size:8pt}}}}"
        "</style>",
        kFontStack,
        css_text);
}

std::string glossary_html(Lang lang, const Words& w) {
    std::string h = "<h2 id=glossary>" + w("Glossary", "术语解释") + "</h2><dl>";
    for (const auto& g : glossary(lang)) {
        h += "<dt>" + escape(g.term) + "</dt><dd>" + escape(g.meaning) + " " + escape(g.reading) +
             "</dd>";
    }
    return h + "</dl>";
}

std::string list_html(const std::vector<std::string>& items, const std::string& id = "") {
    std::string h = id.empty() ? "<ul>" : "<ul id=" + id + ">";
    for (const auto& item : items) {
        h += "<li>" + escape(item) + "</li>";
    }
    return h + "</ul>";
}

std::vector<Bar> specialisation_bars(const Brief& b) {
    std::vector<Bar> out;
    const auto& t = b.specialisations;
    const std::string a = display_name(b.a, b.lang);
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        std::string label;
        for (std::size_t l = 0; l < t.rows.levels(); ++l) {
            label += (l == 0 ? "" : l == 1 ? ": " : " ") + t.rows.at(r, l);
        }
        out.push_back({label,
                       t.values(static_cast<Eigen::Index>(r), 0),
                       t.rows.at(r, 0) == a ? "#c0392b" : "#2471a3"});
    }
    return out;
}

// The twelve largest potentials either way, from the supply-chain table's last two columns.
std::vector<Bar> potential_bars(const Brief& b) {
    std::vector<Bar> out;
    const auto& t = b.supply_chains;
    const std::string a = display_name(b.a, b.lang);
    const std::string bb = display_name(b.b, b.lang);
    const Eigen::Index last = t.values.cols() - 1;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto ri = static_cast<Eigen::Index>(r);
        std::string name;
        for (std::size_t l = 0; l < t.rows.levels(); ++l) {
            name += (l == 0 ? "" : " ") + t.rows.at(r, l);
        }
        if (t.values(ri, last - 1) > 0.0) {
            out.push_back({a + " → " + bb + ": " + name, t.values(ri, last - 1), "#c0392b"});
        }
        if (t.values(ri, last) > 0.0) {
            out.push_back({bb + " → " + a + ": " + name, t.values(ri, last), "#2471a3"});
        }
    }
    std::stable_sort(
        out.begin(), out.end(), [](const Bar& x, const Bar& y) { return x.value > y.value; });
    if (out.size() > 12) {
        out.resize(12);
    }
    return out;
}

}  // namespace

std::string brief_html(const Brief& b) {
    const Words w{b.lang};
    const bool zh = b.lang == Lang::kZh;
    const std::string a = display_name(b.a, b.lang);
    const std::string bb = display_name(b.b, b.lang);
    const std::string year =
        b.year > 0 ? fmt::format(fmt::runtime(zh ? "（{} 年）" : ", {}"), b.year) : "";
    const std::string title =
        zh ? fmt::format("{}与{}：优势互补、合作共赢{}", a, bb, year)
           : fmt::format("{} and {}: complementarity and win-win{}", a, bb, year);
    std::string h = fmt::format(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title>{}"
        "</head><body>",
        zh ? "zh-CN" : "en",
        escape(title),
        page_style(b, w));
    h += "<h1>" + escape(title) + "</h1>";
    h += "<p class=note>" +
         escape(
             zh ? fmt::format("由 tandem 根据 {} 计算；{}；专业化与关联性依据{}。",
                              b.source,
                              b.amount_units.empty() ? "单位：" + b.unit
                                                     : "金额单位见各表（原始数据：" + b.unit + "）",
                              b.measure)
                : fmt::format("Computed by tandem from {}; {}; specialisations and "
                              "relatedness from {}.",
                              b.source,
                              b.amount_units.empty()
                                  ? "unit: " + b.unit
                                  : "amounts in the unit each table names (data in " + b.unit + ")",
                              b.measure)) +
         "</p>";
    if (!b.notes.empty()) {
        h += "<div class=note>" + list_html(b.notes) + "</div>";
    }
    h += "<h2>" + w("The two economies", "两地经济概况") + "</h2>" + html_table(b.summary);
    h += "<h2>" + w("Specialisations (RCA)", "优势产业（RCA）") + "</h2>" +
         figure(
             bar_chart("specialisations", w("Specialisations", "优势产业"), specialisation_bars(b)),
             w("Revealed comparative advantage of the top sectors", "主要部门的显示性比较优势"),
             "RCA",
             b.source,
             w) +
         html_table(b.specialisations);
    h += "<h2>" +
         w("Opportunities: what each could sell the other more of",
           "互补机会：各自可向对方多销售的产品") +
         "</h2>" +
         figure(bar_chart("opportunities",
                          w("Potential sales to the partner", "可向对方增加的销售"),
                          potential_bars(b)),
                w("Potential sales to the partner", "可向对方增加的销售"),
                amount_unit(b, b.supply_chains),
                b.source,
                w) +
         html_table(b.supply_chains);
    const std::string flows_title = zh ? fmt::format("{}、{}与{}之间的流量", a, bb, b.rest)
                                       : fmt::format("Flows between {}, {} and {}", a, bb, b.rest);
    h += "<h2>" + escape(flows_title) + "</h2>" +
         figure(flow_chart(b.flows, {"#c0392b", "#2471a3", "#7f8c8d"}, flows_title),
                flows_title,
                amount_unit(b, b.flows),
                b.source,
                w) +
         html_table(b.flows);
    if (b.map.rows.size() > 0) {
        const std::string map_title =
            w("The provinces at their capitals, by value added", "各省份（位于省会）的增加值");
        h += "<h2>" + w("Map", "地图") + "</h2>" +
             figure(map_chart(b, map_title, w), map_title, amount_unit(b, b.map), b.source, w);
    }
    h += "<h2>" + w("Key sectors and linkages", "关键部门与产业关联") + "</h2>" +
         html_table(b.key_sectors);
    h += "<h2>" + w("Complementarity, measured several ways", "互补性的多种度量") + "</h2>" +
         html_table(b.complementarity);
    h += "<h2>" + w("Relatedness: learning from each other", "关联性：相互借鉴") + "</h2>" +
         html_table(b.relatedness);
    if (b.areas.rows.size() > 0) {
        h += "<h2>" + w("Cooperation areas", "合作领域") + "</h2>" + html_table(b.areas) +
             "<p class=note>" +
             escape(zh ? fmt::format("理由（金额单位：{}）：", b.unit)
                       : fmt::format("Why each area scores as it does ({}):", b.unit)) +
             "</p>" + list_html(b.reasons);
    }
    if (b.scenario.rows.size() > 0) {
        h += "<h2>" + w("Win-win scenario", "共赢情景") + "</h2><p>" + escape(b.scenario_text) +
             "</p>" + html_table(b.scenario);
    }
    if (!b.cautions.empty()) {
        h += "<h2>" + w("Data cautions", "数据提示") + "</h2>" + "<p class=note>" +
             escape(zh ? fmt::format("阈值见 docs/brief.md；金额单位：{}。", b.unit)
                       : fmt::format("Thresholds in docs/brief.md; amounts in {}.", b.unit)) +
             "</p>" + list_html(b.cautions, "cautions");
    }
    h += glossary_html(b.lang, w);
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
