# JSONPath and intrinsic-function parsers of asl_lang.
target_sources(asl_lang PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/jsonpath_parser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/intrinsic_parser.cpp
)
