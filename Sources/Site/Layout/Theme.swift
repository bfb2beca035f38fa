import Foundation
import Mustache
import ReportModel

/// The user-editable look of the site: `Theme/templates/*.mustache` (swift-mustache) and
/// `Theme/assets/*` (CSS, JS), read at build time so restyling needs no recompiling.
public struct Theme: Sendable {
    public let library: MustacheLibrary
    /// Files copied to `assets/` as they are.
    public let assets: [SiteFile]
    /// Of every template and asset: a page made with another theme is never reused (see `SiteWriter.reuse`).
    public let digest: ContentHash

    public static let requiredTemplates = ["layout"]

    public struct LoadError: Error, CustomStringConvertible {
        public let description: String
    }

    public static func load(from directory: URL) throws -> Theme {
        let templates = directory.appendingPathComponent("templates")
        var library = MustacheLibrary()
        var digest = DigestBuilder("theme")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: templates.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let url = templates.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw LoadError(description: "主题模板 \(url.path) 无法读取")
            }
            digest.add(name)
            digest.add(text)
            do {
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch {
                throw LoadError(description: "主题模板 \(url.path) 有语法错误：\(error)")
            }
        }
        for required in requiredTemplates where library.getTemplate(named: required) == nil {
            throw LoadError(description: "主题缺少模板 \(templates.path)/\(required).mustache")
        }
        var assets: [SiteFile] = []
        let assetsDirectory = directory.appendingPathComponent("assets")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: assetsDirectory.path)) ?? []).sorted() where !name.hasPrefix(".") {
            let data = try Data(contentsOf: assetsDirectory.appendingPathComponent(name))
            assets.append(SiteFile(path: "assets/\(name)", data: data))
            digest.add(name)
            digest.add(ContentHash(data))
        }
        return Theme(library: library, assets: assets, digest: digest.digest)
    }
}
