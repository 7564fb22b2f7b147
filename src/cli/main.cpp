// tandem: the command-line front end. It parses arguments, calls the library and prints.
#include <iostream>

#include <CLI/CLI.hpp>

#include "tandem/core/error.hpp"

#include "common.hpp"

int main(int argc, char** argv) {
    CLI::App app{
        "tandem: analysis and organisation of cross-regional cooperation.\n"
        "Input-output (pymrio-compatible) engine, China's provincial tables, profiles."};
    app.set_version_flag("--version", "tandem 0.1.0");
    app.require_subcommand(1);
    tandem::cli::add_profile_command(app);
    tandem::cli::add_mrio_commands(app);
    tandem::cli::add_china_commands(app);
    tandem::cli::add_geo_commands(app);
    tandem::cli::add_brief_command(app);
    tandem::cli::add_schedule_command(app);
    tandem::cli::add_match_commands(app);
    tandem::cli::add_serve_commands(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : tandem::exit_code(tandem::ErrorCode::kUsage);
    } catch (const tandem::Error& e) {
        std::cerr << "tandem: error: " << e.what() << '\n';
        return tandem::exit_code(e.code());
    } catch (const std::bad_alloc&) {
        std::cerr << "tandem: error: out of memory\n";
        return tandem::exit_code(tandem::ErrorCode::kInternal);
    } catch (const std::exception& e) {
        std::cerr << "tandem: internal error: " << e.what() << " (please report it)\n";
        return tandem::exit_code(tandem::ErrorCode::kInternal);
    }
    return 0;
}
