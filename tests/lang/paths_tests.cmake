# Tests of the JSONPath and intrinsic parsers.
target_sources(asl_lang_tests PRIVATE)
