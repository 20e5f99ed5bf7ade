import Dispatch
import Foundation

/// Work split over all cores whose results come back in input order, so that output does not
/// depend on the number of threads.
enum Parallel {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        if items.count < 2 { return items.map(transform) }
        let slots = Slots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in slots[i] = transform(items[i]) }
        return slots.values
    }
}

/// A shared counter handing out indices to workers.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take() -> Int {
        lock.lock(); defer { lock.unlock() }
        value += 1
        return value - 1
    }
}

/// Fixed slots written from concurrent iterations, one slot per iteration.
final class Slots<T: Sendable>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(i: Int) -> T {
        get { lock.lock(); defer { lock.unlock() }; return storage[i]! }
        set { lock.lock(); storage[i] = newValue; lock.unlock() }
    }

    var values: [T] { storage.map { $0! } }
}
