import Dispatch
import Foundation

/// Where a run's time goes: seconds spent in each stage and each rule, summed over every file and
/// every worker thread (so on several cores the stages add up to more than the wall time).
/// The linter fills it when given one; `newslint --timing` prints it.
public final class Timings: @unchecked Sendable {
    public struct Entry: Sendable {
        public let name: String
        public let seconds: Double
        public let calls: Int
    }

    private var totals: [String: (nanoseconds: UInt64, calls: Int)] = [:]
    private var order: [String] = []
    private let lock = NSLock()

    public init() {}

    public func add(_ name: String, nanoseconds: UInt64) {
        lock.lock(); defer { lock.unlock() }
        if let t = totals[name] {
            totals[name] = (t.nanoseconds + nanoseconds, t.calls + 1)
        } else {
            totals[name] = (nanoseconds, 1)
            order.append(name)
        }
    }

    /// The entries in the order they were first measured.
    public var entries: [Entry] {
        lock.lock(); defer { lock.unlock() }
        return order.map { Entry(name: $0, seconds: Double(totals[$0]!.nanoseconds) / 1e9, calls: totals[$0]!.calls) }
    }

    /// A table for people: stage or rule, seconds, share of the measured total, calls.
    public func table(wallSeconds: Double) -> String {
        let rows = entries
        let total = rows.reduce(0) { $0 + $1.seconds }
        let width = max(5, rows.map(\.name.count).max() ?? 0)
        var out = "stage".padding(toLength: width, withPad: " ", startingAt: 0) + "   seconds   share    calls\n"
        for r in rows.sorted(by: { $0.seconds > $1.seconds }) {
            out += r.name.padding(toLength: width, withPad: " ", startingAt: 0)
                + String(format: " %9.3f %6.1f%% %8d\n", r.seconds, total > 0 ? r.seconds / total * 100 : 0, r.calls)
        }
        out += "total".padding(toLength: width, withPad: " ", startingAt: 0) + String(format: " %9.3f (all stages, every thread)\n", total)
        out += "wall".padding(toLength: width, withPad: " ", startingAt: 0) + String(format: " %9.3f\n", wallSeconds)
        return out
    }
}

extension Optional where Wrapped == Timings {
    /// Runs `body`, adding its time to `name` when there are timings to fill (`nil`: just runs it;
    /// the name is not even built).
    @inline(__always)
    public func measure<T, E: Error>(_ name: @autoclosure () -> String, _ body: () throws(E) -> T) throws(E) -> T {
        guard let timings = self else { return try body() }
        let start = DispatchTime.now().uptimeNanoseconds
        defer { timings.add(name(), nanoseconds: DispatchTime.now().uptimeNanoseconds - start) }
        return try body()
    }
}
