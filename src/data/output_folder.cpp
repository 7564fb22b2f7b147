#include "tandem/data/output_folder.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <fstream>
#include <random>
#include <system_error>

#include <fmt/format.h>

#include "tandem/core/error.hpp"

namespace tandem::data {

namespace fs = std::filesystem;

namespace {
std::string random_suffix() {
    std::random_device rd;
    return fmt::format("{:08x}", rd());
}

// Outputs are never written through, or in place of, a symbolic link.
void refuse_symlink(const fs::path& target) {
    std::error_code ec;
    fs::path p = target;
    while (p.has_relative_path() && !p.has_filename()) {
        p = p.parent_path();  // "dir/" names dir
    }
    if (fs::is_symlink(fs::symlink_status(p, ec))) {
        fail(ErrorCode::kIo,
             "{}: is a symbolic link; refusing to write through or replace it",
             target.string());
    }
}

// "dir/" -> "dir", so that parent_path() and filename() name the folder itself.
fs::path strip_trailing_separators(fs::path p) {
    while (p.has_relative_path() && !p.has_filename()) {
        p = p.parent_path();
    }
    return p;
}
}  // namespace

OutputFolder::OutputFolder(fs::path target, std::string marker)
    : target_(strip_trailing_separators(std::move(target))) {
    std::error_code ec;
    refuse_symlink(target_);
    if (fs::exists(target_, ec)) {
        if (!fs::is_directory(target_, ec)) {
            fail(ErrorCode::kIo,
                 "{}: exists and is not a folder; refusing to overwrite it",
                 target_.string());
        }
        if (!fs::is_empty(target_, ec) && !fs::exists(target_ / marker, ec)) {
            fail(ErrorCode::kIo,
                 "{}: folder exists, is not empty and holds no {}: refusing to overwrite it",
                 target_.string(),
                 marker);
        }
    }
    fs::path parent = target_.parent_path();
    if (parent.empty()) {
        parent = ".";
    }
    fs::create_directories(parent, ec);
    if (ec) {
        fail(ErrorCode::kIo, "{}: cannot create folder: {}", parent.string(), ec.message());
    }
    temp_ = parent / fmt::format(".{}.tmp-{}", target_.filename().string(), random_suffix());
    fs::create_directories(temp_, ec);
    if (ec) {
        fail(ErrorCode::kIo, "{}: cannot create folder: {}", temp_.string(), ec.message());
    }
}

OutputFolder::~OutputFolder() {
    if (!committed_) {
        std::error_code ec;
        fs::remove_all(temp_, ec);
    }
}

void OutputFolder::commit() {
    std::error_code ec;
    fs::path old;
    if (fs::exists(target_, ec)) {
        old = target_.parent_path() /
              fmt::format(".{}.old-{}", target_.filename().string(), random_suffix());
        fs::rename(target_, old, ec);
        if (ec) {
            fail(ErrorCode::kIo, "{}: cannot replace: {}", target_.string(), ec.message());
        }
    }
    fs::rename(temp_, target_, ec);
    if (ec) {
        if (!old.empty()) {
            fs::rename(old, target_);
        }
        fail(ErrorCode::kIo,
             "{}: cannot move the result into place: {}",
             target_.string(),
             ec.message());
    }
    committed_ = true;
    if (!old.empty()) {
        fs::remove_all(old, ec);
    }
}

void write_file_atomically(const fs::path& path, const std::string& content) {
    std::error_code ec;
    refuse_symlink(path);
    if (!path.has_filename() || fs::is_directory(path, ec)) {
        fail(ErrorCode::kIo, "{}: is a folder; expected a file name", path.string());
    }
    if (path.has_parent_path()) {
        fs::create_directories(path.parent_path(), ec);
    }
    fs::path temp = path;
    temp += fmt::format(".tmp-{}", random_suffix());
    {
        std::ofstream out(temp, std::ios::binary);
        out << content;
        out.close();
        if (!out) {
            const int err = errno;
            fs::remove(temp, ec);
            fail(ErrorCode::kIo,
                 "{}: cannot write{}",
                 path.string(),
                 err != 0 ? ": " + std::generic_category().message(err) : std::string());
        }
    }
    fs::rename(temp, path, ec);
    if (ec) {
        fs::remove(temp, ec);
        fail(ErrorCode::kIo, "{}: cannot write: {}", path.string(), ec.message());
    }
}

AtomicFile::AtomicFile(fs::path target) : target_(std::move(target)) {
    std::error_code ec;
    refuse_symlink(target_);
    if (!target_.has_filename() || fs::is_directory(target_, ec)) {
        fail(ErrorCode::kIo, "{}: is a folder; expected a file name", target_.string());
    }
    if (target_.has_parent_path()) {
        fs::create_directories(target_.parent_path(), ec);
    }
    temp_ = target_;
    temp_ += fmt::format(".tmp-{}", random_suffix());
    out_.open(temp_, std::ios::binary);
    if (!out_) {
        fail(ErrorCode::kIo, "{}: cannot write", target_.string());
    }
}

AtomicFile::~AtomicFile() {
    if (!committed_) {
        out_.close();
        std::error_code ec;
        fs::remove(temp_, ec);
    }
}

void AtomicFile::commit() {
    out_.close();
    std::error_code ec;
    if (!out_) {
        fs::remove(temp_, ec);
        fail(ErrorCode::kIo, "{}: cannot write", target_.string());
    }
    fs::rename(temp_, target_, ec);
    if (ec) {
        fs::remove(temp_, ec);
        fail(ErrorCode::kIo, "{}: cannot write: {}", target_.string(), ec.message());
    }
    committed_ = true;
}

std::string safe_file_name(std::string_view id) {
    std::string out;
    for (std::size_t i = 0; i < id.size();) {
        const auto c = static_cast<unsigned char>(id[i]);
        const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (len == 1) {
            out += std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == ' '
                       ? static_cast<char>(c)
                       : '_';
            ++i;
            continue;
        }
        char32_t cp = len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
        bool ok = i + len <= id.size();
        for (std::size_t k = 1; ok && k < len; ++k) {
            const auto cc = static_cast<unsigned char>(id[i + k]);
            ok = (cc & 0xC0) == 0x80;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        const bool cjk = (cp >= 0x2E80 && cp <= 0x2FDF) || (cp >= 0x3040 && cp <= 0x30FF) ||
                         (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
                         (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                         (cp >= 0x20000 && cp <= 0x3134F);
        if (ok && cjk && out.size() + len <= 100) {
            out += std::string(id.substr(i, len));
        } else {
            out += '_';
        }
        i += ok ? len : 1;
    }
    if (out.size() > 100) {
        out.resize(100);
    }
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    while (!out.empty() && out.front() == ' ') {
        out.erase(out.begin());
    }
    if (out.empty() || out.front() == '.') {
        out.insert(out.begin(), '_');
    }
    return out;
}

std::string UniqueFileNames::take(std::string_view text) {
    const std::string base = safe_file_name(text);
    auto folded = [](std::string v) {
        std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) {
            return static_cast<char>(std::tolower(c));
        });
        return v;
    };
    std::string name = base;
    for (int k = 2; !used_.insert(folded(name)).second; ++k) {
        name = fmt::format("{}-{}", base, k);
    }
    return name;
}

std::size_t count_files(const fs::path& dir, std::string_view except) {
    std::size_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        n += e.is_regular_file() && e.path().filename() != except ? 1 : 0;
    }
    return n;
}

}  // namespace tandem::data
