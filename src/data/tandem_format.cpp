#include "tandem/data/tandem_format.hpp"

#include <fstream>

#include <nlohmann/json.hpp>

#include "tandem/core/error.hpp"
#include "tandem/data/delimited.hpp"
#include "tandem/data/json_input.hpp"
#include "tandem/data/output_folder.hpp"
#include "tandem/data/pymrio_format.hpp"
#include "tandem/data/table_writers.hpp"

namespace tandem::data {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

json index_json(const Index& idx) {
    return {{"levels", idx.names}, {"labels", idx.labels}};
}

Index index_from(const json& j, const std::string& file, const char* what) {
    try {
        Index idx;
        idx.names = j.at("levels").get<std::vector<std::string>>();
        idx.labels = j.at("labels").get<std::vector<std::vector<std::string>>>();
        for (const auto& l : idx.labels) {
            if (l.size() != idx.names.size()) {
                fail(ErrorCode::kInvalidInput,
                     "{}: a label of {} has {} levels, expected {}",
                     file,
                     what,
                     l.size(),
                     idx.names.size());
            }
        }
        return idx;
    } catch (const json::exception& e) {
        fail(ErrorCode::kInvalidInput,
             "{}: {} must be {{\"levels\": [...], \"labels\": [[...]]}}: {}",
             file,
             what,
             e.what());
    }
}

std::string file_for(const Mrio& m, const std::string& account) {
    auto slash = account.find('/');
    if (slash == std::string::npos) {
        return account + ".csv";
    }
    const Extension* e = m.find_extension(account.substr(0, slash));
    return e->folder_name() + "/" + account.substr(slash + 1) + ".csv";
}

Matrix read_account_csv(const fs::path& path, const Index& rows, const Index& cols) {
    const std::string file = path.string();
    const std::size_t nl = rows.levels();
    Matrix values(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(cols.size()));
    std::size_t record = 0;
    read_delimited(path, ',', [&](std::size_t line, const std::vector<std::string>& f) {
        if (f.size() != nl + cols.size()) {
            fail_at(file,
                    line,
                    std::min(f.size(), nl + cols.size()) + 1,
                    fmt::format("expected {} cells ({} label(s) and {} value(s)), found {}",
                                nl + cols.size(),
                                nl,
                                cols.size(),
                                f.size()));
        }
        if (record == 0) {
            for (std::size_t c = 0; c < cols.size(); ++c) {
                if (f[nl + c] != cols.joined(c)) {
                    fail_at(
                        file,
                        line,
                        nl + c + 1,
                        fmt::format("expected column '{}', found '{}'", cols.joined(c), f[nl + c]));
                }
            }
            ++record;
            return;
        }
        const std::size_t r = record - 1;
        if (r >= rows.size()) {
            fail_at(file,
                    line,
                    1,
                    fmt::format("more rows than the {} the manifest lists", rows.size()));
        }
        for (std::size_t l = 0; l < nl; ++l) {
            if (f[l] != rows.at(r, l)) {
                fail_at(
                    file,
                    line,
                    l + 1,
                    fmt::format(
                        "expected row '{}', found '{}'",
                        rows.joined(r),
                        fmt::join(f.begin(), f.begin() + static_cast<std::ptrdiff_t>(nl), "/")));
            }
        }
        for (std::size_t c = 0; c < cols.size(); ++c) {
            values(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) =
                parse_number(f[nl + c],
                             file,
                             line,
                             nl + c + 1,
                             fmt::format("row '{}', column '{}'", rows.joined(r), cols.joined(c)));
        }
        ++record;
    });
    if (record == 0) {
        fail(ErrorCode::kInvalidInput, "{}: the file is empty", file);
    }
    if (record - 1 != rows.size()) {
        fail(ErrorCode::kInvalidInput,
             "{}: expected {} data rows, found {}",
             file,
             rows.size(),
             record - 1);
    }
    return values;
}

}  // namespace

