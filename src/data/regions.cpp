#include "tandem/data/regions.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <unordered_map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "tandem/core/error.hpp"
#include "tandem/data/datasets.hpp"
#include "tandem/data/delimited.hpp"

namespace tandem::data {

namespace {

const char* const kNortheast = "Northeast";
const char* const kYrd = "Yangtze River Delta";
const char* const kYreb = "Yangtze River Economic Belt";
const char* const kEast = "East";
const char* const kCentral = "Central";
const char* const kWest = "West";
const char* const kJjj = "Beijing-Tianjin-Hebei";
const char* const kGba = "Guangdong-Hong Kong-Macao Greater Bay Area";

std::vector<Province> build() {
    // Groups follow the NBS's four economic zones (East, Central, West, Northeast) and the
    // national strategies named in the State Council's plans.
    return {
        {"110000", "CN-BJ", "Beijing", "北京", "北京市", {kEast, kJjj}, {"京"}},
        {"120000", "CN-TJ", "Tianjin", "天津", "天津市", {kEast, kJjj}, {"津"}},
        {"130000", "CN-HE", "Hebei", "河北", "河北省", {kEast, kJjj}, {"冀"}},
        {"140000", "CN-SX", "Shanxi", "山西", "山西省", {kCentral}, {"晋"}},
        {"150000", "CN-NM", "Inner Mongolia", "内蒙古", "内蒙古自治区", {kWest}, {"蒙"}},
        {"210000", "CN-LN", "Liaoning", "辽宁", "辽宁省", {kNortheast}, {"辽"}},
        {"220000", "CN-JL", "Jilin", "吉林", "吉林省", {kNortheast}, {"吉"}},
        {"230000", "CN-HL", "Heilongjiang", "黑龙江", "黑龙江省", {kNortheast}, {"黑"}},
        {"310000", "CN-SH", "Shanghai", "上海", "上海市", {kEast, kYrd, kYreb}, {"沪"}},
        {"320000", "CN-JS", "Jiangsu", "江苏", "江苏省", {kEast, kYrd, kYreb}, {"苏"}},
        {"330000", "CN-ZJ", "Zhejiang", "浙江", "浙江省", {kEast, kYrd, kYreb}, {"浙"}},
        {"340000", "CN-AH", "Anhui", "安徽", "安徽省", {kCentral, kYrd, kYreb}, {"皖"}},
        {"350000", "CN-FJ", "Fujian", "福建", "福建省", {kEast}, {"闽"}},
        {"360000", "CN-JX", "Jiangxi", "江西", "江西省", {kCentral, kYreb}, {"赣"}},
        {"370000", "CN-SD", "Shandong", "山东", "山东省", {kEast}, {"鲁"}},
        {"410000", "CN-HA", "Henan", "河南", "河南省", {kCentral}, {"豫"}},
        {"420000", "CN-HB", "Hubei", "湖北", "湖北省", {kCentral, kYreb}, {"鄂"}},
        {"430000", "CN-HN", "Hunan", "湖南", "湖南省", {kCentral, kYreb}, {"湘"}},
        {"440000", "CN-GD", "Guangdong", "广东", "广东省", {kEast, kGba}, {"粤"}},
        {"450000", "CN-GX", "Guangxi", "广西", "广西壮族自治区", {kWest}, {"桂"}},
        {"460000", "CN-HI", "Hainan", "海南", "海南省", {kEast}, {"琼"}},
        {"500000", "CN-CQ", "Chongqing", "重庆", "重庆市", {kWest, kYreb}, {"渝"}},
        {"510000", "CN-SC", "Sichuan", "四川", "四川省", {kWest, kYreb}, {"川", "蜀"}},
        {"520000", "CN-GZ", "Guizhou", "贵州", "贵州省", {kWest, kYreb}, {"贵", "黔"}},
        {"530000", "CN-YN", "Yunnan", "云南", "云南省", {kWest, kYreb}, {"云", "滇"}},
        {"540000", "CN-XZ", "Tibet", "西藏", "西藏自治区", {kWest}, {"藏"}},
        {"610000", "CN-SN", "Shaanxi", "陕西", "陕西省", {kWest}, {"陕", "秦"}},
        {"620000", "CN-GS", "Gansu", "甘肃", "甘肃省", {kWest}, {"甘", "陇"}},
        {"630000", "CN-QH", "Qinghai", "青海", "青海省", {kWest}, {"青"}},
        {"640000", "CN-NX", "Ningxia", "宁夏", "宁夏回族自治区", {kWest}, {"宁"}},
        {"650000", "CN-XJ", "Xinjiang", "新疆", "新疆维吾尔自治区", {kWest}, {"新"}},
    };
}

std::string fold(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == ' ' || c == '-' || c == '_') {
            continue;
        }
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

// Levenshtein distance over any sequence (bytes of ASCII names, code points, syllables), with a
// substitution cost that may be fractional.
template <typename Seq, typename Cost>
double edit_distance(const Seq& a, const Seq& b, Cost substitution) {
    std::vector<double> prev(b.size() + 1);
    std::vector<double> cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        prev[j] = static_cast<double>(j);
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = static_cast<double>(i);
        for (std::size_t j = 1; j <= b.size(); ++j) {
            cur[j] = std::min(
                {prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + substitution(a[i - 1], b[j - 1])});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

double byte_distance(const std::string& a, const std::string& b) {
    return edit_distance(a, b, [](char x, char y) { return x == y ? 0.0 : 1.0; });
}

// UTF-8 text as one string per character (malformed bytes as themselves).
std::vector<std::string> characters(const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t len = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
        len = std::min(len, text.size() - i);
        out.push_back(text.substr(i, len));
        i += len;
    }
    return out;
}

const std::unordered_map<std::string, std::string>& pinyin_table() {
    static const std::unordered_map<std::string, std::string> table = [] {
        std::unordered_map<std::string, std::string> t;
        const auto path = data_dir() / "names" / "pinyin.tsv";
        std::ifstream in(path);
        if (!in) {
            fail(ErrorCode::kIo, "{}: cannot read the pinyin table", path.string());
        }
        std::string line;
        while (std::getline(in, line)) {
            const auto tab = line.find('\t');
            if (line.empty() || line[0] == '#' || tab == std::string::npos) {
                continue;
            }
            t.emplace(line.substr(0, tab), line.substr(tab + 1));
        }
        return t;
    }();
    return table;
}

// How far apart two Chinese names are: by characters, or by sound with each syllable's
// substitution costing its share of differing letters, whichever is less (安微 - 安徽: 2/3).
double chinese_distance(const std::string& a, const std::string& b) {
    const double by_character =
        edit_distance(characters(a), characters(b), [](const auto& x, const auto& y) {
            return x == y ? 0.0 : 1.0;
        });
    const double by_sound = edit_distance(
        pinyin_syllables(a), pinyin_syllables(b), [](const std::string& x, const std::string& y) {
            return byte_distance(x, y) / static_cast<double>(std::max(x.size(), y.size()));
        });
    return std::min(by_character, by_sound);
}

}  // namespace

const std::vector<Province>& provinces() {
    static const std::vector<Province> all = build();
    return all;
}

bool has_non_ascii(const std::string& text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return (c & 0x80) != 0; });
}

