#ifndef CASEBOOK_LIBFUZZER_DRIVER_H
#define CASEBOOK_LIBFUZZER_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, present when linking with -sanitize=fuzzer (LLVM 11 and later).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
