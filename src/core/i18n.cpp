#include "tandem/core/i18n.hpp"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <regex>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "tandem/core/error.hpp"

namespace tandem::i18n {

Lang parse_lang(std::string_view name) {
    if (name == "en" || name == "en-GB" || name == "en-US" || name == "english") {
        return Lang::kEn;
    }
    if (name == "zh" || name == "zh-CN" || name == "zh-Hans" || name == "chinese" ||
        name == "中文") {
        return Lang::kZh;
    }
    fail(ErrorCode::kUsage, "unknown language '{}': expected en or zh", name);
}

std::string_view lang_code(Lang lang) {
    return lang == Lang::kZh ? "zh" : "en";
}

Lang language_for(const std::string& option, const std::vector<std::string>& typed_names) {
    if (!option.empty()) {
        return parse_lang(option);
    }
    const bool chinese =
        !typed_names.empty() &&
        std::all_of(typed_names.begin(), typed_names.end(), [](const std::string& name) {
            return std::any_of(name.begin(), name.end(), [](char c) { return (c & 0x80) != 0; });
        });
    return chinese ? Lang::kZh : Lang::kEn;
}

namespace {

bool has_latin_letter(const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    });
}

std::string regex_escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) {
            out += '\\';
        }
        out += c;
    }
    return out;
}

struct Compiled {
    std::regex re;
    std::string zh;
    std::vector<bool> raw;  // parts kept as they are ("{*}": names, matched words)
};

struct Catalogue {
    std::unordered_map<std::string, std::string> terms;
    std::vector<Compiled> patterns;  // in the catalogue's order: specific before general
};

const Catalogue& compiled() {
    static const Catalogue c = [] {
        Catalogue out;
        for (const auto& p : catalogue()) {
            const std::string_view en = p.en;
            if (en.find("{}") == std::string_view::npos &&
                en.find("{*}") == std::string_view::npos) {
                out.terms.emplace(p.en, p.zh);
                continue;
            }
            std::string re;
            std::vector<bool> raw;
            std::size_t from = 0;
            while (true) {
                const auto plain = en.find("{}", from);
                const auto verbatim = en.find("{*}", from);
                const auto at = std::min(plain, verbatim);
                if (at == std::string_view::npos) {
                    break;
                }
                // A part never spans the "; " between the items of a list.
                re += regex_escape(en.substr(from, at - from)) + "([^;]+?)";
                raw.push_back(at == verbatim);
                from = at + (at == verbatim ? 3 : 2);
            }
            re += regex_escape(en.substr(from));
            out.patterns.push_back({std::regex(re, std::regex::ECMAScript), p.zh, raw});
        }
        return out;
    }();
    return c;
}

// "{0}...{1}" with the parts in place.
std::string fill(const std::string& zh, const std::vector<std::string>& parts) {
    std::string out;
    for (std::size_t i = 0; i < zh.size(); ++i) {
        if (zh[i] == '{' && i + 2 < zh.size() && zh[i + 2] == '}' && zh[i + 1] >= '0' &&
            zh[i + 1] <= '9') {
            const auto k = static_cast<std::size_t>(zh[i + 1] - '0');
            out += k < parts.size() ? parts[k] : std::string();
            i += 2;
        } else {
            out += zh[i];
        }
    }
    return out;
}

}  // namespace

struct Translator::Impl {
    std::unordered_map<std::string, std::string> terms;  // run-time names
    mutable std::set<std::string> missing;
    mutable std::vector<std::string> missing_list;
    mutable std::mutex mutex;

    // Text translated, or empty when nothing in the catalogue fits.
    std::string translate(const std::string& s, int depth) const {
        if (!has_latin_letter(s)) {
            return s;
        }
        if (const auto it = terms.find(s); it != terms.end()) {
            return it->second;
        }
        const auto& cat = compiled();
        if (const auto it = cat.terms.find(s); it != cat.terms.end()) {
            return it->second;
        }
        static const std::regex times(R"(([0-9][0-9.,]*)x)");
        static const std::regex coded(R"(([0-9]{2}(?:-[0-9]{2})?) (.+))");
        std::smatch m;
        if (std::regex_match(s, m, times)) {
            return m[1].str() + " 倍";
        }
        if (std::regex_match(s, m, coded)) {
            const std::string name = translate(m[2].str(), depth + 1);
            if (!name.empty()) {
                return m[1].str() + " " + name;
            }
        }
        if (depth < 4) {
            for (const auto& p : cat.patterns) {
                if (!std::regex_match(s, m, p.re)) {
                    continue;
                }
                std::vector<std::string> parts;
                bool ok = true;
                for (std::size_t k = 1; k < m.size() && ok; ++k) {
                    parts.push_back(p.raw[k - 1] ? m[k].str() : translate(m[k].str(), depth + 1));
                    ok = !parts.back().empty();
                }
                if (ok) {
                    return fill(p.zh, parts);
                }
            }
            // A list: each item in turn ("; " between sentences, ", " between names).
            for (const std::string sep : {"; ", ", "}) {
                if (s.find(sep) == std::string::npos) {
                    continue;
                }
                std::string out;
                std::size_t from = 0;
                while (true) {
                    const auto at = s.find(sep, from);
                    const std::string item = translate(s.substr(from, at - from), depth + 1);
                    if (item.empty()) {
                        out.clear();
                        break;
                    }
                    out += (from == 0 ? "" : sep == "; " ? "；" : "、") + item;
                    if (at == std::string::npos) {
                        return out;
                    }
                    from = at + sep.size();
                }
                if (sep == "; ") {
                    return {};
                }
            }
        }
        return {};
    }
};