void write_tandem_mrio(const Mrio& m, const fs::path& folder, const ProgressFn& progress) {
    OutputFolder out(folder, "manifest.json");
    json extensions = json::array();
    for (const auto& e : m.extensions) {
        extensions.push_back({{"name", e.name},
                              {"folder", e.folder_name()},
                              {"stressors", index_json(e.stressors)},
                              {"units", e.units}});
        fs::create_directories(out.path() / e.folder_name());
    }
    json accounts = json::array();
    const auto names = account_names(m);
    std::size_t step = 0;
    for (const auto& name : names) {
        const std::string file = file_for(m, name);
        std::ofstream f(out.path() / file, std::ios::binary);
        write_csv(account_table(m, name), f);
        f.close();
        if (!f) {
            fail(ErrorCode::kIo, "{}: cannot write", (folder / file).string());
        }
        accounts.push_back({{"name", name}, {"file", file}});
        report(progress, "writing", ++step, names.size());
    }
    json manifest = {{"format", "tandem-mrio"},
                     {"format_version", 1},
                     {"name", m.name},
                     {"description", m.description},
                     {"system", m.system},
                     {"version", m.version},
                     {"history", m.history},
                     {"sectors", index_json(m.sectors)},
                     {"final_demand", index_json(m.final_demand)},
                     {"units", m.units},
                     {"population_regions", m.population_regions},
                     {"extensions", extensions},
                     {"accounts", accounts}};
    std::ofstream(out.path() / "manifest.json", std::ios::binary) << manifest.dump(1) << '\n';
    out.commit();
}

Mrio read_tandem_mrio(const fs::path& folder, const ProgressFn& progress) {
    const fs::path mpath = folder / "manifest.json";
    const std::string mfile = mpath.string();
    std::ifstream in(mpath, std::ios::binary);
    if (!in) {
        fail(ErrorCode::kIo, "{}: not found: expected a tandem MRIO folder", mfile);
    }
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!is_valid_utf8(text)) {
        fail(ErrorCode::kInvalidInput, "{}: invalid UTF-8", mfile);
    }
    const json j = parse_json_unordered(text, mfile);
    if (j.value("format", "") != "tandem-mrio") {
        fail(ErrorCode::kInvalidInput, "{}: \"format\" must be \"tandem-mrio\"", mfile);
    }
    if (j.value("format_version", 0) != 1) {
        fail(ErrorCode::kInvalidInput,
             "{}: unsupported format_version {} (this tandem reads 1)",
             mfile,
             j.value("format_version", 0));
    }
    Mrio m;
    try {
        m.name = j.value("name", m.name);
        m.description = j.value("description", "");
        m.system = j.value("system", m.system);
        m.version = j.value("version", m.version);
        m.history = j.value("history", std::vector<std::string>{});
        m.sectors = index_from(j.at("sectors"), mfile, "sectors");
        m.final_demand = index_from(j.at("final_demand"), mfile, "final_demand");
        m.units = j.value("units", std::vector<std::string>(m.sectors.size(), ""));
        m.population_regions = j.value("population_regions", std::vector<std::string>{});
        for (const auto& e : j.at("extensions")) {
            Extension ext;
            ext.name = e.at("name").get<std::string>();
            ext.stressors = index_from(e.at("stressors"), mfile, "stressors");
            ext.units = e.value("units", std::vector<std::string>(ext.stressors.size(), ""));
            m.extensions.push_back(std::move(ext));
        }
        const auto& accounts = j.at("accounts");
        std::size_t step = 0;
        for (const auto& a : accounts) {
            const auto name = a.at("name").get<std::string>();
            const auto file = a.at("file").get<std::string>();
            if (file.find("..") != std::string::npos || fs::path(file).is_absolute()) {
                fail(ErrorCode::kInvalidInput,
                     "{}: account file '{}' leaves the folder",
                     mfile,
                     file);
            }
            Matrix values =
                read_account_csv(folder / file, account_rows(m, name), account_columns(m, name));
            set_account(m, name, std::move(values));
            report(progress, "reading", ++step, accounts.size());
        }
    } catch (const json::exception& e) {
        fail(ErrorCode::kInvalidInput, "{}: {}", mfile, e.what());
    }
    if (m.Y.size() == 0 || (m.Z.size() == 0 && m.A.size() == 0)) {
        fail(ErrorCode::kInvalidInput, "{}: the folder needs Y and one of Z or A", mfile);
    }
    return m;
}

Mrio read_mrio(const fs::path& folder, const ProgressFn& progress) {
    std::error_code ec;
    if (fs::exists(folder / "manifest.json", ec)) {
        return read_tandem_mrio(folder, progress);
    }
    return read_pymrio(folder, progress);
}

}  // namespace tandem::data
