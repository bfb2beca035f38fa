import Analysis
import ReportModel

/// How numbers and labels appear on pages.
enum Show {
    /// A cell as reported: blank stays blank.
    static func cell(_ v: Int?) -> String { v.map(String.init) ?? "" }
    static func cell(_ v: Double?) -> String { v.map(decimal) ?? "" }
    /// A figure: "—" when there is none.
    static func count(_ v: Int?) -> String { v.map(String.init) ?? "—" }
    static func decimal(_ v: Double) -> String {
        v.rounded() == v && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
    static func rate(_ r: Rate) -> String { r.formatted }
    /// "33.02%（1,234/3,737）": a rate with its parts.
    static func rateWithParts(_ r: Rate) -> String {
        guard r.value != nil, let n = r.numerator, let d = r.denominator else { return r.reason.map { "—（\($0)）" } ?? "—" }
        return "\(r.formatted)（\(n)/\(d)）"
    }
    static func figure(_ f: Figure) -> String {
        switch f {
        case .count(let v): return count(v)
        case .rate(let r): return rate(r)
        }
    }
    static func scope(_ s: Scope) -> String { s == .organ ? "本机关报告" : "本行政区域汇总报告" }
    static func severity(_ s: Diagnostic.Severity) -> String {
        switch s {
        case .error: return "错误"
        case .warning: return "警告"
        case .info: return "提示"
        }
    }
    static func status(_ s: IdentityResult.Status) -> String {
        switch s {
        case .passed: return "成立"
        case .failed: return "不成立"
        case .notAssessable: return "无法核对（有空白）"
        }
    }
    static func bytes(_ n: Int) -> String {
        if n < 1024 { return "\(n) 字节" }
        if n < 1024 * 1024 { return "\(formatDecimal(Double(n) / 1024)) KB" }
        return "\(formatDecimal(Double(n) / 1024 / 1024)) MB"
    }
}
