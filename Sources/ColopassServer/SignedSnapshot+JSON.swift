import ColopassCore

/// A page of a gate's snapshot is a few MiB of signed text; the encoder escaped it character by
/// character through its generic string path. The bytes are those `JSONCoding.encoder` writes.
extension SignedSnapshot: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("body", body)
            json.field("signatures", signatures)
        }
    }
}

extension SignedSnapshot.Signature: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("key_id", keyId)
            json.field("signature", signature)
        }
    }
}
