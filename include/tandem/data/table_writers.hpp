// Output of any labelled table: terminal, CSV, JSON, XLSX.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "tandem/core/labels.hpp"

namespace tandem::data {

enum class Format { kTable, kCsv, kJson, kXlsx };

// "table", "csv", "json", "xlsx"; throws Error(kUsage) otherwise.
Format parse_format(const std::string& name);
// The format a file name implies (by extension), or fallback.
Format format_for_path(const std::filesystem::path& path, Format fallback);

// tandem CSV: row level names then one column per column label ("region/sector"), values with
// 17 significant digits (every bit of a double) unless told otherwise.
void write_csv(const Table& table, std::ostream& out, int precision = 17);
// The same CSV with numbers as people read them (number_format.hpp), without separators so
// that spreadsheets still parse them.
void write_readable_csv(const Table& table, std::ostream& out);
// Titles, units and notes of tables: "table,field,text" with field title, units or note.
void write_notes_csv(const std::vector<Table>& tables, std::ostream& out);
// Where the notes of a single CSV file go: a.csv -> a.notes.csv.
std::filesystem::path notes_path_for(const std::filesystem::path& csv_file);
// JSON: {"name", "row_levels", "column_levels", "rows", "columns", "units", "notes",
// "values"}, one object per table (an array of them for several); non-finite numbers as null.
void write_json(const std::vector<Table>& tables, std::ostream& out);
// One worksheet per table, labels in the first columns and rows; a last sheet "notes" with
// titles, units and notes.
void write_xlsx(const std::vector<Table>& tables, const std::filesystem::path& path);

struct TerminalOptions {
    std::size_t max_rows = 60;  // 0: all
    int significant = 4;        // digits of a column's largest magnitude (number_format.hpp)
    bool thousands = true;      // 1,234,567
};
// An aligned text table (CJK characters count double width): the title with its units, the
// numbers as number_format.hpp says, then the notes.
std::string render_table(const Table& table, const TerminalOptions& options = {});

// Writes tables to path in the given format; path "" or "-" means standard output. A path
// ending in '/' or naming an existing folder gets one CSV file per table (and tables.json); a
// .csv path is always one file (several tables each after a "# <name>" line); a CSV path
// without extension and several tables gives a folder. Symbolic links are refused.
struct WriteOptions {
    bool readable_csv = false;  // CSV numbers as people read them instead of 17 digits
};
// ... a CSV file or folder has its titles, units and notes beside (a.notes.csv, notes.csv).
void write_tables(const std::vector<Table>& tables,
                  Format format,
                  const std::string& path,
                  std::ostream& stdout_stream,
                  const WriteOptions& options = {});

// Display width of UTF-8 text in a terminal.
std::size_t display_width(const std::string& text);

}  // namespace tandem::data
