# JSONPath and intrinsic-function trees of asl_runtime.
target_sources(asl_runtime PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/path.cpp
  ${CMAKE_CURRENT_LIST_DIR}/intrinsic_table.cpp
)
