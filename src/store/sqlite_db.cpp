#include "tandem/core/error.hpp"

#include "db.hpp"
#include <sqlite3.h>

namespace tandem::store {

namespace {

class SqliteDb final : public Db {
public:
    explicit SqliteDb(const std::string& path) : path_(path) {
        if (sqlite3_open_v2(path.c_str(),
                            &db_,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                            nullptr) != SQLITE_OK) {
            const std::string why = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            db_ = nullptr;
            fail(ErrorCode::kIo, "{}: cannot open the SQLite store: {}", path, why);
        }
        sqlite3_busy_timeout(db_, 10000);
        // WAL: readers do not block the writer; FULL: a write acknowledged survives a crash of
        // the process and of the machine. A file that is not a database fails here, and the
        // destructor will not run for a constructor that throws.
        try {
            script("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
        } catch (...) {
            sqlite3_close(db_);
            db_ = nullptr;
            throw;
        }
    }
    ~SqliteDb() override { sqlite3_close(db_); }
    SqliteDb(const SqliteDb&) = delete;
    SqliteDb& operator=(const SqliteDb&) = delete;

    std::string engine() const override { return "sqlite"; }
    std::string id_column() const override { return "INTEGER PRIMARY KEY"; }

    std::vector<Row> query(const std::string& sql, const Params& params) override {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr) !=
            SQLITE_OK) {
            error("prepare");
        }
        struct Finalise {
            sqlite3_stmt* s;
            ~Finalise() { sqlite3_finalize(s); }
        } finalise{stmt};
        for (std::size_t i = 0; i < params.size(); ++i) {
            const int at = static_cast<int>(i) + 1;
            const int rc = params[i] ? sqlite3_bind_text(stmt,
                                                         at,
                                                         params[i]->data(),
                                                         static_cast<int>(params[i]->size()),
                                                         SQLITE_TRANSIENT)
                                     : sqlite3_bind_null(stmt, at);
            if (rc != SQLITE_OK) {
                error("bind");
            }
        }
        std::vector<Row> rows;
        while (true) {
            const int rc = sqlite3_step(stmt);
            if (rc == SQLITE_DONE) {
                break;
            }
            if (rc != SQLITE_ROW) {
                error("step");
            }
            Row row;
            for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
                const auto* text = sqlite3_column_text(stmt, c);
                row.push_back(text == nullptr
                                  ? Cell{}
                                  : Cell{std::string(
                                        reinterpret_cast<const char*>(text),
                                        static_cast<std::size_t>(sqlite3_column_bytes(stmt, c)))});
            }
            rows.push_back(std::move(row));
        }
        return rows;
    }

    void script(const std::string& sql) override {
        char* message = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
            const std::string why = message != nullptr ? message : "unknown error";
            sqlite3_free(message);
            fail(ErrorCode::kIo, "{}: {}", path_, why);
        }
    }
    void begin() override { script("BEGIN IMMEDIATE"); }
    void commit() override { script("COMMIT"); }
    void rollback() noexcept override { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }

private:
    [[noreturn]] void error(const char* step) {
        const int code = sqlite3_extended_errcode(db_);
        // A constraint is the data's fault (a duplicate name); anything else the store's.
        fail((code & 0xff) == SQLITE_CONSTRAINT ? ErrorCode::kInvalidInput : ErrorCode::kIo,
             "{}: {} failed: {}",
             path_,
             step,
             sqlite3_errmsg(db_));
    }

    std::string path_;
    sqlite3* db_ = nullptr;
};

}  // namespace

std::unique_ptr<Db> open_sqlite(const std::string& path) {
    return std::make_unique<SqliteDb>(path);
}

}  // namespace tandem::store
