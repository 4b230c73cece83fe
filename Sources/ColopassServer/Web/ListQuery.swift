import ColopassCore
import Foundation
import Hummingbird

/// A list page's search, filters, sort and page, read from its query string (`q`, `state`,
/// `client`, `sort`, `page`): search by name, number or an ID number's last four digits.
/// Links keep the other parameters, so paging does not lose the filter.
struct ListQuery {
    static let pageSize = 50
    /// A list the core pages is counted up to this many rows past the page shown; beyond, "N+".
    static let countUpTo = 1000

    let path: String
    let q: String
    let state: String
    let client: String
    let sort: String
    let page: Int
    /// The orders the list offers, each a column header's link.
    let sorts: [String]
    private(set) var stateOptions: [(String, String)] = []
    private(set) var clientOptions: [(String, String)] = []
    private(set) var total = 0
    /// The core stopped counting at `total`: there are more.
    private(set) var totalIsAtLeast = false
    /// What the search box finds, in the reader's language, where it is not a name, a number or
    /// an ID's last four.
    var hint: String?

    init(_ request: Request, path: String, sorts: [String]) {
        self.path = path
        let read = { (name: String) in
            Input.query(name, request)?.replacingOccurrences(of: "+", with: " ").trimmingCharacters(in: .whitespaces) ?? ""
        }
        q = String(read("q").prefix(100))
        state = read("state")
        client = read("client")
        sort = sorts.contains(read("sort")) ? read("sort") : sorts.first ?? ""
        page = max(1, Int(read("page")) ?? 1)
        self.sorts = sorts
    }

    mutating func states(_ options: [(String, String)]) { stateOptions = options }

    mutating func clients(_ names: [Int64: String]) {
        clientOptions = names.sorted { $0.key < $1.key }.map { (String($0.key), $0.value) }
    }

    static let clientMenuLimit = 200

    /// A client filter while the asker's clients fit a menu; beyond, the search finds them by name.
    mutating func clientMenu(_ core: Core, _ actor: Actor) throws {
        let clients = try core.registry.clientNames(limit: Self.clientMenuLimit + 1, by: actor)
        guard clients.count <= Self.clientMenuLimit else { return }
        self.clients(Dictionary(clients.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }))
    }

    /// Where the page starts, for a list the core pages itself.
    var offset: Int { (page - 1) * Self.pageSize }

    /// What matched, when the core did the filtering.
    mutating func counted(_ total: Int) { self.total = total }

    /// What matched, counted only up to `limit`: beyond it the page says "more than".
    mutating func counted(_ total: Int, upTo limit: Int) {
        self.total = min(total, limit)
        totalIsAtLeast = total > limit
    }

    /// Filters, sorts and cuts out the page; `total` is what matched.
    mutating func apply<T>(
        _ rows: [T], text: (T) -> [String], state: (T) -> String, client: (T) -> Int64,
        sort: (T, T) -> Bool
    ) -> [T] {
        let needle = q.lowercased()
        let matched = rows.filter { row in
            (needle.isEmpty || text(row).contains { $0.lowercased().contains(needle) })
                && (self.state.isEmpty || state(row) == self.state)
                && (self.client.isEmpty || String(client(row)) == self.client)
        }.sorted(by: sort)
        total = matched.count
        let start = min((page - 1) * Self.pageSize, matched.count)
        return Array(matched[start..<min(start + Self.pageSize, matched.count)])
    }

    struct View: TemplateModel {
        let q: String
        let hint: String?
        let sort: String
        let hasStates: Bool
        let states: [Views.Option]
        let hasClients: Bool
        let clients: [Views.Option]
        let page: Int
        let pages: String
        let total: String
        let previous: String?
        let next: String?
        /// A column header's link by the sort it stands for: `{{list.by.holder}}`, the filter kept,
        /// back to the first page.
        let by: [String: String]
    }

    func view() -> View {
        let counted = max(1, (total + Self.pageSize - 1) / Self.pageSize)
        let pages = totalIsAtLeast ? max(counted, page) : counted
        let more = totalIsAtLeast || page < pages
        return View(
            q: q, hint: hint, sort: sort, hasStates: !stateOptions.isEmpty,
            states: stateOptions.map { Views.Option(value: $0.0, label: $0.1, selected: $0.0 == state) },
            hasClients: clientOptions.count > 1,
            clients: clientOptions.map { Views.Option(value: $0.0, label: $0.1, selected: $0.0 == client) },
            page: page, pages: totalIsAtLeast ? "\(pages)+" : String(pages),
            total: totalIsAtLeast ? "\(total)+" : String(total),
            previous: page > 1 ? link(page: page - 1) : nil, next: more ? link(page: page + 1) : nil,
            by: Dictionary(uniqueKeysWithValues: sorts.map { ($0, link(page: 1, sort: $0)) }))
    }

    func link(page: Int, sort: String? = nil) -> String {
        var components = URLComponents()
        components.path = path
        components.queryItems = [("q", q), ("state", state), ("client", client), ("sort", sort ?? self.sort), ("page", String(page))]
            .filter { !$0.1.isEmpty }.map { URLQueryItem(name: $0.0, value: $0.1) }
        return components.string ?? path
    }
}
