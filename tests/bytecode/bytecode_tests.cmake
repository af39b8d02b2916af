# Tests of the .aslb format: round trips over the conformance corpus, corruption, the doc.
asl_add_test_exe(asl_bytecode_tests
  bytecode/corpus_modules.cpp
  bytecode/round_trip_test.cpp
  bytecode/corruption_test.cpp
  bytecode/docs_test.cpp)
target_link_libraries(asl_bytecode_tests PRIVATE asl_bytecode asl_front simdjson::simdjson)
