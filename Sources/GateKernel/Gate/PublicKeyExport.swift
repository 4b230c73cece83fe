/// The site's public keys as `colopass keys export-public` writes them and `gate-check init --keys`
/// reads them: one type for both ends, on the service's JSON wire (`JSONCoding`, snake_case).
public struct PublicKeyExport: Codable, Sendable {
    public struct Key: Codable, Sendable {
        public var id: Int64
        public var publicKey: String
        public var status: String

        public init(id: Int64, publicKey: String, status: String) {
            self.id = id
            self.publicKey = publicKey
            self.status = status
        }
    }

    public var site: String
    public var keys: [Key]

    public init(site: String, keys: [Key]) {
        self.site = site
        self.keys = keys
    }
}
