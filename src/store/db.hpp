// The two SQL engines behind the store, reduced to what it needs (private to src/store): one
// SQL text for both ($1, $2 ... parameters, which SQLite binds by position too), rows as
// optional strings, explicit transactions.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tandem::store {

using Cell = std::optional<std::string>;
using Row = std::vector<Cell>;
using Params = std::vector<Cell>;

class Db {
public:
    virtual ~Db() = default;
    virtual std::string engine() const = 0;
    virtual std::vector<Row> query(const std::string& sql, const Params& params = {}) = 0;
    // Several statements without parameters (a migration).
    virtual void script(const std::string& sql) = 0;
    virtual void begin() = 0;
    virtual void commit() = 0;
    virtual void rollback() noexcept = 0;
    // The column type of an id that numbers itself.
    virtual std::string id_column() const = 0;
};

// A SQLite file in WAL mode, synchronous=FULL, foreign keys on, a busy timeout.
std::unique_ptr<Db> open_sqlite(const std::string& path);
// A PostgreSQL server by URL (postgresql://user@host:port/db or with ?host=/socket/dir).
std::unique_ptr<Db> open_postgres(const std::string& url);

// A URL with its password replaced by "***", for messages.
std::string hide_password(const std::string& url);

// Rolls back unless committed.
class Transaction {
public:
    explicit Transaction(Db& db) : db_(db) { db_.begin(); }
    ~Transaction() {
        if (!done_) {
            db_.rollback();
        }
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit() {
        db_.commit();
        done_ = true;
    }

private:
    Db& db_;
    bool done_ = false;
};

}  // namespace tandem::store
