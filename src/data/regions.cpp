#include "tandem/data/regions.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "tandem/core/error.hpp"
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
        {"110000", "CN-BJ", "Beijing", "北京", "北京市", {kEast, kJjj}},
        {"120000", "CN-TJ", "Tianjin", "天津", "天津市", {kEast, kJjj}},
        {"130000", "CN-HE", "Hebei", "河北", "河北省", {kEast, kJjj}},
        {"140000", "CN-SX", "Shanxi", "山西", "山西省", {kCentral}},
        {"150000", "CN-NM", "Inner Mongolia", "内蒙古", "内蒙古自治区", {kWest}},
        {"210000", "CN-LN", "Liaoning", "辽宁", "辽宁省", {kNortheast}},
        {"220000", "CN-JL", "Jilin", "吉林", "吉林省", {kNortheast}},
        {"230000", "CN-HL", "Heilongjiang", "黑龙江", "黑龙江省", {kNortheast}},
        {"310000", "CN-SH", "Shanghai", "上海", "上海市", {kEast, kYrd, kYreb}},
        {"320000", "CN-JS", "Jiangsu", "江苏", "江苏省", {kEast, kYrd, kYreb}},
        {"330000", "CN-ZJ", "Zhejiang", "浙江", "浙江省", {kEast, kYrd, kYreb}},
        {"340000", "CN-AH", "Anhui", "安徽", "安徽省", {kCentral, kYrd, kYreb}},
        {"350000", "CN-FJ", "Fujian", "福建", "福建省", {kEast}},
        {"360000", "CN-JX", "Jiangxi", "江西", "江西省", {kCentral, kYreb}},
        {"370000", "CN-SD", "Shandong", "山东", "山东省", {kEast}},
        {"410000", "CN-HA", "Henan", "河南", "河南省", {kCentral}},
        {"420000", "CN-HB", "Hubei", "湖北", "湖北省", {kCentral, kYreb}},
        {"430000", "CN-HN", "Hunan", "湖南", "湖南省", {kCentral, kYreb}},
        {"440000", "CN-GD", "Guangdong", "广东", "广东省", {kEast, kGba}},
        {"450000", "CN-GX", "Guangxi", "广西", "广西壮族自治区", {kWest}},
        {"460000", "CN-HI", "Hainan", "海南", "海南省", {kEast}},
        {"500000", "CN-CQ", "Chongqing", "重庆", "重庆市", {kWest, kYreb}},
        {"510000", "CN-SC", "Sichuan", "四川", "四川省", {kWest, kYreb}},
        {"520000", "CN-GZ", "Guizhou", "贵州", "贵州省", {kWest, kYreb}},
        {"530000", "CN-YN", "Yunnan", "云南", "云南省", {kWest, kYreb}},
        {"540000", "CN-XZ", "Tibet", "西藏", "西藏自治区", {kWest}},
        {"610000", "CN-SN", "Shaanxi", "陕西", "陕西省", {kWest}},
        {"620000", "CN-GS", "Gansu", "甘肃", "甘肃省", {kWest}},
        {"630000", "CN-QH", "Qinghai", "青海", "青海省", {kWest}},
        {"640000", "CN-NX", "Ningxia", "宁夏", "宁夏回族自治区", {kWest}},
        {"650000", "CN-XJ", "Xinjiang", "新疆", "新疆维吾尔自治区", {kWest}},
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

std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> prev(b.size() + 1);
    std::vector<std::size_t> cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        prev[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

}  // namespace

const std::vector<Province>& provinces() {
    static const std::vector<Province> all = build();
    return all;
}

std::vector<std::string> nearest_names(const std::string& name,
                                       const std::vector<std::string>& candidates,
                                       std::size_t count) {
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const auto& c : candidates) {
        scored.emplace_back(edit_distance(fold(name), fold(c)), c);
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
        return a.first < b.first;
    });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < scored.size() && out.size() < count; ++i) {
        out.push_back(scored[i].second);
    }
    return out;
}

const Province& resolve_province(const std::string& name) {
    const std::string key = fold(name);
    for (const auto& p : provinces()) {
        if (key == fold(p.iso_code) || key == fold(p.name_en) || name == p.name_zh ||
            name == p.full_zh || name == p.gb_code || name == p.gb_code.substr(0, 2)) {
            return p;
        }
    }
    std::vector<std::string> names;
    for (const auto& p : provinces()) {
        names.push_back(p.name_en);
    }
    fail(ErrorCode::kInvalidInput,
         "unknown region '{}'; did you mean {}? (codes such as CN-HL, "
         "230000, English or Chinese names are accepted)",
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
