import ColopassCore

/// `GET /api/cards/{number}` is the route clients poll; its view is written by hand, keys in
/// sorted order, as `JSONCoding.encoder` writes it.
extension CardView: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("card", card)
            json.field("client_name", clientName)
            json.field("holder_masked_id", holderMaskedID)
            json.field("holder_name", holderName)
            json.field("status", status)
        }
    }
}

extension Card: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("cancel_reason", cancelReason)
            json.field("cancelled_at", cancelledAt)
            json.field("client_id", clientId)
            json.field("contract_id", contractId)
            json.field("credential", credential)
            json.field("generation", Int64(generation))
            json.field("id", id)
            json.field("issued_at", issuedAt)
            json.field("issued_by", issuedBy)
            json.field("key_id", keyId)
            json.field("loss_letter", lossLetter)
            json.field("lost_at", lostAt)
            json.field("number", number)
            json.field("person_id", personId)
            json.field("returned_at", returnedAt)
            json.field("status", status.rawValue)
            json.field("valid_from", validFrom)
            json.field("valid_until", validUntil)
        }
    }
}
