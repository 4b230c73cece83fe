import Foundation
import GRDB

extension GateExchange {
    /// A card holder's photo for a gate's replica (R1: the guard's role, operateGate). Only a
    /// photo some person has on file is served this way: a gate never reads ID copies or letters,
    /// whatever hash it asks for.
    public func gatePhoto(sha256: String, by actor: Actor) throws -> [UInt8] {
        let sha = sha256.lowercased()
        guard sha.count == 64, sha.allSatisfy(\.isHexDigit) else {
            throw CoreError.invalid("sha256", zh: "应为 64 位十六进制", en: "64 hexadecimal digits")
        }
        let known = try read(actor, .operateGate) { db in
            try Person.filter(Person.Columns.photo == sha).fetchCount(db) > 0
        }
        guard known, let data = FileManager.default.contents(atPath: documents.path(of: sha)) else {
            throw CoreError.notFound(entity: "photo", key: sha)
        }
        return Array(data)
    }
}
