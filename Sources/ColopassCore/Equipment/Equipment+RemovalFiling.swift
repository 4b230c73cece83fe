import Foundation
import GRDB

/// Someone named on a removal application to carry the equipment out (Q5).
public struct NewRemovalMover: Sendable {
    public var name: String?
    public var idType: String
    public var idNumber: String?
    /// Scan of the mover's ID copy (Q5 asks for it on the application).
    public var idCopyPath: String?

    public init(name: String?, idType: String = "resident_id", idNumber: String?, idCopyPath: String? = nil) {
        self.name = name
        self.idType = idType
        self.idNumber = idNumber
        self.idCopyPath = idCopyPath
    }
}

public struct NewRemovalRequest: Sendable {
    public var kind: RemovalRequest.Kind
    public var clientId: Int64
    /// Inventory numbers (`EQ-000012`) or serials, drawn from the client's own inventory.
    public var items: [String]
    public var removalDate: String
    /// Q5: the company named on the sealed application.
    public var companyName: String?
    public var movers: [NewRemovalMover]
    /// Q5: the sealed application (required); Q4: the equipment list (optional).
    public var applicationScanPath: String?
    public var note: String?

    public init(
        kind: RemovalRequest.Kind, clientId: Int64, items: [String], removalDate: String, companyName: String? = nil,
        movers: [NewRemovalMover] = [], applicationScanPath: String? = nil, note: String? = nil
    ) {
        self.kind = kind
        self.clientId = clientId
        self.items = items
        self.removalDate = removalDate
        self.companyName = companyName
        self.movers = movers
        self.applicationScanPath = applicationScanPath
        self.note = note
    }
}

extension Equipment {
    /// Q4, Q5: the client files what it wants to carry out, drawn from its own inventory (R3).
    public func fileRemoval(_ input: NewRemovalRequest, by actor: Actor) throws -> RemovalView {
        let form = try RemovalForm(input, today: today, now: clock.now(), documents: documents)
        let clause = input.kind.clause
        return try perform(actor, .fileRemoval, action: "removal.file") { tx in
            try tx.requireOwnClient(input.clientId)
            let client = try Registry.fetchClient(input.clientId, tx.db)
            let items = try removableItems(form.items, of: client, kind: input.kind, tx)
            let contract = try Contract.fetchOne(tx.db, key: items[0].contractId)!
            if input.kind == .repair {
                try requireRepairContract(contract, tx)
                guard form.companyName == client.name else {
                    throw policy.refusal(
                        Q5.company, zh: "申请单位“\(form.companyName ?? "")”与客户名称“\(client.name)”不符",
                        en: "the applying company '\(form.companyName ?? "")' is not the client '\(client.name)'")
                }
            }
            try requireMayMove(form.movers.map(\.document), of: client, kind: input.kind, tx)
            let id = try Store.nextID(of: RemovalRequest.databaseTableName, in: tx.db)
            let request = RemovalRequest(
                id: id, number: EquipmentNumber.make(EquipmentNumber.removal, id), kind: input.kind,
                clientId: client.id, contractId: contract.id, status: .filed, removalDate: form.date,
                companyName: form.companyName,
                applicationScan: try form.scan.map { try documents.store($0.bytes, type: $0.type, in: tx.db, at: tx.now) },
                note: form.note, filedAt: tx.now, filedBy: tx.actor.name, checkedAt: nil, checkedBy: nil,
                decidedAt: nil, decidedBy: nil, rejectReason: nil, cancelledAt: nil, cancelReason: nil, exitedAt: nil,
                returnedAt: nil, updatedAt: tx.now)
            try request.insert(tx.db)
            for item in items {
                try RemovalItem(
                    id: try Store.nextID(of: RemovalItem.databaseTableName, in: tx.db), requestId: id, itemId: item.id,
                    itemNumber: item.number, kind: item.kind, brand: item.brand, model: item.model, serial: item.serial,
                    quantity: item.quantity
                ).insert(tx.db)
            }
            for mover in form.movers {
                try RemovalMover(
                    id: try Store.nextID(of: RemovalMover.databaseTableName, in: tx.db), requestId: id, name: mover.name,
                    idType: mover.document.type, idNumber: mover.document.number,
                    idCopy: try mover.copy.map { try documents.store($0.bytes, type: $0.type, in: tx.db, at: tx.now) }
                ).insert(tx.db)
            }
            let view = try removalView(request, tx.db)
            try tx.audit("removal.file", "removal_request", key: request.number, after: view, clause: clause)
            return view
        }
    }

