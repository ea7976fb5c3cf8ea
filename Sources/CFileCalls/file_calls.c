#define _GNU_SOURCE
#include "file_calls.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>

#if defined(__linux__)
#include <sys/syscall.h>
#include <unistd.h>
#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif
#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif
static int rename_with_flags(const char *first, const char *second, unsigned flags) {
#ifdef SYS_renameat2
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, flags);
#else
    (void)first; (void)second; (void)flags;
    errno = ENOSYS;
    return -1;
#endif
}
int casebook_exchange_paths(const char *first, const char *second) {
    return rename_with_flags(first, second, RENAME_EXCHANGE);
}
int casebook_rename_unless_taken(const char *first, const char *second) {
    return rename_with_flags(first, second, RENAME_NOREPLACE);
}
#elif defined(__APPLE__)
int casebook_exchange_paths(const char *first, const char *second) {
    return renamex_np(first, second, RENAME_SWAP);
}
int casebook_rename_unless_taken(const char *first, const char *second) {
    return renamex_np(first, second, RENAME_EXCL);
}
#else
int casebook_exchange_paths(const char *first, const char *second) {
    (void)first; (void)second;
    errno = ENOSYS;
    return -1;
}
int casebook_rename_unless_taken(const char *first, const char *second) {
    (void)first; (void)second;
    errno = ENOSYS;
    return -1;
}
#endif

long long casebook_copy_range(int from, long long offset, int to, long long count) {
#if defined(__linux__) && defined(SYS_copy_file_range)
    long long in = offset;
    return (long long)syscall(SYS_copy_file_range, from, &in, to, NULL, (size_t)count, 0u);
#else
    (void)from; (void)offset; (void)to; (void)count;
    errno = ENOSYS;
    return -1;
#endif
}
