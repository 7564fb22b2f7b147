# Known-answer cases of the china commands through the real binary (uses cli_case, T, W and the
# reference data of tests/cli/CMakeLists.txt). Every figure is recomputed independently.

# One build of the 2017 MRIO (fixture kac_cn17) whose log (stdout + stderr) the known-answer
# checks of tests/cli/kac_china.py read; each recomputes its figures from the shipped
# provincial tables (data/china/provincial_2017, employment.csv, capitals.csv) or from the MRIO
# files the build wrote, compares them with the printed log (as rounded there) and with
# build_log.json / identities.csv (full precision), and prints "ok ..." or "MISMATCH ...".
set(KAC "python3 ${CMAKE_CURRENT_SOURCE_DIR}/kac_china.py")
set(CNKA "${W}/cn17ka")
set(CNKA_ARGS "${CNKA}.log ${PROJECT_SOURCE_DIR}/data ${CNKA}")
# Shape, by hand: the 31 provinces of mainland China x the 42 sectors of the 2017 tables =
# 1302 rows.
cli_case(china_ka_build 0 "^- tandem china build: 31 provinces x 42 sectors = 1302 rows, year 2017$"
         "rm -rf ${CNKA} ${CNKA}.log && ${T} china build --year 2017 -o ${CNKA} > ${CNKA}.log 2>&1; rc=$?; cat ${CNKA}.log; exit $rc")
set_tests_properties(cli.china_ka_build PROPERTIES FIXTURES_SETUP kac_cn17)
# Gap 35. `employment: 77640 (10k persons)`: every GB/T 4754 section of employment.csv once,
# by its divisions where the 42 sectors split it (B, C, D, M): 77639.68 for 2017, printed
# rounded (the TOT row is 77640: sections and divisions are rounded separately); the written
# employment extension sums to it.
cli_case(china_ka_employment 0 "^ok employment: employment 77640: sections 77639\\.68, TOT 77640, extension 77639\\.68$"
         "${KAC} employment ${CNKA_ARGS}")
# Gaps 8 and 36. The rules table: fired and moved of all 12 rules, each recounted over the
# published cells by its own condition (transit-netted: local = x - EX - OF - ERR < 0 and
# min(-local, IF, OF) > 0: 119). Two conditions compare figures that transit netting makes
# equal in exact arithmetic (inflow = domestic use, OF + EX = x): the build counts a rule only
# beyond a 1e-9 relative excess, so those ties never fire and every count is exact
# (inflows-exceed-domestic-use 28, outflow-and-exports-exceed-output 50).
cli_case(china_ka_rules 0 "^ok rules: negative-trade-cell 2 .2. 0\\.0; transit-netted 119 .119. 975407537\\.5; imports-exceed-use 14 .14. 110628609\\.5; "
         "${KAC} rules ${CNKA_ARGS}")
# Gap 7. `RAS: at most N iterations per product, largest margin error E`: the gravity seed
# (1 / great-circle km between capitals) and RAS to the balanced margins rerun per product;
# trade_flows.csv sums by destination to each balanced inflow (1e-12 of the product's total)
# and, for the 22 products without a capped destination, by origin to each scaled outflow.
cli_case(china_ka_ras 0 "^ok ras: RAS 102 iterations, error 9\\.36[0-9]e-13; flows on the margins .42 products, 22 without a capped destination.$"
         "${KAC} ras ${CNKA_ARGS}")
# Gap 9. Inflows and outflows: estimated total / official total - 1 (the MRIO's
# inter-provincial blocks of Z and domestic final use against the published IF and OF, and
# the same total from trade_flows.csv); foreign imports allocated (the Imports row of
# factor_inputs) / the published IM - 1.
cli_case(china_ka_trade_totals 0 "^ok totals: inflows -0\\.195145, outflows -0\\.118299, imports -0\\.0735252$"
         "${KAC} totals ${CNKA_ARGS}")
# Gap 10. Sum abs(estimated - official) / official total by (product, destination) and by
# (product, origin); the discrepancy column's sum of abs(cells) / official gross output.
cli_case(china_ka_trade_deviations 0 "^ok deviations: inflows 0\\.320888, outflows 0\\.393817, discrepancy 0\\.149085$"
         "${KAC} deviations ${CNKA_ARGS}")
