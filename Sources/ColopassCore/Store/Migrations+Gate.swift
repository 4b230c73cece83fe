import GRDB

extension Migrations {
    /// The change log gates sync from, and the events they upload: migration 0005.
    static func registerGateMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("0005 gate change log and events") { db in
            // Filled by triggers, so no code path that changes a credential can forget to tell the
            // gates. A gate asks for "everything after seq N".
            try db.create(table: "gate_change") { t in
                t.autoIncrementedPrimaryKey("seq")
                t.column("kind", .integer).notNull()
                t.column("credential_id", .integer).notNull()
            }
            try db.execute(sql: """
                CREATE TRIGGER card_to_gate_insert AFTER INSERT ON card BEGIN
                    INSERT INTO gate_change (kind, credential_id) VALUES (1, NEW.id); END;
                CREATE TRIGGER card_to_gate_update AFTER UPDATE ON card BEGIN
                    INSERT INTO gate_change (kind, credential_id) VALUES (1, NEW.id); END;
                CREATE TRIGGER person_to_gate AFTER UPDATE ON person BEGIN
                    INSERT INTO gate_change (kind, credential_id) SELECT 1, id FROM card WHERE person_id = NEW.id; END;
                CREATE TRIGGER contract_to_gate AFTER UPDATE ON contract BEGIN
                    INSERT INTO gate_change (kind, credential_id) SELECT 1, id FROM card WHERE contract_id = NEW.id; END;
                CREATE TRIGGER client_to_gate AFTER UPDATE ON client BEGIN
                    INSERT INTO gate_change (kind, credential_id) SELECT 1, id FROM card WHERE client_id = NEW.id; END;
                INSERT INTO gate_change (kind, credential_id) SELECT 1, id FROM card;

                CREATE TRIGGER temporary_pass_to_gate_insert AFTER INSERT ON temporary_pass BEGIN
                    INSERT INTO gate_change (kind, credential_id) VALUES (2, NEW.id); END;
                CREATE TRIGGER temporary_pass_to_gate_update AFTER UPDATE ON temporary_pass BEGIN
                    INSERT INTO gate_change (kind, credential_id) VALUES (2, NEW.id); END;
                CREATE TRIGGER emergency_pass_to_gate_insert AFTER INSERT ON emergency_pass BEGIN
                    INSERT INTO gate_change (kind, credential_id) VALUES (3, NEW.id); END;
                CREATE TRIGGER emergency_pass_to_gate_update AFTER UPDATE ON emergency_pass BEGIN
                    INSERT INTO gate_change (kind, credential_id) VALUES (3, NEW.id); END;
                CREATE TRIGGER contract_to_gate_passes AFTER UPDATE ON contract BEGIN
                    INSERT INTO gate_change (kind, credential_id) SELECT 2, id FROM temporary_pass WHERE contract_id = NEW.id; END;
                CREATE TRIGGER client_to_gate_passes AFTER UPDATE ON client BEGIN
                    INSERT INTO gate_change (kind, credential_id) SELECT 2, id FROM temporary_pass WHERE client_id = NEW.id;
                    INSERT INTO gate_change (kind, credential_id) SELECT 3, id FROM emergency_pass WHERE client_id = NEW.id; END;
                CREATE TRIGGER exit_slip_to_gate_insert AFTER INSERT ON exit_slip BEGIN
                    INSERT INTO gate_change (kind, credential_id) VALUES (4, NEW.id); END;
                CREATE TRIGGER exit_slip_to_gate_update AFTER UPDATE ON exit_slip BEGIN
                    INSERT INTO gate_change (kind, credential_id) VALUES (4, NEW.id); END;
                CREATE TRIGGER removal_to_gate AFTER UPDATE ON removal_request BEGIN
                    INSERT INTO gate_change (kind, credential_id) SELECT 4, id FROM exit_slip WHERE request_id = NEW.id; END;
                CREATE TRIGGER contract_to_gate_slips AFTER UPDATE ON contract BEGIN
                    INSERT INTO gate_change (kind, credential_id)
                    SELECT 4, s.id FROM exit_slip s JOIN removal_request r ON r.id = s.request_id WHERE r.contract_id = NEW.id; END;
                INSERT INTO gate_change (kind, credential_id) SELECT 4, id FROM exit_slip;
                INSERT INTO gate_change (kind, credential_id) SELECT 2, id FROM temporary_pass;
                INSERT INTO gate_change (kind, credential_id) SELECT 3, id FROM emergency_pass;
                """)
            try db.create(table: "gate_event") { t in
                t.primaryKey("id", .text)
                t.column("gate", .text).notNull()
                t.column("direction", .text).notNull()
                t.column("at", .datetime).notNull().indexed()
                t.column("kind", .integer)
                t.column("credential_id", .integer)
                t.column("generation", .integer)
                t.column("result", .text).notNull()
                t.column("reason", .text)
                t.column("clause", .text)
                t.column("confirmed", .boolean).notNull()
                t.column("holder_name", .text)
                t.column("received_at", .datetime).notNull()
                t.column("received_from", .text).notNull()
            }
            try db.create(index: "gate_event_by_credential", on: "gate_event", columns: ["kind", "credential_id", "at"])
        }
    }

    /// Migration 0007: `gate_event` rebuilt from the kernel's one event-row schema (the same
    /// columns the gates' replicas use), keeping every event. Times were already datetimes here.
    static func registerGateEventRowMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("0007 gate event row from the kernel") { db in
            try db.execute(sql: "ALTER TABLE gate_event RENAME TO gate_event_0005")
            try db.execute(sql: "DROP INDEX gate_event_by_credential")
            try GateEventRow.createTable("gate_event", in: db) { t in
                t.column("received_at", .datetime).notNull()
                t.column("received_from", .text).notNull()
            }
            let columns = (GateEventRow.columns + ["received_at", "received_from"]).joined(separator: ", ")
            try db.execute(sql: "INSERT INTO gate_event (\(columns)) SELECT \(columns) FROM gate_event_0005")
            try db.execute(sql: "DROP TABLE gate_event_0005")
            try db.create(index: "gate_event_on_at", on: "gate_event", columns: ["at"])
        }
    }
}
