#include "fuzz_support.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include <unistd.h>

namespace tandem::fuzz {

namespace fs = std::filesystem;

const fs::path& work_folder() {
    static const fs::path folder = [] {
        fs::path p = fs::temp_directory_path() / ("tandem-fuzz-" + std::to_string(::getpid()));
        fs::create_directories(p);
        std::atexit([] {
            std::error_code ec;
            fs::remove_all(
                fs::temp_directory_path() / ("tandem-fuzz-" + std::to_string(::getpid())), ec);
        });
        return p;
    }();
    return folder;
}

void write_file(const fs::path& path, std::string_view bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

fs::path copy_template(const fs::path& source, const std::string& name) {
    const fs::path target = work_folder() / name;
    std::error_code ec;
    fs::remove_all(target, ec);
    fs::copy(source, target, fs::copy_options::recursive);
    return target;
}

void finding(const char* what, const std::string& message) {
    std::fprintf(stderr, "FUZZ FINDING: %s: %.2000s\n", what, message.c_str());
    std::abort();
}

}  // namespace tandem::fuzz
