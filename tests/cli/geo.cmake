# Known-answer and bad-input cases of the geo commands through the real binary (uses cli_case,
# T, W, RAW and the folders set in CMakeLists.txt).
