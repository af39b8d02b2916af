# Choice-rule evaluation of asl_runtime, with the timestamp, glob and string-order helpers it
# shares with Wait states and other evaluators.
target_sources(asl_runtime PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/choice_condition.cpp
  ${CMAKE_CURRENT_LIST_DIR}/choice_eval.cpp
  ${CMAKE_CURRENT_LIST_DIR}/string_match.cpp
  ${CMAKE_CURRENT_LIST_DIR}/timestamp.cpp
  ${CMAKE_CURRENT_LIST_DIR}/utf16_order.cpp
)
