// Print-ready PDF of a self-contained HTML page through headless Chromium's print-to-PDF
// (docs/decisions/0002-pdf.md): A4 and the page margins come from the page's @page rules,
// fonts are embedded by Chromium. Costs a browser start, about a second.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace tandem::data {

struct PdfOptions {
    // The browser; empty: $TANDEM_CHROMIUM, then chromium, chromium-browser, google-chrome
    // on the PATH.
    std::string chromium;
    int timeout_s = 120;
    bool outline = false;  // bookmarks from the page's headings (split_pdf_by_outline reads them)
};

// The browser PDF output would use; throws Error(kIo) naming what to install when none is.
std::string find_chromium(const PdfOptions& options = {});

// Renders html and writes the PDF to path (atomically: a failed run leaves what was there).
// Errors (no browser, a browser that fails or hangs past timeout_s) throw Error(kIo).
void write_pdf(const std::string& html,
               const std::filesystem::path& path,
               const PdfOptions& options = {});

// Splits a PDF at its top-level bookmarks: part k gets the pages from bookmark k's page to the
// page before bookmark k+1's (the last to the end), written atomically to parts[k]. Errors
// (another count of bookmarks than parts, an unreadable PDF) throw Error(kIo). libqpdf.
void split_pdf_by_outline(const std::filesystem::path& pdf,
                          const std::vector<std::filesystem::path>& parts);

}  // namespace tandem::data
