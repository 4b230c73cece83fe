import Foundation

/// The site's public keys as a file (`colopass keys export-public > keys.json`), read for
/// `gate-check init --keys` and `colopass restore --public-keys`. Whoever installs a gate or
/// restores a site gets a sentence saying what is wrong with the file, never a decoder's dump:
/// the keys decide which snapshots a gate and which backups a restore will believe.
public enum KeyFile {
    public static func read(_ data: Data) throws -> PublicKeyExport {
        guard !data.allSatisfy({ [0x20, 0x0A, 0x0D, 0x09].contains($0) }) else {
            throw KeyFileRejected(zh: "密钥文件为空", en: "the key file is empty")
        }
        guard (try? JSONSerialization.jsonObject(with: data)) is [String: Any] else {
            throw KeyFileRejected(
                zh: "密钥文件不是 JSON 对象：请用 `colopass keys export-public` 导出",
                en: "the key file is not a JSON object: export it with `colopass keys export-public`")
        }
        let export: PublicKeyExport
        do {
            export = try JSONCoding.decoder.decode(PublicKeyExport.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw KeyFileRejected(
                zh: "密钥文件缺少字段 “\(key.stringValue)”", en: "the key file has no “\(key.stringValue)” field")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let field = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            throw KeyFileRejected(zh: "密钥文件字段 “\(field)” 类型不对", en: "the key file's “\(field)” has the wrong type")
        } catch {
            throw KeyFileRejected(zh: "无法读取密钥文件", en: "the key file cannot be read")
        }
        guard !export.keys.isEmpty else {
            throw KeyFileRejected(zh: "站点尚无签名密钥", en: "the site has no signing keys yet")
        }
        guard !export.site.isEmpty else { throw KeyFileRejected(zh: "密钥文件未写站点", en: "the key file names no site") }
        for key in export.keys {
            guard let raw = [UInt8](hex: key.publicKey), (try? Ed25519PublicKey(rawRepresentation: raw)) != nil else {
                throw KeyFileRejected(
                    zh: "密钥 \(key.id) 不是 Ed25519 公钥（应为 64 位十六进制）",
                    en: "key \(key.id) is not an Ed25519 public key (64 hex digits expected)")
            }
        }
        return export
    }
}

public struct KeyFileRejected: Error, CustomStringConvertible {
    public var message: Bilingual

    public init(zh: String, en: String) { message = Bilingual(zh: zh, en: en) }

    public var description: String { "密钥文件无效 / bad key file: \(message.line)" }
}
