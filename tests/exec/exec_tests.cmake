# The execution services of runtime/exec on their own: the local object store, the distributed
# Map's ItemReader, ItemBatcher and ResultWriter, task timers and resource names. Runtime only,
# so they also run in a build without the compiler.
asl_add_test_exe(asl_exec_tests
  ${CMAKE_CURRENT_LIST_DIR}/object_store_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/item_reader_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/item_batcher_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/result_writer_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/task_timer_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/task_resource_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/task_chain_test.cpp
)
target_link_libraries(asl_exec_tests PRIVATE asl_runtime)
