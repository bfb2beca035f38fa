import Foundation

/// The unread reason for a file over a limit: which limit, the file's value and the setting to change.
enum LimitReason {
    static func fileSize(_ bytes: Int, _ limits: ReadLimits) -> String {
        "文件大小 \(mb(bytes)) MB，超过上限 \(mb(limits.maxFileBytes)) MB（site.yml limits.\(ReadLimits.Key.maxFileMB.rawValue)），未读取"
    }

    static func tableCells(_ cells: Int, _ limits: ReadLimits) -> String {
        "表格共 \(cells) 个单元格，超过上限 \(limits.maxTableCells) 个（site.yml limits.\(ReadLimits.Key.maxTableCells.rawValue)），未识别"
    }

    static func time(_ limits: ReadLimits) -> String {
        "读取超过 \(seconds(limits.secondsPerFile)) 秒仍未完成，已放弃（site.yml limits.\(ReadLimits.Key.secondsPerFile.rawValue)）"
    }

    static func unpacked(_ bytes: UInt64, _ limits: ReadLimits) -> String {
        "压缩包内文件解压后共 \(mb(Int(clamping: bytes))) MB，超过上限 \(mb(limits.maxUnpackedBytes)) MB（site.yml limits.\(ReadLimits.Key.maxUnpackedMB.rawValue)），疑为压缩炸弹，未读取"
    }

    static func mb(_ bytes: Int) -> String {
        let value = Double(bytes) / Double(ReadLimits.megabyte)
        return value.rounded() == value ? String(Int(value)) : String(format: "%.1f", value)
    }

    static func seconds(_ s: Double) -> String { s.rounded() == s ? String(Int(s)) : String(format: "%.1f", s) }
}
