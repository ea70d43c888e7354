# Third-party dependencies, all from Debian packages (see tools/setup):
#   nlohmann/json (header-only), Dear ImGui sources, and natively GLFW, OpenGL, libcurl, GoogleTest.

# nlohmann/json: Debian installs it under /usr/include. The web build must not see /usr/include as a
# whole (glibc headers would shadow Emscripten's libc), so expose only the nlohmann folder.
set(PM_JSON_INCLUDE "${CMAKE_BINARY_DIR}/json-include")
if(NOT EXISTS "${PM_JSON_INCLUDE}/nlohmann/json.hpp")
  if(NOT EXISTS /usr/include/nlohmann/json.hpp)
    message(FATAL_ERROR "nlohmann/json not found: run tools/setup (package nlohmann-json3-dev)")
  endif()
  file(MAKE_DIRECTORY "${PM_JSON_INCLUDE}")
  file(CREATE_LINK /usr/include/nlohmann "${PM_JSON_INCLUDE}/nlohmann" SYMBOLIC)
endif()
add_library(pm_json INTERFACE)
target_include_directories(pm_json SYSTEM INTERFACE "${PM_JSON_INCLUDE}")
if(PM_WEB)
  # Size is what a web user pays for: -Oz with LTO (measured: wasm gzip 381 KB at -O3, 287 KB here).
  # No RTTI: nothing uses typeid or dynamic_cast, and its type names and tables are dead weight.
  set(CMAKE_CXX_FLAGS_RELEASE "-Oz -flto -fno-rtti -DNDEBUG" CACHE STRING "" FORCE)
  set(CMAKE_C_FLAGS_RELEASE "-Oz -flto -DNDEBUG" CACHE STRING "" FORCE)
  set(CMAKE_EXE_LINKER_FLAGS_RELEASE "-Oz -flto" CACHE STRING "" FORCE)
  # Exceptions are off in the wasm build (size; a throw would abort the module). The core never
  # relies on them: it parses with allow_exceptions=false and checks every access.
  target_compile_definitions(pm_json INTERFACE JSON_NOEXCEPTION=1)
endif()

# Dear ImGui, compiled from Debian's source package (not committed).
if(NOT EXISTS "${PM_IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in ${PM_IMGUI_DIR}: run tools/setup")
endif()
add_library(imgui STATIC
  ${PM_IMGUI_DIR}/imgui.cpp ${PM_IMGUI_DIR}/imgui_draw.cpp
  ${PM_IMGUI_DIR}/imgui_tables.cpp ${PM_IMGUI_DIR}/imgui_widgets.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${PM_IMGUI_DIR})
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_DEMO_WINDOWS
  IMGUI_DISABLE_DEBUG_TOOLS)
if(PM_WEB)
  # The web panel keeps no .ini and writes no log file (no file system in the wasm either).
  target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_FILE_FUNCTIONS)
endif()

# The GLFW + OpenGL 3 backends, for the apps (the UI library itself needs no backend).
add_library(imgui_backend STATIC
  ${PM_IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${PM_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui_backend SYSTEM PUBLIC ${PM_IMGUI_DIR}/backends)
target_link_libraries(imgui_backend PUBLIC imgui)
if(PM_WEB)
  target_compile_options(imgui_backend PUBLIC "-sUSE_GLFW=3")
  target_link_options(imgui_backend PUBLIC "-sUSE_GLFW=3" "-sUSE_WEBGL2=1" "-sMIN_WEBGL_VERSION=2" "-sMAX_WEBGL_VERSION=2")
else()
  find_package(glfw3 3.3 REQUIRED)
  find_package(OpenGL REQUIRED)
  find_package(CURL REQUIRED)
  target_link_libraries(imgui_backend PUBLIC glfw OpenGL::GL ${CMAKE_DL_LIBS})
endif()