    /// R3, Q4/Q5: every item is the client's, hosted on site, not already on an open request, and
    /// all come under one contract (a request follows one contract's life, C9).
    func removableItems(_ references: [String], of client: Client, kind: RemovalRequest.Kind, _ tx: Transaction)
        throws -> [InventoryItem]
    {
        var items: [InventoryItem] = []
        for reference in references {
            let found = try? resolveItem(reference, tx.db)
            guard let item = found, item.clientId == client.id, item.status == .onSite else {
                throw policy.refusal(
                    kind.facet(Q4.notInInventory, Q5.notInInventory), zh: "\(reference) 不在 \(client.name) 的在架设备清单中",
                    en: "\(reference) is not in \(client.name)'s inventory on site")
            }
            guard !items.contains(where: { $0.id == item.id }) else {
                throw CoreError.invalid("items", zh: "\(reference) 重复列出", en: "\(reference) is listed twice")
            }
            items.append(item)
        }
        guard Set(items.map(\.contractId)).count == 1 else {
            throw CoreError.invalid("items", zh: "一份申请只能包含同一合同下的设备", en: "one request covers one contract's equipment")
        }
        let open = RemovalRequest.Status.allCases.filter(\.isOpen).map(\.rawValue)
        let pending = try Int.fetchOne(
            tx.db,
            sql: """
                SELECT COUNT(*) FROM removal_item JOIN removal_request ON removal_request.id = removal_item.request_id
                WHERE removal_item.item_id IN (\(items.map { String($0.id) }.joined(separator: ",")))
                AND removal_request.status IN (\(open.map { "'\($0)'" }.joined(separator: ",")))
                """) ?? 0
        guard pending == 0 else {
            throw policy.refusal(
                kind.facet(Q4.alreadyRequested, Q5.alreadyRequested), zh: "部分设备已在另一份未完成的搬出申请中",
                en: "some of this equipment is already on an open removal request")
        }
        return items
    }

    /// Q4/Q5: a mover who is one of the client's own people (same ID document) moves equipment
    /// only with the administrator's leave (may-move); movers from outside, named with their ID
    /// copy on the sealed application, are the application's matter.
    func requireMayMove(_ movers: [IDDocument], of client: Client, kind: RemovalRequest.Kind, _ tx: Transaction) throws {
        for mover in movers {
            let staff = try Person.filter(
                Person.Columns.clientId == client.id && Person.Columns.idType == mover.type.rawValue
                    && Person.Columns.idNumber == mover.number
            ).fetchOne(tx.db)
            guard let staff, !(staff.mayMove && staff.status == .active) else { continue }
            throw policy.refusal(
                kind.facet(Q4.mover, Q5.mover), zh: "\(staff.name) 未获客户管理员授权搬运设备",
                en: "\(staff.name) is not granted by the client's administrator to move equipment")
        }
    }

    /// Q5: equipment leaves for repair only on a contract in force, since it is coming back. A
    /// decommission needs none: the end of a contract is when equipment must leave.
    func requireRepairContract(_ contract: Contract, _ tx: Transaction) throws {
        guard contract.isInForce(on: tx.today) else {
            throw policy.refusal(
                Q5.contract, zh: "合同 \(contract.number) 未生效，不能搬出检修",
                en: "contract \(contract.number) is not in force: no removal for repair")
        }
    }
}
