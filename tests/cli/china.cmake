# Known-answer cases of the china commands through the real binary (uses cli_case, T, W and the
# reference data of tests/cli/CMakeLists.txt). Every figure is recomputed independently.
