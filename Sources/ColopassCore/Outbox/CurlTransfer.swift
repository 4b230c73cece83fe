import CCurl
import Foundation

/// One libcurl transfer: an SMTP submission or an HTTP POST. libcurl speaks SMTP (with STARTTLS
/// and AUTH) and HTTP for us; nothing here speaks either protocol by hand.
struct CurlTransfer {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private static let initialised: Bool = {
        colopass_curl_global_init()
        return true
    }()

    /// The bytes libcurl reads as the request's body (the message or the JSON).
    private final class Upload {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    /// Runs `configure` on a fresh handle, uploads `body` through the read callback and returns
    /// the HTTP status (0 for SMTP). A transport failure throws with libcurl's own message.
    static func perform(
        url: String, body: [UInt8], timeoutSeconds: Int = 10, configure: (UnsafeMutableRawPointer) throws -> Void
    ) throws -> Int {
        _ = initialised
        guard let handle = curl_easy_init() else { throw Failure(description: "curl_easy_init failed") }
        defer { curl_easy_cleanup(handle) }
        let upload = Upload(body)
        let context = Unmanaged.passRetained(upload)
        defer { context.release() }
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        try errorBuffer.withUnsafeMutableBufferPointer { errors in
            _ = colopass_curl_set_string(handle, CURLOPT_URL, url)
            _ = colopass_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
            _ = colopass_curl_set_long(handle, CURLOPT_TIMEOUT, timeoutSeconds)
            _ = colopass_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT, timeoutSeconds)
            _ = colopass_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errors.baseAddress)
            _ = colopass_curl_set_io(handle, CURLOPT_READFUNCTION) { buffer, size, count, context in
                let upload = Unmanaged<Upload>.fromOpaque(context!).takeUnretainedValue()
                let n = min(size * count, upload.bytes.count - upload.offset)
                upload.bytes.withUnsafeBufferPointer { source in
                    buffer!.withMemoryRebound(to: UInt8.self, capacity: n) { target in
                        target.update(from: source.baseAddress! + upload.offset, count: n)
                    }
                }
                upload.offset += n
                return n
            }
            _ = colopass_curl_set_pointer(handle, CURLOPT_READDATA, context.toOpaque())
            // The answer's body is not needed, and libcurl would print it to standard output.
            _ = colopass_curl_set_io(handle, CURLOPT_WRITEFUNCTION) { _, size, count, _ in size * count }
            try configure(handle)
            let code = curl_easy_perform(handle)
            guard code == CURLE_OK else {
                let detail = String(cString: errors.baseAddress!)
                throw Failure(description: detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail)
            }
        }
        var status = 0
        _ = colopass_curl_response_code(handle, &status)
        return status
    }
}
