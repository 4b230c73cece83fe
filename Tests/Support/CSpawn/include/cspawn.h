#ifndef CSPAWN_H
#define CSPAWN_H
#include <spawn.h>

/// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), which Swift's Glibc module does
/// not declare: the child closes every descriptor from `from` on, so it inherits none of the
/// test process's pipes and databases.
int cspawn_addclosefrom(posix_spawn_file_actions_t *actions, int from);

/// glibc's `posix_spawn_file_actions_addchdir_np` (2.29+).
int cspawn_addchdir(posix_spawn_file_actions_t *actions, const char *path);

#endif
