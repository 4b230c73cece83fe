import Foundation
import GRDB

public struct NewContract: Sendable {
    public var number: String
    public var clientId: Int64
    public var startsOn: String
    public var endsOn: String
    public var racks: [String]
    public var serverQuota: Int
    public var ipsPerServer: Int?
    public var portsPerServer: Int?

    public init(
        number: String, clientId: Int64, startsOn: String, endsOn: String, racks: [String], serverQuota: Int,
        ipsPerServer: Int? = nil, portsPerServer: Int? = nil
    ) {
        self.number = number
        self.clientId = clientId
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.racks = racks
        self.serverQuota = serverQuota
        self.ipsPerServer = ipsPerServer
        self.portsPerServer = portsPerServer
    }
}

/// What terminating a contract did, so customer service knows which physical cards to collect.
public struct Termination: Sendable {
    public var contract: Contract
    public var cancelledCards: [String]
    public var cardsToCollect: [String]
}

extension Registry {
    public func addContract(_ input: NewContract, by actor: Actor) throws -> Contract {
        let number = try Validate.code(input.number, field: "number")
        let starts = try Validate.day(input.startsOn, field: "starts_on")
        let ends = try Validate.day(input.endsOn, field: "ends_on")
        let racks = try input.racks.map { try Validate.code($0, field: "racks") }
        guard !racks.isEmpty else {
            throw CoreError.invalid("racks", zh: "至少一个机柜", en: "at least one rack")
        }
        let quota = try Validate.count(input.serverQuota, field: "server_quota", atLeast: 0)
        let ips = try input.ipsPerServer.map { try Validate.count($0, field: "ips_per_server", atLeast: 1) }
        let ports = try input.portsPerServer.map { try Validate.count($0, field: "ports_per_server", atLeast: 1) }

        return try perform(actor, .manageContracts, action: "contract.add") { tx in
            let client = try Self.fetchClient(input.clientId, tx.db)
            guard ends >= starts else {
                throw policy.refusal(
                    D1.term, zh: "合同结束日期 \(ends) 早于开始日期 \(starts)",
                    en: "the contract ends (\(ends)) before it starts (\(starts))")
            }
            if try Contract.filter(Contract.Columns.number == number).fetchCount(tx.db) > 0 {
                throw policy.refusal(
                    D1.unique, zh: "合同编号 \(number) 已存在", en: "contract number \(number) already exists")
            }
            let contract = Contract(
                id: try Store.nextID(of: Contract.databaseTableName, in: tx.db), number: number, clientId: client.id,
                startsOn: starts, endsOn: ends, status: .draft, racks: racks.joined(separator: ","),
                serverQuota: quota, ipsPerServer: ips, portsPerServer: ports, createdAt: tx.now, terminatedAt: nil)
            try contract.insert(tx.db)
            try tx.audit("contract.add", "contract", key: number, after: contract)
            return contract
        }
    }

    /// Draft or suspended → active, while the term has not ended. A terminated contract stays so (C9).
    public func activateContract(_ number: String, by actor: Actor) throws -> Contract {
        try changeContract(number, by: actor, action: "contract.activate") { tx, contract in
            switch contract.status {
            case .terminated:
                throw policy.refusal(
                    C9.terminated, zh: "合同 \(contract.number) 已终止，不能重新启用",
                    en: "contract \(contract.number) is terminated and cannot be reactivated")
            case .active:
                throw policy.refusal(
                    D1.status, zh: "合同已是生效状态", en: "the contract is already active")
            case .draft, .suspended:
                guard tx.today <= contract.endsOn else {
                    throw policy.refusal(
                        D1.term, zh: "合同已于 \(contract.endsOn) 到期", en: "the contract ended on \(contract.endsOn)")
                }
                contract.status = .active
            }
        }
    }

    public func suspendContract(_ number: String, by actor: Actor) throws -> Contract {
        try changeContract(number, by: actor, action: "contract.suspend") { _, contract in
            guard contract.status == .active else {
                throw policy.refusal(
                    D1.status, zh: "只有生效的合同可以暂停", en: "only an active contract can be suspended")
            }
            contract.status = .suspended
        }
    }

    /// C9: ends the contract and, in the same transaction, cancels everything that let its people
    /// in. Cards still in the holders' hands are listed for collection.
    public func terminateContract(_ number: String, by actor: Actor) throws -> Termination {
        var cascade = (cancelled: [String](), toCollect: [String]())
        let contract = try changeContract(number, by: actor, action: "contract.terminate") { tx, contract in
            guard contract.status != .terminated else {
                throw policy.refusal(D1.status, zh: "合同已终止", en: "the contract is already terminated")
            }
            contract.status = .terminated
            contract.terminatedAt = tx.now
            cascade = try contractEnded(contract, in: tx)
        }
        return Termination(contract: contract, cancelledCards: cascade.cancelled, cardsToCollect: cascade.toCollect)
    }

    public func contracts(clientId: Int64? = nil, by actor: Actor) throws -> [Contract] {
        try read(actor, .viewRegistry) { db in
            var request = Contract.order(Contract.Columns.id)
            if let clientId { request = request.filter(Contract.Columns.clientId == clientId) }
            if actor.role == .clientUser { request = request.filter(Contract.Columns.clientId == actor.clientId) }
            return try request.fetchAll(db)
        }
    }

    public func contract(_ number: String, by actor: Actor) throws -> Contract {
        let contract = try read(actor, .viewRegistry) { db in try Self.fetchContract(number, db) }
        try requireOwnClient(actor, contract.clientId)
        return contract
    }

    static func fetchContract(_ number: String, _ db: Database) throws -> Contract {
        guard let contract = try Contract.filter(Contract.Columns.number == number.uppercased()).fetchOne(db) else {
            throw CoreError.notFound(entity: "contract", key: number)
        }
        return contract
    }

    /// The client's contract in force today, if any: cards and passes hang on it.
    static func contractInForce(clientId: Int64, on day: Day, _ db: Database) throws -> Contract? {
        try Contract.filter(Contract.Columns.clientId == clientId && Contract.Columns.status == Contract.Status.active.rawValue)
            .fetchAll(db)
            .filter { $0.isInForce(on: day) }
            .max { $0.endsOn < $1.endsOn }
    }

    private func changeContract(
        _ number: String, by actor: Actor, action: String, _ change: (Transaction, inout Contract) throws -> Void
    ) throws -> Contract {
        try perform(actor, .manageContracts, action: action) { tx in
            let before = try Self.fetchContract(number, tx.db)
            var contract = before
            try change(tx, &contract)
            try contract.update(tx.db)
            try tx.audit(action, "contract", key: contract.number, before: before, after: contract)
            return contract
        }
    }
}
