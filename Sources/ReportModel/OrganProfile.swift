/// Where an organ stands: its level in the hierarchy and its kind. Derived from the name and the
/// region, or given in a sidecar. Not part of the govreport/1 JSON.
public enum OrganLevel: String, Sendable, CaseIterable, Codable, Hashable, Comparable {
    case province, prefecture, county, township

    public var label: String {
        switch self {
        case .province: return "省级"
        case .prefecture: return "市级"
        case .county: return "县级"
        case .township: return "乡级"
        }
    }

    public static func < (a: OrganLevel, b: OrganLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

public enum OrganKind: String, Sendable, CaseIterable, Codable, Hashable {
    case government, department, township, other

    public var label: String {
        switch self {
        case .government: return "人民政府"
        case .department: return "政府部门"
        case .township: return "乡镇街道"
        case .other: return "其他"
        }
    }
}

/// What a user wrote in a report's sidecar (`NAME.yml`) that the record has no key for.
public struct ReportAnnotations: Sendable, Equatable, Hashable {
    public var level: OrganLevel?
    public var kind: OrganKind?
    public var sourceURL: String?

    public init(level: OrganLevel? = nil, kind: OrganKind? = nil, sourceURL: String? = nil) {
        self.level = level
        self.kind = kind
        self.sourceURL = sourceURL
    }
}
