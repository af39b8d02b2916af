# asl_choice_eval_tests: Choice-rule evaluation and its helpers (runtime only, paths built by
# hand). asl_choice_corpus_tests: the recorded AWS executions' Choice rules, read with the
# JSONPath parser, so only when the compiler is built.
asl_add_test_exe(asl_choice_eval_tests
  ${CMAKE_CURRENT_LIST_DIR}/choice_operator_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/choice_condition_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/choice_eval_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/string_match_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/timestamp_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/utf16_order_test.cpp
)
target_link_libraries(asl_choice_eval_tests PRIVATE asl_runtime)

if(ASL_BUILD_COMPILER)
  asl_add_test_exe(asl_choice_corpus_tests ${CMAKE_CURRENT_LIST_DIR}/choice_corpus_test.cpp)
  target_link_libraries(asl_choice_corpus_tests PRIVATE asl_lang asl_runtime)
endif()
