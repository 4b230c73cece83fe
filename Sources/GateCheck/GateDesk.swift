import GateKernel
import Foundation
import GRDB

/// One door, one direction: decides each scan from the replica and records it.
///
/// The credential itself is decided by the core's one verifier; the desk adds what only a door
/// knows: stale data (G1), anti-passback (G2), an exit slip's direction and single use (Q4), and
/// the guard's confirmations (Q4, C6). Every decision is written durably before it is returned.
public final class GateDesk: @unchecked Sendable {
    public let replica: Replica
    public let gate: String
    public let direction: GateEvent.Direction
    let clock: Clock
    private var keys: [Int64: Ed25519PublicKey]
    private var state: ReplicaState
    private var verifier: CredentialVerifier
    /// SQLite's count of commits by other connections when keys and rules were last read: a
    /// `gate-check run` beside this desk applies deltas, and the next scan sees them.
    private var seenDataVersion: Int64?
    /// The keys' stored form when they were built: making an OpenSSL key costs more than a scan's
    /// SQL, and most commits beside the desk (events uploaded, a delta) leave the keys alone.
    private var keyHex: [Int64: String] = [:]

    public init(replica: Replica, gate: String, direction: GateEvent.Direction, clock: Clock = .system) throws {
        self.replica = replica
        self.gate = gate
        self.direction = direction
        self.clock = clock
        keys = try replica.trustedKeys()
        state = try replica.state()
        verifier = CredentialVerifier(site: state.rules?.site ?? "")
    }

    /// Re-reads keys and rules after a sync.
    public func reload() throws {
        keys = try replica.trustedKeys()
        state = try replica.state()
        verifier = CredentialVerifier(site: state.rules?.site ?? "")
    }

    /// Decides a scan. `confirm` is asked only when the credential is otherwise good and the
    /// rules want the guard's word (exit slips, emergency passes); `record: false` is for the
    /// benchmark's decision-only figure and never used at a door.
    public func decide(
        _ scanned: String, confirm: (GateQuestion, GateEntry) -> Bool = { _, _ in false }, record: Bool = true
    ) throws -> GateDecision {
        let now = clock.now()
        let body = { (db: Database) throws -> GateDecision in
            try self.reloadIfChanged(db)
            let stale = self.state.isStale(at: now)
            let aging = self.state.isAging(at: now)
            let rules = self.state.rules
            // One parse and one row read per scan: the verifier's status lookup fetches the entry
            // and the desk reuses it.
            let records = ReplicaRecords(db: db, keys: self.keys, timeZone: self.state.timeZone)
            let signed = SignedCredential.parse(scanned)
            let verdict = try signed.map { try self.verifier.verify($0, at: now, records: records) } ?? .denied(.unreadable)
            let credential = signed?.credential
            let entry = records.lastEntry
            var deny = verdict.denyReason
            var warnings: [DenyReason] = []
            var confirmed = false
            // Rules this build cannot read: no scan is judged on a guess.
            if deny == nil, signed != nil, rules?.unknownValues.isEmpty == false { deny = .replicaNewer }
            if deny == nil, let credential, let entry {
                if stale {
                    if rules?.staleReplicaMode == .warn || credential.kind == .emergencyPass {
                        warnings.append(.staleReplica)
                    } else {
                        deny = .staleReplica
                    }
                }
                if deny == nil {
                    (deny, confirmed) = try self.doorRules(credential, entry, rules, confirm, &warnings, db)
                }
            }
            // G3: at the way out, a genuine credential stopped since (or data too old to say)
            // lets its holder out, and the guard is alerted; the event carries the clause.
            var letOut: DenyReason?
            if let reason = deny, self.direction == .out, let credential, credential.kind != .exitSlip,
                reason.yieldsToLeaving
            {
                letOut = reason
                deny = nil
                warnings.insert(reason, at: 0)
            }
            if aging { warnings.append(.replicaAging) }
            let event = GateEvent(
                id: Self.eventID(), gate: self.gate, direction: self.direction, at: now, kind: credential?.kind,
                credentialId: credential?.credentialId, generation: credential?.generation,
                result: deny == nil ? .granted : .denied, reason: (deny ?? warnings.first)?.rawValue,
                clause: (deny ?? warnings.first)?.clause.code, confirmed: confirmed, holderName: entry?.holderName)
            if record {
                try Self.write(event, db)
                if deny == nil, credential?.kind == .exitSlip, var used = entry {
                    used.state = .used
                    try Replica.store(used, db)
                }
            }
            return GateDecision(
                event: event, denyReason: deny, warnings: warnings, entry: entry, credential: credential, stale: stale,
                lastSync: self.state.lastSync, photoPath: entry?.photo.map { self.replica.photoPath($0) },
                letOut: letOut, aging: aging, staleAt: self.state.staleAt, photo: entry?.photo)
        }
        // A door always records (write transaction, durable). The decision-only path is for
        // measurement: the same reads on the same connection as the door's, and two single-row
        // reads need no transaction around them. (Borrowing a reader from the pool instead
        // cost more than the two reads.)
        return try record ? replica.pool.write(body) : replica.pool.writeWithoutTransaction(body)
    }

