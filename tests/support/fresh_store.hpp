// A new, empty store for a test on either engine: a SQLite file of the test process's own, or a
// new database in the tests' PostgreSQL (tests/support/postgres.sh; its URL in
// TANDEM_TEST_POSTGRES, set by CTest).
#pragma once

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <pqxx/pqxx>

#include <unistd.h>

namespace tandem::test {

inline std::string postgres_url() {
    const char* url = std::getenv("TANDEM_TEST_POSTGRES");
    return url != nullptr ? url : "";
}

// engine "sqlite" or "postgresql"; prefix names the files and databases of one test binary.
inline std::string fresh_store_location(const std::string& engine, const std::string& prefix) {
    static std::atomic<int> serial{0};
    const int n = serial++;
    if (engine == "sqlite") {
        const auto dir = std::filesystem::temp_directory_path() /
                         ("tandem-" + prefix + "-" + std::to_string(getpid()));
        std::filesystem::create_directories(dir);
        const auto file = dir / ("store" + std::to_string(n) + ".db");
        std::filesystem::remove(file);
        return file.string();
    }
    const std::string base = postgres_url();
    const std::string name = prefix + "_" + std::to_string(getpid()) + "_" + std::to_string(n);
    pqxx::connection c(base);
    pqxx::nontransaction w(c);
    w.exec("DROP DATABASE IF EXISTS " + name);
    w.exec("CREATE DATABASE " + name);
    // postgresql://tandem@/tandem?host=... -> the new database's name instead of tandem.
    const auto slash = base.find('/', base.find("://") + 3);
    const auto query = base.find('?');
    return base.substr(0, slash + 1) + name +
           (query == std::string::npos ? "" : base.substr(query));
}

}  // namespace tandem::test
