#include "tandem/data/pdf.hpp"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "tandem/core/error.hpp"
#include "tandem/data/output_folder.hpp"

#include <fcntl.h>

// qpdf 11 without its PointerHolder compatibility layer (std::shared_ptr throughout).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace tandem::data {

namespace {

std::string on_path(const std::string& name) {
    if (name.find('/') != std::string::npos) {
        return access(name.c_str(), X_OK) == 0 ? name : std::string();
    }
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path != nullptr ? path : "/usr/bin:/bin");
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        const fs::path candidate = fs::path(dir.empty() ? "." : dir) / name;
        if (access(candidate.c_str(), X_OK) == 0) {
            return candidate.string();
        }
    }
    return {};
}

// A temporary folder removed when it goes out of scope.
struct TempDir {
    fs::path path;
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "tandem-pdf-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) {
            fail(ErrorCode::kIo, "cannot create a temporary folder for the PDF");
        }
        path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

// Runs argv with output discarded; the exit status, or -1 when it ran past the timeout.
int run(const std::vector<std::string>& argv, int timeout_s) {
    std::vector<char*> args;
    for (const auto& a : argv) {
        args.push_back(const_cast<char*>(a.c_str()));
    }
    args.push_back(nullptr);
    const pid_t pid = fork();
    if (pid < 0) {
        fail(ErrorCode::kIo, "cannot start {}", argv.front());
    }
    if (pid == 0) {
        const int null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        dup2(null, 1);
        dup2(null, 2);
        setpgid(0, 0);  // the browser's helpers go with it on a timeout
        execv(args[0], args.data());
        _exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
    int status = 0;
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            kill(-pid, SIGKILL);
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

std::string find_chromium(const PdfOptions& options) {
    std::vector<std::string> names;
    if (!options.chromium.empty()) {
        names.push_back(options.chromium);
    } else {
        if (const char* env = std::getenv("TANDEM_CHROMIUM"); env != nullptr && *env != '\0') {
            names.push_back(env);
        }
        names.insert(names.end(), {"chromium", "chromium-browser", "google-chrome"});
    }
    for (const auto& n : names) {
        if (auto found = on_path(n); !found.empty()) {
            return found;
        }
    }
    fail(ErrorCode::kIo,
         "PDF output needs Chromium (Debian's package chromium; scripts/install-deps.sh installs "
         "it) or TANDEM_CHROMIUM naming a Chromium or Chrome; none found (tried {})",
         names.front());
}

void write_pdf(const std::string& html, const fs::path& path, const PdfOptions& options) {
    const std::string browser = find_chromium(options);
    const TempDir tmp;
    const fs::path page = tmp.path / "report.html";
    const fs::path pdf = tmp.path / "report.pdf";
    {
        std::ofstream out(page, std::ios::binary);
        out << html;
        if (!out) {
            fail(ErrorCode::kIo, "{}: cannot write the page to print", page.string());
        }
    }
    std::vector<std::string> argv = {browser,
                                     "--headless",
                                     "--disable-gpu",
                                     "--no-first-run",
                                     "--disable-background-networking",
                                     "--disable-component-update",
                                     "--disable-sync",
                                     "--user-data-dir=" + (tmp.path / "profile").string(),
                                     "--no-pdf-header-footer",
                                     options.outline ? "--generate-pdf-document-outline" : "",
                                     "--print-to-pdf=" + pdf.string(),
                                     "file://" + page.string()};
    std::erase(argv, std::string());
    if (geteuid() == 0) {
        argv.insert(argv.begin() + 1, "--no-sandbox");  // Chromium refuses root otherwise
    }
    const int rc = run(argv, options.timeout_s);
    if (rc == -1) {
        fail(ErrorCode::kIo,
             "{}: Chromium did not finish the PDF in {} s",
             path.string(),
             options.timeout_s);
    }
    std::ifstream in(pdf, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const std::string content = bytes.str();
    if (rc != 0 || !content.starts_with("%PDF")) {
        fail(ErrorCode::kIo,
             "{}: Chromium ({}) failed to print the PDF (exit {})",
             path.string(),
             browser,
             rc);
    }
    write_file_atomically(path, content);
}

namespace {

// The first page of each top-level bookmark, as page positions.
std::vector<std::size_t> outline_pages(QPDF& in, const std::vector<QPDFPageObjectHelper>& pages) {
    std::vector<std::size_t> first;
    QPDFOutlineDocumentHelper outlines(in);
    for (auto& o : outlines.getTopLevelOutlines()) {
        const QPDFObjectHandle dest = o.getDestPage();
        std::size_t at = pages.size();
        for (std::size_t k = 0; k < pages.size(); ++k) {
            if (dest.isIndirect() && pages[k].getObjectHandle().getObjGen() == dest.getObjGen()) {
                at = k;
                break;
            }
        }
        first.push_back(at);
    }
    return first;
}

}  // namespace

void split_pdf_by_outline(const fs::path& pdf, const std::vector<fs::path>& parts) {
    try {
        QPDF in;
        in.processFile(pdf.c_str());
        const auto pages = QPDFPageDocumentHelper(in).getAllPages();
        const auto first = outline_pages(in, pages);
        if (first.size() != parts.size()) {
            fail(ErrorCode::kIo,
                 "{}: {} bookmarks for {} parts",
                 pdf.string(),
                 first.size(),
                 parts.size());
        }
        for (std::size_t k = 0; k < parts.size(); ++k) {
            const std::size_t end = k + 1 < first.size() ? first[k + 1] : pages.size();
            if (first[k] >= end) {
                fail(ErrorCode::kIo, "{}: bookmark {} has no page of its own", pdf.string(), k + 1);
            }
            QPDF out;
            out.emptyPDF();
            QPDFPageDocumentHelper added(out);
            for (std::size_t p = first[k]; p < end; ++p) {
                added.addPage(pages[p], false);
            }
            QPDFWriter writer(out);
            writer.setOutputMemory();
            writer.write();
            const auto buffer = writer.getBufferSharedPointer();
            write_file_atomically(
                parts[k],
                std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize()));
        }
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        fail(ErrorCode::kIo, "{}: cannot split the PDF: {}", pdf.string(), e.what());
    }
}

}  // namespace tandem::data
