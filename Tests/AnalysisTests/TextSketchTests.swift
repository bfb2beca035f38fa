@testable import Analysis
import Testing

/// The early-stopping comparison that same-year scoring uses gives the full similarity whenever it
/// reaches the floor, and nil only when it does not: pruning never changes a best match.
@Suite struct TextSketchTests {
    /// Texts sharing more or fewer sentences of one pool, so pairs span similarities from 0 to 1.
    static let sketches: [TextSketch] = {
        let pool = ["区政府办公室认真贯彻落实政务公开工作要点坚持以公开为常态不公开为例外",
                    "街道通过召开党工委会议和政务公开领导小组会议研究部署相关工作",
                    "及时调整公开指南和公开目录明确有关科室公开事项和责任人",
                    "严格按照规定的公开类别和公开程序发布信息主动接受社会监督",
                    "持续深化决策执行管理服务结果公开全面提升政务公开质量和实效",
                    "依申请公开工作规范有序答复及时未发生因政府信息公开被纠错的情况",
                    "存在的主要问题是公开内容不够全面解读形式较为单一互动回应不够及时",
                    "下一步将加强业务培训完善工作机制推动政务公开标准化规范化建设"]
        var texts: [String] = []
        for mask in 1..<(1 << pool.count) where mask.nonzeroBitCount >= 3 {
            texts.append(pool.indices.filter { mask & (1 << $0) != 0 }.map { pool[$0] }.joined())
        }
        return stride(from: 0, to: texts.count, by: 7).compactMap { TextSketch(texts[$0]) }
    }()

    @Test func aFloorPrunesOnlyPairsBelowIt() {
        let sketches = Self.sketches
        #expect(sketches.count > 20)
        var pruned = 0, kept = 0, partial = 0
        for (i, a) in sketches.enumerated() {
            for b in sketches[(i + 1)...] {
                let full = a.similarity(to: b)
                if full > 0 && full < 1 { partial += 1 }
                for floor in [-1.0] + (0...TextSketch.binCount).map({ Double($0) / Double(TextSketch.binCount) }) {
                    let early = a.similarity(to: b, atLeast: floor)
                    if full >= floor {
                        #expect(early == full, "floor \(floor), similarity \(full)")
                        kept += 1
                    } else {
                        #expect(early == nil, "floor \(floor), similarity \(full)")
                        pruned += 1
                    }
                }
            }
        }
        #expect(partial > 100 && pruned > 0 && kept > 0)
    }
}
