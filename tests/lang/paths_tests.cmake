# Tests of the JSONPath and intrinsic parsers.
target_sources(asl_lang_tests PRIVATE
  lang/jsonpath_parser_test.cpp
  lang/intrinsic_parser_test.cpp
)
