# asl_path_eval_tests: JSONPath selection, filters, ResultPath/InputPath/OutputPath and AWS's
# causes for path fields. Paths are built with the compiler's parser.
asl_add_test_exe(asl_path_eval_tests
  ${CMAKE_CURRENT_LIST_DIR}/path_select_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/path_filter_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/result_path_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/path_aws_messages_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/path_corpus_cases_test.cpp
)
target_link_libraries(asl_path_eval_tests PRIVATE asl_runtime asl_lang)
