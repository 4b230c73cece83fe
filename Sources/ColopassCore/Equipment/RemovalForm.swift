import Foundation

/// A removal request's input, checked before any transaction: each failure names its field
/// (`movers[1].id_number`), and nothing is written when one fails.
struct RemovalForm {
    typealias Scan = (bytes: [UInt8], type: DocumentStore.MediaType)

    struct Mover {
        var name: String
        var document: IDDocument
        var copy: Scan?
    }

    var date: Day
    /// Inventory numbers or serials, upper-cased; both have the shape of a serial.
    var items: [String]
    var companyName: String?
    var movers: [Mover]
    var scan: Scan?
    var note: String?

    init(_ input: NewRemovalRequest, today: Day, now: Date, documents: DocumentStore) throws {
        date = try Validate.day(input.removalDate, field: "removal_date")
        guard date >= today else {
            throw CoreError.invalid("removal_date", zh: "搬出日期不能早于今天", en: "the removal date is today or later")
        }
        guard !input.items.isEmpty else {
            throw CoreError.invalid("items", zh: "至少列出一件设备", en: "list at least one item")
        }
        items = try input.items.map { try EquipmentInput.serial($0, field: "items") }
        let repair = input.kind == .repair
        companyName = try input.companyName.map { try Validate.name($0, field: "company_name") }
        if repair, companyName == nil {
            throw CoreError.invalid("company_name", zh: "检修搬出申请须写明单位名称", en: "a repair application names the company")
        }
        if repair, input.movers.isEmpty {
            throw CoreError.invalid("movers", zh: "须写明搬运人员", en: "name at least one mover")
        }
        movers = try input.movers.enumerated().map { index, mover in
            try Self.mover(mover, field: "movers[\(index)]", copyRequired: repair, now: now, documents: documents)
        }
        scan = try input.applicationScanPath.map { try documents.load($0, field: "application_scan") }
        if repair, scan == nil {
            throw CoreError.invalid(
                "application_scan", zh: "须附盖公章的搬机申请扫描件", en: "attach the scan of the sealed application")
        }
        note = try input.note.map { try Validate.name($0, field: "note", max: 500) }
    }

    /// Q5: a mover has a name and a valid ID number (checksum for resident IDs, shape for the
    /// others); the copy of the ID is on the application.
    private static func mover(
        _ mover: NewRemovalMover, field: String, copyRequired: Bool, now: Date, documents: DocumentStore
    ) throws -> Mover {
        let name = try Validate.name(mover.name ?? "", field: "\(field).name")
        guard let number = mover.idNumber, !number.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw CoreError.invalid(
                "\(field).id_number", zh: "缺少搬运人员证件号码", en: "the mover's ID number is missing")
        }
        let document: IDDocument
        do {
            document = try IDDocument.parse(type: mover.idType, number: number, today: now)
        } catch {
            guard case .invalidInput(let inner, let reason) = error else { throw error }
            throw CoreError.invalidInput(field: "\(field).\(inner)", reason: reason)
        }
        let copy = try mover.idCopyPath.map { try documents.load($0, field: "\(field).id_copy") }
        if copyRequired, copy == nil {
            throw CoreError.invalid(
                "\(field).id_copy", zh: "须附搬运人员身份证复印件", en: "attach the mover's ID copy")
        }
        return Mover(name: name, document: document, copy: copy)
    }
}
