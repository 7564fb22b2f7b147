#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "tandem/brief/brief.hpp"
#include "tandem/core/error.hpp"

#include <cpptoml.h>

namespace tandem::brief {

namespace {
// Limits of a --scenario file (docs/brief.md): its size, and how deep arrays and inline tables
// may nest (cpptoml parses them recursively).
constexpr std::size_t kScenarioMaxBytes = 1U << 20U;
constexpr int kScenarioMaxNesting = 32;

void prescan_scenario(const std::string& name, std::string& text);
}  // namespace

namespace {
void prescan_scenario(const std::string& name, std::string& text) {
    if (text.size() > kScenarioMaxBytes) {
        fail(ErrorCode::kInvalidInput,
             "{}: {} bytes; a scenario file may have at most {} (1 MiB)",
             name,
             text.size(),
             kScenarioMaxBytes);
    }
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.erase(0, 3);  // a UTF-8 byte order mark
    }
    // Nesting of arrays and inline tables outside strings and comments: cpptoml recurses on
    // each level and would overflow the stack on deep nesting.
    int depth = 0;
    std::size_t line = 1;
    std::size_t column = 0;
    enum class In { kCode, kComment, kBasic, kLiteral, kMultiBasic, kMultiLiteral };
    In in = In::kCode;
    for (std::size_t k = 0; k < text.size(); ++k) {
        const char c = text[k];
        ++column;
        if (c == '\n') {
            ++line;
            column = 0;
            if (in == In::kComment || in == In::kBasic || in == In::kLiteral) {
                in = In::kCode;  // single-line strings end (cpptoml reports the error)
            }
            continue;
        }
        // Columns count characters: UTF-8 continuation bytes do not start one.
        if ((static_cast<unsigned char>(c) & 0xC0U) == 0x80U) {
            --column;
        }
        const auto starts = [&](const char* s) { return text.compare(k, 3, s) == 0; };
        switch (in) {
            case In::kComment:
                break;
            case In::kBasic:
                if (c == '\\') {
                    ++k;
                    ++column;
                } else if (c == '"') {
                    in = In::kCode;
                }
                break;
            case In::kLiteral:
                if (c == '\'') {
                    in = In::kCode;
                }
                break;
            case In::kMultiBasic:
                if (c == '\\') {
                    ++k;
                    ++column;
                } else if (starts("\"\"\"")) {
                    in = In::kCode;
                    k += 2;
                    column += 2;
                }
                break;
            case In::kMultiLiteral:
                if (starts("'''")) {
                    in = In::kCode;
                    k += 2;
                    column += 2;
                }
                break;
            case In::kCode:
                if (c == '#') {
                    in = In::kComment;
                } else if (starts("\"\"\"")) {
                    in = In::kMultiBasic;
                    k += 2;
                    column += 2;
                } else if (starts("'''")) {
                    in = In::kMultiLiteral;
                    k += 2;
                    column += 2;
                } else if (c == '"') {
                    in = In::kBasic;
                } else if (c == '\'') {
                    in = In::kLiteral;
                } else if (c == '[' || c == '{') {
                    if (++depth > kScenarioMaxNesting) {
                        fail(ErrorCode::kInvalidInput,
                             "{}:{}:{}: nesting deeper than {}",
                             name,
                             line,
                             column,
                             kScenarioMaxNesting);
                    }
                } else if (c == ']' || c == '}') {
                    depth = std::max(0, depth - 1);
                }
                break;
        }
    }
}
}  // namespace

Scenario read_scenario(const std::filesystem::path& file) {
    const std::string name = file.string();
    if (!std::filesystem::exists(file)) {
        fail(ErrorCode::kIo, "{}: file not found", name);
    }
    std::string text;
    {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            fail(ErrorCode::kIo, "{}: cannot read", name);
        }
        std::ostringstream buffer;
        buffer << in.rdbuf();
        text = buffer.str();
    }
    prescan_scenario(name, text);
    std::shared_ptr<cpptoml::table> root;
    try {
        std::istringstream stream(text);
        cpptoml::parser parser(stream);
        root = parser.parse();
    } catch (const cpptoml::parse_exception& e) {
        // cpptoml's messages end with "at line N".
        fail(ErrorCode::kInvalidInput, "{}: not valid TOML: {}", name, e.what());
    }
    static const std::set<std::string> top_keys = {"name", "change"};
    static const std::set<std::string> change_keys = {"buyer", "seller", "sectors", "amount"};
    for (const auto& [key, _] : *root) {
        if (!top_keys.contains(key)) {
            fail(ErrorCode::kInvalidInput,
                 "{}: unknown key '{}' (expected name and [[change]] tables)",
                 name,
                 key);
        }
    }
    Scenario s;
    s.name = root->get_as<std::string>("name").value_or(file.stem().string());
    auto changes = root->get_table_array("change");
    if (!changes) {
        fail(ErrorCode::kInvalidInput,
             "{}: no [[change]] table (each gives buyer, seller, sectors, amount)",
             name);
    }
    std::size_t k = 0;
    for (const auto& t : *changes) {
        ++k;
        for (const auto& [key, _] : *t) {
            if (!change_keys.contains(key)) {
                fail(ErrorCode::kInvalidInput,
                     "{}: change {}: unknown key '{}' (expected buyer, seller, sectors, amount)",
                     name,
                     k,
                     key);
            }
        }
        DemandChange c;
        auto buyer = t->get_as<std::string>("buyer");
        auto seller = t->get_as<std::string>("seller");
        auto sectors = t->get_array_of<std::string>("sectors");
        auto amount = t->get_as<double>("amount");
        if (!amount) {
            if (auto whole = t->get_as<int64_t>("amount")) {
                amount = static_cast<double>(*whole);
            }
        }
        if (!buyer || !seller || !sectors || !amount) {
            fail(ErrorCode::kInvalidInput,
                 "{}: change {}: needs buyer and seller (strings), sectors (a list of sector "
                 "codes) and amount (a number, 10k CNY)",
                 name,
                 k);
        }
        c.buyer = *buyer;
        c.seller = *seller;
        c.sectors = *sectors;
        c.amount = *amount;
        s.changes.push_back(std::move(c));
    }
    return s;
}

}  // namespace tandem::brief
