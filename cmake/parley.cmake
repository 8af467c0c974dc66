# parley_add_test(NAME SOURCES... LIBS lib...)
# One GoogleTest executable per stage; tests are discovered by ctest.
function(parley_add_test name)
  if(NOT PARLEY_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gmock GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE
    PARLEY_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  gtest_discover_tests(${name} WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
    PROPERTIES ENVIRONMENT "PARLEY_SOURCE_DIR=${CMAKE_SOURCE_DIR}" DISCOVERY_TIMEOUT 60)
endfunction()

# parley_stage(NAME DEPS dep...)
# One folder = one pipeline stage = one static library `parley_NAME`, built
# from every *.cc in the folder except *_test.cc and *_bench.cc; the tests
# (*_test.cc) form one executable `parley_NAME_test`.
function(parley_stage name)
  cmake_parse_arguments(ARG "" "" "DEPS;TEST_DEPS" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  file(GLOB tests CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cc)
  file(GLOB benches CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_bench.cc)
  if(tests)
    list(REMOVE_ITEM srcs ${tests})
  endif()
  if(benches)
    list(REMOVE_ITEM srcs ${benches})
  endif()
  if(NOT srcs)
    # A stage with headers only so far.
    add_library(parley_${name} INTERFACE)
    target_include_directories(parley_${name} INTERFACE
      ${CMAKE_SOURCE_DIR}/include ${CMAKE_SOURCE_DIR}/src)
    target_link_libraries(parley_${name} INTERFACE ${ARG_DEPS})
  else()
    add_library(parley_${name} STATIC ${srcs})
    target_include_directories(parley_${name} PUBLIC
      ${CMAKE_SOURCE_DIR}/include ${CMAKE_SOURCE_DIR}/src)
    target_link_libraries(parley_${name} PUBLIC ${ARG_DEPS})
    target_compile_definitions(parley_${name} PRIVATE
      PARLEY_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  endif()
  if(tests)
    parley_add_test(parley_${name}_test SOURCES ${tests}
      LIBS parley_${name} ${ARG_TEST_DEPS})
  endif()
endfunction()
