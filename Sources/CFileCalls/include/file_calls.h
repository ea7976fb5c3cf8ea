#ifndef CASEBOOK_FILE_CALLS_H
#define CASEBOOK_FILE_CALLS_H

/// File-system calls Swift's Glibc module does not offer.

/// Atomically exchanges two paths (both must exist). Returns 0 on success, -1 with errno set otherwise,
/// including on systems without an exchange call, where the caller falls back to two renames.
int casebook_exchange_paths(const char *first, const char *second);

/// Renames `first` to `second` unless `second` exists. Returns 0 on success, -1 with errno set otherwise (EEXIST
/// when `second` exists), including on systems without such a call.
int casebook_rename_unless_taken(const char *first, const char *second);

/// Copies up to `count` bytes of the file open as `from`, from `offset`, to the file open as `to` at its position,
/// in the kernel (Linux's copy_file_range), which moves its position on. Returns the bytes copied (fewer than asked
/// when interrupted or at the end of `from`), or -1 with errno set, including on systems without such a call, where
/// the caller writes the bytes itself.
long long casebook_copy_range(int from, long long offset, int to, long long count);

#endif
