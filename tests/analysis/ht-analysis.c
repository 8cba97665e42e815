/*
** ht-analysis.c -- the analysis commands without the VM: `ht-analysis
** report|leaks|flame|diff ARGS...` calls the same functions as `heaptrail
** report|leaks|flame|diff`.  The shell tests use it only while the heaptrail
** program does not dispatch those commands yet (tests/analysis/lib.sh).
*/
#include <stdio.h>
#include <string.h>
#include "analysis.h"

int main(int argc, char **argv) {
  if (argc >= 2) {
    if (!strcmp(argv[1], "report")) return ht_cmd_report(argc - 1, argv + 1);
    if (!strcmp(argv[1], "leaks")) return ht_cmd_leaks(argc - 1, argv + 1);
    if (!strcmp(argv[1], "flame")) return ht_cmd_flame(argc - 1, argv + 1);
    if (!strcmp(argv[1], "diff")) return ht_cmd_diff(argc - 1, argv + 1);
  }
  fprintf(stderr, "usage: ht-analysis report|leaks|flame|diff ARGS...\n");
  return 2;
}
