// Whom each organisation should meet, and why: the overlap of cooperation areas, the supply
// links between their sectors in China's national input-output table, and the full-text
// similarity (Xapian, CJK n-grams) of one side's offers to the other's needs.
#pragma once

#include <string>
#include <vector>

#include "tandem/core/i18n.hpp"
#include "tandem/core/labels.hpp"
#include "tandem/match/symposium.hpp"

namespace tandem::match {

struct Suggestion {
    int a = 0;  // organisation positions, a < b
    int b = 0;
    double score = 0.0;    // 0-100
    double areas = 0.0;    // Jaccard overlap of cooperation areas, 0-1
    double sectors = 0.0;  // 0-1: shared sector (1) or the strongest input coefficient link
    double text = 0.0;     // 0-1: offers against needs, both ways (the better), BM25 normalised
    std::string reasons;
};

struct SuggestOptions {
    double weight_areas = 0.4;
    double weight_sectors = 0.2;
    double weight_text = 0.4;
    double min_score = 1.0;  // pairs scoring below are left out
};

// Every admissible pair (rules, not-interested lists), best first. Errors name unknown
// sectors and areas.
std::vector<Suggestion> suggest(const Symposium& symposium, const SuggestOptions& options = {});

// The suggestions as a table (CSV/XLSX/JSON through the writers), labels, names and reasons in
// the reader's language.
Table suggestions_table(const Symposium& symposium,
                        const std::vector<Suggestion>& suggestions,
                        i18n::Lang lang = i18n::Lang::kEn);

// A translator that also knows the symposium's organisations by their Chinese names.
i18n::Translator symposium_translator(const Symposium& symposium, i18n::Lang lang);

// The one line a run prints first: the event, its organisations, delegates, suggestions,
// requests and grid.
std::string overview_line(const Symposium& symposium,
                          std::size_t suggestions,
                          const schedule::Event& event,
                          i18n::Lang lang = i18n::Lang::kEn);

}  // namespace tandem::match
