#include "tandem/data/output_folder.hpp"

#include <cerrno>
#include <fstream>
#include <random>
#include <system_error>

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

}  // namespace tandem::data
