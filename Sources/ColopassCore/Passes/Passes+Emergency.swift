import Foundation
import GRDB

extension Passes {
    /// C6: the data-center supervisor lets an active client's repair staff in for a short window
    /// starting now. Each person gets an emergency pass; the guard still checks their ID at the door.
    public func approveEmergency(_ input: NewEmergency, by actor: Actor) throws -> EmergencyView {
        let reason = try Validate.name(input.reason, field: "reason", max: 500)
        let staff = try CheckedVisitor.check(input.staff, field: "staff", today: clock.now())
        let reportedBy = try input.reportedBy.map { try Validate.name($0, field: "reported_by", max: 200) }
        guard input.hours.isFinite, input.hours > 0 else {
            throw CoreError.invalid("hours", zh: "时长须大于 0", en: "must be more than 0")
        }
        return try perform(actor, .approveEmergency, action: "emergency.approve") { tx in
            let client = try Registry.fetchClient(input.clientId, tx.db)
            guard client.status == .active else {
                throw policy.refusal(
                    C6.client, zh: "\(client.name) 不是在册的有效客户", en: "\(client.name) is not an active client")
            }
            let longest = policy.parameters.emergencyEntryMaxWindowHours
            guard input.hours <= Double(longest) else {
                throw policy.refusal(
                    C6.window, zh: "紧急进入时段最长 \(longest) 小时", en: "an emergency window is at most \(longest) hours")
            }
            let entry = EmergencyEntry(
                id: try Store.nextID(of: EmergencyEntry.databaseTableName, in: tx.db), clientId: client.id,
                reason: reason, reportedBy: reportedBy, windowStart: tx.now,
                windowEnd: tx.now.addingTimeInterval(input.hours * 3600), approvedBy: tx.actor.name, approvedAt: tx.now,
                reviewedBy: nil, reviewedAt: nil, reviewNote: nil, updatedAt: tx.now)
            try entry.insert(tx.db)
            try tx.audit("emergency.approve", "emergency_entry", key: String(entry.id), after: entry, clause: .C6)
            for person in staff {
                // C6 names no escort; the ID check at the door is its safeguard.
                _ = try issuePass(
                    EmergencyPassKind.self, requestId: entry.id, clientId: client.id, contractId: nil,
                    holder: PassHolder(
                        name: person.name, idType: person.document.type, idNumber: person.document.number),
                    from: entry.windowStart, until: entry.windowEnd, escortRequired: false, clause: .C6, in: tx)
            }
            return try emergencyView(entry, tx.db, at: tx.now)
        }
    }

    /// C6, after the fact: another supervisor reads the emergency and signs it off with a note.
    /// The approver may not review their own approval (R2): that would leave it unchecked.
    public func reviewEmergency(_ id: Int64, note: String, by actor: Actor) throws -> EmergencyView {
        let note = try Validate.name(note, field: "note", max: 1000)
        return try perform(actor, .reviewEmergency, action: "emergency.review") { tx in
            let before = try Self.fetchEmergency(id, tx.db)
            guard before.awaitsReview else {
                throw policy.refusal(
                    C6.reviewed, zh: "此紧急进入已由 \(before.reviewedBy ?? "") 复核",
                    en: "this emergency was already reviewed by \(before.reviewedBy ?? "")")
            }
            guard before.approvedBy != tx.actor.name else {
                throw policy.refusal(R2.ownRequest, zh: "不能复核自己批准的紧急进入", en: "no one reviews their own approval")
            }
            var entry = before
            entry.reviewedBy = tx.actor.name
            entry.reviewedAt = tx.now
            entry.reviewNote = note
            entry.updatedAt = tx.now
            try entry.update(tx.db)
            try tx.audit(
                "emergency.review", "emergency_entry", key: String(id), before: before, after: entry, clause: .C6)
            return try emergencyView(entry, tx.db, at: tx.now)
        }
    }

    /// C6: the guard saw the holder's ID document at the door and typed its number, which must be
    /// the one the supervisor approved. Who and when are kept on the pass for the gate.
    public func confirmEmergencyID(_ number: PassNumber.Of<EmergencyPassKind>, idNumber: String, by actor: Actor) throws -> EmergencyPass {
        let number = number.text
        let shown = idNumber.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        guard !shown.isEmpty else {
            throw CoreError.invalid("id_number", zh: "请输入所出示证件的号码", en: "type the number of the document shown")
        }
        return try perform(actor, .confirmAtGate, action: "emergency.confirm_id") { tx in
            let before = try Self.fetchPass(EmergencyPassKind.self, number: number, tx.db)
            guard before.isOpen(at: tx.now) else {
                throw policy.refusal(
                    C6.state, zh: "紧急通行证已是 \(before.statusLabel(at: tx.now)) 状态",
                    en: "the emergency pass is \(before.statusLabel(at: tx.now))")
            }
            guard before.idConfirmedAt == nil else {
                throw policy.refusal(
                    C6.state, zh: "证件已由 \(before.idConfirmedBy ?? "") 核验",
                    en: "the ID was already checked by \(before.idConfirmedBy ?? "")")
            }
            guard shown == before.idNumber else {
                throw policy.refusal(
                    C6.idMismatch, zh: "所出示证件与批准的证件不符", en: "the document shown is not the one approved")
            }
            var pass = before
            pass.idConfirmedBy = tx.actor.name
            pass.idConfirmedAt = tx.now
            pass.updatedAt = tx.now
            try pass.update(tx.db)
            try tx.audit(
                "emergency_pass.confirm_id", EmergencyPassKind.table, key: number, before: before.masked,
                after: pass.masked, clause: .C6)
            try logVisit(VisitLogEntry(.idConfirmed, pass: pass, at: tx.now, by: tx.actor.name), in: tx)
            return pass.masked
        }
    }
}
