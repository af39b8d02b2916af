# The interpreter (runtime/vm) and its execution services (runtime/exec): programs are compiled
# from definition text with the front end, as `aslc run` does.
asl_add_test_exe(asl_vm_tests
  ${CMAKE_CURRENT_LIST_DIR}/executor_flow_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/executor_errors_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/executor_concurrency_test.cpp
)
target_link_libraries(asl_vm_tests PRIVATE asl_front asl_bytecode)
