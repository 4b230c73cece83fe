import Foundation
import GRDB

extension Outbox {
    /// Announces each active card whose validity ends within the policy's notice period, once
    /// per card and generation however often it runs (a restart, two runs a day). Returns how
    /// many were announced now.
    @discardableResult
    public func noteExpiringCards() throws -> Int {
        let days = policy.parameters.cardExpiryNoticeDays
        return try perform(.system, .manageNotifications, action: "card.expiring") { tx in
            let cards = try Card.fetchAll(
                tx.db,
                sql: """
                    SELECT * FROM card WHERE status = 'active' AND valid_until > ? AND valid_until <= ?
                    AND NOT EXISTS (SELECT 1 FROM notification_event
                        WHERE dedupe_key = 'card.expiring:' || card.id || ':' || card.generation)
                    ORDER BY id
                    """,
                arguments: [tx.now, tx.now.addingTimeInterval(Double(days) * 86_400)])
            for card in cards {
                try tx.audit("card.expiring", "card", key: card.number, after: card, clause: .C1)
            }
            return cards.count
        }
    }
}
