import Foundation

/// Large-stack threads that each run one job at a time. A job is handed to an idle worker, or to
/// a new one when all are busy (or abandoned on a stuck file: such a worker rejoins the pool only
/// once its job returns). At most `maximumIdle` idle workers are kept; others end.
final class WorkerPool: @unchecked Sendable {
    static let shared = WorkerPool()
    static let maximumIdle = 64

    private let lock = NSLock()
    private var idle: [Worker] = []

    func run(_ job: @escaping @Sendable () -> Void) {
        let worker = lock.withLock { idle.popLast() } ?? Worker(pool: self)
        worker.submit(job)
    }

    /// Called by a worker whose job has returned: false when the pool is full and it should end.
    private func giveBack(_ worker: Worker) -> Bool {
        lock.withLock {
            guard idle.count < Self.maximumIdle else { return false }
            idle.append(worker)
            return true
        }
    }

    private final class Worker: @unchecked Sendable {
        private let condition = NSCondition()
        private var job: (@Sendable () -> Void)?

        init(pool: WorkerPool) {
            let thread = Thread { [self] in
                while true {
                    condition.lock()
                    while job == nil { condition.wait() }
                    let next = job!
                    job = nil
                    condition.unlock()
                    next()
                    if !pool.giveBack(self) { return }
                }
            }
            thread.stackSize = Watchdog.stackSize
            thread.start()
        }

        func submit(_ work: @escaping @Sendable () -> Void) {
            condition.lock()
            job = work
            condition.signal()
            condition.unlock()
        }
    }
}
