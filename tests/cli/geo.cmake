# Known-answer and bad-input cases of the geo commands through the real binary (uses cli_case,
# T, W, RAW and the folders set in CMakeLists.txt).
# A sparse file naming many locations and products (4,000 x 4,000 cells from 4,000 rows) is
# refused with the estimate before a dense year is made or written.
cli_case(geo_sparse_refused 3 "year 2000: 4000 locations x 4000 products make 16000000 cells a year.*over the limit of 5000000 cells a year .max_cells." "mkdir -p ${W} && python3 -c \"print('time,loc,prod,val'); [print(f'2000,l{i},p{i},1') for i in range(4000)]\" > ${W}/sparse.csv && ${T} geo complexity ${W}/sparse.csv -o ${W}/sparse_out.csv; rc=$?; test ! -e ${W}/sparse_out.csv && exit $rc")
