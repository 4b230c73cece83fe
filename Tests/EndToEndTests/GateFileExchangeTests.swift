import Foundation
import Testing

/// A gate without a network, with the real binaries: the snapshot goes to the gate on a file
/// (photos beside it), the gate's events come back on another, and each is recorded once.
@Suite("gate-check and colopass exchange files", .serialized)
struct GateFileExchangeTests {
    @Test func snapshotToTheGateScansAndEventsBackEachRecordedOnce() throws {
        // given: a demo site with two cards and a gate that pinned the site's keys
        let sandbox = try CLISandbox()
        #expect(try sandbox.run(["init", "--demo"]).status == 0)
        let credentials = try ["1", "3"].map { person in
            let issued = try sandbox.run(["card", "issue", "--person", person, "--json", "--out", "badge\(person)"], as: "kefu")
            let card = issued.json["card"] as? [String: Any]
            return try #require(card?["credential"] as? String, "\(issued)")
        }
        let gate = GateCLI(sandbox: sandbox)
        let keys = try sandbox.run(["keys", "export-public"], as: "baoan")
        #expect(try gate.run(["init", "--keys", "-"], input: keys.stdout).status == 0)

        // when: the full snapshot is carried to the gate
        let written = try sandbox.run(["gate", "snapshot", "--out", "usb/snapshot.json", "--json"], as: "baoan")
        #expect(written.status == 0, "\(written)")
        #expect(written.json["since"] as? Int == 0)
        #expect((written.json["photos"] as? Int ?? 0) >= 1, "the card holders' photo travels beside the file")
        let applied = try gate.run(["sync", "--from-file", "usb/snapshot.json"])
        #expect(applied.status == 0, "\(applied)")

        // the door decides from it, with the holder's photo on hand
        let entered = try gate.run(["verify", credentials[0], "--gate", "A", "--direction", "in", "--json"])
        #expect(entered.status == 0, "\(entered)")
        let photo = try #require(entered.json["photo"] as? String)
        #expect(FileManager.default.fileExists(atPath: photo))
        #expect(try gate.run(["verify", credentials[1], "--gate", "A", "--direction", "in"]).status == 0)
        #expect(try gate.run(["verify", credentials[0], "--gate", "A", "--direction", "out"]).status == 0)

        // the events go back on a file; importing it twice records them once
        #expect(try gate.run(["events", "--out", "usb/events.json"]).stdout.contains("3 event(s)"))
        let first = try sandbox.run(["gate", "events", "--from-file", "usb/events.json", "--json"], as: "baoan")
        #expect(first.json["accepted"] as? Int == 3 && first.json["duplicates"] as? Int == 0, "\(first)")
        let second = try sandbox.run(["gate", "events", "--from-file", "usb/events.json", "--json"], as: "baoan")
        #expect(second.json["accepted"] as? Int == 0 && second.json["duplicates"] as? Int == 3, "\(second)")

        // then: a later export carries only what is new; --again carries a lost file's events once more
        #expect(try gate.run(["events", "--out", "usb/events2.json"]).stdout.contains("0 event(s)"))
        #expect(try gate.run(["events", "--out", "usb/events3.json", "--again"]).stdout.contains("3 event(s)"))
        let resent = try sandbox.run(["gate", "events", "--from-file", "usb/events3.json", "--json"], as: "baoan")
        #expect(resent.json["accepted"] as? Int == 0 && resent.json["duplicates"] as? Int == 3, "\(resent)")
    }

    @Test func anIncrementalSnapshotFromTheGatesCursorCarriesALostCard() throws {
        // given: a gate synchronised from a full snapshot file
        let sandbox = try CLISandbox()
        #expect(try sandbox.run(["init", "--demo"]).status == 0)
        let issued = try sandbox.run(["card", "issue", "--person", "1", "--json", "--out", "badge"], as: "kefu")
        let card = try #require(issued.json["card"] as? [String: Any])
        let credential = try #require(card["credential"] as? String)
        let number = try #require(card["number"] as? String)
        let gate = GateCLI(sandbox: sandbox)
        #expect(try gate.run(["init", "--keys", "-"], input: try sandbox.run(["keys", "export-public"], as: "baoan").stdout).status == 0)
        _ = try sandbox.run(["gate", "snapshot", "--out", "usb/full.json"], as: "baoan")
        #expect(try gate.run(["sync", "--from-file", "usb/full.json"]).status == 0)
        let status = try gate.run(["status"]).stdout
        let cursor = try #require(status.split(separator: "\n").first { $0.contains("cursor") }?.split(separator: " ").last)

        // when: the card is reported lost and only the changes since the gate's cursor are carried
        #expect(try sandbox.run(["card", "lost", number], as: "kefu").status == 0)
        let delta = try sandbox.run(["gate", "snapshot", "--out", "usb/delta.json", "--since", String(cursor), "--json"], as: "baoan")
        #expect(delta.json["entries"] as? Int == 1, "\(delta)")
        #expect(try gate.run(["sync", "--from-file", "usb/delta.json"]).status == 0)

        // then: the door denies it, and an older file can no longer roll the gate back
        let denied = try gate.run(["verify", credential, "--gate", "A", "--direction", "in"])
        #expect(denied.status == 1 && denied.stdout.contains("C4.lost"), "\(denied)")
        let stale = try gate.run(["sync", "--from-file", "usb/full.json"])
        #expect(stale.status == 2 && stale.stderr.contains("older"), "\(stale)")
    }
}
