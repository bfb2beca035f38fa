import Foundation

/// Runs one file's reading on a worker thread and stops waiting for it at the deadline. A parser
/// stuck in a pathological input cannot be interrupted from outside in Swift, so the build does
/// not wait for it: the file is listed as unread and the build goes on. The abandoned worker is
/// told (`ReadDeadline.isExpired`) and stops at its next check; readers check at their stages.
/// Workers have a large stack, so deep nesting in a document cannot overflow it. They are kept
/// and reused (`WorkerPool`): starting a thread with such a stack for every file cost more than
/// reading a small file.
enum Watchdog {
    static let stackSize = 256 << 20

    static func run<T: Sendable>(seconds: Double, _ work: @escaping @Sendable () -> T) -> T? {
        let box = Box<T>()
        let deadline = ReadDeadline(seconds: seconds)
        WorkerPool.shared.run {
            Thread.current.threadDictionary[ReadDeadline.key] = deadline
            let value = work()
            Thread.current.threadDictionary.removeObject(forKey: ReadDeadline.key)
            // Work that only finished because it saw the deadline pass (a reader bailing out at a
            // check) ran out of time all the same, whichever of it and the wait below wakes first.
            box.set(deadline.hasPassed ? nil : value)
        }
        guard box.done.wait(timeout: .now() + seconds) == .success else {
            deadline.expire()
            return nil
        }
        return box.get()
    }

    private final class Box<T>: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var value: T?
        func set(_ v: T?) {
            lock.withLock { value = v }
            done.signal()
        }
        func get() -> T? { lock.withLock { value } }
    }
}

/// The deadline of the file being read on this thread, for cooperative checks in long loops.
public final class ReadDeadline: @unchecked Sendable {
    static let key = "govreport.read-deadline"
    private let end: UInt64
    private let lock = NSLock()
    private var expired = false

    init(seconds: Double) {
        end = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, seconds) * 1e9)
    }

    func expire() { lock.withLock { expired = true } }

    var hasPassed: Bool {
        lock.withLock { expired } || DispatchTime.now().uptimeNanoseconds >= end
    }

    /// True once the current thread's file has run out of time (false outside a watched read).
    public static var isExpired: Bool {
        (Thread.current.threadDictionary[key] as? ReadDeadline)?.hasPassed ?? false
    }
}
