import Foundation
import Yams

/// YAML for settings files (`site.yml`, sidecars), loaded so that no file can hang or crash the
/// build. They are a few keys, but YAML aliases let a few hundred bytes expand into billions of
/// nodes ("billion laughs"), and the parser recurses once per level of nesting. So: the text is
/// at most `maximumBytes`; it is composed (aliases stay shared) and counted with aliases expanded,
/// stopping at `maximumNodes`; and parsing runs on a thread with a large stack, under a time limit.
/// Values are built from the composed nodes here, not by Yams' constructor, which traps on a
/// mapping key that is not a scalar (`? [a, b]`, found by fuzzing): scalars are strings (the text
/// as written; a null is NSNull), mappings `[String: Any]`, sequences `[Any]`.
public enum SafeYAML {
    public static let maximumBytes = 64 * 1024
    public static let maximumNodes = 10_000
    static let seconds = 5.0

    public enum Failure: Error, Equatable {
        /// Not YAML; the parser's message.
        case invalid(String)
        /// Over a limit; the reason.
        case tooLarge(String)
    }

    public static func load(_ text: String) -> Result<Any?, Failure> {
        guard text.utf8.count <= maximumBytes else { return .failure(.tooLarge("超过 \(maximumBytes / 1024) KB")) }
        let outcome = Watchdog.run(seconds: seconds) { () -> Loaded in
            do {
                guard let node = try Yams.compose(yaml: text) else { return Loaded(value: nil) }
                if !withinBudget(node) { return Loaded(failure: .tooLarge("展开后超过 \(maximumNodes) 个节点（别名嵌套过深）")) }
                return Loaded(value: try plain(node))
            } catch let failure as Failure {
                return Loaded(failure: failure)
            } catch {
                return Loaded(failure: .invalid(String(String(describing: error).prefix(200))))
            }
        }
        guard let outcome else { return .failure(.tooLarge("解析超过 \(Int(seconds)) 秒")) }
        if let failure = outcome.failure { return .failure(failure) }
        return .success(outcome.value.value)
    }

    static func plain(_ node: Node) throws -> Any {
        switch node {
        case .scalar(let scalar): return node.null ?? scalar.string
        case .sequence(let sequence): return try sequence.map(plain)
        case .mapping(let mapping):
            var map: [String: Any] = [:]
            for (key, value) in mapping {
                guard case .scalar(let name) = key else { throw Failure.invalid("键必须是文字（不能是列表或映射）") }
                map[name.string] = try plain(value)
            }
            return map
        case .alias: throw Failure.invalid("无法解析的别名")
        }
    }

    static func withinBudget(_ node: Node) -> Bool {
        var count = 0
        var stack = [node]
        while let next = stack.popLast() {
            count += 1
            if count > maximumNodes { return false }
            switch next {
            case .mapping(let mapping): for (key, value) in mapping { stack += [key, value] }
            case .sequence(let sequence): stack += Array(sequence)
            default: break
            }
        }
        return true
    }

    /// Yams' result is `Any`, which is not Sendable; it is handed over once, from the parsing thread.
    private struct Loaded: @unchecked Sendable {
        var value: UncheckedAny = UncheckedAny(value: nil)
        var failure: Failure?
        init(value: Any?) { self.value = UncheckedAny(value: value) }
        init(failure: Failure) { self.failure = failure }
    }

    private struct UncheckedAny: @unchecked Sendable { var value: Any? }
}
