#include "tandem/match/suggest.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "tandem/brief/brief.hpp"
#include "tandem/core/error.hpp"
#include "tandem/data/datasets.hpp"

#include <xapian.h>

namespace tandem::match {

namespace {

std::string join(const std::vector<std::string>& parts, const char* sep) {
    std::string out;
    for (const auto& p : parts) {
        out += (out.empty() ? "" : sep) + p;
    }
    return out;
}

// One tokenizer for offers and needs: English stemmed, stop words dropped, Chinese (and other
// CJK text) as character unigrams and bigrams.
class Text {
public:
    Text() : stemmer_("english") {
        for (const char* w : {"a",   "an",   "and",   "the", "of",   "for", "in",  "on",
                              "to",  "with", "by",    "at",  "from", "its", "our", "their",
                              "new", "more", "other", "or",  "as",   "is",  "are", "be"}) {
            stopper_.add(w);
        }
        generator_.set_stemmer(stemmer_);
        generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
        generator_.set_stopper(&stopper_);
        generator_.set_stopper_strategy(Xapian::TermGenerator::STOP_ALL);
        generator_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    }

    // Only the first kMaxIndexedBytes of a text are indexed (docs/match.md): offers and needs
    // are a few lines, and longer texts would cost indexing time without better matches.
    static constexpr std::size_t kMaxIndexedBytes = 20000;

    Xapian::Document document(const std::string& text) {
        std::size_t cut = std::min(text.size(), kMaxIndexedBytes);
        while (cut > 0 && cut < text.size() &&
               (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
            --cut;
        }
        Xapian::Document doc;
        generator_.set_document(doc);
        // No positions: matching uses terms only (no phrase queries).
        generator_.index_text_without_positions(text.substr(0, cut));
        return doc;
    }

private:
    Xapian::Stem stemmer_;
    Xapian::SimpleStopper stopper_;
    Xapian::TermGenerator generator_;
};

// A CJK character bigram or any Latin word is worth showing as a reason; single CJK
// characters are too vague on their own.
bool telling(const std::string& term) {
    const bool ascii =
        std::all_of(term.begin(), term.end(), [](unsigned char c) { return c < 128; });
    return ascii ? term.size() >= 3 : term.size() >= 6;
}

}  // namespace

std::vector<Suggestion> suggest(const Symposium& s, const SuggestOptions& o) {
    const auto n = s.organisations.size();
    // Areas and sectors must be known ones.
    std::set<std::string> area_ids;
    std::map<std::string, std::string> area_name;
    for (const auto& a : brief::cooperation_areas()) {
        area_ids.insert(a.id);
        area_name[a.id] = a.name_en;
    }
    const TableSet national = data::load_national_table("2017_42");
    std::map<std::string, std::string> names;
    for (const auto& c : data::china_sectors()) {
        names[c.code] = c.name_en;
    }
    auto sector_name = [&](const std::string& code) -> const std::string& {
        return names.contains(code) ? names.at(code) : code;
    };
    std::map<std::string, Eigen::Index> sector_of;
    for (std::size_t i = 0; i < national.sectors.size(); ++i) {
        sector_of[national.sectors[i].code] = static_cast<Eigen::Index>(i);
    }
    for (const auto& org : s.organisations) {
        for (const auto& a : org.areas) {
            if (!area_ids.contains(a)) {
                fail(ErrorCode::kInvalidInput,
                     "organisation \"{}\": unknown cooperation area \"{}\" (known: {})",
                     org.id,
                     a,
                     fmt::join(area_ids, ", "));
            }
        }
        for (const auto& c : org.sectors) {
            if (!sector_of.contains(c)) {
                fail(ErrorCode::kInvalidInput,
                     "organisation \"{}\": unknown sector \"{}\" (China's IO sectors 01-42)",
                     org.id,
                     c);
            }
        }
    }
    // Input coefficients of the national table: a(i, j) = what sector j buys of i per unit.
    const auto& t = national.tables.front();
    Matrix a = t.Z;
    for (Eigen::Index j = 0; j < a.cols(); ++j) {
        a.col(j) = t.x(j) > 0.0 ? Vector(a.col(j) / t.x(j)) : Vector(Vector::Zero(a.rows()));
    }

    // Offers indexed with Xapian; each organisation's needs become a query of their terms.
    Text text;
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const auto& org : s.organisations) {
        db.add_document(text.document(join(org.offers, "\n")));
    }
    const double docs = static_cast<double>(std::max<std::size_t>(1, n));
    // coverage[i][j]: the idf-weighted share of j's need terms that i's offers hold.
    std::vector<std::vector<double>> coverage(n, std::vector<double>(n, 0.0));
    std::vector<std::vector<std::vector<std::string>>> matched(
        n, std::vector<std::vector<std::string>>(n));
    for (std::size_t j = 0; j < n; ++j) {
        const Xapian::Document need = text.document(join(s.organisations[j].needs, "\n"));
        std::vector<std::string> terms;
        double total = 0.0;
        std::map<std::string, double> idf;
        for (auto it = need.termlist_begin(); it != need.termlist_end(); ++it) {
            const std::string term = *it;
            const double df = db.get_termfreq(term);
            // Terms no offer holds still count in the need's total (at the rarest weight).
            const double w = std::log((docs + 1.0) / (df + 0.5));
            idf[term] = w;
            total += w;
            terms.push_back(term);
        }
        if (terms.empty() || total <= 0.0) {
            continue;
        }
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
        const Xapian::MSet hits = enquire.get_mset(0, static_cast<Xapian::doccount>(n));
        for (auto h = hits.begin(); h != hits.end(); ++h) {
            const std::size_t i = *h - 1;
            if (i == j) {
                continue;
            }
            double got = 0.0;
            for (auto m = enquire.get_matching_terms_begin(h);
                 m != enquire.get_matching_terms_end(h);
                 ++m) {
                got += idf[*m];
                if (telling(*m)) {
                    matched[i][j].push_back(*m);
                }
            }
            coverage[i][j] = std::clamp(got / total, 0.0, 1.0);
        }
    }

