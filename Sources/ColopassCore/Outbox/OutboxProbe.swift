import CCurl
import Foundation

/// The benchmark's reference: the same libcurl sends the outbox makes, one after another, with
/// no database, no signing and no bookkeeping.
public enum OutboxProbe {
    public static func send(smtpURL: String, count: Int) throws {
        let message = Array("From: probe@idc.example\r\nTo: probe@idc.example\r\nSubject: probe\r\n\r\nprobe\r\n".utf8)
        let recipients = curl_slist_append(nil, "<probe@idc.example>")
        defer { curl_slist_free_all(recipients) }
        for _ in 0..<count {
            _ = try CurlTransfer.perform(url: smtpURL, body: message) { handle in
                _ = colopass_curl_set_string(handle, CURLOPT_MAIL_FROM, "<probe@idc.example>")
                _ = colopass_curl_set_list(handle, CURLOPT_MAIL_RCPT, recipients)
                _ = colopass_curl_set_long(handle, CURLOPT_UPLOAD, 1)
            }
        }
    }

    public static func post(url: String, count: Int) throws {
        let body = Array(#"{"probe":true}"#.utf8)
        let headers = curl_slist_append(curl_slist_append(nil, "Content-Type: application/json"), "Expect:")
        defer { curl_slist_free_all(headers) }
        for _ in 0..<count {
            _ = try CurlTransfer.perform(url: url, body: body) { handle in
                _ = colopass_curl_set_long(handle, CURLOPT_POST, 1)
                _ = colopass_curl_set_long(handle, CURLOPT_POSTFIELDSIZE, body.count)
                _ = colopass_curl_set_list(handle, CURLOPT_HTTPHEADER, headers)
            }
        }
    }
}