# Gap 11. Largest column sum of A = Z / x (the written Z, the official x).
cli_case(china_ka_largest_column_sum 0 "^ok colsum: largest column sum of A 0\\.91015484795$"
         "${KAC} colsum ${CNKA_ARGS}")
# Gap 37. Column gap = the published tables' own column balance (Z + V against x: the MRIO
# splits every published cell by origin and keeps the sum); row gap: roundoff only (the
# written rows summed exactly close within 1e-8, a bound).
cli_case(china_ka_balance_gaps 0 "^ok gaps: column gap 1\\.62189e-07, row gap "
         "${KAC} gaps ${CNKA_ARGS}")
# Gap 37. Spectral radius of A: Collatz-Wielandt bracket on each strongly connected block
# (power iterates of A restricted to it), closed to 1e-6: 0.7065889-0.7065896 holds 0.707.
cli_case(china_ka_spectral_radius 0 "^ok radius: spectral radius in \\[0\\.70658[89][0-9]*, 0\\.7065[89][0-9]*\\]"
         "${KAC} radius ${CNKA_ARGS}")
# Z, Y and F of the MRIO: the gravity model and RAS rerun in Python, the 30,820 flows against
# trade_flows.csv (4e-15 relative), then every cell of Z (1302 x 1302), Y (1302 x 217) and the
# factor inputs (imports, value added) assembled by Chenery-Moses as docs/china-mrio.md says and
# compared with the MRIO written (1e-9 relative to the cell or its row's gross output).
cli_case(china_ka_assembly 0 "^ok assembly: 30820 flows, Z 1302 x 1302, Y x 217, F and F_Y agree .*; Z Heilongjiang/01 to Anhui/06 169059\\.3227, Anhui/01 to Heilongjiang/06 59129\\.7484, imports of Heilongjiang/06 615417\\.7146$"
         "${KAC} assembly ${CNKA_ARGS}")
# The shipped MRIO (assembled at load time from data/china/mrio_2017/trade_flows.csv) prints
# the cell recomputed above: Z Heilongjiang/01 to Anhui/06 = 169059.3227.
cli_case(china_ka_shipped_cell 0 "^169059\\.3227[0-9]*$"
         "${T} mrio show china:2017 Z -f csv -q | python3 -c \"import csv, sys; r = csv.reader(sys.stdin); c = next(r).index('Anhui/06'); print(*[row[c] for row in r if row[:2] == ['Heilongjiang', '01']])\"")
set_tests_properties(cli.china_ka_employment cli.china_ka_rules cli.china_ka_ras
                     cli.china_ka_trade_totals cli.china_ka_trade_deviations
                     cli.china_ka_largest_column_sum cli.china_ka_balance_gaps
                     cli.china_ka_spectral_radius cli.china_ka_assembly
                     PROPERTIES FIXTURES_REQUIRED "cli_work;kac_cn17")
# The figures of `china import`'s notes, recomputed from the published cells (ka_china_import.py):
# 2002: Hunan sec03 and Qinghai sec24 gross outputs between -1 and 0 (set to 0 in x.csv),
# Guangxi VA004 of sec42 blank: TVA 1138357 - 102377 - 1021213 - 14767 = 0 (in V.csv); the
# largest row or column imbalance 0.5191% ("about 0.5%"). 2017: no cell note.
set(KCI "python3 ${CMAKE_CURRENT_SOURCE_DIR}/ka_china_import.py ${T} ${TANDEM_REFERENCE_DIR}/china/china_provincial_io_chnio")
cli_case(china_ka_import_notes_2002 0 "^ok 3 cell notes .2 outputs set to 0, 1 blank value added filled.; balance to about 0\\.5% .0\\.5191%.; Hunan sector sec03: gross output -0\\.000294268596917391 .*; Guangxi VA004 of sector sec42 was blank: set to TVA minus the other components = 0; Qinghai sector sec24: gross output -0\\.00199999999676947 "
         "${KCI} 2002 ${W}")
cli_case(china_ka_import_notes_2017 0 "^ok 0 cell notes .0 outputs set to 0, 0 blank value added filled.; no balance note$"
         "${KCI} 2017 ${W}")