    std::set<std::pair<std::string, std::string>> blocked;
    for (const auto& [x, y] : s.not_interested) {
        blocked.insert({x, y});
        blocked.insert({y, x});
    }
    std::vector<Suggestion> out;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j) {
            const auto& A = s.organisations[i];
            const auto& B = s.organisations[j];
            if (blocked.contains({A.id, B.id})) {
                continue;
            }
            if (s.between_regions.size() == 2 &&
                !((A.region == s.between_regions[0] && B.region == s.between_regions[1]) ||
                  (A.region == s.between_regions[1] && B.region == s.between_regions[0]))) {
                continue;
            }
            Suggestion sg;
            sg.a = static_cast<int>(i);
            sg.b = static_cast<int>(j);
            std::vector<std::string> reasons;
            // Areas.
            std::vector<std::string> shared;
            std::set<std::string> all(A.areas.begin(), A.areas.end());
            all.insert(B.areas.begin(), B.areas.end());
            for (const auto& x : A.areas) {
                if (std::find(B.areas.begin(), B.areas.end(), x) != B.areas.end()) {
                    shared.push_back(area_name[x]);
                }
            }
            sg.areas = all.empty()
                           ? 0.0
                           : static_cast<double>(shared.size()) / static_cast<double>(all.size());
            if (!shared.empty()) {
                reasons.push_back("shared areas: " + join(shared, ", "));
            }
            // Sectors: the same sector, or the strongest supply link either way.
            double link = 0.0;
            std::string link_text;
            for (const auto& x : A.sectors) {
                for (const auto& y : B.sectors) {
                    const auto p = sector_of[x];
                    const auto q = sector_of[y];
                    // Named as in every other report (the provincial tables' list).
                    const auto& np = sector_name(x);
                    const auto& nq = sector_name(y);
                    if (p == q && link < 1.0) {
                        link = 1.0;
                        link_text = fmt::format("both in {} {}", x, np);
                    }
                    // 0.2 of inputs from one sector is a strong link (scaled to 1).
                    const double ab = std::min(1.0, a(p, q) / 0.2);
                    const double ba = std::min(1.0, a(q, p) / 0.2);
                    if (std::max(ab, ba) > link) {
                        link = std::max(ab, ba);
                        link_text = ab >= ba ? fmt::format("{} {} supplies {} {} ({:.3f} per unit)",
                                                           x,
                                                           np,
                                                           y,
                                                           nq,
                                                           a(p, q))
                                             : fmt::format("{} {} supplies {} {} ({:.3f} per unit)",
                                                           y,
                                                           nq,
                                                           x,
                                                           np,
                                                           a(q, p));
                    }
                }
            }
            sg.sectors = link;
            if (link >= 0.05) {
                reasons.push_back(link_text);
            }
            // Offers against needs.
            const double ij = coverage[i][j];
            const double ji = coverage[j][i];
            sg.text = std::max(ij, ji);
            for (const auto& [from, to, c, terms] :
                 {std::tuple{&A, &B, ij, &matched[i][j]}, std::tuple{&B, &A, ji, &matched[j][i]}}) {
                if (c >= 0.05) {
                    std::vector<std::string> shown(
                        terms->begin(),
                        terms->begin() +
                            static_cast<long>(std::min<std::size_t>(terms->size(), 6)));
                    reasons.push_back(fmt::format("{}'s offers meet {}'s needs ({:.0f}%{}{})",
                                                  from->name,
                                                  to->name,
                                                  100.0 * c,
                                                  shown.empty() ? "" : ": ",
                                                  join(shown, ", ")));
                }
            }
            sg.score = 100.0 *
                       (o.weight_areas * sg.areas + o.weight_sectors * sg.sectors +
                        o.weight_text * sg.text) /
                       (o.weight_areas + o.weight_sectors + o.weight_text);
            if (sg.score < o.min_score) {
                continue;
            }
            sg.reasons =
                reasons.empty() ? "no shared area, sector link or text match" : join(reasons, "; ");
            out.push_back(std::move(sg));
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Suggestion& x, const Suggestion& y) {
        return x.score > y.score;
    });
    return out;
}

