import ReportModel

/// Settles which division a report's organ belongs to, from the names in its title, opening and
/// signature. A county name shared by several prefectures (鼓楼区 ×4) is settled only by a parent
/// named in the text; otherwise the region stays open and a diagnostic says why.
struct RegionResolver {
    let gazetteer: Gazetteer

    /// Text to search, strongest evidence first: the title, then the signature lines, then the opening.
    struct Evidence {
        var title: String
        var signature: [String]
        var opening: [String]
    }

    func resolve(_ evidence: Evidence) -> (Region, [Diagnostic]) {
        let tiers = [
            gazetteer.mentions(in: evidence.title),
            evidence.signature.flatMap(gazetteer.mentions(in:)),
            evidence.opening.flatMap(gazetteer.mentions(in:)),
        ]
        let everywhere = Set(tiers.joined())
        // The strongest tier that names a division decides; weaker ones only settle a shared name.
        guard let tier = tiers.first(where: { !$0.isEmpty }) else {
            return (.unknown, [Diagnostic(.warning, "region-unknown", "标题和正文中未找到行政区划名称，无法确定所属地区")])
        }
        let counts = Dictionary(tier.map { ($0, 1) }, uniquingKeysWith: +)
        let level = { (name: String) in gazetteer.divisions(named: name).map(\.level).max()! }
        let mostSpecific = counts.keys.map(level).max()!
        let named = counts.filter { level($0.key) == mostSpecific }
        let topCount = named.values.max()!
        let leaders = named.filter { $0.value == topCount }.keys.sorted()
        if leaders.count > 1 {
            return ambiguous(leaders.flatMap(gazetteer.divisions(named:)).filter { $0.level == mostSpecific },
                             name: leaders.joined(separator: "、"))
        }
        let name = leaders[0]
        let divisions = gazetteer.divisions(named: name).filter { $0.level == mostSpecific }
        if divisions.count == 1 { return (gazetteer.region(for: divisions[0]), []) }

        // A shared name (鼓楼区): the one whose province or prefecture is also named wins.
        let support = divisions.map { division in
            everywhere.filter { other in
                other != name && gazetteer.divisions(named: other).contains {
                    $0.level < division.level && gazetteer.contains($0, division)
                }
            }.count
        }
        let best = support.max()!
        let winners = zip(divisions, support).filter { $0.1 == best }.map(\.0)
        if best > 0 && winners.count == 1 { return (gazetteer.region(for: winners[0]), []) }
        return ambiguous(winners, name: name)
    }

    /// Keeps what the candidates share (their province, if one) and says which names compete.
    private func ambiguous(_ candidates: [Gazetteer.Division], name: String) -> (Region, [Diagnostic]) {
        let paths = candidates.map { gazetteer.region(for: $0).path }.sorted().joined(separator: "、")
        var region = Region.unknown
        let provinces = Set(candidates.map(\.provinceCode))
        if provinces.count == 1, let province = gazetteer.division(code: provinces.first!) {
            region = gazetteer.region(for: province)
        }
        return (region, [Diagnostic(
            .warning, "region-ambiguous",
            "“\(name)”可指多个地区（\(paths)），正文未说明属于哪一个")])
    }
}
