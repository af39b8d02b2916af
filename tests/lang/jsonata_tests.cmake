# Tests of the JSONata lexer and parser.
target_sources(asl_lang_tests PRIVATE)