Translator::Translator(Lang lang) : lang_(lang), impl_(std::make_unique<Impl>()) {}
Translator::~Translator() = default;
Translator::Translator(const Translator& other)
    : lang_(other.lang_), impl_(std::make_unique<Impl>()) {
    impl_->terms = other.impl_->terms;
}
Translator& Translator::operator=(const Translator& other) {
    if (this != &other) {
        lang_ = other.lang_;
        impl_ = std::make_unique<Impl>();
        impl_->terms = other.impl_->terms;
    }
    return *this;
}
Translator::Translator(Translator&&) noexcept = default;
Translator& Translator::operator=(Translator&&) noexcept = default;

void Translator::add_term(const std::string& en, const std::string& zh) {
    if (!en.empty() && !zh.empty() && en != zh) {
        impl_->terms.emplace(en, zh);
    }
}

std::string Translator::operator()(const std::string& en) const {
    if (lang_ == Lang::kEn || !has_latin_letter(en)) {
        return en;
    }
    std::string out = impl_->translate(en, 0);
    if (out.empty()) {
        const std::lock_guard lock(impl_->mutex);
        if (impl_->missing.insert(en).second) {
            impl_->missing_list.push_back(en);
        }
        return en;
    }
    return out;
}

namespace {

bool is_chinese_level(const std::string& name) {
    return name == "name_zh" || name == "部门" || name == "名称" || name == "指标";
}

// Chinese: the English-name level before a Chinese-name one goes (and an "area" id with it),
// the Chinese one takes its name.
void merge_name_levels(Index& index, const Translator& tr) {
    for (std::size_t k = 1; k < index.names.size(); ++k) {
        if (!is_chinese_level(index.names[k])) {
            continue;
        }
        std::size_t first = k - 1;
        if (first > 0 && index.names[first - 1] == "area") {
            --first;
        }
        const std::string renamed = tr(index.names[k - 1]);
        index.names.erase(index.names.begin() + static_cast<long>(first),
                          index.names.begin() + static_cast<long>(k));
        index.names[first] = renamed;
        for (auto& label : index.labels) {
            label.erase(label.begin() + static_cast<long>(first),
                        label.begin() + static_cast<long>(k));
            // A name missing in Chinese keeps the English one.
        }
        k = first;
    }
}

void translate_index(Index& index, const Translator& tr) {
    merge_name_levels(index, tr);
    for (auto& n : index.names) {
        n = tr(n);
    }
    for (auto& label : index.labels) {
        for (auto& l : label) {
            l = tr(l);
        }
    }
}

}  // namespace

void Translator::table(Table& t) const {
    if (lang_ == Lang::kEn) {
        return;
    }
    translate_index(t.rows, *this);
    translate_index(t.cols, *this);
    t.units = (*this)(t.units);
    list(t.notes);
}

void Translator::list(std::vector<std::string>& texts) const {
    for (auto& s : texts) {
        s = (*this)(s);
    }
}

const std::vector<std::string>& Translator::untranslated() const {
    return impl_->missing_list;
}

std::string format_amount(double v, Lang lang) {
    if (!std::isfinite(v)) {
        return "-";
    }
    const double a = std::fabs(v);
    if (lang == Lang::kZh) {
        return a >= 1e4 ? fmt::format("{:.2f} 亿元", v / 1e4) : fmt::format("{:.0f} 万元", v);
    }
    const double cny = v * 1e4;
    if (a * 1e4 >= 1e9) {
        return fmt::format("CNY {:.2f} bn", cny / 1e9);
    }
    if (a * 1e4 >= 1e6) {
        return fmt::format("CNY {:.1f} M", cny / 1e6);
    }
    return fmt::format("CNY {:.0f} k", cny / 1e3);
}

}  // namespace tandem::i18n
