# Tests of the front end: JSON parsing, every validation rule, diagnostics options and the docs.
asl_add_test_exe(asl_front_tests
  front/json_tree_test.cpp
  front/validate_machine_test.cpp
  front/validate_fields_test.cpp
  front/validate_choice_test.cpp
  front/validate_errors_test.cpp
  front/validate_task_test.cpp
  front/validate_map_test.cpp
  front/validate_payload_test.cpp
  front/validate_expressions_test.cpp
  front/validate_variables_test.cpp
  front/diagnostics_options_test.cpp
  front/docs_test.cpp
)
target_link_libraries(asl_front_tests PRIVATE asl_front)
