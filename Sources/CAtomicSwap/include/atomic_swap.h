#ifndef CASEBOOK_ATOMIC_SWAP_H
#define CASEBOOK_ATOMIC_SWAP_H

/// Atomically exchanges two paths (both must exist). Returns 0 on success, -1 with errno set otherwise,
/// including on systems without an exchange call, where the caller falls back to two renames.
int casebook_exchange_paths(const char *first, const char *second);

#endif
