# Tests of the JSONata lexer and parser.
target_sources(asl_lang_tests PRIVATE
  lang/jsonata_lexer_test.cpp
  lang/jsonata_parser_test.cpp
  lang/jsonata_suite_parse_test.cpp
)
target_link_libraries(asl_lang_tests PRIVATE simdjson::simdjson)
