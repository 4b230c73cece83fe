#ifndef COLOPASS_CCURL_SHIM_H
#define COLOPASS_CCURL_SHIM_H
#include <curl/curl.h>

// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call: one typed
// wrapper per argument kind.
static inline CURLcode colopass_curl_set_long(CURL *curl, CURLoption option, long value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode colopass_curl_set_string(CURL *curl, CURLoption option, const char *value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode colopass_curl_set_pointer(CURL *curl, CURLoption option, void *value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode colopass_curl_set_list(CURL *curl, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(curl, option, value);
}
typedef size_t (*colopass_curl_io)(char *buffer, size_t size, size_t count, void *context);
static inline CURLcode colopass_curl_set_io(CURL *curl, CURLoption option, colopass_curl_io value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode colopass_curl_response_code(CURL *curl, long *code) {
    return curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, code);
}
static inline CURLcode colopass_curl_global_init(void) { return curl_global_init(CURL_GLOBAL_DEFAULT); }
#endif
