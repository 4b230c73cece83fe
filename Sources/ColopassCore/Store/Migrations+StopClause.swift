import GRDB

extension Migrations {
    /// Why a credential stopped: the clause under which a card was cancelled, a pass revoked or an
    /// exit slip voided (C5 staff change, C9 contract end, C7 visit withdrawn, Q4/Q5 removal
    /// withdrawn). The door names that clause, not a generic "cancelled": migration 0008.
    static func registerStopClauseMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("0008 why a credential stopped") { db in
            for table in ["card", "temporary_pass", "emergency_pass", "exit_slip"] {
                try db.alter(table: table) { t in t.add(column: "stop_clause", .text) }
            }
            // Rows stopped before this migration: the contract's end where it has ended, otherwise
            // the clause of the credential's own kind, which is what the stopping code passed.
            try db.execute(
                sql: """
                    UPDATE card SET stop_clause = CASE
                        WHEN (SELECT status FROM contract WHERE contract.id = card.contract_id) = 'terminated' THEN 'C9'
                        ELSE 'C5' END
                    WHERE status = 'cancelled';
                    UPDATE temporary_pass SET stop_clause = CASE
                        WHEN (SELECT status FROM contract WHERE contract.id = temporary_pass.contract_id) = 'terminated'
                            THEN 'C9'
                        ELSE 'C7' END
                    WHERE status = 'revoked';
                    UPDATE emergency_pass SET stop_clause = 'C9' WHERE status = 'revoked';
                    UPDATE exit_slip SET stop_clause = (
                        SELECT CASE WHEN r.kind = 'repair' THEN 'Q5' ELSE 'Q4' END
                        FROM removal_request r WHERE r.id = exit_slip.request_id)
                    WHERE status = 'cancelled';
                    """)
        }
    }
}
