#ifndef COLOPASS_CQRENCODE_SHIM_H
#define COLOPASS_CQRENCODE_SHIM_H
#include <errno.h>
#include <stddef.h>
#include <qrencode.h>

/// QRcode_encodeString at ECC level M, case-sensitive, with errno captured in C: reading errno
/// from Swift afterwards is not reliable, since the runtime may touch it in between.
static inline QRcode *colopass_qrencode_string_m(const char *text, int *error_number) {
    errno = 0;
    QRcode *code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    *error_number = code == NULL ? errno : 0;
    return code;
}
#endif
