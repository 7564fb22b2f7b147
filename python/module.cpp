// _tandem: the library entry points for Python (pybind11). Thin: each function converts its
// arguments, calls one library entry point and hands the result back as plain Python objects
// (a Table as a dict of labels and a NumPy array); python/tandem/ turns those into pandas.
//
// Results reach NumPy without a copy: a result matrix is moved into a capsule that the array
// owns. Inputs (a DataFrame's values) are copied once into the model, which owns its data.
// Long computations release the GIL; a progress callback takes it back to report.
#include <algorithm>
#include <memory>
#include <optional>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "tandem/brief/request.hpp"
#include "tandem/brief/structure.hpp"
#include "tandem/china/mrio_build.hpp"
#include "tandem/core/error.hpp"
#include "tandem/core/settings.hpp"
#include "tandem/data/china_tables.hpp"
#include "tandem/data/datasets.hpp"
#include "tandem/data/pdf.hpp"
#include "tandem/data/regions.hpp"
#include "tandem/geo/complexity.hpp"
#include "tandem/geo/panel_reports.hpp"
#include "tandem/mrio/calc.hpp"
#include "tandem/mrio/reports.hpp"
#include "tandem/schedule/command.hpp"
#include "tandem/schedule/event.hpp"
#include "tandem/schedule/scheduler.hpp"

#include <pybind11/eigen.h>
#include <pybind11/functional.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

namespace py = pybind11;

