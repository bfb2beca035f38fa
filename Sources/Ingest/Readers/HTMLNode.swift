import Foundation
import CLibXML2

/// A read-only view of one node of a libxml2 tree, valid while its document lives.
struct HTMLNode {
    let pointer: xmlNodePtr

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The tag name, lower-cased (libxml2's HTML parser already lower-cases known tags; Word's
    /// `o:p` and the like keep their spelling).
    var name: String {
        guard let raw = pointer.pointee.name else { return "" }
        return String(cString: raw).lowercased()
    }

    /// A text node's characters, entities already decoded (`&nbsp;` is U+00A0).
    var text: String {
        guard let raw = pointer.pointee.content else { return "" }
        return String(cString: raw)
    }

    func attribute(_ name: String) -> String? {
        guard let raw = xmlGetProp(pointer, name) else { return nil }
        defer { free(raw) }  // xmlFree is free in a default libxml2 build, and a mutable global to Swift
        return String(cString: raw)
    }

    /// A positive integer attribute such as `colspan`, clamped: a broken page must not blow up the grid.
    func span(_ name: String, limit: Int) -> Int {
        guard let value = attribute(name), let number = Int(value.plainTrimmedWhitespace.prefix { $0.isNumber }) else { return 1 }
        return min(max(number, 1), limit)
    }

    var children: Children { Children(first: pointer.pointee.children) }

    /// The child elements and text nodes in document order.
    struct Children: Sequence, IteratorProtocol {
        private var upcoming: xmlNodePtr?
        init(first: xmlNodePtr?) { upcoming = first }
        mutating func next() -> HTMLNode? {
            guard let current = upcoming else { return nil }
            upcoming = current.pointee.next
            return HTMLNode(pointer: current)
        }
    }

    /// Whether any element below this one (not itself) has one of the names.
    func hasDescendant(named names: Set<String>) -> Bool {
        children.contains { $0.isElement && (names.contains($0.name) || $0.hasDescendant(named: names)) }
    }
}
