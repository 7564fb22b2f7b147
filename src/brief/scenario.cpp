#include <cmath>
#include <set>

#include <fmt/format.h>

#include "tandem/brief/brief.hpp"
#include "tandem/core/error.hpp"

#include <cpptoml.h>

namespace tandem::brief {

Scenario read_scenario(const std::filesystem::path& file) {
    const std::string name = file.string();
    if (!std::filesystem::exists(file)) {
        fail(ErrorCode::kIo, "{}: file not found", name);
    }
    std::shared_ptr<cpptoml::table> root;
    try {
        root = cpptoml::parse_file(name);
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
