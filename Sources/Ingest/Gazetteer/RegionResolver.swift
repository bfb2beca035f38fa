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
        /// Folder names of the file's path (`Content/安徽省/合肥市/…`): a hint that settles a shared
        /// name or stands in when the text names no division, never overriding the text.
        var folders: [String] = []
    }

    func resolve(_ evidence: Evidence) -> (Region, [Diagnostic]) {
        let tiers = [
            gazetteer.mentions(in: evidence.title),
            evidence.signature.flatMap(gazetteer.mentions(in:)),
            evidence.opening.flatMap(gazetteer.mentions(in:)),
        ]
        let folderNames = evidence.folders.flatMap { gazetteer.mentions(in: $0) }
        let everywhere = Set(tiers.joined()).union(folderNames)
        // The strongest tier that names a division decides; weaker ones only settle a shared name.
        guard let tier = tiers.first(where: { !$0.isEmpty }) ?? (folderNames.isEmpty ? nil : folderNames) else {
            return (.unknown, [Diagnostic(.warning, "region-unknown", "标题和正文中未找到行政区划名称，无法确定所属地区")])
        }
        let (region, diagnostics) = choose(from: tier, support: everywhere)
        return (region, diagnostics + folderConflict(region, folders: folderNames, fromFolders: tiers.allSatisfy(\.isEmpty)))
    }

    private func choose(from tier: [String], support everywhere: Set<String>) -> (Region, [Diagnostic]) {
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

    /// The folder a file sits in names a division the text does not belong to: the text wins, and says so.
    private func folderConflict(_ region: Region, folders: [String], fromFolders: Bool) -> [Diagnostic] {
        if fromFolders, region.adcode != nil {
            return [Diagnostic(.info, "region-from-folder", "正文未写明所属地区，按文件所在文件夹认定为\(region.path)")]
        }
        guard let code = region.adcode, let chosen = gazetteer.division(code: code) else { return [] }
        let folderDivisions = folders.compactMap { name in gazetteer.divisions(named: name).max { $0.level < $1.level } }
        let clashing = folderDivisions.filter { !gazetteer.contains($0, chosen) && !gazetteer.contains(chosen, $0) }
        guard let folder = clashing.first else { return [] }
        return [Diagnostic(.warning, "folder-region-conflict",
                           "文件所在文件夹“\(folder.name)”与正文所写地区（\(region.path)）不一致，按正文认定",
                           expected: gazetteer.region(for: folder).path, found: region.path)]
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
