import Foundation
import Ingest
import ReportModel

/// One generated organ and how it fills in its report each year.
struct Organ {
    let name: String
    let region: Region
    let isGovernment: Bool
    /// Typical requests a year: organs differ by orders of magnitude.
    let volume: Int

    static let departments = ["人民政府办公室", "教育局", "财政局", "自然资源局", "住房和城乡建设局", "市场监督管理局", "生态环境分局", "卫生健康局", "人力资源和社会保障局", "公安分局"]
    static let towns = ["城关镇", "新华街道", "东城街道", "西城街道", "南关街道", "北关街道", "人民街道", "和平镇", "兴隆镇", "太平乡"]

    static func make(county: Gazetteer.Division, index: Int, gazetteer: Gazetteer, rng: inout SplitMix64) -> Organ {
        let region = gazetteer.region(for: county)
        let roll = rng.int(0...9)
        let base: String
        var isGovernment = false
        if roll < 6 {
            base = county.name + departments[rng.int(0...(departments.count - 1))]
        } else if roll < 8 {
            base = county.name + "人民政府"
            isGovernment = true
        } else {
            base = county.name + towns[rng.int(0...(towns.count - 1))]
        }
        let volume = Int(pow(10, Double.random(in: 0...3.3, using: &rng)))
        return Organ(name: base + SampleGenerator.marker, region: region, isGovernment: isGovernment, volume: volume)
    }

