# Fails the build when a file of a room includes a project header from a room its CMake target
# does not link (the rooms' link order is the direction data flows; see README, "Rooms").
# Called by kz_check_room_includes() in CMakeLists.txt with ROOM (the target), FILES (its sources
# and headers), ALLOWED (the folders it may include from), ROOTS (the project folders whose
# headers are checked), each list separated by |, and STAMP (written when all is well).
cmake_minimum_required(VERSION 3.25)
string(REPLACE "|" ";" allowed "${ALLOWED}")
string(REPLACE "|" ";" roots "${ROOTS}")
string(REPLACE "|" ";" files "${FILES}")
set(bad "")
foreach(f ${files})
  file(STRINGS "${f}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
  foreach(line ${lines})
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]+)\".*" "\\1" header "${line}")
    string(REGEX MATCH "^[^/]+" top "${header}")
    if(NOT top IN_LIST roots)
      continue()
    endif()
    get_filename_component(folder "${header}" DIRECTORY)
    if(NOT folder IN_LIST allowed)
      file(RELATIVE_PATH rel "${SOURCE}" "${f}")
      string(APPEND bad "  ${rel} includes ${header}, but ${ROOM} does not link the room ${folder}\n")
    endif()
  endforeach()
endforeach()
if(bad)
  string(REPLACE ";" ", " may "${allowed}")
  message(FATAL_ERROR "include across rooms:\n${bad}${ROOM} may include from: ${may}\n"
                      "Link the room in CMake (if data really flows that way) or move the code.")
endif()
file(WRITE "${STAMP}" "ok\n")