    /// Keys and rules again when another connection (a `run` beside this desk) has committed:
    /// `PRAGMA data_version` moves only then, and costs no read of the tables.
    private func reloadIfChanged(_ db: Database) throws {
        let version = try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0
        guard version != seenDataVersion else { return }
        let hex = try Replica.trustedKeyHex(db)
        if hex != keyHex {
            keys = try Replica.keys(fromHex: hex)
            keyHex = hex
        }
        state = try Replica.state(db)
        verifier = CredentialVerifier(site: state.rules?.site ?? "")
        seenDataVersion = version
    }

    /// Direction, anti-passback and the guard's confirmations. Returns a deny reason (or nil)
    /// and whether the guard confirmed.
    private func doorRules(
        _ credential: Credential, _ entry: GateEntry, _ rules: GateSnapshot.Rules?,
        _ confirm: (GateQuestion, GateEntry) -> Bool, _ warnings: inout [DenyReason], _ db: Database
    ) throws -> (DenyReason?, Bool) {
        switch credential.kind {
        case .exitSlip:
            let repair = entry.slipPurpose == .repair
            guard direction == .out else { return (repair ? .repairWrongDirection : .wrongDirection, false) }
            if confirm(.slipMatches, entry) { return (nil, true) }
            return (repair ? .repairSlipNotConfirmed : .slipNotConfirmed, false)
        case .emergencyPass:
            if direction == .in, !confirm(.idShown, entry) { return (.idNotConfirmed, false) }
            return (nil, direction == .in)
        case .accessCard, .temporaryPass:
            guard direction == .in, let mode = rules?.antiPassback, mode != .off,
                try Self.isInside(credential.kind, credential.credentialId, db)
            else { return (nil, false) }
            if mode == .deny { return (.passback, false) }
            warnings.append(.passback)
            return (nil, false)
        }
    }

    /// The credential's last granted passage was inwards.
    static func isInside(_ kind: CredentialKind, _ id: UInt32, _ db: Database) throws -> Bool {
        // Cached statements here and in `write`: compiling SQL costs as much as the lookup itself,
        // and a door decides one scan after another.
        try String.fetchOne(
            try db.cachedStatement(
                sql: """
                    SELECT direction FROM event WHERE kind = ? AND credential_id = ? AND result = 'granted'
                    ORDER BY at DESC LIMIT 1
                    """), arguments: [kind.rawValue, id]) == GateEvent.Direction.in.rawValue
    }

    static func write(_ event: GateEvent, _ db: Database) throws {
        try db.cachedStatement(sql: insertEvent).execute(arguments: GateEventRow.arguments(event))
    }

    private static let insertEvent = GateEventRow.insert(into: "event")

    /// A random (version 4) UUID, as `UUID()` makes, from OpenSSL's generator: Foundation's opens,
    /// reads and closes /dev/urandom for each one, three system calls on every scan.
    static func eventID() -> String {
        var b = SecureRandom.bytes(16)
        b[6] = b[6] & 0x0F | 0x40  // version 4
        b[8] = b[8] & 0x3F | 0x80  // RFC 4122 variant
        return UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
            .uuidString
    }
}