std::vector<std::string> pinyin_syllables(const std::string& text) {
    const auto& table = pinyin_table();
    std::vector<std::string> out;
    for (auto& c : characters(text)) {
        const auto it = table.find(c);
        out.push_back(it == table.end() ? c : it->second);
    }
    return out;
}

std::vector<std::string> nearest_names(const std::string& name,
                                       const std::vector<std::string>& candidates,
                                       std::size_t count) {
    // Suggestions in the script that was typed, where there are any.
    const bool chinese =
        has_non_ascii(name) && std::any_of(candidates.begin(), candidates.end(), has_non_ascii);
    std::vector<std::pair<double, std::string>> scored;
    for (const auto& c : candidates) {
        if (chinese && !has_non_ascii(c)) {
            continue;
        }
        scored.emplace_back(
            chinese ? chinese_distance(name, c) : byte_distance(fold(name), fold(c)), c);
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
        return a.first < b.first;
    });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < scored.size() && out.size() < count; ++i) {
        if (std::find(out.begin(), out.end(), scored[i].second) == out.end()) {
            out.push_back(scored[i].second);
        }
    }
    return out;
}

const Province& resolve_province(const std::string& name) {
    const std::string key = fold(name);
    for (const auto& p : provinces()) {
        if (key == fold(p.iso_code) || key == fold(p.name_en) || name == p.name_zh ||
            name == p.full_zh || name == p.gb_code || name == p.gb_code.substr(0, 2) ||
            std::find(p.abbr_zh.begin(), p.abbr_zh.end(), name) != p.abbr_zh.end()) {
            return p;
        }
    }
    std::vector<std::string> names;
    for (const auto& p : provinces()) {
        names.push_back(p.name_en);
        names.push_back(p.name_zh);
    }
    fail(ErrorCode::kInvalidInput,
         "unknown region '{}'; did you mean {}? (codes such as CN-HL, 230000, English or "
         "Chinese names, full (黑龙江省) or short (黑), are accepted)",
         name,
         list_excerpt(nearest_names(name, names)));
}

Table provinces_table() {
    Table t;
    t.name = "provinces";
    t.rows.names = {"iso", "gb", "name", "名称", "groups"};
    t.cols = Index::single("", {});
    for (const auto& p : provinces()) {
        t.rows.labels.push_back({p.iso_code,
                                 p.gb_code,
                                 p.name_en,
                                 p.name_zh,
                                 fmt::format("{}", fmt::join(p.groups, "; "))});
    }
    t.values.resize(static_cast<Eigen::Index>(t.rows.size()), 0);
    return t;
}

}  // namespace tandem::data
