// tandem profile: provinces from the shipped provincial input-output tables.
#include <iostream>

#include "tandem/brief/profile.hpp"

#include "common.hpp"

namespace tandem::cli {

void add_profile_command(CLI::App& app) {
    auto r = std::make_shared<brief::ProfileRequest>();
    auto out = std::make_shared<OutputOptions>();
    auto* cmd = add_command(
        app,
        "profile",
        "Profile provinces from the shipped provincial input-output tables: size, structure,\n"
        "output, value-added and income multipliers, key sectors.",
        brief::profile_settings(*r),
        out.get());
    cmd->callback([r, out] {
        const bool terminal = out->format == "table" && out->output.empty();
        const auto report = brief::profile_report(*r, terminal);
        if (terminal) {
            std::cout << report.header << "\n\n";
        }
        emit(report.tables, *out);
    });
}

}  // namespace tandem::cli
