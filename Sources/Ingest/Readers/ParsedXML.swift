import CLibXML2
import Foundation

/// An XML document parsed by libxml2 and walked in place: elements are read straight from
/// libxml2's tree, never copied into Swift values, so a large Word body costs one parse.
/// Elements are valid only while their `ParsedXML` is alive.
final class ParsedXML {
    private let doc: xmlDocPtr

    /// libxml2 must be initialised once before it is used from several threads.
    private static let initialised: Void = { xmlInitParser() }()

    /// Nil when the bytes are not well-formed XML (with `recover`, libxml2 repairs what it can).
    /// Never loads a DTD or touches the network; entities are not substituted.
    init?(data: Data, recover: Bool = false) {
        _ = Self.initialised
        var options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_COMPACT.rawValue)
        if recover { options |= Int32(XML_PARSE_RECOVER.rawValue) }
        guard data.count < Int32.max else { return nil }
        let parsed = data.withUnsafeBytes { raw -> xmlDocPtr? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            return xmlReadMemory(base, Int32(raw.count), nil, "UTF-8", options)
        }
        guard let parsed else { return nil }
        doc = parsed
    }

    deinit { xmlFreeDoc(doc) }

    var root: Element? { xmlDocGetRootElement(doc).map(Element.init) }

    struct Element {
        fileprivate let node: xmlNodePtr

        var localName: String { String(cString: node.pointee.name) }

        var namespace: String? { node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) } }

        /// True when the element is `name` in one of `namespaces`.
        func `is`(_ name: String, in namespaces: Set<String>) -> Bool {
            strcmp(node.pointee.name, name) == 0 && namespace.map(namespaces.contains) == true
        }

        /// Child elements in document order.
        var children: [Element] {
            var out: [Element] = []
            var child = node.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE { out.append(Element(node: c)) }
                child = c.pointee.next
            }
            return out
        }

        func first(_ name: String, in namespaces: Set<String>) -> Element? {
            children.first { $0.is(name, in: namespaces) }
        }

        /// The element's own text (its text and CDATA children, not its descendants').
        var text: String {
            var out = ""
            var child = node.pointee.children
            while let c = child {
                if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE, let content = c.pointee.content {
                    out += String(cString: content)
                }
                child = c.pointee.next
            }
            return out
        }

        /// All text below the element, in document order.
        var allText: String {
            var out = ""
            func walk(_ n: xmlNodePtr) {
                var child = n.pointee.children
                while let c = child {
                    if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE, let content = c.pointee.content {
                        out += String(cString: content)
                    } else if c.pointee.type == XML_ELEMENT_NODE {
                        walk(c)
                    }
                    child = c.pointee.next
                }
            }
            walk(node)
            return out
        }

        /// The attribute `name`; with `namespaces`, only in one of them, else only without a namespace.
        func attribute(_ name: String, in namespaces: Set<String>? = nil) -> String? {
            var attr = node.pointee.properties
            while let a = attr {
                if strcmp(a.pointee.name, name) == 0 {
                    let ns = a.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
                    let wanted = namespaces.map { set in ns.map(set.contains) == true } ?? (ns == nil)
                    if wanted {
                        var value = ""
                        var child = a.pointee.children
                        while let c = child {
                            if let content = c.pointee.content { value += String(cString: content) }
                            child = c.pointee.next
                        }
                        return value
                    }
                }
                attr = a.pointee.next
            }
            return nil
        }
    }
}
