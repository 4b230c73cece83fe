import ColopassCore
import Testing

/// Expects `make` to throw `.invalidInput` naming `field`, with both zh and en texts; returns
/// the reason so a test can check its wording.
@discardableResult
func expectInvalidInput<T>(
    _ field: String, sourceLocation: SourceLocation = #_sourceLocation, _ make: () throws -> T
) -> Bilingual? {
    do {
        let accepted = try make()
        Issue.record("accepted \(accepted)", sourceLocation: sourceLocation)
    } catch CoreError.invalidInput(let thrownField, let reason) {
        #expect(thrownField == field, sourceLocation: sourceLocation)
        #expect(!reason.zh.isEmpty && !reason.en.isEmpty, sourceLocation: sourceLocation)
        return reason
    } catch {
        Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
