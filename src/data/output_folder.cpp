#include "tandem/data/output_folder.hpp"

#include <fstream>
#include <random>

#include "tandem/core/error.hpp"

namespace tandem::data {

namespace fs = std::filesystem;

namespace {
std::string random_suffix() {
    std::random_device rd;
    return fmt::format("{:08x}", rd());
}
}  // namespace

OutputFolder::OutputFolder(fs::path target, std::string marker) : target_(std::move(target)) {
    std::error_code ec;
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
            fs::remove(temp, ec);
            fail(ErrorCode::kIo, "{}: cannot write", path.string());
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
