# Precompiled headers for the heavy third-party headers, so each translation unit stops parsing
# them again: nlohmann/json.hpp (about 2 s of compiler time per file, and nearly every file includes
# it through core/json/value.h) and, in the test executables, gtest/gtest.h (about 1.3 s).
# Only the build gets faster: the header is compiled once per target with that target's own flags
# (sanitizers, -Werror, definitions), and a compiler that rejects the .pch reads the header instead.
# -DPM_PRECOMPILE_HEADERS=OFF turns them off (e.g. to check that every file includes what it uses).
option(PM_PRECOMPILE_HEADERS "Precompile nlohmann/json.hpp (and gtest.h in tests) per target" ON)

# pm_precompile_headers(target [GTEST]): json.hpp, and gtest.h with GTEST, for the target's files.
function(pm_precompile_headers target)
  if(NOT PM_PRECOMPILE_HEADERS)
    return()
  endif()
  cmake_parse_arguments(ARG "GTEST" "" "" ${ARGN})
  target_precompile_headers(${target} PRIVATE <nlohmann/json.hpp>)
  if(ARG_GTEST)
    target_precompile_headers(${target} PRIVATE <gtest/gtest.h>)
  endif()
endfunction()