    func report(year: Int, previous: ReportRecord?, rng: inout SplitMix64) -> (ReportRecord, [String], [String]) {
        var r = ReportRecord(source: "", format: .textCells, agency: name, year: year, region: region)
        r.title = "\(name)\(year)年政府信息公开工作年度报告"

        // Table 三, column by column, so every identity holds before any deliberate break.
        let shares = [0.72, 0.18, 0.01, 0.02, 0.05, 0.02]
        let outcomeWeights: [RequestRow: Double] = [
            .granted: 0.32, .partiallyGranted: 0.1, .deniedStateSecret: 0.005, .deniedProhibitedByLaw: 0.01,
            .deniedThreeSafeties: 0.005, .deniedThirdParty: 0.02, .deniedInternalAffairs: 0.01, .deniedProcessInformation: 0.02,
            .deniedLawEnforcementFile: 0.005, .deniedAdministrativeInquiry: 0.01, .unableNotHeld: 0.25, .unableNeedsCreation: 0.05,
            .unableUnclearAfterCorrection: 0.02, .notProcessedComplaintPetition: 0.04, .notProcessedDuplicate: 0.03,
            .notProcessedPublication: 0.005, .notProcessedExcessive: 0.01, .notProcessedConfirmation: 0.01,
            .otherNoCorrection: 0.02, .otherNoFee: 0.005, .otherOther: 0.02,
        ]
        let outcomes = RequestRow.outcomes.filter { $0 != .total }
        for row in RequestRow.allCases { r.requests[row] = [0, 0, 0, 0, 0, 0, 0] }
        let yearVolume = max(0, Int(Double(volume) * Double.random(in: 0.6...1.4, using: &rng)))
        for (column, share) in shares.enumerated() {
            let col = ApplicantColumn(rawValue: column)!
            let new = Int((Double(yearVolume) * share * Double.random(in: 0.5...1.5, using: &rng)).rounded())
            let carried = previous?.requests[.carriedForward, col] ?? rng.int(0...max(0, new / 20))
            let workload = new + carried
            let forward = workload == 0 ? 0 : rng.int(0...max(0, workload / 15))
            let handled = workload - forward
            r.requests[.new, col] = new
            r.requests[.carriedOver, col] = carried
            r.requests[.carriedForward, col] = forward
            r.requests[.total, col] = handled
            // Each outcome takes its share; 予以公开 takes what is left, so the outcomes add up exactly.
            var assigned = 0
            for outcome in outcomes where outcome != .granted {
                let share = Double(handled) * outcomeWeights[outcome]! * Double.random(in: 0.5...1.5, using: &rng)
                let n = min(handled - assigned, Int(share.rounded()))
                r.requests[outcome, col] = n
                assigned += n
            }
            r.requests[.granted, col] = handled - assigned
        }
        for row in RequestRow.allCases {
            r.requests[row, .total] = ApplicantColumn.allCases.dropLast().reduce(0) { $0 + r.requests[row, $1]! }
        }

        // Table 四
        let reviews = rng.int(0...max(0, yearVolume / 25))
        let direct = rng.int(0...max(0, yearVolume / 60))
        let after = rng.int(0...max(0, reviews / 3))
        var cells: [Int?] = []
        for total in [reviews, direct, after] {
            let corrected = rng.int(0...total / 3), pending = rng.int(0...(total - corrected) / 4)
            let other = rng.int(0...(total - corrected - pending) / 5)
            cells += [total - corrected - pending - other, corrected, other, pending, total]
        }
        r.reviewsAndLawsuits.cells = cells

        // Table 二
        let lastInForce = previous?.active.normativeDocuments.inForce ?? rng.int(0...40)
        let issued = rng.int(0...8), repealed = min(lastInForce, rng.int(0...3))
        r.active.rules = .init(issued: 0, repealed: 0, inForce: 0)
        r.active.normativeDocuments = .init(issued: issued, repealed: repealed, inForce: lastInForce + issued - repealed)
        r.active.licensing = rng.int(0...(volume * 40))
        r.active.punishment = rng.int(0...(volume * 5))
        r.active.coercion = rng.int(0...volume)
        r.active.fees10kYuan = Double(rng.int(0...300_000)) / 1000

        // Imperfections real reports have.
        if rng.chance(0.08) {
            let row = outcomes[rng.int(0...(outcomes.count - 1))]
            r.requests[row, .naturalPerson]! += rng.int(1...5)
        }
        if rng.chance(0.05) {
            r.requests[RequestRow.allCases[rng.int(0...24)], ApplicantColumn(rawValue: rng.int(0...6))!] = nil
        }
        if rng.chance(0.02) { r.requests = Requests() }
        if rng.chance(0.03) { r.active.rules = .init(issued: 1, repealed: 0, inForce: rng.int(1...5)) }

        let published = String(format: "%04d-%02d-%02d", year + 1, rng.chance(0.85) ? 1 : 2, rng.int(3...28))
        r.published = published
        let stated = rng.chance(0.05) ? (r.requests[.new, .total] ?? 0) + 1 : (r.requests[.new, .total] ?? 0)
        let opening = [
            "根据《中华人民共和国政府信息公开条例》，现公布\(name)\(year)年政府信息公开工作年度报告。本报告为自动生成的样例数据，不是真实报告。",
            "一、总体情况",
            "\(year)年，\(name)认真贯彻落实政务公开工作要点，坚持以公开为常态、不公开为例外，全年主动公开政府信息\(rng.int(50...5000))条。",
            "（一）依申请公开。全年新收政府信息公开申请\(stated)件，均在法定期限内答复。\(Self.fillers[rng.int(0...(Self.fillers.count - 1))])",
            "（二）政府信息管理。\(Self.fillers[rng.int(0...(Self.fillers.count - 1))])\(Self.fillers[rng.int(0...(Self.fillers.count - 1))])",
        ]
        let closing = [
            "五、存在的主要问题及改进情况",
            "\(Self.problems[rng.int(0...(Self.problems.count - 1))])\(Self.problems[rng.int(0...(Self.problems.count - 1))])",
            "六、其他需要报告的事项",
            "本年度未收取信息处理费。",
            "",
            String(name.dropLast(SampleGenerator.marker.count)),
            "\(year + 1)年\(Int(published.dropFirst(5).prefix(2))!)月\(Int(published.suffix(2))!)日",
        ]
        return (r, opening, closing)
    }

    static let fillers = [
        "严格落实保密审查制度，对拟公开信息逐条审核。", "及时更新政府信息公开指南和目录，确保内容准确完整。",
        "加强政府网站和政务新媒体管理，规范信息发布流程。", "围绕群众关切做好政策解读，提升解读质量和实效。",
        "建立健全依申请公开登记、审核、办理、答复、归档制度。", "组织开展政务公开业务培训，提升工作人员业务能力。",
    ]

    static let problems = [
        "政策解读的形式还不够丰富，解读的针对性有待提高。", "部分栏目更新不够及时，信息发布的规范性有待加强。",
        "依申请公开答复的规范化水平仍需提升。", "下一步将加强培训和督促检查，进一步提高政务公开工作水平。",
    ]
}