i18n::Translator symposium_translator(const Symposium& s, i18n::Lang lang) {
    auto tr = brief::china_translator(lang, data::china_sectors());
    for (const auto& o : s.organisations) {
        tr.add_term(o.name, o.name_zh);
    }
    return tr;
}

Table suggestions_table(const Symposium& s, const std::vector<Suggestion>& list, i18n::Lang lang) {
    const bool zh = lang == i18n::Lang::kZh;
    const auto tr = symposium_translator(s, lang);
    auto name = [&](const Organisation& o) {
        return zh && !o.name_zh.empty() ? o.name_zh : o.name;
    };
    Table t;
    t.name = "suggestions";
    std::vector<std::vector<std::string>> labels;
    t.values.resize(static_cast<Eigen::Index>(list.size()), 4);
    for (std::size_t k = 0; k < list.size(); ++k) {
        const auto& g = list[k];
        const auto& A = s.organisations[static_cast<std::size_t>(g.a)];
        const auto& B = s.organisations[static_cast<std::size_t>(g.b)];
        labels.push_back({A.id, name(A), B.id, name(B), tr(g.reasons)});
        const auto r = static_cast<Eigen::Index>(k);
        t.values(r, 0) = g.score;
        t.values(r, 1) = g.areas;
        t.values(r, 2) = g.sectors;
        t.values(r, 3) = g.text;
    }
    t.rows = zh ? Index({"甲方", "甲方名称", "乙方", "乙方名称", "理由"}, labels)
                : Index({"a", "a_name", "b", "b_name", "reasons"}, labels);
    t.cols = zh ? Index::single("指标", {"得分", "领域重合", "部门关联", "文本匹配"})
                : Index::single("measure", {"score", "areas", "sectors", "text"});
    return t;
}

std::string overview_line(const Symposium& s,
                          std::size_t suggestions,
                          const schedule::Event& ev,
                          i18n::Lang lang) {
    if (lang == i18n::Lang::kZh) {
        return fmt::format(
            "{}：{} 家单位，{} 名代表，{} 条对接建议，{} 项会见申请，{} 个时段 × {} 张桌",
            s.programme.title_zh.empty() ? s.programme.title : s.programme.title_zh,
            s.organisations.size(),
            s.delegates.size(),
            suggestions,
            ev.requests.size(),
            ev.slots,
            ev.tables);
    }
    return fmt::format(
        "{}: {} organisations, {} delegates, {} suggestions, {} meeting requests, {} slots x {} "
        "tables",
        s.programme.title,
        s.organisations.size(),
        s.delegates.size(),
        suggestions,
        ev.requests.size(),
        ev.slots,
        ev.tables);
}

}  // namespace tandem::match
