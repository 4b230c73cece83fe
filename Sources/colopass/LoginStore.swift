import ColopassCore
import Foundation

/// The CLI's stored logins: session secrets from `colopass login`, per site (its data
/// directory), in one 0600 file under the user's configuration directory
/// (`$COLOPASS_CONFIG_DIR`, else `$XDG_CONFIG_HOME/colopass`, else `~/.config/colopass`).
/// `--as NAME` chooses among these; it proves nothing by itself.
struct LoginStore {
    struct SiteLogins: Codable {
        var latest: String?
        var tokens: [String: String] = [:]
    }

    struct File: Codable {
        var sites: [String: SiteLogins] = [:]
    }

    let path: String
    let site: String

    init(dataDirectory: String) {
        let environment = ProcessInfo.processInfo.environment
        let directory: String
        if let explicit = environment["COLOPASS_CONFIG_DIR"], !explicit.isEmpty {
            directory = explicit
        } else if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            directory = (xdg as NSString).appendingPathComponent("colopass")
        } else {
            directory = (NSHomeDirectory() as NSString).appendingPathComponent(".config/colopass")
        }
        path = (directory as NSString).appendingPathComponent("logins.json")
        site = Self.absolute(dataDirectory)
    }

    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        return URL(fileURLWithPath: full).standardizedFileURL.path
    }

    func read() -> File {
        guard let data = FileManager.default.contents(atPath: path),
            let file = try? JSONDecoder().decode(File.self, from: data)
        else { return File() }
        return file
    }

    /// The login `name` chose, or the latest one when none is named.
    func token(for name: String?) -> (name: String, token: String)? {
        let logins = read().sites[site] ?? SiteLogins()
        guard let name = name ?? logins.latest, let token = logins.tokens[name] else { return nil }
        return (name, token)
    }

    func store(_ token: String, for name: String) throws {
        var file = read()
        file.sites[site, default: SiteLogins()].tokens[name] = token
        file.sites[site]?.latest = name
        try write(file)
    }

    func remove(_ name: String) throws {
        var file = read()
        var logins = file.sites[site] ?? SiteLogins()
        logins.tokens[name] = nil
        if logins.latest == name { logins.latest = logins.tokens.keys.sorted().first }
        file.sites[site] = logins
        try write(file)
    }

    /// Written to a 0600 file beside it, then renamed over it: never readable by others, never
    /// half written.
    private func write(_ file: File) throws {
        let manager = FileManager.default
        let directory = (path as NSString).deletingLastPathComponent
        try manager.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let temporary = path + ".\(getpid()).tmp"
        guard manager.createFile(atPath: temporary, contents: try encoder.encode(file), attributes: [.posixPermissions: 0o600])
        else {
            throw CoreError.invalid("config", zh: "无法写入 \(path)", en: "cannot write \(path)")
        }
        guard rename(temporary, path) == 0 else {
            throw CoreError.invalid("config", zh: "无法写入 \(path)", en: "cannot write \(path)")
        }
    }
}
