// The credential format, the verifier, gate entries and events live in GateKernel, shared with
// the gate. Re-exported here so the server, the CLI and the tests, which import ColopassCore,
// keep seeing them without an import of their own.
@_exported import GateKernel
