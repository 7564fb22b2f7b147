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
// JSON: {"name", "row_levels", "column_levels", "rows", "columns", "values"}, one object per
// table; non-finite numbers as null.
void write_json(const std::vector<Table>& tables, std::ostream& out);
// One worksheet per table, labels in the first columns and rows.
void write_xlsx(const std::vector<Table>& tables, const std::filesystem::path& path);

struct TerminalOptions {
    std::size_t max_rows = 60;  // 0: all
    int precision = 6;
    bool thousands = true;  // 1,234,567.89 for large numbers
};
// An aligned text table (CJK characters count double width).
std::string render_table(const Table& table, const TerminalOptions& options = {});

// Writes tables to path in the given format; path "" or "-" means standard output. A path
// ending in '/' or naming an existing folder gets one CSV file per table (and tables.json); a
// .csv path is always one file (several tables each after a "# <name>" line); a CSV path
// without extension and several tables gives a folder. Symbolic links are refused.
void write_tables(const std::vector<Table>& tables,
                  Format format,
                  const std::string& path,
                  std::ostream& stdout_stream);

// Display width of UTF-8 text in a terminal.
std::size_t display_width(const std::string& text);

}  // namespace tandem::data
