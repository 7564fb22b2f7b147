// Writes a result folder atomically: into a temporary sibling, renamed into place on commit().
// A failure part-way leaves the previous folder (or nothing) behind, never a half-written one.
#pragma once

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <string_view>

namespace tandem::data {

class OutputFolder {
public:
    // marker: a file whose presence shows that an existing target folder is a previous output
    // of the same kind and may be replaced. Any other non-empty folder is refused.
    OutputFolder(std::filesystem::path target, std::string marker);
    ~OutputFolder();
    OutputFolder(const OutputFolder&) = delete;
    OutputFolder& operator=(const OutputFolder&) = delete;

    const std::filesystem::path& path() const { return temp_; }
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path temp_;
    bool committed_ = false;
};

// A file written as a stream into a temporary sibling and renamed into place on commit(), for
// outputs too large to hold in memory. Destroyed uncommitted, it leaves the old file untouched.
class AtomicFile {
public:
    explicit AtomicFile(std::filesystem::path target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    std::ostream& stream() { return out_; }
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path temp_;
    std::ofstream out_;
    bool committed_ = false;
};

// Writes a file atomically (temporary sibling, then rename).
void write_file_atomically(const std::filesystem::path& path, const std::string& content);

// A file name from text taken from input data (an id, a table name): ASCII letters, digits,
// '-', '_', '.', inner spaces and CJK characters kept, anything else (path separators, "..",
// control characters) replaced by '_'; no leading dot; at most 100 bytes.
std::string safe_file_name(std::string_view text);

// Safe file names, made unique case-insensitively (for file systems that ignore case) by
// "-2", "-3", ... suffixes.
class UniqueFileNames {
public:
    std::string take(std::string_view text);

private:
    std::set<std::string> used_;
};

// The regular files under dir (recursively), a file named `except` not counted: what a command
// reports as written, counted on disk rather than added up by hand.
std::size_t count_files(const std::filesystem::path& dir, std::string_view except = {});

}  // namespace tandem::data
