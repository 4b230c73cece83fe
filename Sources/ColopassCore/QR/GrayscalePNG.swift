import CPNG

/// 8-bit grayscale PNG encoding through libpng: the one place that touches the C buffer.
public enum GrayscalePNG {
    public static func encode(_ pixels: [UInt8], width: Int, height: Int) throws(PNGEncodingFailure) -> [UInt8] {
        guard width > 0, height > 0, pixels.count == width * height else {
            throw PNGEncodingFailure(reason: "\(pixels.count) pixels do not fill \(width)×\(height)")
        }
        var bytes: UnsafeMutablePointer<UInt8>?
        var length = 0
        let ok = pixels.withUnsafeBufferPointer {
            colopass_png_encode_gray8($0.baseAddress, UInt32(width), UInt32(height), &bytes, &length)
        }
        guard ok == 1, let bytes else { throw PNGEncodingFailure(reason: "libpng failed") }
        defer { colopass_png_free(bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: length))
    }
}
