# Warnings for the project's own targets (not for third-party sources such as Dear ImGui).
# In CI (CI=true in the environment when the tree is configured, as CI services set it) or with
# -DPM_WERROR=ON they are errors, so a warning cannot land unnoticed; locally they stay warnings.
option(PM_WERROR "Treat warnings in the project's own code as errors" OFF)
if("$ENV{CI}" STREQUAL "true")
  set(PM_WERROR ON CACHE BOOL "Treat warnings in the project's own code as errors" FORCE)
endif()

function(pm_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor)
  if(PM_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
