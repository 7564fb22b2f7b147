# tandem profile's size-and-structure figures recomputed from the shipped CSVs with awk.
set(PKA "${CMAKE_CURRENT_SOURCE_DIR}/profile_known_answers.sh")
cli_case(profile_values_heilongjiang_2017 0 "all figures agree" "${PKA} ${T} ${PROJECT_SOURCE_DIR}/data/china/provincial_2017 230000 Heilongjiang")
cli_case(profile_values_anhui_2017 0 "all figures agree" "${PKA} ${T} ${PROJECT_SOURCE_DIR}/data/china/provincial_2017 340000 Anhui")
