# embed_files(target dir glob output): compiles every file matching glob in dir
# into a C++ table `deltalabs::embedded::<target>()` of {name, contents} pairs, so
# the binary carries its migrations and runs from any working directory.
function(embed_files name dir glob output)
  file(GLOB files CONFIGURE_DEPENDS ${dir}/${glob})
  list(SORT files)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DNAME=${name} -DDIR=${dir} -DGLOB=${glob} -DOUTPUT=${output}
            -P ${CMAKE_SOURCE_DIR}/cmake/EmbedFilesScript.cmake
    DEPENDS ${files} ${CMAKE_SOURCE_DIR}/cmake/EmbedFilesScript.cmake
    COMMENT "Embedding ${glob} from ${dir}")
endfunction()
