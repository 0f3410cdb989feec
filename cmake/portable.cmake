# Portable builds: compile for an x86-64 level every machine of a classroom has, instead of the
# build machine's own CPU (-march=native, ATTN_NATIVE). A package must use one (tools/build_deb.sh
# passes -DATTN_NATIVE=OFF -DATTN_CPU_BASELINE=x86-64-v3): a -march=native binary built on a
# recent CPU stops with "Illegal instruction" on an older one.
#
#   x86-64-v2  SSE4.2 and POPCNT: every x86-64 PC since about 2009
#   x86-64-v3  AVX2, FMA, BMI2: Intel since Haswell (2013), AMD since Excavator (2015); not the
#              Atom-class Pentium and Celeron of some cheap laptops
#
# Either way the programs check at start-up that the CPU has what the build uses
# (app/cpu_check.cpp) and say so in one line instead of crashing. README, Install, gives the
# speed of each level against a native build. Included by the top-level CMakeLists.txt right after
# ATTN_NATIVE has been applied, so before any target is made.
set(ATTN_CPU_BASELINE "" CACHE STRING
    "Compile for this x86-64 level instead of the build machine's CPU (x86-64-v2 or x86-64-v3; needs ATTN_NATIVE=OFF)")
set_property(CACHE ATTN_CPU_BASELINE PROPERTY STRINGS "" x86-64-v2 x86-64-v3)
if(ATTN_CPU_BASELINE)
  if(NOT ATTN_CPU_BASELINE MATCHES "^x86-64-v[234]$")
    message(FATAL_ERROR "ATTN_CPU_BASELINE is x86-64-v2, x86-64-v3 or x86-64-v4, not '${ATTN_CPU_BASELINE}'")
  endif()
  if(ATTN_NATIVE)
    message(FATAL_ERROR "ATTN_CPU_BASELINE=${ATTN_CPU_BASELINE} and ATTN_NATIVE=ON contradict each "
                        "other: configure with -DATTN_NATIVE=OFF for a portable build")
  endif()
  # -mtune=generic: scheduled for no CPU in particular, as Debian's own packages are.
  add_compile_options(-march=${ATTN_CPU_BASELINE} -mtune=generic)
endif()
