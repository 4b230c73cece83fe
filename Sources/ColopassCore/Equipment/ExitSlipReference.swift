import Foundation

/// How the guard names a slip: its QR as scanned, or its number typed from the paper.
enum ExitSlipReference {
    case scanned(SignedCredential)
    case number(Int64)

    init(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.uppercased().hasPrefix(SignedCredential.prefix) {
            guard let signed = SignedCredential.parse(trimmed) else {
                throw CoreError.invalid("slip", zh: "无法识别的扫码内容，请重新扫描", en: "unreadable scan — scan again")
            }
            guard signed.credential.kind == .exitSlip else {
                throw CoreError.invalid(
                    "slip", zh: "扫描的是\(signed.credential.kind.title.zh)，不是出门条",
                    en: "the scan is of kind '\(signed.credential.kind.title.en)', not an exit slip")
            }
            self = .scanned(signed)
        } else {
            self = .number(try EquipmentNumber.parse(trimmed, prefix: EquipmentNumber.exitSlip, field: "slip"))
        }
    }

    var id: Int64 {
        switch self {
        case .scanned(let signed): Int64(signed.credential.credentialId)
        case .number(let id): id
        }
    }
}
