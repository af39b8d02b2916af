# asl_intrinsic_eval_tests: the intrinsic-function evaluator, per function and against the
# recorded AWS executions. Calls are built with the compiler's intrinsic parser.
asl_add_test_exe(asl_intrinsic_eval_tests
  ${CMAKE_CURRENT_LIST_DIR}/intrinsic_eval_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/intrinsic_array_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/intrinsic_codec_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/intrinsic_json_string_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/intrinsic_math_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/intrinsic_corpus_test.cpp
)
target_link_libraries(asl_intrinsic_eval_tests PRIVATE asl_lang asl_runtime)