namespace tandem::python {

namespace {

// A matrix handed to NumPy: moved into a capsule the array keeps alive (column-major, as
// Eigen stores it), so no copy is made.
py::array_t<double> to_numpy(Matrix m) {
    auto* owned = new Matrix(std::move(m));
    py::capsule owner(owned, [](void* p) { delete static_cast<Matrix*>(p); });
    const auto rows = static_cast<py::ssize_t>(owned->rows());
    const auto cols = static_cast<py::ssize_t>(owned->cols());
    const auto item = static_cast<py::ssize_t>(sizeof(double));
    return py::array_t<double>({rows, cols}, {item, item * rows}, owned->data(), owner);
}

py::dict index_dict(const Index& index) {
    py::dict d;
    d["names"] = index.names;
    d["labels"] = index.labels;
    return d;
}

py::dict table_dict(Table t) {
    py::dict d;
    d["name"] = t.name;
    d["rows"] = index_dict(t.rows);
    d["cols"] = index_dict(t.cols);
    d["units"] = t.units;
    d["notes"] = t.notes;
    d["values"] = to_numpy(std::move(t.values));
    return d;
}

py::list tables_list(std::vector<Table> tables) {
    py::list out;
    for (auto& t : tables) {
        out.append(table_dict(std::move(t)));
    }
    return out;
}

Index index_from(const std::vector<std::string>& names,
                 const std::vector<std::vector<std::string>>& labels) {
    for (const auto& l : labels) {
        if (l.size() != names.size()) {
            fail(ErrorCode::kInvalidInput,
                 "a label has {} levels, the index {} ({})",
                 l.size(),
                 names.size(),
                 fmt::join(names, ", "));
        }
    }
    return Index(names, labels);
}

// A Python callable (stage, done, total) as a ProgressFn; the GIL is taken for each call.
ProgressFn progress_of(const std::optional<py::function>& fn) {
    if (!fn) {
        return {};
    }
    auto shared = std::make_shared<py::function>(*fn);
    return [shared](std::string_view stage, std::size_t done, std::size_t total) {
        py::gil_scoped_acquire gil;
        (*shared)(std::string(stage), done, total);
    };
}

void bind_mrio(py::module_& m) {
    py::class_<Mrio>(m, "Mrio", "A multi-regional input-output system held by tandem.")
        .def("size", &Mrio::size)
        .def("regions", &Mrio::regions)
        .def("sector_names", &Mrio::sector_names)
        .def("account_names", [](const Mrio& self) { return account_names(self); })
        .def("account",
             [](const Mrio& self, const std::string& name) {
                 return table_dict(account_table(self, name));
             })
        .def("copy", [](const Mrio& self) { return Mrio(self); });
    m.def(
        "load_mrio",
        [](const std::string& spec, const std::optional<py::function>& progress) {
            const auto report = progress_of(progress);
            py::gil_scoped_release release;
            return china::load_mrio_spec(spec, report);
        },
        py::arg("spec"),
        py::arg("progress") = py::none());
    m.def(
        "mrio_from_arrays",
        [](const std::vector<std::string>& sector_names,
           const std::vector<std::vector<std::string>>& sectors,
           const std::vector<std::string>& demand_names,
           const std::vector<std::vector<std::string>>& demand,
           const Matrix& Z,
           const Matrix& Y,
           const std::vector<py::dict>& extensions,
           const std::string& unit) {
            Mrio out;
            out.sectors = index_from(sector_names, sectors);
            out.final_demand = index_from(demand_names, demand);
            out.units.assign(out.sectors.size(), unit);
            set_account(out, "Z", Z);
            set_account(out, "Y", Y);
            for (const auto& e : extensions) {
                Extension ext;
                ext.name = e["name"].cast<std::string>();
                ext.stressors =
                    index_from(e["stressor_names"].cast<std::vector<std::string>>(),
                               e["stressors"].cast<std::vector<std::vector<std::string>>>());
                ext.units = e["units"].cast<std::vector<std::string>>();
                const std::string name = ext.name;
                out.extensions.push_back(std::move(ext));
                set_account(out, name + "/F", e["F"].cast<Matrix>());
                if (e.contains("F_Y") && !e["F_Y"].is_none()) {
                    set_account(out, name + "/F_Y", e["F_Y"].cast<Matrix>());
                }
            }
            return out;
        },
        py::arg("sector_names"),
        py::arg("sectors"),
        py::arg("demand_names"),
        py::arg("demand"),
        py::arg("Z"),
        py::arg("Y"),
        py::arg("extensions"),
        py::arg("unit") = "");
    m.def(
        "calc_all",
        [](Mrio& self, bool inverse, bool ghosh, const std::string& solver) {
            auto o = mrio::calc_options_for(self.size(), mrio::parse_solver_kind(solver));
            o.keep_A = true;
            o.explicit_inverse = inverse;
            o.ghosh = ghosh;
            py::gil_scoped_release release;
            mrio::calc_all(self, o);
        },
        py::arg("mrio"),
        py::arg("inverse") = true,
        py::arg("ghosh") = false,
        py::arg("solver") = "auto");
    m.def(
        "shock",
        [](const Mrio& self,
           const std::string& demand_region,
           const std::string& category,
           const std::string& from_region,
           const std::string& sector,
           std::optional<double> scale,
           double add,
           const std::string& solver) {
            mrio::ShockOptions o;
            o.solver = mrio::parse_solver_kind(solver);
            o.change.demand_region = demand_region;
            o.change.category = category;
            o.change.from_region = from_region;
            o.change.sector = sector;
            o.change.scale = scale;
            o.change.add = add;
            auto report = mrio::shock_report(self, o);
            return py::make_tuple(std::move(report.shocked), tables_list(std::move(report.tables)));
        },
        py::arg("mrio"),
        py::arg("demand_region"),
        py::arg("category") = "",
        py::arg("from_region") = "",
        py::arg("sector") = "",
        py::arg("scale") = py::none(),
        py::arg("add") = 0.0,
        py::arg("solver") = "auto");
    m.def(
        "multipliers",
        [](Mrio self,
           const std::string& income,
           const std::string& households,
           const std::string& solver) {
            mrio::MultiplierOptions o;
            o.solver = mrio::parse_solver_kind(solver);
            o.income = income;
            o.households = households;
            return table_dict(mrio::multipliers_table(self, o));
        },
        py::arg("mrio"),
        py::arg("income") = "",
        py::arg("households") = "",
        py::arg("solver") = "auto");
    m.def(
        "linkages",
        [](Mrio self, const std::string& forward, const std::string& solver) {
            mrio::LinkageOptions o;
            o.solver = mrio::parse_solver_kind(solver);
            if (forward != "ghosh" && forward != "leontief") {
                fail(ErrorCode::kUsage, "forward '{}': expected ghosh or leontief", forward);
            }
            o.forward =
                forward == "ghosh" ? mrio::ForwardMeasure::kGhosh : mrio::ForwardMeasure::kLeontief;
            return table_dict(mrio::linkages_table(self, o));
        },
        py::arg("mrio"),
        py::arg("forward") = "ghosh",
        py::arg("solver") = "auto");
    m.def(
        "extraction",
        [](Mrio self, const std::string& solver) {
            return table_dict(mrio::extraction_table(self, mrio::parse_solver_kind(solver)));
        },
        py::arg("mrio"),
        py::arg("solver") = "auto");
    m.def(
        "decompose",
        [](Mrio self, const std::string& method, const std::string& solver) {
            if (method != "miller" && method != "round") {
                fail(ErrorCode::kUsage, "method '{}': expected miller or round", method);
            }
            return table_dict(mrio::decomposition_table(self,
                                                        method == "miller"
                                                            ? mrio::DecompositionMethod::kMiller
                                                            : mrio::DecompositionMethod::kRound,
                                                        mrio::parse_solver_kind(solver)));
        },
        py::arg("mrio"),
        py::arg("method") = "miller",
        py::arg("solver") = "auto");
    m.def(
        "prices",
        [](Mrio self,
           const std::vector<std::pair<std::string, double>>& cost_push,
           const std::string& solver) {
            mrio::PriceOptions o;
            o.solver = mrio::parse_solver_kind(solver);
            o.cost_push = cost_push;
            return table_dict(mrio::price_table(self, o));
        },
        py::arg("mrio"),
        py::arg("cost_push"),
        py::arg("solver") = "auto");
    m.def(
        "aggregate",
        [](const Mrio& self,
           const std::vector<std::string>& region_groups,
           const std::vector<std::string>& sector_groups) {
            mrio::Aggregation a{region_groups, sector_groups};
            return mrio::aggregate(self, a);
        },
        py::arg("mrio"),
        py::arg("region_groups") = std::vector<std::string>{},
        py::arg("sector_groups") = std::vector<std::string>{});
}

geo::PresenceTest presence_of(const std::string& name) {
    const auto presence = geo::parse_presence_test(name);
    if (!presence) {
        fail(ErrorCode::kUsage, "presence '{}': expected rca, rpop, both or given", name);
    }
    return *presence;
}

geo::PanelOptions panel_of(const py::dict& d) {
    geo::PanelOptions o;
    o.input = d["input"].cast<std::string>();
    o.columns.time = d["time"].cast<std::string>();
    o.columns.loc = d["loc"].cast<std::string>();
    o.columns.prod = d["prod"].cast<std::string>();
    o.columns.val = d["val"].cast<std::string>();
    o.rca_threshold = d["rca_threshold"].cast<double>();
    o.presence = presence_of(d["presence"].cast<std::string>());
    o.rpop_threshold = d["rpop_threshold"].cast<double>();
    o.population = d["population"].cast<std::string>();
    o.pop_col = d["pop_col"].cast<std::string>();
    o.years = d["years"].cast<std::vector<std::string>>();
    return o;
}

geo::IndicatorOptions indicators_of(const py::dict& d) {
    geo::IndicatorOptions o;
    const auto method = geo::parse_relatedness_method(d["relatedness"].cast<std::string>());
    if (!method) {
        fail(ErrorCode::kUsage,
             "relatedness '{}': expected prob, association, cosine or jaccard",
             d["relatedness"].cast<std::string>());
    }
    o.relatedness = *method;
    o.steps = d["steps"].cast<int>();
    o.iterations = d["iterations"].cast<int>();
    o.econgeo = d["econgeo"].cast<bool>();
    o.all_pairs = d["all_pairs"].cast<bool>();
    return o;
}

void bind_geo(py::module_& m) {
    m.def(
        "complexity",
        [](const std::vector<std::string>& locations,
           const std::vector<std::string>& products,
           const Matrix& values,
           double rca_threshold,
           const std::string& presence,
           std::optional<Vector> population) {
            geo::ComplexityOptions o;
            o.rca_threshold = rca_threshold;
            o.presence = presence_of(presence);
            if (population) {
                o.population = *population;
            }
            geo::ComplexityResult r;
            {
                py::gil_scoped_release release;
                r = geo::complexity(locations, products, values, o);
            }
            py::dict d;
            d["locations"] = r.locations;
            d["products"] = r.products;
            d["value"] = to_numpy(std::move(r.value));
            d["rca"] = to_numpy(std::move(r.rca));
            d["mcp"] = to_numpy(std::move(r.mcp));
            d["diversity"] = to_numpy(std::move(r.diversity));
            d["ubiquity"] = to_numpy(std::move(r.ubiquity));
            d["eci"] = to_numpy(std::move(r.eci));
            d["pci"] = to_numpy(std::move(r.pci));
            d["proximity"] = to_numpy(std::move(r.proximity));
            d["density"] = to_numpy(std::move(r.density));
            d["coi"] = to_numpy(std::move(r.coi));
            d["cog"] = to_numpy(std::move(r.cog));
            return d;
        },
        py::arg("locations"),
        py::arg("products"),
        py::arg("values"),
        py::arg("rca_threshold") = 1.0,
        py::arg("presence") = "rca",
        py::arg("population") = py::none());
    m.def("locations_table", [](const py::dict& panel, const py::dict& options) {
        return table_dict(geo::locations_table(panel_of(panel), indicators_of(options)));
    });
    m.def("products_table", [](const py::dict& panel, const py::dict& options) {
        return table_dict(geo::products_table(panel_of(panel), indicators_of(options)));
    });
    m.def("relatedness_table", [](const py::dict& panel, const py::dict& options) {
        return table_dict(geo::relatedness_table(panel_of(panel), indicators_of(options)));
    });
    m.def("density_table", [](const py::dict& panel, const py::dict& options) {
        return table_dict(geo::density_table(panel_of(panel), indicators_of(options)));
    });
    m.def("shift_share",
          [](const py::dict& panel,
             const std::string& from,
             const std::string& to,
             bool by_location) {
              auto r = geo::shift_share_report(panel_of(panel), from, to, by_location);
              return py::make_tuple(table_dict(std::move(r.table)), r.national_growth);
          });
    m.def("dynamics", [](const py::dict& panel, const std::string& from, const std::string& to) {
        auto r = geo::dynamics_report(panel_of(panel), from, to);
        return table_dict(std::move(r.table));
    });
    m.def(
        "profile",
        [](const std::string& region, int year, int base, std::size_t top) {
            const TableSet end = data::load_provincial_tables(year);
            const TableSet earlier = data::load_provincial_tables(base);
            brief::StructureOptions o;
            o.top = top;
            auto p = brief::structure_profile(end, earlier, region, o);
            py::dict d;
            d["region"] = p.region.name_en;
            d["region_zh"] = p.region.name_zh;
            d["year"] = p.year;
            d["unit"] = p.unit;
            d["summary"] = table_dict(std::move(p.summary));
            d["specialisations"] = table_dict(std::move(p.specialisations));
            d["opportunities"] = table_dict(std::move(p.opportunities));
            d["shift_share"] = table_dict(std::move(p.shift_share));
            d["notes"] = p.notes;
            return d;
        },
        py::arg("region"),
        py::arg("year") = 2017,
        py::arg("base") = 2012,
        py::arg("top") = 10);
}

void bind_china(py::module_& m) {
    m.def("provinces", [] { return table_dict(data::provinces_table()); });
    m.def(
        "china_build",
        [](int year, double decay, bool employment, const std::optional<py::function>& progress) {
            const TableSet set = data::load_provincial_tables(year);
            china::BuildOptions o;
            o.decay = decay;
            if (employment) {
                o.employment_csv = data::data_dir() / "china" / "employment.csv";
            }
            const auto report = progress_of(progress);
            china::BuildResult r;
            {
                py::gil_scoped_release release;
                r = china::build_mrio(set, o, report);
            }
            return py::make_tuple(std::move(r.mrio), china::build_log_markdown(r));
        },
        py::arg("year") = 2017,
        py::arg("decay") = 1.0,
        py::arg("employment") = true,
        py::arg("progress") = py::none());
}

// tandem.brief's keyword options are the request's own settings (brief::brief_settings): the
// names (time=, loc=, ... as --time, --loc), checks and messages of `tandem brief`'s options.
brief::BriefRequest request_of(const std::vector<std::string>& regions, const py::dict& d) {
    brief::BriefRequest r;
    const Settings settings = brief::brief_settings(r);
    for (const auto& [key, value] : d) {
        std::string name = key.cast<std::string>();
        std::replace(name.begin(), name.end(), '_', '-');
        const Setting* s = name == "regions" ? nullptr : find_setting(settings, name);
        if (s == nullptr) {
            std::vector<std::string> known;
            for (const auto& setting : settings) {
                if (setting_name(setting) != "regions") {
                    known.push_back(setting_name(setting));
                }
            }
            throw py::type_error(fmt::format("unknown option '{}'; allowed: {}",
                                             key.cast<std::string>(),
                                             fmt::join(known, ", ")));
        }
        if (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value)) {
            for (const auto& item : value) {
                assign(*s, py::str(item).cast<std::string>());
            }
        } else if (py::isinstance<py::bool_>(value)) {
            assign(*s, value.cast<bool>() ? "true" : "false");
        } else {
            assign(*s, py::str(value).cast<std::string>());
        }
    }
    r.regions = regions;
    require_valid(r);
    return r;
}

void bind_brief(py::module_& m) {
    py::class_<brief::Brief>(m, "Brief", "A two-region brief.")
        .def_property_readonly("a", [](const brief::Brief& b) { return b.a.name_en; })
        .def_property_readonly("b", [](const brief::Brief& b) { return b.b.name_en; })
        .def_property_readonly("a_zh", [](const brief::Brief& b) { return b.a.name_zh; })
        .def_property_readonly("b_zh", [](const brief::Brief& b) { return b.b.name_zh; })
        .def_readonly("year", &brief::Brief::year)
        .def_readonly("unit", &brief::Brief::unit)
        .def_readonly("scenario_text", &brief::Brief::scenario_text)
        .def_readonly("reasons", &brief::Brief::reasons)
        .def_readonly("notes", &brief::Brief::notes)
        .def_readonly("cautions", &brief::Brief::cautions)
        .def_readonly("source", &brief::Brief::source)
        .def(
            "tables",
            [](const brief::Brief& b, bool titles_as_names) {
                return tables_list(brief::titled_tables(b, titles_as_names));
            },
            py::arg("titles_as_names") = true)
        .def("to_json", [](const brief::Brief& b) { return brief::brief_json(b); })
        .def("to_html", [](const brief::Brief& b) { return brief::brief_html(b); })
        .def("to_pdf", [](const brief::Brief& b, const std::string& path) {
            data::write_pdf(brief::brief_html(b), path);
        });
    m.def("brief", [](const std::vector<std::string>& regions, const py::dict& options) {
        const auto request = request_of(regions, options);
        py::gil_scoped_release release;
        return brief::run_brief(request);
    });
    m.def("partners", [](const std::string& region, const py::dict& options) {
        const auto request = request_of({region}, options);
        return table_dict(brief::run_partner_ranking(request));
    });
}

void bind_schedule(py::module_& m) {
    m.def(
        "schedule",
        [](const std::string& text,
           const std::string& source,
           const std::string& method,
           const std::string& objective,
           double time_limit,
           bool bound) {
            const schedule::Event ev = schedule::parse_event(text, source);
            schedule::SolveOptions o;
            o.method = schedule::parse_method(method);
            o.objective = schedule::parse_objective(objective);
            o.time_limit = time_limit;
            o.bound = bound;
            schedule::Result r;
            {
                py::gil_scoped_release release;
                r = schedule::solve_checked(ev, o);
            }
            py::dict d;
            d["csv"] = schedule::schedule_csv(ev, r.schedule);
            d["summary"] = schedule::summary_lines(ev, r, {bound, -1.0});
            d["held"] = r.summary.held;
            d["requested"] = ev.requests.size();
            d["weighted"] = r.summary.weighted;
            d["requested_weight"] = r.summary.requested_weight;
            d["idle_gaps"] = r.summary.idle_gaps;
            d["breaks"] = r.summary.breaks;
            d["isolated"] = r.summary.isolated;
            d["without_meetings"] = r.summary.without_meetings;
            d["method"] = r.method;
            d["optimal"] = r.optimal;
            d["bound"] = r.has_bound ? py::cast(r.bound) : py::none();
            return d;
        },
        py::arg("text"),
        py::arg("source"),
        py::arg("method") = "auto",
        py::arg("objective") = "full",
        py::arg("time_limit") = 60.0,
        py::arg("bound") = false);
}

}  // namespace

}  // namespace tandem::python

PYBIND11_MODULE(_tandem, m) {
    using namespace tandem;
    m.doc() = "tandem's library entry points; use the tandem package, which wraps them in pandas.";
    static py::exception<Error> error(m, "Error", PyExc_RuntimeError);
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) {
                std::rethrow_exception(p);
            }
        } catch (const Error& e) {
            // args: (message, exit code): tandem.Error exposes them as .message and .code.
            PyErr_SetObject(error.ptr(),
                            py::make_tuple(std::string(e.what()), exit_code(e.code())).ptr());
        }
    });
    python::bind_mrio(m);
    python::bind_geo(m);
    python::bind_china(m);
    python::bind_brief(m);
    python::bind_schedule(m);
}
