import ReportModel

/// An organ's level (省/市/县/乡) and kind (人民政府, 政府部门, 乡镇街道, other), from its name and
/// region unless a sidecar says otherwise.
public enum OrganProfiler {
    public static func kind(of record: ReportRecord) -> OrganKind {
        if let kind = record.annotations.kind { return kind }
        let name = withoutTrailingNote(record.agency ?? "")
        let townshipEndings = ["街道", "街道办事处", "街道办", "乡", "镇", "乡人民政府", "镇人民政府", "苏木", "民族乡"]
        if townshipEndings.contains(where: name.hasSuffix) { return .township }
        if name.hasSuffix("人民政府") || record.scope == .region { return .government }
        let departmentEndings = ["局", "厅", "委员会", "委", "办公室", "办公厅", "办", "署", "中心", "院", "所", "队", "站", "处"]
        if departmentEndings.contains(where: name.hasSuffix) { return .department }
        return .other
    }

    /// `XX局（样例数据）`, `XX局(2024年更正)`: a bracketed note after the name says nothing of its kind.
    static func withoutTrailingNote(_ name: String) -> String {
        guard let last = name.last, last == ")" || last == "）",
              let open = name.lastIndex(where: { $0 == "(" || $0 == "（" }), open > name.startIndex
        else { return name }
        return String(name[..<open])
    }

    public static func level(of record: ReportRecord) -> OrganLevel? {
        if let level = record.annotations.level { return level }
        if kind(of: record) == .township { return .township }
        if record.region.county != nil { return .county }
        if record.region.prefecture != nil { return .prefecture }
        if record.region.province != nil { return .province }
        return nil
    }
}
