import Analysis

/// A kind of file of `Output/data/`, with what a reader needs to use it: what it holds, its
/// columns and their meaning. The downloads page describes each kind once and lists its copies.
public struct DownloadKind: Sendable {
    public enum Scope: Sendable {
        /// One file per year: `data/2024/reports.csv`, one row per report or region (small per report).
        case year
        /// One file per year and province: `data/2024/110000/cells.csv`.
        case partition
    }

    public let name: String
    public let title: String
    public let description: String
    public let columns: [(name: String, meaning: String)]
    public let scope: Scope
}

public enum DownloadCatalogue {
    /// What a partition without a resolved region, or a year folder of reports without a year, is called.
    public static let unknownRegion = "地区不明"
    public static let unknownYear = "年度不明"

    public static let reports = DownloadKind(
        name: "reports.csv", title: "报告一览",
        description: "该年度每份报告一行：机关、地区、年度与各项指标。比率为小数（0.3302 即 33.02%），分子分母另列；空白表示无法计算。",
        columns: [
            ("report_id", "本数据集中报告的编号（各文件共用）"), ("source", "原始文件路径"), ("agency", "发布机关"),
            ("year", "报告年度"), ("adcode", "所属地区的六位行政区划代码"), ("province/prefecture/county", "省、市、县名称"),
            ("scope", "organ 本机关报告；region 本行政区域汇总报告"), ("level", "province/prefecture/county/township 省市县乡"),
            ("kind", "government 人民政府；department 政府部门；township 乡镇街道；other 其他"),
            ("format / format_version", "读取的文件格式；2021 或 2019（试行）格式"), ("published", "发布日期"),
            ("superseded_by", "同一机关同一年度另有报告时，被采用的那份的编号（本份不计入汇总）"),
            ("errors / warnings", "检查发现的错误、警告数"),
        ] + MetricCatalogue.all.map { ($0.kind == .rate ? "\($0.id)（及 _numerator、_denominator）" : $0.id, "\($0.label)：\($0.formula)") },
        scope: .year)

    public static let regions = DownloadKind(
        name: "regions.csv", title: "地区汇总",
        description: "该年度各地区（县、市、省、全国）的合计：由该地区内各机关本级报告相加（不含本行政区域汇总报告），比率由合计重新计算。",
        columns: [("adcode / name / level", "地区代码、名称、层级（000000 为全国）"), ("year", "年度"),
                  ("reports", "计入的机关报告数"), ("requests_reports / disputes_reports", "表三、表四完整而计入合计的报告数"),
                  ("region_wide_reports", "该地区本行政区域汇总报告数（单列对照，不计入合计）")] + MetricCatalogue.all.map { ($0.id, $0.label) },
        scope: .year)

    public static let cells = DownloadKind(
        name: "cells.csv", title: "表格全部单元格（长表）",
        description: "该省该年度每份报告三张统计表的每一个单元格一行，不丢失任何数据；value 为空表示原表空白或无法读取，绝不是0。",
        columns: [("report_id / source", "报告"), ("table", "active 表二；active_2019 表二（2019试行格式）；requests 表三；reviews_and_lawsuits 表四"),
                  ("row / column", "行、列的键（与 govreport/1 JSON 相同）"), ("value", "数值"),
                  ("table_label / row_label / column_label", "表、行、列的中文名称")],
        scope: .partition)

    public static let findings = DownloadKind(
        name: "findings.csv", title: "检查发现",
        description: "该省该年度每份报告的读取诊断与勾稽关系、合理性、正文与表格、时限、雷同等检查发现。",
        columns: [("severity", "error 错误；warning 警告；info 提示"), ("code", "稳定的代码"), ("where", "表、行、列"),
                  ("message", "说明"), ("expected / found", "应为与实为")],
        scope: .partition)

    public static let rankings = DownloadKind(
        name: "rankings.csv", title: "排名",
        description: "该省该年度各机关在全国同年度、同层级、同类型、同报告范围的机关之间的名次；并列共享名次；比率的分母不足最低申请数的列为样本不足（insufficient_sample）。",
        columns: [("year / peer_group", "年度与比较组"), ("metric / metric_label", "指标"), ("rank", "名次（并列相同）"),
                  ("value / numerator / denominator", "数值及其分子分母"), ("wilson_lower / wilson_upper", "Wilson 95% 置信区间"),
                  ("status", "ranked 已排名；insufficient_sample 样本不足")],
        scope: .partition)

    public static let json = DownloadKind(
        name: "reports.json", title: "全部记录（JSON）",
        description: "该省该年度每份报告的 govreport/1 记录，另加 metrics（各项指标及分子分母）与 report_id。",
        columns: [], scope: .partition)

    public static let sqlite = DownloadKind(
        name: "reports.sqlite", title: "SQLite 数据库",
        description: "该省该年度的各表（reports、rankings、findings，及本省各地区的 regions）与视图 cells、report_metrics、request_outcomes、identity_errors：视图 cells 即 cells.csv 的各列（source 除外），由 cell_values（每个数值一行）与 cell_keys（各单元格的键与中文名称，只存一次）连接而成；可直接用 sqlite3、Datasette 等查询；各省文件的 report_id 互不重复，可合并查询。",
        columns: [], scope: .partition)

    /// In the order the downloads page shows them.
    public static let all = [reports, regions, cells, findings, rankings, json, sqlite]
}
