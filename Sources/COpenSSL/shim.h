#ifndef COLOPASS_COPENSSL_SHIM_H
#define COLOPASS_COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/kdf.h>
#include <openssl/sha.h>
#include <openssl/hmac.h>

// Function-like macros do not import into Swift; these wrappers stand in for them.
static inline void colopass_openssl_free(void *p) { OPENSSL_free(p); }
#endif
