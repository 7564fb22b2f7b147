# tandem profile's figures recomputed from the shipped CSVs with awk (profile_known_answers.sh:
# size and structure incl. exports, imports, outflow, inflow and the three-sector split; every
# sector's value added, % of region and location quotient; every sector's import share %; the
# key sectors' value added share %).
set(PKA "${CMAKE_CURRENT_SOURCE_DIR}/profile_known_answers.sh")
cli_case(profile_values_heilongjiang_2017 0 "all figures agree" "${PKA} ${T} ${PROJECT_SOURCE_DIR}/data/china/provincial_2017 230000 Heilongjiang")
cli_case(profile_values_anhui_2017 0 "all figures agree" "${PKA} ${T} ${PROJECT_SOURCE_DIR}/data/china/provincial_2017 340000 Anhui")
# The multipliers (output I and II, value added I, income I and II) and the key sectors (power
# and sensitivity of dispersion, which sectors, in which order) of every sector, recomputed in
# pure Python from the same CSVs (ka_profile_multipliers.py: the regional model of
# docs/numerics.md, Leontief, closed and Ghosh inverses by Gauss-Jordan; income II from the
# households row of the closed inverse, M&B 2.5).
set(PKM "python3 ${CMAKE_CURRENT_SOURCE_DIR}/ka_profile_multipliers.py")
cli_case(profile_multipliers_heilongjiang_2017 0 "^all multipliers agree" "${PKM} ${T} ${PROJECT_SOURCE_DIR}/data/china/provincial_2017 230000 Heilongjiang")
cli_case(profile_multipliers_anhui_2017 0 "^all multipliers agree" "${PKM} ${T} ${PROJECT_SOURCE_DIR}/data/china/provincial_2017 340000 Anhui")
# 2012's list puts construction at 28 (2017: 27): Tibet's secondary share counts it (34.64 %, not
# the 7.90 % of sectors 02-27). Hubei 2012 publishes no OF/IF split: its import shares are IM's.
cli_case(profile_values_tibet_2012 0 "all figures agree" "${PKA} ${T} ${PROJECT_SOURCE_DIR}/data/china/provincial_2012 540000 Tibet --year 2012")
cli_case(profile_multipliers_hubei_2012 0 "^all multipliers agree" "${PKM} ${T} ${PROJECT_SOURCE_DIR}/data/china/provincial_2012 420000 Hubei --year 2012")
