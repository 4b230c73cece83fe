/// The gate tool's version, printed by `gate-check --version`.
public enum GateCheckVersion {
    public static let current = "0.2.0"
}
