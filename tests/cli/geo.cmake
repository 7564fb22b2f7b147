# Known-answer and bad-input cases of the geo commands through the real binary (uses cli_case,
# T, W, RAW and the folders set in CMakeLists.txt).
# A sparse file naming many locations and products (4,000 x 4,000 cells from 4,000 rows) is
# refused with the estimate before a dense year is made or written.
cli_case(geo_sparse_refused 3 "year 2000: 4000 locations x 4000 products make 16000000 cells a year.*over the limit of 5000000 cells a year .max_cells." "mkdir -p ${W} && python3 -c \"print('time,loc,prod,val'); [print(f'2000,l{i},p{i},1') for i in range(4000)]\" > ${W}/sparse.csv && ${T} geo complexity ${W}/sparse.csv -o ${W}/sparse_out.csv; rc=$?; test ! -e ${W}/sparse_out.csv && exit $rc")
# geo profile's summary against the references (tests/data/reference/ecomplexity/output):
# py-ecomplexity's ECI and COI, EconGeo's Herfindahl, Krugman, Hachman and entropy (3 decimals).
cli_case(geo_profile_values 0 "^diversity .sectors with RCA >= 1.,16;ECI,1\\.147423267131[0-9]*;ECI rank,6;COI,-0\\.5403674603582[0-9]*;fitness,[0-9.]+;Herfindahl,0\\.05576741925777[0-9]*;entropy .bits.,4\\.680[0-9]*;Krugman specialisation,0\\.2567810418[0-9]*;Hachman,0\\.8985282871[0-9]*$" "${T} geo profile Anhui -f csv -q | sed -n '6,14p' | paste -sd ';'")

# Outputs never replace an input: geo locations -o onto its own CSV is refused (exit 4).
cli_case(geo_output_onto_input_refused 0 "^rc=4 kept$"
  "mkdir -p ${W} && printf 'year,loc,prod,val\\n1,a,x,1\\n1,a,y,2\\n1,b,x,3\\n1,b,y,1\\n' > ${W}/own.csv && cp ${W}/own.csv ${W}/own.orig && ${T} geo locations ${W}/own.csv --time year --loc loc --prod prod --val val -o ${W}/own.csv -q; rc=$?; cmp -s ${W}/own.csv ${W}/own.orig && echo rc=$rc kept")
