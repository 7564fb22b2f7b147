// Reports in Chinese and English. The analytics speak English (their labels are also the keys
// scripts rely on); a Translator turns what a report shows into Chinese afterwards, from one
// bilingual catalogue of terms and sentence patterns (src/core/catalogue.cpp), so that every
// command names a sector, an index or a caution the same way. Like gettext, the English text
// is the message id; a test keeps the catalogue complete for what the commands print.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tandem/core/labels.hpp"

namespace tandem::i18n {

enum class Lang { kEn, kZh };

// "en" or "zh" (also "zh-CN", "chinese", "中文"); throws Error(kUsage) otherwise.
Lang parse_lang(std::string_view name);
std::string_view lang_code(Lang lang);  // "en", "zh"
// The language a command speaks: the one asked for (option "en" or "zh"), else Chinese when
// every name the user typed (regions, ...) is in Chinese, else English.
Lang language_for(const std::string& option, const std::vector<std::string>& typed_names);

// English and Chinese of one piece of text; `in` picks one.
struct Text {
    std::string en;
    std::string zh;
    const std::string& in(Lang lang) const { return lang == Lang::kZh && !zh.empty() ? zh : en; }
};

// One pattern of the catalogue: English with "{}" for each part, Chinese with "{0}", "{1}"...
// for the parts (translated in turn) in the order Chinese puts them.
struct Pattern {
    const char* en;
    const char* zh;
};
// The catalogue: fixed terms (patterns without parts) and sentence patterns.
const std::vector<Pattern>& catalogue();

// Translates English text into the target language (English: unchanged). Text it cannot
// translate stays as it is; `untranslated` lists it, for tests and for a note in the report.
// Cost: terms by hash lookup; a sentence is tried against the catalogue's patterns (about a
// hundred regular expressions), fine for the few thousand labels of a report.
class Translator {
public:
    explicit Translator(Lang lang = Lang::kEn);
    ~Translator();
    Translator(const Translator&);
    Translator& operator=(const Translator&);
    Translator(Translator&&) noexcept;
    Translator& operator=(Translator&&) noexcept;

    Lang lang() const { return lang_; }
    // Names known at run time: the regions and sectors of the data at hand.
    void add_term(const std::string& en, const std::string& zh);

    std::string operator()(const std::string& en) const;
    // Every label, level name, unit and note of a table (its name, the key files and sheets
    // are named by, stays). In Chinese, a Chinese-name level ("name_zh", "部门") takes the
    // place of the English one before it, so a sector reads "06 食品和烟草" once.
    void table(Table& table) const;
    void list(std::vector<std::string>& texts) const;

    const std::vector<std::string>& untranslated() const;

private:
    struct Impl;
    Lang lang_;
    std::unique_ptr<Impl> impl_;
};

// Amounts for people: in Chinese 万元 or 亿元 (from 10k CNY), in English CNY k, M or bn;
// `amount` is in 10k CNY. The unit is part of the text ("3.46 亿元", "CNY 34.6 M").
std::string format_amount(double ten_thousand_cny, Lang lang);

}  // namespace tandem::i18n
