import ColopassCore

/// ID numbers leave the server masked, always (the core masks passes and visitors itself; people
/// and individual clients come back whole from the registry, for the core's own use).
extension Client {
    var masked: Client {
        var copy = self
        copy.idNumber = maskedIDNumber
        return copy
    }
}

extension PersonView {
    var masked: PersonView {
        var copy = self
        copy.person = person.masked
        return copy
    }
}
