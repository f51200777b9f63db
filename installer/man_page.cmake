# Writes the eikona-cli(1) man page from the program's own --help texts (the overview and every
# command's), so the page never drifts from the program. Run at build time:
#   cmake -DCLI=path/to/eikona-cli -DVERSION=x.y.z -DDATE=YYYY-MM-DD -DOUT=eikona-cli.1 -P man_page.cmake

function(help_of out)
  execute_process(COMMAND "${CLI}" ${ARGN} --help OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr RESULT_VARIABLE code)
  set(text "${stdout}${stderr}")
  if(text STREQUAL "")
    message(FATAL_ERROR "${CLI} ${ARGN} --help said nothing (exit ${code})")
  endif()
  # roff: a backslash is \e; a line may not start with a dot or an apostrophe.
  string(REPLACE "\\" "\\e" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

help_of(overview)
string(REGEX MATCH "Commands:\n(.*)\n\n" commands_block "${overview}")
string(REGEX MATCHALL "\n  [a-z][a-z-]*" commands "\n${CMAKE_MATCH_1}")

set(page ".TH EIKONA\\-CLI 1 \"${DATE}\" \"eikona-cli ${VERSION}\" \"User Commands\"
.SH NAME
eikona\\-cli \\- Stable Diffusion 1.5 on your own computer, from the terminal
.SH SYNOPSIS
.B eikona\\-cli
.I COMMAND
.RI [ OPTIONS ]
.br
.B eikona\\-cli
.RB [ \\-\\-help | \\-\\-version ]
.SH DESCRIPTION
.nf
${overview}
.fi
.SH COMMANDS
")
foreach(command IN LISTS commands)
  string(STRIP "${command}" command)
  help_of(text ${command})
  string(APPEND page ".SS ${command}\n.nf\n${text}\n.fi\n")
endforeach()
string(APPEND page ".SH ENVIRONMENT
.TP
.B HF_HUB_CACHE, HF_HOME
Where downloaded models are kept: the Hugging Face cache that diffusers uses.
.TP
.B HF_ENDPOINT
The model hub to download from.
.TP
.B HF_HUB_OFFLINE
When 1, nothing is downloaded.
.SH SEE ALSO
.BR eikona (1)
")
file(WRITE "${OUT}" "${page}")
