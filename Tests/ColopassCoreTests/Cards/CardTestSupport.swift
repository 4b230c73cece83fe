import Foundation
import Testing

@testable import ColopassCore

extension TestSite {
    /// The clause of a refusal thrown by `body`, or nil when it did not refuse.
    func refusalClause(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch CoreError.refused(let refusal) {
            return refusal.clause.code
        } catch {
            Issue.record("expected a refusal, got \(error)")
            return nil
        }
    }

    /// A company with an active contract and `count` people ready for cards.
    func companyWithStaff(_ count: Int, creditCode: String = "91110108MA01ABCD1E", contract: String = "HT-1") throws -> (
        client: Client, contract: Contract, people: [Person]
    ) {
        let (client, contract) = try company(creditCode: creditCode, contract: contract)
        let people = try (0..<count).map { index in
            try person(of: client.id, name: "员工\(index + 1)", idNumber: TestSite.residentIDs[index])
        }
        return (client, contract, people)
    }

    func decision(_ card: Card) throws -> Decision { try core.credentials.verifyCredential(card.credential) }
}
