import Foundation

/// What a directory entry is, from `lstat`/`stat`, before anything opens it: opening a FIFO
/// blocks, a device never ends, a symlink may point nowhere or at itself.
public enum FileKind: Sendable, Equatable {
    case regular(size: Int)
    /// Anything else, with the reason it is not read.
    case unreadable(String)

    public static func of(_ path: String) -> FileKind {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            var link = stat()
            if lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK {
                return .unreadable(code == ELOOP ? "符号链接循环（指向自身），未读取" : "符号链接指向不存在的文件，未读取")
            }
            return .unreadable("无法读取文件：\(String(cString: strerror(code)))")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            // stat says nothing about permission for root; access() does for everyone else.
            guard access(path, R_OK) == 0 else { return .unreadable("没有读取权限，未读取") }
            return .regular(size: Int(info.st_size))
        case S_IFIFO: return .unreadable("不是普通文件（命名管道），未读取")
        case S_IFSOCK: return .unreadable("不是普通文件（套接字），未读取")
        case S_IFCHR, S_IFBLK: return .unreadable("不是普通文件（设备），未读取")
        case S_IFDIR:
            var link = stat()
            let isLink = lstat(path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK
            return .unreadable(isLink ? "符号链接指向文件夹，未跟随（以免循环），未读取" : "是文件夹而不是文件，未读取")
        default: return .unreadable("不是普通文件，未读取")
        }
    }
}
