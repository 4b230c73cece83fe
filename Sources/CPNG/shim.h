#ifndef COLOPASS_CPNG_SHIM_H
#define COLOPASS_CPNG_SHIM_H
#include <png.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// libpng reports errors by longjmp, which Swift cannot survive; the whole encode therefore
// lives here in C, and Swift sees only a success flag and a malloc'd byte buffer.

struct colopass_png_buffer {
    uint8_t *bytes;
    size_t length;
    size_t capacity;
};

static inline void colopass_png_write(png_structp png, png_bytep data, png_size_t length) {
    struct colopass_png_buffer *buffer = (struct colopass_png_buffer *)png_get_io_ptr(png);
    if (length > SIZE_MAX - buffer->length) png_error(png, "PNG too large");
    size_t needed = buffer->length + length;
    if (needed > buffer->capacity) {
        size_t capacity = buffer->capacity ? buffer->capacity : 4096;
        while (capacity < needed) {
            if (capacity > SIZE_MAX / 2) { capacity = needed; break; }
            capacity *= 2;
        }
        uint8_t *grown = (uint8_t *)realloc(buffer->bytes, capacity);
        if (grown == NULL) png_error(png, "out of memory");
        buffer->bytes = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->bytes + buffer->length, data, length);
    buffer->length = needed;
}

// The default flush treats the io pointer as a FILE*, which ours is not.
static inline void colopass_png_flush(png_structp png) { (void)png; }

// Silence libpng's stderr chatter; failures surface as the return value instead.
static inline void colopass_png_error(png_structp png, png_const_charp message) {
    (void)message;
    png_longjmp(png, 1);
}
static inline void colopass_png_warning(png_structp png, png_const_charp message) {
    (void)png;
    (void)message;
}

/// Encodes `width`×`height` 8-bit grayscale pixels (row-major, no padding) as a PNG.
/// Returns 1 and hands over a malloc'd buffer (release with colopass_png_free) or 0 on failure.
static inline int colopass_png_encode_gray8(const uint8_t *pixels, uint32_t width, uint32_t height,
                                            uint8_t **out_bytes, size_t *out_length) {
    *out_bytes = NULL;
    *out_length = 0;
    if (pixels == NULL || width == 0 || height == 0) return 0;

    // Heap-allocated so its contents stay well-defined across longjmp.
    struct colopass_png_buffer *buffer =
        (struct colopass_png_buffer *)calloc(1, sizeof(struct colopass_png_buffer));
    if (buffer == NULL) return 0;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL,
                                              colopass_png_error, colopass_png_warning);
    if (png == NULL) { free(buffer); return 0; }
    png_infop info = png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_write_struct(&png, NULL);
        free(buffer);
        return 0;
    }
    // Only png, info and buffer are used after a longjmp, and none changes after this point.
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(buffer->bytes);
        free(buffer);
        return 0;
    }
    png_set_write_fn(png, buffer, colopass_png_write, colopass_png_flush);
    png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (uint32_t y = 0; y < height; y++) {
        png_write_row(png, (png_const_bytep)(pixels + (size_t)y * width));
    }
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);

    *out_bytes = buffer->bytes;
    *out_length = buffer->length;
    free(buffer);
    return 1;
}

static inline void colopass_png_free(uint8_t *bytes) { free(bytes); }
#endif
