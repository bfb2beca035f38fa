import ReportModel
public typealias ReportRecordAlias = ReportRecord
